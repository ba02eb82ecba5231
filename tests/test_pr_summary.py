"""The pull request's check summary (tools/pr_summary.py), against a real git repository."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

from conftest import git
from tools import pr_summary
from conftest import copy_site

PREVIEW = "https://example.org/site/_previews/pr-7/"


@pytest.fixture
def repo(tmp_path):
    root = copy_site(tmp_path / "repo")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "--all")
    git(root, "commit", "-q", "-m", "Site")
    git(root, "checkout", "-q", "-b", "edit")
    return root


def run(repo, capsys, preview=PREVIEW) -> str:
    args = ["--base", "main", "--root", str(repo)] + (["--preview-url", preview] if preview else [])
    assert pr_summary.main(args) == 0
    return capsys.readouterr().out


def test_changed_pages_link_to_the_preview_and_say_which_language_is_left(repo, capsys):
    page = repo / "docs/themes.fi.md"
    page.write_text(page.read_text("utf-8") + "\nLisää tekstiä.\n", "utf-8")
    git(repo, "commit", "-qam", "Teemat")
    out = run(repo, capsys)
    assert f"| `themes` | [fi]({PREVIEW}themes/) | [en]({PREVIEW}en/themes/) | ⚠️ vain / only fi: tarkista / check en |" in out
    assert "✅ Datatiedostot ovat kunnossa. / The data files are valid." in out
    # Session 32b: a page that the menu names (themes.md) is no image of the site's own.
    assert "The site's own images" not in out


def test_a_data_change_lists_its_page_in_both_languages_and_every_problem(repo, capsys):
    events = repo / "data/events.yml"
    events.write_text(events.read_text("utf-8").replace("timezone: Europe/London", "timezone: Europe/Londres"), "utf-8")
    git(repo, "commit", "-qam", "Event")
    out = run(repo, capsys)
    assert f"| `events` | [fi]({PREVIEW}events/) | [en]({PREVIEW}en/events/) | ✅ fi, en |" in out
    problems = [line for line in out.splitlines() if line.startswith("- `data/events.yml:")]
    assert len(problems) == 1 and "'Europe/Londres' is not a known time zone" in problems[0]
    assert "ongelmaa / The data files have 1 problem(s)" in out


def test_each_added_removed_or_changed_entry_is_named_with_its_fields(repo, capsys):
    """Session 33b: a cancelled event and a removed partner showed only as "events ✅"; the
    home page, whose next or latest event an event changes, was not named."""
    events = repo / "data/events.yml"
    events.write_text(events.read_text("utf-8").replace("    timezone: Europe/London\n", "    timezone: Europe/London\n"
                                                        "    status: cancelled\n", 1), "utf-8")
    partners = repo / "data/partners.yml"
    text = partners.read_text("utf-8")
    start = text.index("  - id: new-york-city")
    end = text.find("\n  - id:", start + 1)
    partners.write_text(text[:start] + (text[end + 1:] if end != -1 else ""), "utf-8")
    git(repo, "commit", "-qam", "Cancel, remove")
    out = run(repo, capsys)
    assert "- events: `mayors-meet-london-2019` muutettu / changed: `status: cancelled`" in out
    assert "- partners: `new-york-city` poistettu / removed" in out
    assert f"| `index` | [fi]({PREVIEW}) | [en]({PREVIEW}en/) | ✅ fi, en |" in out


def test_an_added_entry_is_named_with_the_fields_a_reviewer_checks(repo, capsys):
    """Session 34b: added events and partners were named by their ids alone: a reviewer could
    not see a meetup's date and clock, or a partner's city, without opening the YAML."""
    events = repo / "data/events.yml"
    events.write_text(events.read_text("utf-8") + "\n  - id: meetup-2099\n    title: {fi: Tapaaminen, en: Meetup}\n"
                      "    start: 2099-03-03T18:00\n    end: 2099-03-03T20:30\n    timezone: Europe/London\n"
                      "    location: {fi: Lontoo, en: London}\n    sources: [kuntalehti-2019-02]\n", "utf-8")
    partners = repo / "data/partners.yml"
    partners.write_text(partners.read_text("utf-8") + "\n  - id: test-partner\n    name: {fi: Testi, en: Test}\n"
                        "    city: other\n    url: https://www.example.org/\n    sources: [kuntalehti-2019-02]\n", "utf-8")
    git(repo, "commit", "-qam", "Add")
    out = run(repo, capsys)
    assert ("- events: `meetup-2099` lisätty / added: `start: 2099-03-03T18:00`, `end: 2099-03-03T20:30`, "
            "`timezone: Europe/London`") in out
    assert "- partners: `test-partner` lisätty / added: `city: other`" in out


def test_a_new_page_outside_the_menu_is_told_to_need_a_maintainers_line(repo, capsys):
    """Session 34b: a new page read as any changed page, though main's build stops on it."""
    for locale in ("fi", "en"):
        (repo / f"docs/visit.{locale}.md").write_text("---\ntitle: T\ndescription: D\n---\n\n# T\n", "utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "New page")
    out = run(repo, capsys)
    assert ("| `visit` | [fi]({0}visit/) | [en]({0}en/visit/) | ✅ fi, en · ⚠️ ei valikossa: ylläpitäjä lisää sille "
            "rivin kohtaan `nav` / in no menu: a maintainer adds its line under `nav` |").format(PREVIEW) in out
    assert "ei valikossa" not in out.split("`visit`")[0]  # the pages in the menu say nothing of it


def seminar_2099_on_main(repo) -> Path:
    """data/events.yml, with an upcoming event, seminar-2099, merged into main."""
    events = repo / "data/events.yml"
    events.write_text(events.read_text("utf-8") + "\n  - id: seminar-2099\n    title: {fi: Seminaari, en: Seminar}\n"
                      "    start: 2099-05-12\n    location: {fi: Helsinki, en: Helsinki}\n"
                      "    sources: [kuntalehti-2019-02]\n", "utf-8")
    git(repo, "commit", "-qam", "Add")
    git(repo, "branch", "-f", "main")
    return events


def test_an_upcoming_event_removed_is_told_to_be_marked_cancelled_instead(repo, capsys):
    """Session 33d: an upcoming event deleted vanished without a word to readers or calendars."""
    events = seminar_2099_on_main(repo)
    events.write_text(events.read_text("utf-8").split("\n  - id: seminar-2099")[0] + "\n", "utf-8")
    git(repo, "commit", "-qam", "Remove")
    out = run(repo, capsys)
    assert "- events: `seminar-2099` ⚠️ poistettu, vaikka se on vielä tulossa" in out
    assert "mark it cancelled instead, so that readers and calendars learn of it" in out


def test_an_upcoming_event_moved_into_the_past_is_told_to_check_the_year(repo, capsys):
    """Session 33b: a moved event's new date written with last year's number (2026 for 2027)
    passed every check and put the event among the past events, under "New date:"."""
    events = seminar_2099_on_main(repo)
    events.write_text(events.read_text("utf-8").replace("    start: 2099-05-12\n", "    start: 2019-06-10\n"
                                                        "    previous_start: 2099-05-12\n    status: rescheduled\n"), "utf-8")
    git(repo, "commit", "-qam", "Move")
    out = run(repo, capsys)
    assert "- events: `seminar-2099`" in out
    assert ("- events: `seminar-2099` ⚠️ muutettu tulevasta menneeksi: tarkista vuosi / changed from upcoming to "
            "past: check the year: `previous_start: 2099-05-12`, `start: 2019-06-10 (was 2099-05-12)`, "
            "`status: rescheduled`") in out  # session 34e: with the year it had
    # A past event's change, and an upcoming event's, are told as changes only.
    events.write_text(events.read_text("utf-8").replace("    start: 2019-06-10\n", "    start: 2099-06-10\n"), "utf-8")
    git(repo, "commit", "-qam", "Move again")
    assert "⚠️ muutettu tulevasta" not in run(repo, capsys)


def image_replaced(repo, capsys, image: str, shown_by_cities: dict[str, str]) -> str:
    """The summary of a branch that only replaces `image`, which main's Cities page shows as
    `shown_by_cities` gives in each language."""
    for locale, markup in shown_by_cities.items():
        page = repo / f"docs/cities.{locale}.md"
        page.write_text(page.read_text("utf-8") + markup, "utf-8")
    (repo / "docs" / image).write_bytes(b"old")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "Image")
    git(repo, "branch", "-f", "main")
    (repo / "docs" / image).write_bytes(b"new")
    git(repo, "commit", "-qam", "Better image")
    return run(repo, capsys)


def test_a_replaced_image_names_the_pages_that_show_it(repo, capsys):
    """Hunt 34a: a page's photo replaced with a picture of a telephone number ("Better photo")
    was summed up as "No changes to pages or data files"."""
    shown = "\n![Helsingin tuomiokirkko kesällä](images/helsinki.png)\n"
    out = image_replaced(repo, capsys, "images/helsinki.png", {"fi": shown, "en": shown})
    assert "No changes to pages or data files" not in out
    assert f"| `cities` | [fi]({PREVIEW}cities/) | [en]({PREVIEW}en/cities/) | ✅ fi, en |" in out
    assert "### Muuttuneet kuvat ja tiedostot / Changed images and files\n\n- `docs/images/helsinki.png`: `cities`" in out


def test_a_page_edited_in_one_language_with_a_new_source_is_still_told_to_check_the_other(repo, capsys):
    """Session 34b: an English paragraph added with the source it cites read "✅ fi, en", because
    the new source touched the page; without the source it read "only en: check fi"."""
    sources = repo / "data/sources.yml"
    sources.write_text(sources.read_text("utf-8") + "\n  - id: gla-website\n    title: {fi: GLA, en: GLA}\n"
                       "    publisher: {fi: GLA, en: GLA}\n    accessed: 2026-11-28\n    url: https://www.london.gov.uk/\n"
                       "    language: en\n", "utf-8")
    page = repo / "docs/cities.en.md"
    page.write_text(page.read_text("utf-8") + "\nThe GLA publishes its work at london.gov.uk.[[cite:gla-website]]\n", "utf-8")
    git(repo, "commit", "-qam", "London's web site")
    out = run(repo, capsys)
    assert "| `cities` | [fi]({0}cities/) | [en]({0}en/cities/) | ⚠️ vain / only en: tarkista / check fi |".format(PREVIEW) in out
    # Session 34b: an added entry was named by its id alone.
    assert "- sources: `gla-website` lisätty / added: `accessed: 2026-11-28`, `url: https://www.london.gov.uk/`" in out


def test_a_replaced_image_named_with_escapes_names_the_pages_that_show_it(repo, capsys):
    """Hunt 34d: a page that named its image as kart%74a.png, or &#116;, or a partner's logo
    written with a YAML escape, left the image "on no page" and the change unseen."""
    out = image_replaced(repo, capsys, "images/kartta.png", {
        "fi": "\n![Kartta](images/kart%74a.png)\n", "en": '\n<img src="../../images/kart&#116;a.png" alt="Map">\n'})
    assert "- `docs/images/kartta.png`: `cities`" in out


def test_a_replaced_image_named_with_a_markdown_escape_or_a_tab_names_the_pages_that_show_it(repo, capsys):
    """Hunt 34f: Markdown undoes "kartta\\.png" and the URL standard drops a tab in a path; the
    summary looked for the name as written and left the image "on no page"."""
    out = image_replaced(repo, capsys, "images/kartta.png", {
        "fi": "\n![Kartta](images/kartta\\.png)\n", "en": '\n<img src="../../images/kart&#9;ta.png" alt="Map">\n'})
    assert "- `docs/images/kartta.png`: `cities`" in out


def test_a_folder_named_like_a_page_leaves_the_summary_whole(repo, capsys):
    """Hunt 34f: docs/.old.fi.md/ (a folder) ended the summary in a traceback."""
    (repo / "docs/.old.fi.md").mkdir()
    (repo / "docs/.old.fi.md/notes.txt").write_text("x", "utf-8")
    (repo / "docs/images/logo.svg").write_bytes((repo / "docs/images/logo.svg").read_bytes() + b"\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "Notes")
    assert "### Muuttuneet" in run(repo, capsys)


def test_a_data_file_that_is_not_utf_8_leaves_the_summary_whole(repo, capsys):
    """Hunt 34d: a Latin-1 byte in data/events.yml ended the summary in a traceback."""
    events = repo / "data/events.yml"
    events.write_bytes(events.read_bytes() + b"# kommentti: \xe4\n")
    git(repo, "commit", "-qam", "Comment")
    out = run(repo, capsys)
    assert "### Datan tarkistus / Data check" in out and "data/events.yml" in out


def test_an_entry_whose_id_changed_is_told_as_one(repo, capsys):
    """Session 33f: a moved event given a new id read as an upcoming event removed, to be cancelled."""
    events = repo / "data/events.yml"
    events.write_text(events.read_text("utf-8").replace("- id: mayors-meet-london-2019", "- id: mayors-meet-2019", 1),
                      "utf-8")
    git(repo, "commit", "-qam", "New id")
    out = run(repo, capsys)
    assert "- events: `mayors-meet-london-2019 → mayors-meet-2019` ⚠️ tunniste vaihdettu" in out
    assert "keep the old id unless it was wrong" in out
    assert "poistettu" not in out and "lisätty" not in out
    # Hunt 34a: a new id hid every other change of the entry, such as its address.
    events.write_text(events.read_text("utf-8").replace("- id: mayors-meet-2019\n", "- id: mayors-2019\n    url: "
                                                        "https://evil.example/\n", 1), "utf-8")
    git(repo, "commit", "-qam", "Newer id")
    out = run(repo, capsys)
    assert "- events: `mayors-meet-london-2019 → mayors-2019` ⚠️ tunniste vaihdettu" in out
    assert "keep the old id unless it was wrong: `url: https://evil.example/`" in out  # it had none before


def test_a_changed_source_names_the_pages_that_show_it(repo, capsys):
    """Hunt 33a: a source's address sent to another site, in a commit called "Fix a typo", was
    summed up as "No changes to pages or data files"; the pages citing it show the address."""
    sources = repo / "data/sources.yml"
    sources.write_text(sources.read_text("utf-8").replace("https://www.legislation.gov.uk/", "https://evil.example/", 1),
                       "utf-8")
    git(repo, "commit", "-qam", "Fix a typo")
    out = run(repo, capsys)
    assert "No changes to pages or data files" not in out
    assert "- sources: `uk-accessibility-regulations-2018` muutettu / changed: `url`" in out
    assert f"| `accessibility` | [fi]({PREVIEW}accessibility/) | [en]({PREVIEW}en/accessibility/) | ✅ fi, en |" in out


def test_a_page_removed_without_a_move_is_told_its_address_will_lead_nowhere(repo, capsys):
    """Session 33f: a page renamed without extra.moved_pages showed only as "missing"."""
    for locale in ("fi", "en"):
        git(repo, "mv", f"docs/themes.{locale}.md", f"docs/aims.{locale}.md")
    git(repo, "commit", "-qam", "Rename")
    out = run(repo, capsys)
    assert ("| `themes` | – | – | ⚠️ poistettu: vanha osoite ei enää toimi, ellei ylläpitäjä lisää sivua kohtaan "
            "`extra.moved_pages` / removed: its address will lead nowhere unless a maintainer adds it to "
            "`extra.moved_pages` |") in out


def test_a_renamed_page_is_named_moved_not_missing(repo, capsys):
    """Session 33b: a page renamed with its old address in extra.moved_pages read as missing."""
    for locale in ("fi", "en"):
        git(repo, "mv", f"docs/themes.{locale}.md", f"docs/aims.{locale}.md")
    config = repo / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("themes.md", "aims.md")
                      .replace("  moved_pages: {}\n", "  moved_pages:\n    themes: aims\n"), "utf-8")
    git(repo, "commit", "-qam", "Rename")
    out = run(repo, capsys)
    assert "| `themes` | – | – | ➡️ siirretty / moved: `aims` |" in out
    assert f"| `aims` | [fi]({PREVIEW}aims/) | [en]({PREVIEW}en/aims/) | ✅ fi, en |" in out


def test_a_new_page_in_one_language_is_named_missing_and_the_home_page_links_to_the_root(repo, capsys):
    (repo / "docs/news.en.md").write_text("---\ntitle: News\ndescription: x\n---\n# News\n", "utf-8")
    index = repo / "docs/index.fi.md"
    index.write_text(index.read_text("utf-8") + "\n", "utf-8")
    git(repo, "add", "--all")
    git(repo, "commit", "-qm", "News")
    out = run(repo, capsys)
    assert (f"| `news` | – | [en]({PREVIEW}en/news/) | ⚠️ puuttuu / missing: fi · ⚠️ ei valikossa: ylläpitäjä lisää "
            "sille rivin kohtaan `nav` / in no menu: a maintainer adds its line under `nav` |") in out
    assert f"| `index` | [fi]({PREVIEW}) |" in out


def test_without_a_preview_the_summary_points_to_the_artifact(repo, capsys):
    out = run(repo, capsys, preview=None)
    assert "download `site-preview`" in out and "No changes to pages or data files." in out


def test_code_and_settings_are_named_for_a_developers_review_and_content_is_not(repo, capsys):
    page = repo / "docs/themes.en.md"
    page.write_text(page.read_text("utf-8") + "\nMore text.\n", "utf-8")
    (repo / "docs/images/map.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>')
    (repo / "docs/javascripts/site.js").write_text("alert(document.domain)\n")
    (repo / "hooks/extra.py").write_text("")
    mkdocs = repo / "mkdocs.yml"
    mkdocs.write_text(mkdocs.read_text("utf-8") + "\n", "utf-8")
    git(repo, "add", "--all")
    git(repo, "commit", "-qm", "Mixed")
    out = run(repo, capsys)
    section = out.split("### Koodi ja asetukset / Code and settings\n", 1)[1]
    assert "A developer must review these files before it is merged (SECURITY.md)." in section
    assert "The preview address shows the pages, images and data with main's code" in section
    assert [line for line in section.splitlines() if line.startswith("- ")] == [
        "- `docs/javascripts/site.js`", "- `hooks/extra.py`", "- `mkdocs.yml`"]


def test_code_moved_into_docs_is_named_as_code(repo, capsys):
    """git diff named a moved file by its new name only: a workflow and tests moved under
    docs/.old/ read as content, and the summary said nothing of code (hunt 17c)."""
    (repo / ".github/workflows").mkdir(parents=True)
    (repo / ".github/workflows/nightly.yml").write_text("on: {schedule: [{cron: '5 0 * * *'}]}\n")
    git(repo, "add", "--all")
    git(repo, "commit", "-qm", "Workflow")
    git(repo, "branch", "-qf", "main")
    (repo / "docs/.old").mkdir()
    git(repo, "mv", ".github/workflows/nightly.yml", "docs/.old/nightly.yml")
    git(repo, "mv", "hooks/guards.py", "docs/.old/guards.py")
    git(repo, "commit", "-qm", "Tidy")
    section = run(repo, capsys).split("### Koodi ja asetukset / Code and settings\n", 1)[1]
    assert [line for line in section.splitlines() if line.startswith("- ")] == [
        "- `.github/workflows/nightly.yml`", "- `hooks/guards.py`"]


def test_the_sites_own_images_are_named_for_a_developers_check(repo, capsys):
    """The logo, icons and sharing images were content alone: a logo drawn as false header
    text passed as an editor's change (hunt 17c). They still reach the preview."""
    svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>'
    (repo / "docs/images/logo.svg").write_text(svg)
    (repo / "docs/images/og-en.png").write_bytes((repo / "docs/images/og-fi.png").read_bytes())
    (repo / "docs/images/map.svg").write_text(svg)
    # The i18n plugin publishes a language's copy in place of the image (hunt 20b).
    (repo / "docs/images/favicon.fi.svg").write_text(svg)
    (repo / "docs/images/map.fi.svg").write_text(svg)
    git(repo, "add", "--all")
    git(repo, "commit", "-qm", "Images")
    out = run(repo, capsys)
    section = out.split("### Sivuston omat kuvat / The site's own images\n", 1)[1]
    assert "A developer must check them before it is merged" in section
    assert [line for line in section.splitlines() if line.startswith("- ")] == [
        "- `docs/images/favicon.fi.svg`", "- `docs/images/logo.svg`", "- `docs/images/og-en.png`"]
    assert "Code and settings" not in out


def test_without_a_preview_address_the_code_section_does_not_mention_one(repo, capsys):
    (repo / "hooks/extra.py").write_text("")
    git(repo, "add", "--all")
    git(repo, "commit", "-qm", "Code")
    section = run(repo, capsys, preview=None).split("### Koodi ja asetukset / Code and settings\n", 1)[1]
    assert "- `hooks/extra.py`" in section and "preview address" not in section


def test_a_page_or_image_with_a_finnish_name_is_content(repo, capsys):
    """git quotes such names ("docs/images/k\\303\\244.svg") unless asked for them as they are."""
    (repo / "docs/images/kartta-äänekoski.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>')
    git(repo, "add", "--all")
    git(repo, "commit", "-qm", "Image")
    assert pr_summary.changed_files(repo, "main") == ["docs/images/kartta-äänekoski.svg"]
    assert "Code and settings" not in run(repo, capsys)


def test_content_only_has_no_code_section(repo, capsys):
    events = repo / "data/events.yml"
    events.write_text(events.read_text("utf-8") + "\n", "utf-8")
    git(repo, "commit", "-qam", "Event")
    assert "Code and settings" not in run(repo, capsys)


def test_names_and_values_from_the_pull_request_stay_text_in_the_summary():
    """A backtick in a data value or a file name cannot end its code span and make a link."""
    hostile = "x` [Fix it here](https://evil.example) `y"
    problem = f"data/events.yml:3: events[id={hostile}]: expected a lowercase id"
    page = pr_summary.ChangedPage(f"news|{hostile}", ("fi", "en"), (), False)
    out = pr_summary.summary([page], [problem], ("fi", "en"), PREVIEW, [f"hooks/{hostile}.py"])
    doc = BeautifulSoup(markdown.markdown(out, extensions=["tables"]), "html.parser")
    assert [a["href"] for a in doc.find_all("a") if a["href"].startswith("https://evil")] == []
    assert {a["href"] for a in doc.find_all("a")} == {
        f"{PREVIEW}news%7Cx%60%20%5BFix%20it%20here%5D%28https%3A//evil.example%29%20%60y/",
        f"{PREVIEW}en/news%7Cx%60%20%5BFix%20it%20here%5D%28https%3A//evil.example%29%20%60y/"}
    codes = [code.get_text() for code in doc.find_all("code")]
    assert problem in codes and f"hooks/{hostile}.py" in codes
    assert [len(row.find_all("td")) for row in doc.select("tbody tr")] == [4], "a pipe in a name split the row"


def test_a_partner_whose_id_and_address_changed_shows_the_address_it_had(repo, capsys):
    """Session 34e: a partner given a new id and another site's address showed the new address
    alone, and was warned of calendar apps, which show no partners."""
    partners = repo / "data/partners.yml"
    text = partners.read_text("utf-8").replace("- id: new-york-city", "- id: nyc", 1)
    partners.write_text(text.replace("url: https://www.nyc.gov/", "url: https://www.nyc.example/", 1), "utf-8")
    git(repo, "commit", "-qam", "Shorter id")
    out = run(repo, capsys)
    line = next(line for line in out.splitlines() if line.startswith("- partners: `new-york-city → nyc`"))
    assert line.endswith("`url: https://www.nyc.example/ (was https://www.nyc.gov/)`") and "calendar" not in line


def test_a_number_too_long_to_write_as_a_key_leaves_the_summary_whole(repo, capsys):
    """Hunt 34f: "? 1:59:59:…" as a data key, a base-60 number of thousands of digits to YAML,
    ended the summary in a traceback; the build names it."""
    events = repo / "data/events.yml"
    events.write_text(events.read_text("utf-8").replace("    timezone: Europe/London\n", "    timezone: Europe/London\n"
                                                        "    ? 1" + ":59" * 3000 + "\n    : x\n", 1), "utf-8")
    git(repo, "commit", "-qam", "Key")
    out = run(repo, capsys)
    assert "### Datan tarkistus / Data check" in out
