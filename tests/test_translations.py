"""Dates from git and translation freshness: the data (hooks/_history.py), the page hook
(hooks/history.py), its template and the report of `make translations`, each against a
temporary git repository whose commits have fixed dates."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from jinja2 import Environment, FileSystemLoader
from mkdocs.exceptions import PluginError

from conftest import ROOT

sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "hooks"))

import _history  # noqa: E402
import history  # noqa: E402
from _history import last_changed, parse_log, translation_status  # noqa: E402
from tools import translations  # noqa: E402

LOCALES = ("fi", "en")
FEB_13 = "2019-02-13T12:00:00+02:00"
MAR_01 = "2019-03-01T10:30:00+02:00"
APR_25 = "2019-04-25T09:00:00+03:00"
MAY_02 = "2019-05-02T16:00:00+03:00"
MKDOCS_YML = """\
site_name: Test
site_url: !ENV [SITE_URL, "https://example.org/"]
docs_dir: docs
plugins:
  - search
  - i18n:
      docs_structure: suffix
      languages:
        - locale: en
          name: English
          build: true
        - locale: fi
          name: Suomi
          default: true
          build: true
"""


class Repo:
    """A git repository in a temporary folder, committing with given dates."""

    def __init__(self, path: Path):
        self.path = path
        path.mkdir(parents=True)
        self.git("init", "-q", "-b", "main")
        self.git("config", "user.name", "Editor")
        self.git("config", "user.email", "editor@example.org")
        self.git("config", "commit.gpgsign", "false")
        self.write("mkdocs.yml", MKDOCS_YML)

    def git(self, *args: str, date: str | None = None) -> str:
        env = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull}
        if date:
            env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
        return subprocess.run(["git", *args], cwd=self.path, env=env, check=True, capture_output=True, text=True).stdout

    def write(self, name: str, text: str) -> None:
        path = self.path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def commit(self, date: str, files: dict[str, str]) -> None:
        for name, text in files.items():
            self.write(name, text)
        self.git("add", "--all")
        self.git("commit", "-q", "-m", f"Edit {', '.join(files)}", date=date)

    def report(self, capsys) -> tuple[int, str]:
        status = translations.main(["--root", str(self.path)])
        return status, capsys.readouterr().out


@pytest.fixture(autouse=True)
def plain_environment(monkeypatch):
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GITHUB_ACTIONS"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def repo(tmp_path) -> Repo:
    return Repo(tmp_path / "site-repo")


def both(stem: str, fi: str = "Suomeksi", en: str = "In English") -> dict[str, str]:
    return {f"docs/{stem}.fi.md": f"# {fi}\n", f"docs/{stem}.en.md": f"# {en}\n"}


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


# ---------------------------------------------------------------- dates from git


def test_last_changed_gives_each_file_its_newest_commit(repo):
    repo.commit(FEB_13, {**both("index"), "data/events.yml": "events: []\n"})
    repo.commit(MAR_01, {"docs/index.fi.md": "# Muutettu\n"})
    changed = last_changed(repo.path)
    assert changed == {
        "docs/index.fi.md": at(MAR_01),
        "docs/index.en.md": at(FEB_13),
        "data/events.yml": at(FEB_13),
    }


def test_git_log_is_read_once_per_head(repo, monkeypatch):
    repo.commit(FEB_13, both("index"))
    calls = []
    real_git = _history._git
    monkeypatch.setattr(_history, "_git", lambda root, *args: calls.append(args[0:3]) or real_git(root, *args))
    first = last_changed(repo.path)
    second = last_changed(repo.path)
    assert first == second and sum("log" in call for call in calls) == 1
    repo.commit(MAR_01, {"docs/index.en.md": "# Changed\n"})
    assert last_changed(repo.path)["docs/index.en.md"] == at(MAR_01)
    assert sum("log" in call for call in calls) == 2


def test_without_git_history_every_date_is_unknown(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.fi.md").write_text("# Etusivu\n", encoding="utf-8")
    (tmp_path / "docs" / "index.en.md").write_text("# Home\n", encoding="utf-8")
    assert last_changed(tmp_path) == {}
    [status] = translation_status(tmp_path, tmp_path / "docs", LOCALES)
    assert status.changed == {"fi": None, "en": None}
    assert (status.missing, status.stale) == ((), ())


def test_without_git_installed_nothing_breaks(repo, monkeypatch):
    repo.commit(FEB_13, both("index"))
    monkeypatch.setenv("PATH", str(repo.path / "no-programs-here"))
    assert last_changed(repo.path) == {}


def test_parse_log_keeps_the_newest_date_and_skips_bad_records():
    output = "\x1e2019-03-01T10:30:00+02:00\n\ndocs/a.fi.md\n\x1enot a date\n\ndocs/b.fi.md\n\x1e2019-02-13T12:00:00+02:00\n\ndocs/a.fi.md\ndocs/a.en.md\n"
    assert parse_log(output) == {"docs/a.fi.md": at(MAR_01), "docs/a.en.md": at(FEB_13)}


# ---------------------------------------------------------------- translation status


def test_a_translation_older_than_its_sibling_is_stale(repo):
    repo.commit(FEB_13, {**both("index"), **both("themes")})
    repo.commit(MAR_01, {"docs/themes.fi.md": "# Teemat, päivitetty\n"})
    statuses = {s.stem: s for s in translation_status(repo.path, repo.path / "docs", LOCALES)}
    assert statuses["themes"].stale == ("en",)
    assert statuses["themes"].newer_than("en") == ("fi",) and statuses["themes"].newer_than("fi") == ()
    assert statuses["index"].stale == ()


def test_both_languages_edited_in_one_merged_pull_request_are_not_stale(repo):
    """Through GitHub's pencil each file is its own commit; the merge is the change that counts."""
    repo.commit(FEB_13, both("themes"))
    repo.git("checkout", "-q", "-b", "edit-themes")
    repo.commit(MAR_01, {"docs/themes.fi.md": "# Uusi\n"})
    repo.commit(APR_25, {"docs/themes.en.md": "# New\n"})
    repo.git("checkout", "-q", "main")
    repo.git("merge", "-q", "--no-ff", "-m", "Merge pull request #1", "edit-themes", date=MAY_02)
    [status] = translation_status(repo.path, repo.path / "docs", LOCALES)
    assert status.changed == {"fi": at(MAY_02), "en": at(MAY_02)}
    assert status.stale == ()


def test_separate_commits_on_main_do_make_the_earlier_one_stale(repo):
    repo.commit(FEB_13, both("themes"))
    repo.commit(MAR_01, {"docs/themes.fi.md": "# Uusi\n"})
    repo.commit(APR_25, {"docs/themes.en.md": "# New\n"})
    [status] = translation_status(repo.path, repo.path / "docs", LOCALES)
    assert status.stale == ("fi",)


def test_the_other_language_marked_checked_in_the_pull_request_keeps_both_fresh_in_its_preview(repo):
    """CONTRIBUTING: fix one language, and set translation_checked in the other in the same pull
    request. Through GitHub's pencil they are two commits, and the preview of the branch (whose
    history has no merge yet) showed the fixed page as out of date (hunt 21b)."""
    repo.commit(FEB_13, both("themes"))
    repo.git("checkout", "-q", "-b", "typo")
    repo.commit(MAR_01, {"docs/themes.fi.md": "# Teemat\n"})
    repo.commit("2019-03-01T15:00:00+02:00", {"docs/themes.en.md": "---\ntranslation_checked: 2019-03-01\n---\n# In English\n"})
    [status] = translation_status(repo.path, repo.path / "docs", LOCALES)
    assert status.checked == date(2019, 3, 1) and status.stale == ()
    # A change on a later day counts again.
    repo.commit(APR_25, {"docs/themes.en.md": "---\ntranslation_checked: 2019-03-01\n---\n# In English, again\n"})
    [status] = translation_status(repo.path, repo.path / "docs", LOCALES)
    assert status.stale == ("fi",) and status.newer_than("fi") == ("en",)


def test_the_checked_day_is_read_only_from_the_front_matter(tmp_path):
    from _history import checked_day
    page = tmp_path / "a.fi.md"
    for text, day in (("---\ntitle: A\ntranslation_checked: 2026-11-28\n---\n", date(2026, 11, 28)),
                      ("\ufeff---\r\ntranslation_checked: '2026-11-28'\r\n---\r\n", date(2026, 11, 28)),
                      ("---\ntitle: A\n---\ntranslation_checked: 2026-11-28\n", None),
                      ("---\ntranslation_checked: 2026-02-30\n---\n", None), ("# A\n", None),
                      # Hunt 35a: MkDocs ends front matter at `...` too; a field after it is page
                      # text (here in a comment), which the build's checks of the day never read.
                      ("---\ntitle: A\n...\n\n<!--\ntranslation_checked: 2099-12-31\n---\n-->\n", None),
                      # A line inside another field's quoted text is that text, not a field.
                      ('---\ntitle: "A\ntranslation_checked: 2099-12-31\n  B"\n---\n', None),
                      ("---\ntitle: A\ntranslation_checked: 2026-11-28\n...\n", date(2026, 11, 28))):
        page.write_text(text, "utf-8")
        assert checked_day(page) == day, text
    assert checked_day(tmp_path / "missing.md") is None


def test_a_missing_file_is_named_and_never_stale(repo):
    repo.commit(FEB_13, {"docs/cities.fi.md": "# Kaupungit\n", "docs/guide/setup.en.md": "# Setup\n"})
    statuses = {s.stem: s for s in translation_status(repo.path, repo.path / "docs", LOCALES)}
    assert statuses["cities"].missing == ("en",) and statuses["cities"].files["en"] == "docs/cities.en.md"
    assert statuses["guide/setup"].missing == ("fi",) and statuses["guide/setup"].files["fi"] == "docs/guide/setup.fi.md"
    assert statuses["cities"].stale == () and statuses["cities"].changed["en"] is None


# ---------------------------------------------------------------- make translations


def test_report_all_fresh_exits_0(repo, capsys):
    repo.commit(FEB_13, {**both("index"), **both("themes")})
    status, out = repo.report(capsys)
    assert status == 0
    assert "Translation report: 2 pages in fi, en (docs/)" in out
    assert "All 2 pages exist in every language and are up to date." in out
    assert "out of date" not in out and "missing" not in out.lower()


def test_report_names_a_stale_translation_with_both_dates_and_exits_0(repo, capsys):
    repo.commit(FEB_13, {**both("index"), **both("themes")})
    repo.commit(MAR_01, {"docs/themes.fi.md": "# Teemat, päivitetty\n"})
    status, out = repo.report(capsys)
    assert status == 0
    assert "  - themes: docs/themes.en.md last changed 2019-02-13 10:00 UTC,\n" in out
    assert "      but docs/themes.fi.md changed later, 2019-03-01 08:30 UTC\n" in out
    assert "index" not in out
    assert "Summary: 0 pages missing a language version, 1 page with an older translation." in out


def test_report_names_a_missing_page_and_exits_1(repo, capsys):
    repo.commit(FEB_13, {**both("index"), "docs/cities.fi.md": "# Kaupungit\n"})
    status, out = repo.report(capsys)
    assert status == 1
    assert "  - cities: docs/cities.en.md is missing (docs/cities.fi.md exists)\n" in out
    assert "Summary: 1 page missing a language version, 0 pages with an older translation." in out


INJECTED = "x\n::notice file=mkdocs.yml,line=1,title=Maintainer review::Code and settings reviewed"


def test_a_file_name_cannot_start_a_line_of_the_report(repo, capsys, monkeypatch):
    """A page named with a new line and a workflow command wrote that command on a line of its
    own, which the Actions runner obeys: a false "Maintainer review" notice (hunt 17c)."""
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    repo.commit(FEB_13, {**both("index"), f"docs/{INJECTED}.fi.md": "# x\n"})
    status, out = repo.report(capsys)
    assert status == 1
    assert not [line for line in out.splitlines() if line.startswith("::notice")], out
    assert "x\\n::notice file=mkdocs.yml" in out


def test_report_without_history_says_dates_were_not_compared(tmp_path, capsys):
    (tmp_path / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    (tmp_path / "docs").mkdir()
    for name in ("index.fi.md", "index.en.md"):
        (tmp_path / "docs" / name).write_text("# x\n", encoding="utf-8")
    assert translations.main(["--root", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "translations were not compared by date" in out
    assert "All 1 page exist in every language." in out


def test_report_reads_languages_from_mkdocs_yml_default_first(tmp_path):
    (tmp_path / "mkdocs.yml").write_text(MKDOCS_YML.replace("docs_dir: docs", "docs_dir: content"), encoding="utf-8")
    assert translations.read_settings(tmp_path / "mkdocs.yml") == translations.Settings("content", ("fi", "en"))


def test_make_translations_runs_as_a_module_with_annotations_in_actions(repo):
    repo.commit(FEB_13, {**both("themes"), "docs/cities.fi.md": "# Kaupungit\n"})
    repo.commit(MAR_01, {"docs/themes.fi.md": "# Uusi\n"})
    result = subprocess.run(
        [sys.executable, "-m", "tools.translations", "--root", str(repo.path)],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, "GITHUB_ACTIONS": "true"},
    )
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert "::error file=docs/cities.fi.md,title=Missing translation::This page has no en version: create docs/cities.en.md" in lines
    assert any(line.startswith("::warning file=docs/themes.en.md,title=Translation may be out of date::docs/themes.fi.md changed later")
               for line in lines)


# ---------------------------------------------------------------- the page hook and its template


def fake_config(repo: Repo, locale: str, babel_locales: dict | None = None):
    languages = [SimpleNamespace(locale="fi", name="Suomi", link="/", default=True, build=True, copyright=None, site_name=None),
                 SimpleNamespace(locale="en", name="English", link="/en/", default=False, build=True, copyright=None, site_name=None)]
    return SimpleNamespace(
        copyright=None, site_name="Digijulistus",
        config_file_path=str(repo.path / "mkdocs.yml"), docs_dir=str(repo.path / "docs"),
        theme={"language": locale}, plugins={"i18n": SimpleNamespace(config=SimpleNamespace(languages=languages))},
        extra={"babel_locales": babel_locales if babel_locales is not None else {"fi": "fi", "en": "en_GB"}},
    )


def page_context(repo: Repo, stem: str, locale: str, **config) -> dict:
    settings = fake_config(repo, locale, **config)
    history.on_pre_build(settings)
    page = SimpleNamespace(file=SimpleNamespace(abs_src_path=str(repo.path / "docs" / f"{stem}.{locale}.md")))
    return history.on_page_context({}, page=page, config=settings, nav=None)


def test_hook_marks_only_the_older_translation_stale(repo):
    repo.commit(FEB_13, both("themes"))
    repo.commit(MAR_01, {"docs/themes.fi.md": "# Uusi\n"})
    en, fi = page_context(repo, "themes", "en"), page_context(repo, "themes", "fi")
    assert en["page_translation_stale"] is True and en["page_translation_newer"] == ["fi"]
    assert fi["page_translation_stale"] is False and fi["page_translation_newer"] == []
    assert en["page_last_updated"] == at(FEB_13) and fi["page_last_updated"] == at(MAR_01)


def test_hook_formats_the_date_with_babel_per_language(repo):
    repo.commit(FEB_13, both("themes"))
    assert page_context(repo, "themes", "en")["page_last_updated_text"] == "13 February 2019"
    assert page_context(repo, "themes", "fi")["page_last_updated_text"] == "13. helmikuuta 2019"
    assert page_context(repo, "themes", "en", babel_locales={})["page_last_updated_text"] == "February 13, 2019"


def test_hook_without_history_gives_no_date_and_no_notice(repo):
    repo.write("docs/themes.fi.md", "# Teemat\n")
    repo.write("docs/themes.en.md", "# Themes\n")
    context = page_context(repo, "themes", "fi")
    assert (context["page_last_updated"], context["page_last_updated_text"], context["page_translation_stale"]) == (None, None, False)


def test_hook_stops_on_a_locale_babel_does_not_know(repo):
    repo.commit(FEB_13, both("themes"))
    with pytest.raises(PluginError, match=r"extra.babel_locales.en: 'en-XX' is not a locale Babel knows"):
        page_context(repo, "themes", "en", babel_locales={"en": "en-XX"})


def render_history(**context) -> BeautifulSoup:
    env = Environment(loader=FileSystemLoader(str(ROOT / "overrides")), autoescape=True)
    lang = SimpleNamespace(t=lambda key: f"[{key}]")
    alternates = [
        {"locale": "fi", "name": "Suomi", "url": "https://example.org/themes/", "current": False},
        {"locale": "en", "name": "English", "url": "https://example.org/en/themes/", "current": True},
    ]
    html = env.get_template("partials/page-history.html").render(lang=lang, page_alternates=alternates, **context)
    return BeautifulSoup(html, "html.parser")


def test_template_shows_the_date_in_a_time_element():
    doc = render_history(page_last_updated=at(FEB_13), page_last_updated_text="13 February 2019",
                         page_translation_stale=False, page_translation_newer=[])
    paragraph = doc.select_one("p.site-page-history")
    assert paragraph.time["datetime"] == "2019-02-13" and paragraph.time.string == "13 February 2019"
    assert " ".join(paragraph.get_text().split()) == "[site.history.updated] 13 February 2019"
    assert doc.select_one(".site-stale-notice") is None


def test_template_stale_notice_links_to_the_newer_language():
    doc = render_history(page_last_updated=at(FEB_13), page_last_updated_text="13 February 2019",
                         page_translation_stale=True, page_translation_newer=["fi"])
    notice = doc.select_one("p.site-stale-notice[role=note]")
    assert "[site.history.stale]" in notice.get_text()
    [link] = notice.find_all("a")
    assert (link["href"], link["hreflang"]) == ("https://example.org/themes/", "fi")
    assert " ".join(link.get_text().split()) == "[site.history.stale.link] (Suomi)"
    assert link.span["lang"] == "fi"


def test_template_renders_nothing_without_a_date():
    doc = render_history(page_last_updated=None, page_last_updated_text=None,
                         page_translation_stale=False, page_translation_newer=[])
    assert doc.get_text().strip() == "" and doc.find("p") is None


def test_dates_shown_are_the_commit_dates_not_the_build_time(repo):
    """A page changed on 13 February 2019 says so, whenever the site is built."""
    repo.commit(FEB_13, both("themes"))
    updated = page_context(repo, "themes", "en")["page_last_updated"]
    assert abs(updated - datetime(2019, 2, 13, 10, tzinfo=timezone.utc)) < timedelta(seconds=1)


def test_make_serve_shows_a_new_page_before_it_is_in_the_menu(tmp_path):
    """Session 34b: a new page stopped every build, `make serve`'s too, until a maintainer gave
    it a menu entry, so an editor could not see it. Under serve it is now shown, with the same
    advice as a warning; the strict build still stops on it."""
    from urllib.request import urlopen

    from conftest import build_site, copy_site
    from tools.bench import SITE, ServedCopy, build_env

    copy = copy_site(tmp_path / "site")
    description = "Testisivu, jolla kokeillaan uuden sivun näkymistä ennen kuin se on lisätty sivuston valikkoon."
    for locale, title in (("fi", "Vierailu"), ("en", "Visiting")):
        (copy / f"docs/visit.{locale}.md").write_text(
            f"---\ntitle: {title}\ndescription: {description}\n---\n\n# {title}\n\nTesti.\n", "utf-8")
    env = build_env()
    env.pop("SOURCE_DATE_EPOCH")
    served = ServedCopy(copy, 0, SITE, env, tmp_path / "serve.log")
    try:
        with urlopen(served.root + "visit/") as response, urlopen(served.root + "en/visit/") as english:
            assert "<h1" in response.read().decode("utf-8") and english.status == 200
    finally:
        served.stop()
    log = (tmp_path / "serve.log").read_text("utf-8")
    assert ("docs/visit.fi.md: the page is in no menu: ask a maintainer to add a line such as '- Vierailu: visit.md'"
            in log), log[-3000:]
    assert "`make serve` shows the page meanwhile; a pull request's build stops here" in log
    result = build_site(copy / "built", "http://127.0.0.1/x/", config=copy / "mkdocs.yml")
    assert result.returncode != 0 and "docs/visit.fi.md: the page is in no menu" in result.stdout + result.stderr
