"""The content: sources and citations, the two languages saying the same, the wording that
a 2026 reader needs (2019 facts as 2019 facts), and the privacy page's claims against the build.
"""

from __future__ import annotations

import re
import sys
import textwrap
from collections import Counter
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import LANGUAGE_PREFIX, LANGUAGES, ROOT, build_site, page_stems
from conftest import copy_site

sys.path.insert(0, str(ROOT / "hooks"))
from _data import DataError, SiteData, parse_events, parse_partners  # noqa: E402
from _history import translation_status  # noqa: E402
from _sources import (  # noqa: E402
    citations, data_citation_problems, format_source_date, load_sources, parse_source_date, parse_sources,
    miswritten_citation_messages, unknown_citation_messages,
)

LOCALES = ("fi", "en")
# The pages this file holds to the content rules: every page but the home page (built
# elsewhere), read from docs/, so that a page an editor adds is held to them too.
CONTENT_PAGES = tuple(stem for stem in page_stems() if stem != "index")
FACT_PAGES = ("index", "declaration", "themes", "cities", "events", "partners")
ARTICLE = "kuntalehti-2019-02"

VALID_SOURCE = """\
sources:
  - id: kuntalehti-2019-02
    title: {fi: Uutisartikkeli, en: News article}
    title_is_description: true
    publisher: {fi: Kuntalehti, en: Kuntalehti}
    date: 2019-02
    language: fi
"""


def source_problems(text: str):
    _, problems = parse_sources(textwrap.dedent(text), "data/sources.yml", LOCALES)
    return [(p.line, p.field, p.message) for p in problems]


def page_source(name: str, lang: str) -> str:
    return (ROOT / "docs" / f"{name}.{lang}.md").read_text("utf-8")


def article(site, lang: str, name: str) -> BeautifulSoup:
    page = "" if name == "index" else f"{name}/"
    return BeautifulSoup(site.html(f"{LANGUAGE_PREFIX[lang]}{page}"), "html.parser").select_one("article")


# ------------------------------------------------------------ data/sources.yml


def test_valid_source_parses_to_a_dataclass():
    sources, problems = parse_sources(VALID_SOURCE, "data/sources.yml", LOCALES)
    assert problems == []
    (source,) = sources
    assert source.id == ARTICLE and source.title_is_description and source.url is None
    assert (source.date.precision, source.date.iso) == ("month", "2019-02")


@pytest.mark.parametrize("change,expected", [
    (("date: 2019-02", "date: 2019-02-30"), (6, "sources[id=kuntalehti-2019-02].date", "'2019-02-30' is not a real date")),
    (("date: 2019-02", "date: February 2019"), (6, "sources[id=kuntalehti-2019-02].date", "expected a year like 2019")),
    (("language: fi", "language: de"), (7, "sources[id=kuntalehti-2019-02].language", "expected one of fi, en, sv, got 'de'")),
    (("language: fi", "language: suomi"), (7, "sources[id=kuntalehti-2019-02].language",
                                          "expected one of fi, en, sv, got 'suomi' (for suomi, write fi)")),
    (("language: fi", "language: no"), (7, "sources[id=kuntalehti-2019-02].language", "yes/no/on/off are read as true/false")),
    (("title_is_description: true", "title_is_description: yes please"), (4, "sources[id=kuntalehti-2019-02].title_is_description", "expected true or false")),
    (("language: fi", "language: fi\n    url: http://kuntalehti.fi/"), (8, "sources[id=kuntalehti-2019-02].url", "expected a web address starting with https://")),
    (("language: fi", "language: fi\n    colour: red"), (8, "sources[id=kuntalehti-2019-02].colour", "unknown field")),
    (("publisher: {fi: Kuntalehti, en: Kuntalehti}", "publisher: {fi: Kuntalehti}"), (5, "sources[id=kuntalehti-2019-02].publisher.en", "missing translation")),
    (("    date: 2019-02\n", ""), (2, "sources[id=kuntalehti-2019-02].date", "this field is required")),
    # Session 33b: the day a web page was read: a day, with a url, not still to come.
    (("language: fi", "language: fi\n    url: https://www.hel.fi/\n    accessed: 2026-11"),
     (9, "sources[id=kuntalehti-2019-02].accessed", "expected the day the page was read, like 2026-11-28")),
    (("language: fi", "language: fi\n    accessed: 2026-11-28"),
     (8, "sources[id=kuntalehti-2019-02].accessed", "only a source with a url has a day it was read")),
    (("language: fi", "language: fi\n    url: https://www.hel.fi/\n    accessed: 2099-01-01"),
     (9, "sources[id=kuntalehti-2019-02].accessed", "2099-01-01 is still to come")),
    # Session 33f: read before it was published.
    (("language: fi", "language: fi\n    url: https://www.hel.fi/\n    accessed: 2019-01-15"),
     (9, "sources[id=kuntalehti-2019-02].accessed", "the page was read on 2019-01-15, before it was published (2019-02)")),
])
def test_each_defect_is_one_problem_with_its_line_and_field(change, expected):
    old, new = change
    assert old in VALID_SOURCE
    ((line, field, message),) = source_problems(VALID_SOURCE.replace(old, new))
    assert (line, field) == expected[:2]
    assert expected[2] in message


def test_the_day_a_web_page_was_read_is_shown_after_its_link(tmp_path):
    """Session 33b: a web page without a date of its own had only `date`, which says when it was published."""
    root = copy_site(tmp_path)
    sources = root / "data/sources.yml"
    text = sources.read_text("utf-8")
    assert "    url: https://www.legislation.gov.uk/uksi/2018/952/contents/made\n" in text
    # Session 33f: a web page without a date of its own gives the day it was read instead.
    text = text.replace("      en: UK legislation, legislation.gov.uk\n    date: 2018\n",
                        "      en: UK legislation, legislation.gov.uk\n", 1)
    sources.write_text(text.replace("    url: https://www.legislation.gov.uk/uksi/2018/952/contents/made\n",
                                    "    url: https://www.legislation.gov.uk/uksi/2018/952/contents/made\n"
                                    "    accessed: 2026-11-20\n", 1), "utf-8")
    result = build_site(root / "site", "http://127.0.0.1/x/", config=root / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    for prefix, words in (("", "luettu 20. marraskuuta 2026"), ("en/", "accessed 20 November 2026")):
        doc = BeautifulSoup((root / "site" / prefix / "accessibility/index.html").read_text("utf-8"), "html.parser")
        item = doc.select_one("#source-uk-accessibility-regulations-2018")
        assert f"({words})" in " ".join(item.get_text().split()), item
        assert [time["datetime"] for time in item.select("time")] == ["2026-11-20"]  # no date of publishing made up


def test_a_source_in_swedish_is_read_and_named_so_in_each_language():
    """Helsinki is bilingual: some of its own sources are in Swedish (hunt 15b)."""
    sources, problems = parse_sources(VALID_SOURCE.replace("language: fi", "language: sv"), "data/sources.yml", LOCALES)
    assert problems == [] and sources[0].language == "sv"
    for lang, words in (("fi", "Ruotsiksi"), ("en", "In Swedish")):
        strings = (ROOT / f"overrides/partials/languages/{lang}.html").read_text("utf-8")
        assert f'"site.sources.language.sv": "{words}"' in strings


def test_all_problems_of_the_file_in_one_run():
    text = VALID_SOURCE + VALID_SOURCE.split("\n", 1)[1].replace("language: fi", "language: de")
    problems = source_problems(text)
    assert [(line, field) for line, field, _ in problems] == [
        (8, "sources[id=kuntalehti-2019-02].id"), (13, "sources[id=kuntalehti-2019-02].language")]
    assert "already used on line 2" in problems[0][2]


@pytest.mark.parametrize("written,read", [("33:39", 2019), ("0x7e3", 2019), ("0b11111100011", 2019), ("+2019", 2019),
                                          ("2_019", 2019), ("03743", 2019)])
def test_a_year_yaml_reads_from_another_form_of_number_is_refused(written, read):
    """YAML 1.1 reads 33:39 (base 60), 0x7e3, +2019 and 2_019 as the number 2019: each was
    published as the year 2019, a date the editor never wrote (hunt 17b)."""
    ((line, field, message),) = source_problems(VALID_SOURCE.replace("date: 2019-02", f"date: {written}"))
    assert (line, field, message) == (6, "sources[id=kuntalehti-2019-02].date",
                                      f"YAML reads {written!r} as the number {read}: write the year as four digits, "
                                      "such as 2019")


@pytest.mark.parametrize("written,expected", [
    ("'\uff12\uff10\uff11\uff19'", "expected a year like 2019, a month like 2019-02 or a day like 2019-02-13, got "
                                   "'\uff12\uff10\uff11\uff19'"),  # full-width digits
    ("1066", "expected a year from 1970 to 2100, got '1066'"),
    ("9999-12", "expected a year from 1970 to 2100, got '9999-12'"),
])
def test_a_year_in_other_digits_or_out_of_range_is_refused(written, expected):
    ((line, field, message),) = source_problems(VALID_SOURCE.replace("date: 2019-02", f"date: {written}"))
    assert (line, field, message) == (6, "sources[id=kuntalehti-2019-02].date", expected)


def test_a_year_written_as_a_number_in_a_flow_mapping_is_a_year():
    text = "sources:\n  - {id: a, title: {fi: T, en: T}, publisher: {fi: P, en: P}, date: 2019, language: fi}\n"
    assert source_problems(text) == []


def test_an_unquoted_year_is_a_year():
    assert parse_source_date(2019).iso == "2019"
    assert parse_source_date("2019-02-13").iso == "2019-02-13"
    assert isinstance(parse_source_date(True), str)


@pytest.mark.parametrize("text,babel,expected", [
    ("2019-02", "fi", "helmikuu 2019"), ("2019-02", "en_GB", "February 2019"),
    ("2019-02-13", "fi", "13. helmikuuta 2019"), ("2019-02-13", "en_GB", "13 February 2019"),
    ("2018", "fi", "2018"), ("2018", "en_GB", "2018"),
])
def test_source_dates_read_as_each_language_writes_them(text, babel, expected):
    assert format_source_date(parse_source_date(text), babel) == expected


def test_a_sources_file_over_the_limit_is_refused_unread(tmp_path):
    """SECURITY.md promises data files over the limit are refused; sources.yml was read whole (hunt 14)."""
    big = tmp_path / "sources.yml"
    big.write_text((ROOT / "data/sources.yml").read_text() + "#" * 1000 + "\n")
    with pytest.raises(DataError) as error:
        load_sources(big, "data/sources.yml", LOCALES, max_file_bytes=big.stat().st_size - 1)
    assert [(p.line, p.message) for p in error.value.problems] == [(1, (
        f"the file is larger than {big.stat().st_size - 1:,} bytes; split the entries or raise "
        "extra.data_file_max_bytes in mkdocs.yml"))]


def test_the_real_sources_file_is_valid_and_invents_nothing():
    sources = load_sources(ROOT / "data/sources.yml", "data/sources.yml", LOCALES)
    article_source = sources[ARTICLE]
    # The facts give the magazine and the month, not the article's title or address.
    assert article_source.title_is_description and article_source.url is None
    assert article_source.date.iso == "2019-02" and article_source.language == "fi"
    assert "Kuntalehti" in article_source.publisher["fi"] and "Kuntalehti" in article_source.publisher["en"]
    assert {"act-306-2019", "uk-accessibility-regulations-2018", "he-71-2024"} <= set(sources)
    assert (ROOT / "data/sources.yml").read_text("utf-8").startswith("# ")


def test_citations_are_found_with_their_lines():
    text = "---\ntitle: X\n---\n\n# X\n\nA fact.[[cite:kuntalehti-2019-02]]\nB.[[cite:nope]] C.[[cite:]]\n"
    found = citations(text)
    assert [(c.id, c.line) for c in found] == [(ARTICLE, 7), ("nope", 8), ("", 8)]
    known = {ARTICLE: object()}
    assert unknown_citation_messages("docs/x.en.md", found, known) == [
        "docs/x.en.md:8: unknown source 'nope' (known: kuntalehti-2019-02)",
        "docs/x.en.md:8: unknown source '' (known: kuntalehti-2019-02)",
    ]


@pytest.mark.parametrize("written", ["[[cite:kuntalehti-2019-02", "[[cite: kuntalehti-2019-02]]", "[[cite:kuntalehti-2019-02]",
                                     "[[Cite:kuntalehti-2019-02]]", "[[ cite:kuntalehti-2019-02]]", "[[cite kuntalehti-2019-02]]",
                                     # Markdown turns these into a citation the source does not hold (hunt 14)
                                     "\\[\\[cite:nonexistent-id]]", "\\[[cite:kuntalehti-2019-02]]", "[\\[cite:x]]",
                                     "\\[\\[ cite:x"])
def test_a_miswritten_citation_is_named_with_its_line_not_shown_to_readers(written):
    text = f"---\ntitle: X\n---\n\n# X\n\nA fact.[[cite:kuntalehti-2019-02]]\nB.{written} C.\n"
    shown = written[:40]
    assert miswritten_citation_messages("docs/x.en.md", text) == [
        f"docs/x.en.md:8: '{shown}' is not a citation that the site can read: write it as [[cite:ID]] "
        "with no spaces or backslashes, such as [[cite:kuntalehti-2019-02]]"]


def test_an_event_or_partner_without_a_source_is_a_problem():
    """Every fact on the site has a source; an editor's new event once passed the build with
    none, and only a test of the 2019 facts stopped it, with no line (hunt 15b)."""
    events, problems = parse_events(textwrap.dedent("""\
        events:
          - id: workshop-2026
            title: {fi: Työpaja, en: Workshop}
            start: 2026-12-03
            location: {fi: Helsinki, en: Helsinki}
        """), "data/events.yml", LOCALES)
    assert problems == []
    found = data_citation_problems(SiteData(events=tuple(events)), {ARTICLE: object()}, {"events": "data/events.yml"})
    assert [(p.line, p.field, p.message) for p in found] == [(
        2, "events[id=workshop-2026].sources", "cites no source: every fact on the site has one; add sources: [ID] with "
        "the id of its source in data/sources.yml (add the source there first), such as sources: [kuntalehti-2019-02]")]


def test_events_and_partners_cite_known_sources_only():
    events, problems = parse_events(textwrap.dedent("""\
        events:
          - id: a
            title: {fi: a, en: a}
            start: 2019-02
            location: {fi: x, en: x}
            sources: [kuntalehti-2019-02, press-release]
        """), "data/events.yml", LOCALES)
    assert problems == [] and events[0].sources == (ARTICLE, "press-release")
    partners, problems = parse_partners(textwrap.dedent("""\
        partners:
          - id: p
            name: {fi: p, en: p}
            city: other
            url: https://example.org/
            sources: [missing]
        """), "data/partners.yml", LOCALES, ROOT / "docs")
    assert problems == []
    found = data_citation_problems(SiteData(tuple(partners), tuple(events)), {ARTICLE: object()},
                                   {"events": "data/events.yml", "partners": "data/partners.yml"})
    # Each on the line of its sources: (session 32b: on the entry's first line, which a
    # pull request's annotation then marked).
    assert [str(p) for p in found] == [
        "data/events.yml:6: events[id=a].sources: unknown source 'press-release' (known: kuntalehti-2019-02)",
        "data/partners.yml:6: partners[id=p].sources: unknown source 'missing' (known: kuntalehti-2019-02)",
    ]


def test_an_unknown_source_among_many_names_the_nearest_not_all():
    """Each message listed every known id: 300 unknown ids against 5,333 sources made a 272 MB
    log and used 1.7 GB (hunt 18b)."""
    known = {f"press-release-{n}": object() for n in range(5_000)}
    found = [citation for citation in citations("A.[[cite:press-releese-42]] B.[[cite:zz]]\n")]
    assert unknown_citation_messages("docs/x.en.md", found, known) == [
        "docs/x.en.md:1: unknown source 'press-releese-42' (did you mean press-release-42, press-release-942, "
        "press-release-842? data/sources.yml holds 5,000 ids)",
        "docs/x.en.md:1: unknown source 'zz' (data/sources.yml holds 5,000 ids)"]


@pytest.mark.parametrize("value,field", [("kuntalehti-2019-02", "events[id=a].sources"), ("[Kuntalehti]", "events[id=a].sources[0]")])
def test_sources_of_an_event_must_be_a_list_of_ids(value, field):
    _, problems = parse_events(f"events:\n  - id: a\n    title: {{fi: a, en: a}}\n    start: 2019-02\n    location: {{fi: x, en: x}}\n    sources: {value}\n",
                               "data/events.yml", LOCALES)
    assert [(p.line, p.field) for p in problems] == [(6, field)]


# ------------------------------------------------------------ builds that must stop


def test_unknown_citations_stop_the_build_with_every_page_and_line(tmp_path):
    root = copy_site(tmp_path)
    for name, bad in (("themes.en.md", "[[cite:typo-source]]"), ("cities.en.md", "[[cite:other-typo]]"),
                      ("declaration.en.md", "[[cite: kuntalehti-2019-02]]")):
        page = root / "docs" / name
        lines = page.read_text("utf-8").splitlines()
        lines.insert(7, f"An added sentence.{bad}")
        page.write_text("\n".join(lines) + "\n", "utf-8")
    result = build_site(root / "site", "http://127.0.0.1/x/", config=root / "mkdocs.yml")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert re.search(r"docs/themes\.en\.md:8: unknown source 'typo-source' \(known: [a-z0-9, -]*kuntalehti-2019-02", output), output
    assert "docs/cities.en.md:8: unknown source 'other-typo'" in output
    assert "docs/declaration.en.md:8: '[[cite: kuntalehti-2019-02]]' is not a citation that the site can read" in output


def test_bad_sources_and_unknown_data_citations_stop_the_build(tmp_path):
    root = copy_site(tmp_path)
    events = (root / "data/events.yml").read_text("utf-8")
    header, body = events.split("\nevents:\n")
    events = header + "\nevents:\n" + body.replace("    sources: [kuntalehti-2019-02]\n", "    sources: [no-such-source]\n", 1)
    (root / "data/events.yml").write_text(events, "utf-8")
    result = build_site(root / "site", "http://127.0.0.1/x/", config=root / "mkdocs.yml")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    line = events.splitlines().index("    sources: [no-such-source]") + 1  # the line of sources: (session 32b)
    assert f"data/events.yml:{line}: events[id=mayors-meet-london-2019].sources: unknown source 'no-such-source'" in output

    sources = (root / "data/sources.yml").read_text("utf-8")
    (root / "data/sources.yml").write_text(sources.replace("date: 2019-02", "date: 2019-02-31").replace("language: en", "language: English"), "utf-8")
    result = build_site(root / "site", "http://127.0.0.1/x/", config=root / "mkdocs.yml")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    problems = [l.strip() for l in output.splitlines() if l.strip().startswith("data/sources.yml:")]
    assert len(problems) == 2, output
    assert "sources[id=kuntalehti-2019-02].date: '2019-02-31' is not a real date" in problems[0]
    assert ("sources[id=uk-accessibility-regulations-2018].language: expected one of fi, en, sv, got 'English' "
            "(for English, write en)") in problems[1]  # session 34b: the name was told the list of codes only


def test_citation_and_source_problems_are_told_with_the_pages_problems(tmp_path):
    # Review 35c: data/sources.yml's problems and the pages' citations stopped the build alone,
    # before the pages' own problems, which the next build told.
    root = copy_site(tmp_path)
    sources = (root / "data/sources.yml").read_text("utf-8")
    (root / "data/sources.yml").write_text(re.sub(r"(?m)^    date: 2019-02$", "    date: 2019-02-31", sources, count=1),
                                           "utf-8")
    page = root / "docs/themes.en.md"
    text = page.read_text("utf-8")
    page.write_text(re.sub(r"(?m)^description: .*$", "description: Themes.", text, count=1)
                    + "\nAn added sentence.[[cite: kuntalehti-2019-02]]\n", "utf-8")
    result = build_site(root / "site", "http://127.0.0.1/x/", config=root / "mkdocs.yml")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    told = [line.strip() for line in output.splitlines() if line.strip().startswith(("data/", "docs/"))]
    assert any(line.startswith("data/sources.yml:") and "is not a real date" in line for line in told), output
    assert any(line.startswith("docs/themes.en.md:") and "is not a citation that the site can read" in line
               for line in told), output
    assert any(line.startswith("docs/themes.en.md:3: description: 7 characters") for line in told), output
    assert "The site's files have" in output


# ------------------------------------------------------------ the two languages say the same

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*(?:\{[^}]*#([\w-]+)[^}]*\})?\s*$")
LINK = re.compile(r"\]\(([^)\s]+)\)")
MARKER = re.compile(r"<!--\s*([\w:-]+)\s*-->")


def structure(text: str) -> dict:
    """What both languages of a page must share: headings (level, explicit id), links (to the
    site's pages as written, to other sites by their host: hel.fi/fi/ and hel.fi/en/ are the same
    site's pages in each language), citations, markers."""
    body = text.split("\n---", 1)[1] if text.startswith("---") else text
    headings = [(len(m.group(1)), m.group(3)) for m in map(HEADING.match, body.splitlines()) if m]
    return {
        "headings": headings,
        "links": Counter(_link_target(link) for link in LINK.findall(body)),
        "citations": [c.id for c in citations(body)],
        "markers": MARKER.findall(body),
    }


def _link_target(link: str) -> str:
    parts = urlsplit(link)
    return f"{parts.scheme}://{parts.hostname}/…" if parts.scheme in ("http", "https") and parts.hostname else link


def _difference(fi, en) -> str:
    """What one language has and the other not, in words."""
    if isinstance(fi, Counter):
        only_fi, only_en = sorted((fi - en).elements()), sorted((en - fi).elements())
    else:
        only_fi, only_en = [item for item in fi if item not in en], [item for item in en if item not in fi]
        if not (only_fi or only_en):
            return f"the same, in another order: fi {fi}, en {en}"
    return f"only in fi: {', '.join(map(str, only_fi)) or '–'}; only in en: {', '.join(map(str, only_en)) or '–'}"


@pytest.mark.parametrize("name", CONTENT_PAGES)
def test_both_languages_have_the_same_structure_links_and_citations(name):
    """Or the page shows that one language is out of date: an editor may change one language
    first (CONTRIBUTING), and its readers then see the notice (session 32b: a Finnish-only
    change that added a link passed the build and the preview, and failed here alone)."""
    fi, en = structure(page_source(name, "fi")), structure(page_source(name, "en"))
    differences = [f"{part}: {_difference(fi[part], en[part])}" for part in fi if fi[part] != en[part]]
    if differences:
        [status] = [status for status in translation_status(ROOT, ROOT / "docs", LOCALES) if status.stem == name]
        assert status.stale, (f"docs/{name}.fi.md and docs/{name}.en.md differ, and neither is marked out of date (make "
                              "translations): " + "; ".join(differences))


@pytest.mark.parametrize("name", CONTENT_PAGES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_page_descriptions_fit_search_results(name, lang):
    front = yaml.safe_load(page_source(name, lang).split("---")[1])
    assert 70 <= len(front["description"]) <= 160, f"{name}.{lang}: {len(front['description'])} characters"


# ------------------------------------------------------------ sources on the built pages


@pytest.mark.parametrize("name", FACT_PAGES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_pages_of_facts_cite_the_article_and_list_it(site, lang, name):
    doc = article(site, lang, name)
    listing = doc.select_one("section.site-sources")
    assert listing is not None, f"{lang}/{name}: no list of sources"
    assert listing.h2.get_text(strip=True) == {"fi": "Lähteet", "en": "Sources"}[lang]
    item = listing.select_one(f"li#source-{ARTICLE}")
    assert item is not None
    text = item.get_text(" ", strip=True)
    assert "Kuntalehti" in text and {"fi": "helmikuu 2019", "en": "February 2019"}[lang] in text
    assert item.find("a") is None  # the article's address is not known, so none is given
    assert "[[cite:" not in doc.get_text()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_citations_link_to_their_numbered_source(site, lang):
    doc = article(site, lang, "declaration")
    marks = doc.select("sup.site-cite a")
    assert marks, "no citation marks"
    numbered = {f"#{li['id']}": str(n) for n, li in enumerate(doc.select("section.site-sources li"), start=1)}
    for mark in marks:
        assert mark["href"] in numbered
        assert mark.get_text(" ", strip=True) == {"fi": "Lähde", "en": "Source"}[lang] + " " + numbered[mark["href"]]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_accessibility_statement_cites_the_law(site, lang):
    listing = article(site, lang, "accessibility").select_one("section.site-sources")
    ids = [li["id"] for li in listing.select("li")]
    assert ids == ["source-act-306-2019", "source-uk-accessibility-regulations-2018", "source-he-71-2024"]
    link = listing.select_one("#source-uk-accessibility-regulations-2018 a[rel=external]")
    assert link["href"].startswith("https://www.legislation.gov.uk/")


# ------------------------------------------------------------ what a 2026 reader needs


@pytest.mark.parametrize("lang", LANGUAGES)
def test_declaration_says_at_once_that_it_was_signed_in_2019(site, lang):
    doc = article(site, lang, "declaration")
    lead = doc.h1.find_next("p").get_text(" ", strip=True)
    assert "2019" in lead and {"fi": "allekirjoitt", "en": "signed"}[lang] in lead
    text = doc.get_text(" ", strip=True)
    assert {"fi": "Kuntalehd", "en": "Kuntalehti"}[lang] in text
    assert {"fi": "helmikuussa 2019", "en": "February 2019"}[lang] in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_aims_are_the_cooperations_not_the_declarations_wording(site, lang):
    doc = article(site, lang, "declaration")
    headings = [h.get_text(" ", strip=True) for h in doc.find_all(["h2", "h3"])]
    assert not [h for h in headings if re.search(r"commitment|sitoumus", h, re.I)], headings
    text = doc.get_text(" ", strip=True)
    assert {"fi": "yhteistyön tavoitteena oli", "en": "the cooperation aimed to"}[lang] in text.lower()  # aims of 2019


# A sentence that names a 2019 role or state must say it was then (GOV.UK: "then", Finnish "silloinen").
ROLE_WORDS = {"fi": r"digitalisaatiojohtaj|pormestari|kyberturvallisuu", "en": r"chief digital officer|mayor|cybersecurity"}
TIME_WORDS = {"fi": r"silloi|tuolloi|2019", "en": r"\bthen\b|2019"}


def sentences(element) -> list[str]:
    """The sentences of an article's paragraphs, list items and headings (event titles are
    headings), but for the list of sources and the events of years after 2019, whose roles
    are their own."""
    out = []
    for block in element.find_all(["p", "li", "h2", "h3", "h4"]):
        if block.find(["p", "li"]) or block.find_parent("section", class_="site-sources"):
            continue
        event = block if "site-event" in (block.get("class") or []) else block.find_parent("li", class_="site-event")
        when = event.find("time", datetime=True) if event else None
        if when and int(when["datetime"][:4]) > 2019:
            continue
        links = block.find_all("a")
        if len(links) == 1 and links[0].get_text(strip=True) == block.get_text(strip=True):
            continue  # a link alone, such as a partner's website: a name, not a statement
        out += [s for s in re.split(r"(?<=[.!?])\s+", block.get_text(" ", strip=True)) if s]
    return out


@pytest.mark.parametrize("name", CONTENT_PAGES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_roles_and_states_of_2019_are_marked_as_then(site, lang, name):
    untimed = [s for s in sentences(article(site, lang, name))
               if re.search(ROLE_WORDS[lang], s, re.I) and not re.search(TIME_WORDS[lang], s, re.I)]
    assert not untimed, f"{lang}/{name}: " + "\n".join(untimed)


WORDING = {
    "fi": [
        "Helsinki–London-digijulist", "toisen kaupungin", "samat intressit", "Sitoumus", "sitoumusta, joihin",
        "brexit tuli voimaan", "datan ja tekoälyn tapahtuma", "kaupunkien tasolla", "sopimus",
        "järjestää kansainvälisen", "määritellään", "allekirjoitetaan", "Etelä-Suomen aluehallintovirasto",
        "WCAG 2.1", "virallinen sivusto", "virallista sivustoa", "Fontit", "Kolme ensimmäistä vastaavat",
        # the aims and views of 2019 in the past tense; the facts as they were reported
        "tavoitteena on", "Yhteistyöllä on", "pääsevät osallisiksi", "allekirjoituksessa", "ennen julistusta",
        "kyberturvallisuudessa", "Vuonna 2019 Helsingissä syntyi", "Liittyvät tahot",
    ],
    "en": [
        "Helsinki–London Digital Declaration", "According to Rusama and Blackwell", "the same interests",
        "would have to", "would in any case have to", "Commitment", "EUR 64", "new chances", "is signed",
        "Helsinki hosts", "are defined", "Regional State Administrative Agency", "WCAG 2.1",
        "official site", "Fonts and scripts are served",
        "aims to", "Represented at the signing", "before the declaration", "In 2019 Helsinki produced",
        "4 themes", "3 themes", "3 things", "One in 3", "Initializing",
    ],
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_corrected_wording_does_not_come_back(lang):
    """In the pages and the data entries that tell the article's facts, and the templates'
    texts of the language. (A new page or entry may well say "sopimus" or "aims to" of
    something else.)"""
    pages = [ROOT / f"docs/{name}.{lang}.md" for name in ("index", *CONTENT_PAGES)]
    texts = {page.relative_to(ROOT).as_posix(): page.read_text("utf-8") for page in pages}
    strings = ROOT / f"overrides/partials/languages/{lang}.html"
    texts[strings.relative_to(ROOT).as_posix()] = strings.read_text("utf-8")
    for name in ("events", "partners"):
        data = [entry for entry in yaml.safe_load((ROOT / f"data/{name}.yml").read_text("utf-8"))[name]
                if ARTICLE in entry.get("sources", [])]
        texts[f"data/{name}.yml ({lang})"] = " ".join(
            str(entry[field][lang]) for entry in data for field in ("title", "name", "description", "location") if field in entry)
    found = [f"{where}: {phrase!r}" for where, text in texts.items() for phrase in WORDING[lang] if phrase in text]
    assert not found, "\n".join(found)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_past_events_are_told_as_announced_and_signing_as_at_the_latest(lang):
    events = {e["id"]: e for e in yaml.safe_load((ROOT / "data/events.yml").read_text("utf-8"))["events"]}
    signed = events["declaration-signed-2019"]
    assert {"fi": "allekirjoitettiin", "en": "was signed"}[lang] in signed["title"][lang]
    assert {"fi": "viimeistään", "en": "at the latest"}[lang] in signed["description"][lang]
    april = events["data-ai-ethics-helsinki-2019"]
    assert {"fi": "ilmoitti", "en": "announced"}[lang] in april["description"][lang]
    assert {"fi": "ei kerro", "en": "does not say"}[lang] in april["description"][lang]
    for event_id in ("declaration-signed-2019", "data-ai-ethics-helsinki-2019", "mayors-meet-london-2019"):
        assert ARTICLE in events[event_id]["sources"], event_id  # every other event cites its own (the build checks)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_accessibility_statement_names_traficom_and_wcag_2_2(site, lang):
    doc = article(site, lang, "accessibility")
    text = doc.get_text(" ", strip=True)
    assert "Traficom" in text and "WCAG 2.2" in text and "aluehallintovirasto" not in text
    hrefs = {a["href"] for a in doc.find_all("a", href=True)}
    assert {"https://www.saavutettavuusvaatimukset.fi/", "https://www.equalityadvisoryservice.com/"} <= hrefs
    assert "Equality and Human Rights Commission" in text


@pytest.mark.parametrize("name", ("accessibility", "privacy"))
@pytest.mark.parametrize("lang", LANGUAGES)
def test_feedback_goes_through_the_site_feedback_marker_and_promises_no_address(name, lang):
    text = page_source(name, lang)
    assert "<!-- site:feedback -->" in text
    assert "@" not in text and "mailto:" not in text  # no invented address


# ------------------------------------------------------------ privacy claims against the build


@pytest.mark.parametrize("lang", LANGUAGES)
def test_privacy_page_claims_hold_in_the_build(site, lang):
    text = article(site, lang, "privacy").get_text(" ", strip=True)
    claims = {
        "system fonts": {"fi": "laitteesi omilla fonteilla", "en": "your device's own fonts"}[lang],
        "no cookies": {"fi": "ei käytä evästeitä", "en": "sets no cookies"}[lang],
        "no analytics": {"fi": "ei käytä analytiikkaa", "en": "uses no analytics"}[lang],
        "no forms that send": {"fi": "ei ole lomakkeita, jotka lähettäisivät", "en": "has no forms that send"}[lang],
    }
    for claim, words in claims.items():
        assert words in text, f"the privacy page no longer says {claim!r}; update this test with the page"
    css = "".join(p.read_text("utf-8") for p in site.dir.rglob("*.css"))
    assert "@font-face" not in css and not re.search(r"\.(woff2?|ttf|otf)\b", css)
    for page in site.dir.rglob("*.html"):
        doc = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        assert not doc.select('link[rel=preload][as=font], link[href*="fonts."]'), page
        for script in doc.find_all("script"):
            body = (script.string or "") + script.get("src", "")
            assert not re.search(r"gtag|googletagmanager|analytics|plausible|matomo|document\.cookie", body), page
        for form in doc.find_all("form"):
            # Material's search box is the only form: it has no action and nothing is sent.
            assert form.get("name") == "search" and not form.get("action") and form.get("method", "get") == "get", page


@pytest.mark.parametrize("lang", LANGUAGES)
def test_list_of_sources_is_in_the_table_of_contents(site, lang):
    doc = BeautifulSoup(site.html(f"{LANGUAGE_PREFIX[lang]}declaration/"), "html.parser")
    links = doc.select('nav.md-nav--secondary a[href="#sources"]')
    assert links and links[0].get_text(strip=True) == {"fi": "Lähteet", "en": "Sources"}[lang]
    assert not BeautifulSoup(site.html(f"{LANGUAGE_PREFIX[lang]}privacy/"), "html.parser").select('a[href="#sources"]')


HOSTILE = "</li><script>alert(1)</script>"


def test_a_title_and_a_publisher_written_right_to_left_keep_their_place_in_the_list_of_sources(tmp_path):
    """Each is laid out apart: an Arabic publisher took the date's day before it ("13 ,رشان
    February 2019"), and an Arabic title and publisher were drawn in each other's place. Read
    in the order the browser draws it (tests/test_drawn_order.py holds that model to Chromium)."""
    from selectolax.lexbor import LexborHTMLParser
    from _tree import _drawn_text, _Layout
    title, publisher = "\u0639\u0646\u0648\u0627\u0646", "\u0646\u0627\u0634\u0631"
    root = copy_site(tmp_path)
    header, body = (root / "data/sources.yml").read_text("utf-8").split("\nsources:\n")
    body = body.replace("      en: News article on the Helsinki–London digital declaration\n", f"      en: {title}\n", 1)
    body = body.replace("      en: Kuntalehti, the Finnish magazine on municipal affairs\n", f"      en: {publisher}\n", 1)
    body = body.replace("    date: 2019-02\n", "    date: 2019-02-13\n", 1)
    (root / "data/sources.yml").write_text(header + "\nsources:\n" + body, "utf-8")
    result = build_site(root / "site", "http://127.0.0.1/x/", config=root / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    tree = LexborHTMLParser((root / "site/en/declaration/index.html").read_text("utf-8"))
    drawn = " ".join(_drawn_text(tree.css_first(f"#source-{ARTICLE}"), _Layout(tree)).split())
    assert drawn.startswith(f"{title[::-1]} (") and f"{publisher[::-1]}, 13 February 2019." in drawn, drawn


def test_hostile_source_text_is_shown_as_text(tmp_path):
    root = copy_site(tmp_path)
    header, body = (root / "data/sources.yml").read_text("utf-8").split("\nsources:\n")
    body = body.replace("      en: News article on the Helsinki–London digital declaration\n", f"      en: '{HOSTILE}'\n", 1)
    body = body.replace("      en: Kuntalehti, the Finnish magazine on municipal affairs\n", f"      en: '{HOSTILE}'\n", 1)
    (root / "data/sources.yml").write_text(header + "\nsources:\n" + body, "utf-8")
    result = build_site(root / "site", "http://127.0.0.1/x/", config=root / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    html = (root / "site/en/declaration/index.html").read_text("utf-8")
    assert "<script>alert(1)" not in html
    item = BeautifulSoup(html, "html.parser").select_one(f"#source-{ARTICLE}")
    assert item.get_text().count(HOSTILE) == 2
