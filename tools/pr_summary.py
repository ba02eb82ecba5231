"""The summary of a pull request's check, in Finnish and English: `python -m tools.pr_summary`.

Says which pages the pull request changes, with links to them in its preview; whether each
changed page was changed in every language (or still lacks one); every data problem as
`file:line: message`; and which changed files are code or settings rather than content,
for a developer to review. The workflow appends it to $GITHUB_STEP_SUMMARY, where the
editor finds it on the pull request's check. Prints Markdown; exit status 0 (the build and
the tests are what fail a check).
"""

from __future__ import annotations

import argparse
import html
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote, unquote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from _data import MAX_FILE_BYTES, DataError, load_site_data  # noqa: E402
from _sources import CITATION  # noqa: E402
from _yaml import YamlProblems, YamlSyntaxError, load_yaml  # noqa: E402
from _history import translation_status  # noqa: E402
from tools.preview_tree import code, is_content  # noqa: E402
from tools.translations import read_settings  # noqa: E402

# Which pages show each data file: the home page shows the next or latest event. The pages
# that show a source are those that cite it (sources_pages).
DATA_PAGES = {"data/events.yml": ("events", "index"), "data/partners.yml": ("partners",)}
SOURCES_FILE = "data/sources.yml"
# Each data file's list, whose entries the summary names by their ids.
DATA_LISTS = {"data/events.yml": "events", "data/partners.yml": "partners", SOURCES_FILE: "sources"}


@dataclass(frozen=True)
class ChangedPage:
    stem: str  # "declaration", "index"
    changed: tuple[str, ...]  # locales whose file the pull request changes (or data behind it)
    missing: tuple[str, ...]  # locales that have no file
    by_data: bool  # the page changes because a data file it shows changed
    moved_to: str | None = None  # the page's new name, when mkdocs.yml's extra.moved_pages renames it
    in_menu: bool = True  # whether mkdocs.yml's nav names the page (a new page waits for a maintainer's line)


def changed_files(root: Path, base: str) -> list[str]:
    """Paths changed between the merge base of `base` and HEAD, relative to the repository."""
    # -z: each name as it is, not quoted with octal escapes ("k\\303\\244..."), which would
    # not be recognised as a page or image; a new line in a name cannot split it either.
    # --no-renames: a moved file by both its names, or code moved under docs/ read as content
    # by its new name alone (hunt 17c).
    result = subprocess.run(["git", "-C", str(root), "diff", "--name-only", "--no-renames", "-z", f"{base}...HEAD"],
                            capture_output=True, check=True)
    return [os.fsdecode(name) for name in result.stdout.split(b"\0") if name]


def changed_pages(files: list[str], root: Path, docs_dir: str, locales: tuple[str, ...],
                  changed_sources: frozenset[str] = frozenset(), moved: dict[str, str] | None = None,
                  menu: frozenset[str] | None = None) -> list[ChangedPage]:
    """The pages the changed files touch, each with the languages changed and missing; a
    changed source touches the pages that cite it (hunt 33a: a source's new address, shown in
    the list of sources of the pages citing it, was summed up as "no changes")."""
    edited: dict[str, set[str]] = {}  # page -> the languages whose file the pull request changes
    by_data: set[str] = set()  # pages that change with a data file or image they show
    data_pages = dict(DATA_PAGES)
    if SOURCES_FILE in files:
        data_pages[SOURCES_FILE] = sources_pages(root, docs_dir, locales, changed_sources)
    for path in files:
        if path in data_pages:
            by_data.update(data_pages[path])
        elif is_content(path, docs_dir) and path.startswith(docs_dir + "/") and not path.endswith(".md"):
            by_data.update(pages_showing(root, docs_dir, locales, path))
        elif path.startswith(docs_dir + "/") and path.endswith(".md"):
            stem, _, locale = path[len(docs_dir) + 1: -len(".md")].rpartition(".")
            if locale in locales:
                edited.setdefault(stem, set()).add(locale)
    statuses = {status.stem: status for status in translation_status(root, root / docs_dir, locales, changed={})}
    # A page edited in one language stays "only en" though a source or image it shows changed
    # too (session 34b: an English paragraph with its new source read as changed in both).
    return [
        ChangedPage(stem, tuple(l for l in locales if l in edited[stem]) if stem in edited else locales,
                    statuses[stem].missing if stem in statuses else tuple(locales), stem not in edited,
                    (moved or {}).get(stem) if stem not in statuses else None,
                    menu is None or stem not in statuses or f"{stem}.md" in menu)
        for stem in sorted(edited.keys() | by_data)
    ]


def sources_pages(root: Path, docs_dir: str, locales: tuple[str, ...], source_ids: frozenset[str]) -> tuple[str, ...]:
    """The pages that show one of the sources: those that cite it, and the Events and Partners
    pages if an event or partner does."""
    pages = {stem for stem, text in _page_texts(root, docs_dir, locales) if source_ids & set(CITATION.findall(text))}
    for path, pages_of in DATA_PAGES.items():
        if any(source_ids & set(map(str, entry.get("sources") or ())) for entry in _data_entries(root, path).values()):
            pages.update(pages_of[:1])
    return tuple(sorted(pages))


# The pull request's pages and data files, read once per run of the tool: each changed image
# and source asks which pages show it.
@lru_cache(maxsize=None)
def _page_texts(root: Path, docs_dir: str, locales: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """(page name, text) of each page file in a language of the site."""
    texts = []
    for page in sorted((root / docs_dir).rglob("*.md")):
        if not page.is_file():  # a folder named like a page (hunt 34f: the summary ended in a traceback)
            continue
        stem, _, locale = page.relative_to(root / docs_dir).as_posix()[:-len(".md")].rpartition(".")
        if locale in locales:
            texts.append((stem, page.read_text("utf-8", errors="replace")))
    return tuple(texts)


@lru_cache(maxsize=None)
def _paths_as_read(root: Path, docs_dir: str, locales: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """(page name, text) with paths as a browser gets them: "kart%74a.png", "kart&#116;a.png"
    (hunt 34d), Markdown's "kartta\\.png" and a tab inside a path (hunt 34f) read kartta.png."""
    return tuple((stem, unquote(re.sub(r"[\t\n\r]", "", html.unescape(re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)))))
                 for stem, text in _page_texts(root, docs_dir, locales))


@lru_cache(maxsize=None)
def _data_entries(root: Path, path: str) -> dict[str, dict]:
    """The entries of a data file of the pull request (DATA_LISTS), read once."""
    return _entries(_text(root / path), DATA_LISTS[path])


def pages_showing(root: Path, docs_dir: str, locales: tuple[str, ...], path: str) -> tuple[str, ...]:
    """The pages that show a file under docs/ (an image, a logo): those whose text names it,
    and the pages of a data file that names it (hunt 34a: a page's photo replaced with a
    picture of a telephone number was summed up as "no changes")."""
    base = path.rpartition("/")[2]
    name = re.compile(rf"(?<![\w.-]){re.escape(base)}(?![\w.-])")
    pages = {stem for stem, text in _paths_as_read(root, docs_dir, locales) if name.search(text)}
    for data_path, pages_of in DATA_PAGES.items():
        # The logos as YAML reads them: "ac\u006de.png" names acme.png.
        if any(str(entry.get("logo") or "").rpartition("/")[2] == base for entry in _data_entries(root, data_path).values()):
            pages.update(pages_of[:1])
    return tuple(sorted(pages))


def entry_changes(root: Path, base: str, files: list[str]) -> list[tuple[str, str, str, tuple[str, ...]]]:
    """(data file's list, entry id, how, the changed fields) for each entry of a data file that
    the pull request adds, removes or changes, how being "added", "removed", "removed-upcoming",
    "renamed", "renamed-event", "changed" or "changed-to-past" (the build's own checks say
    whether the files are right)."""
    merge_base = _git(root, "merge-base", base, "HEAD").strip()
    changes = []
    for path, key in DATA_LISTS.items():
        if path not in files:
            continue
        before = _entries(_git(root, "show", f"{merge_base}:{path}") if merge_base else "", key)
        after = _data_entries(root, path)
        for entry_id in sorted(before.keys() | after.keys()):
            old, new = before.get(entry_id), after.get(entry_id)
            if old is None:
                # Session 34b: an added event was named by its id alone; its date and clock are what a
                # reviewer checks (a London meetup in Helsinki's clock), a partner's city too.
                changes.append((key, entry_id, "added", tuple(_field_change(name, new[name]) for name in ADDED_FIELDS[key]
                                                              if new.get(name) is not None)))
            elif new is None:
                upcoming = key == "events" and _still_upcoming(old)
                changes.append((key, entry_id, "removed-upcoming" if upcoming else "removed", ()))
            elif old != new:
                fields = _changed_fields(old, new)
                # Session 33b: a moved event's new year written as last year's passed every check.
                to_past = key == "events" and _still_upcoming(old) and not _still_upcoming(new)
                changes.append((key, entry_id, "changed-to-past" if to_past else "changed", fields))
        changes = _renamed(changes, key, before, after)
    return changes


def _renamed(changes: list, key: str, before: dict, after: dict) -> list:
    """The changes with an entry removed and one added under the same title (or name) told as
    one whose id changed (session 33f: a moved event's new id read as an upcoming event to
    cancel)."""
    def label(entry: dict) -> str | None:
        value = entry.get("title") or entry.get("name")
        return repr(value) if value else None

    added = {label(after[change[1]]): change for change in changes if change[0] == key and change[2] == "added"}
    result = list(changes)
    for change in [c for c in changes if c[0] == key and c[2].startswith("removed")]:
        match = added.pop(label(before[change[1]]), None) if label(before[change[1]]) else None
        if match:
            # Hunt 34a: the new id hid every other change of the entry, such as its address.
            fields = _changed_fields({**before[change[1]], "id": None}, {**after[match[1]], "id": None})
            how = "renamed-event" if key == "events" else "renamed"
            result[result.index(change)] = (key, f"{change[1]} → {match[1]}", how, fields)
            result.remove(match)
    return result


def _changed_fields(old: dict, new: dict) -> tuple[str, ...]:
    return tuple(_field_change(name, new.get(name), old.get(name))
                 for name in sorted(old.keys() | new.keys()) if old.get(name) != new.get(name))


# The fields the summary shows of an added entry, by data list.
ADDED_FIELDS = {"events": ("start", "end", "timezone", "status"), "partners": ("city", "logo"),
                "sources": ("date", "accessed", "url")}
SHOWN_VALUE_LENGTH = 40  # a changed field's new value is shown when it is one value this short


def _field_change(name: str, value, before=None) -> str:
    """A changed field as the summary names it: "status: cancelled" for a short value (session
    33d: a reviewer saw only that `status` changed), with the value it had before, if short too
    ("start: 2026-09-01 (was 2027-09-01)"; session 34e: a moved year and a partner's address
    sent to another site showed only their new values); the name alone for a text or a list."""
    def short(value) -> bool:
        return (isinstance(value, (str, int, float, date)) and not isinstance(value, bool)
                and len(str(value)) <= SHOWN_VALUE_LENGTH)
    if not short(value):
        return name
    return f"{name}: {value}" + (f" (was {before})" if short(before) else "")


def _still_upcoming(event: dict) -> bool:
    """Whether an event's start (2027-05-12, 2027-05-12T09:30 or 2027-05) is today or later."""
    start = str(event.get("start", ""))[:10]
    return bool(start) and start >= date.today().isoformat()[:len(start)]


def _git(root: Path, *arguments: str) -> str:
    result = subprocess.run(["git", "-C", str(root), *arguments], capture_output=True)
    return result.stdout.decode("utf-8", errors="replace") if result.returncode == 0 else ""


def _text(path: Path) -> str:
    """A data file's text, "" if there is none; a byte that is not UTF-8 read as U+FFFD, which
    the build's own check names with its line (hunt 34d: the summary ended in a traceback)."""
    return path.read_text("utf-8", errors="replace") if path.is_file() else ""


def _entries(text: str, key: str) -> dict[str, dict]:
    """A data file's entries by id, read by the build's own YAML reader, which refuses what could
    make the reading long (aliases, deep nesting, a file over the size limit); {} for such a
    file, one it cannot read, or one without the list."""
    if not text or len(text.encode("utf-8")) > MAX_FILE_BYTES:
        return {}
    try:
        document = load_yaml(text)
    except (YamlSyntaxError, YamlProblems):
        return {}
    items = document.get(key) if isinstance(document, dict) else None
    # Only text keys: YAML reads "? 1:59:59:…" as a number longer than str() may write (hunt 34f);
    # the build's own check names such a key.
    return {item["id"]: {name: value for name, value in item.items() if isinstance(name, str)}
            for item in items or () if isinstance(item, dict) and isinstance(item.get("id"), str)}


def code_files(files: list[str], docs_dir: str) -> list[str]:
    """The changed files that are not content: code and settings for a developer to review."""
    return [path for path in files if not is_content(path, docs_dir)]


def site_image_files(files: list[str], root: Path, docs_dir: str, locales: tuple[str, ...]) -> list[str]:
    """The changed files under docs/ that the site's code names (mkdocs.yml, overrides/): the
    logo, the icons and the sharing images, shown on every page or wherever the site is shared.
    They are content, and in the preview, but an image of false header text there read as the
    site's own (hunt 17c)."""
    named = (root / "mkdocs.yml").read_text("utf-8") + "".join(
        template.read_text("utf-8") for template in sorted((root / "overrides").rglob("*.html")))
    found = []
    for path in files:
        inside = path.removeprefix(docs_dir + "/")
        # "images/og-{locale}.png" in mkdocs.yml names images/og-fi.png and images/og-en.png.
        forms = {inside} | {inside.replace(f"-{locale}.", "-{locale}.") for locale in locales}
        # images/logo.fi.svg: the i18n plugin publishes it as images/logo.svg (the build
        # refuses such a name, but this summary must not depend on that; hunt 20b).
        forms |= {form.replace(f".{locale}.", ".") for form in forms for locale in locales}
        # A page is no image, though the menu names it (session 32b: every page edit was
        # listed here, "declaration.md" being in mkdocs.yml's nav); a name counts only whole.
        if (path != inside and is_content(path, docs_dir) and not inside.endswith(".md")
                and any(re.search(rf"(?<![\w.-]){re.escape(form)}(?![\w.-])", named) for form in forms)):
            found.append(path)
    return found


def data_problems(root: Path, docs_dir: str, locales: tuple[str, ...]) -> list[str]:
    try:
        load_site_data(root / "data", root / docs_dir, locales, root)
    except DataError as error:
        return [f"{problem.file}:{problem.line}: {problem.field}: {problem.message}" for problem in error.problems]
    return []


def page_url(preview_url: str, stem: str, locale: str, default_locale: str) -> str:
    prefix = "" if locale == default_locale else f"{locale}/"
    path = "" if stem == "index" else f"{stem}/"
    if stem.endswith("/index"):
        path = stem[: -len("index")]
    return preview_url.rstrip("/") + "/" + quote(prefix + path)  # as MkDocs quotes a page's URL


def _status_text(page: ChangedPage, locales: tuple[str, ...]) -> str:
    text = _languages_text(page, locales)
    if not page.in_menu:
        # Session 34b: a new page read as any changed page, though main's build stops on it.
        text += (" · ⚠️ ei valikossa: ylläpitäjä lisää sille rivin kohtaan `nav` / in no menu: a maintainer adds "
                 "its line under `nav`")
    return text


def _languages_text(page: ChangedPage, locales: tuple[str, ...]) -> str:
    if page.moved_to:  # session 33b: a renamed page was told as missing in both languages
        return f"➡️ siirretty / moved: {code(page.moved_to, in_table=True)}"
    if set(page.missing) == set(locales) and not page.by_data:
        # Session 33f: a page renamed without extra.moved_pages left its old address to a 404.
        return ("⚠️ poistettu: vanha osoite ei enää toimi, ellei ylläpitäjä lisää sivua kohtaan `extra.moved_pages` / "
                "removed: its address will lead nowhere unless a maintainer adds it to `extra.moved_pages`")
    if page.missing:
        return f"⚠️ puuttuu / missing: {', '.join(page.missing)}"
    if page.by_data or set(page.changed) == set(locales):
        return "✅ " + ", ".join(locales)
    unchanged = [locale for locale in locales if locale not in page.changed]
    return f"⚠️ vain / only {', '.join(page.changed)}: tarkista / check {', '.join(unchanged)}"


CHANGE_WORDS = {"added": "lisätty / added", "removed": "poistettu / removed", "changed": "muutettu / changed",
                # Session 33d: a deleted upcoming event vanished without a word to readers or calendars.
                "renamed": "⚠️ tunniste vaihdettu: linkit vanhaan tunnisteeseen menettävät sen; pidä vanha tunniste, "
                           "ellei se ollut väärä / id changed: links to the old id lose it; keep the old id unless it "
                           "was wrong",
                # An event's id is also its calendar entry's UID.
                "renamed-event": "⚠️ tunniste vaihdettu: linkit vanhaan tunnisteeseen ja kalenterisovellukset menettävät "
                                 "sen; pidä vanha tunniste, ellei se ollut väärä / id changed: links to the old id and "
                                 "calendar apps lose it; keep the old id unless it was wrong",
                "changed-to-past": "⚠️ muutettu tulevasta menneeksi: tarkista vuosi / changed from upcoming to past: "
                                   "check the year",
                "removed-upcoming": "⚠️ poistettu, vaikka se on vielä tulossa: merkitse se perutuksi (`status: cancelled`), "
                                    "niin lukijat ja kalenterit saavat tiedon / removed while still upcoming: mark it "
                                    "cancelled instead, so that readers and calendars learn of it"}


def summary(pages: list[ChangedPage], problems: list[str], locales: tuple[str, ...], preview_url: str | None,
            code_paths: list[str] = (), site_images: list[str] = (), entries: list = (),
            files_shown: list[tuple[str, tuple[str, ...]]] = ()) -> str:
    lines = ["## Esikatselu / Preview", ""]
    if preview_url:
        lines += [f"Koko sivusto / The whole site: {preview_url}", ""]
    else:
        lines += ["Tästä pull requestista ei tehdä esikatselua (esimerkiksi haarasta toisessa repositoriossa): lataa `site-preview`. / "
                  "This pull request has no preview address (for example, it comes from a fork): download `site-preview`.", ""]
    lines += ["### Muuttuneet sivut / Changed pages", ""]
    if pages:
        lines += ["| sivu / page | " + " | ".join(locales) + " | kielet / languages |",
                  "| --- | " + " | ".join("---" for _ in locales) + " | --- |"]
        for page in pages:
            links = [f"[{locale}]({page_url(preview_url, page.stem, locale, locales[0])})" if preview_url and locale not in page.missing
                     else ("–" if locale in page.missing else locale) for locale in locales]
            lines.append(f"| {code(page.stem, in_table=True)} | " + " | ".join(links) + f" | {_status_text(page, locales)} |")
    else:
        lines.append("Ei muutoksia sivuihin tai datatiedostoihin. / No changes to pages or data files.")
    if entries:
        lines += ["", "### Muuttuneet tiedot / Changed entries", ""]
        lines += [f"- {key}: {code(entry_id)} {CHANGE_WORDS[how]}" + (f": {', '.join(code(f) for f in fields)}" if fields else "")
                  for key, entry_id, how, fields in entries]
    if files_shown:
        lines += ["", "### Muuttuneet kuvat ja tiedostot / Changed images and files", ""]
        lines += [f"- {code(path)}: " + (", ".join(code(stem) for stem in stems) if stems else
                                         "ei yhdelläkään sivulla / on no page")
                  for path, stems in files_shown]
    lines += ["", "### Datan tarkistus / Data check", ""]
    if problems:
        lines += [f"Datatiedostoissa on {len(problems)} ongelmaa / The data files have {len(problems)} problem(s):", ""]
        lines += [f"- {code(problem)}" for problem in problems]
    else:
        lines.append("✅ Datatiedostot ovat kunnossa. / The data files are valid.")
    if site_images:
        lines += ["", "### Sivuston omat kuvat / The site's own images", "",
                  "⚠️ Tämä pull request muuttaa kuvia, jotka sivusto näyttää jokaisella sivulla tai jaettaessa "
                  "(logo, kuvakkeet, jakokuvat). Kehittäjän on tarkistettava ne ennen yhdistämistä (SECURITY.md). / "
                  "This pull request changes images that the site shows on every page or when it is shared (the "
                  "logo, icons, sharing images). A developer must check them before it is merged (SECURITY.md).", ""]
        lines += [f"- {code(path)}" for path in site_images]
    if code_paths:
        lines += ["", "### Koodi ja asetukset / Code and settings", "",
                  "⚠️ Tämä pull request muuttaa muutakin kuin sivuja, kuvia ja dataa. Kehittäjän on tarkistettava "
                  "nämä tiedostot ennen yhdistämistä (SECURITY.md). / This pull request changes more than pages, "
                  "images and data. A developer must review these files before it is merged (SECURITY.md).", ""]
        if preview_url:
            lines += ["Esikatseluosoite näyttää sivut, kuvat ja datan mainin koodilla, joten nämä muutokset eivät "
                      "näy siinä; ne näkyvät ladattavassa `site-preview`-esikatselussa. / The preview address shows "
                      "the pages, images and data with main's code, so these changes are not in it; the download "
                      "`site-preview` has them.", ""]
        lines += [f"- {code(path)}" for path in code_paths]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.pr_summary", description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, help="the branch or commit the pull request goes into, e.g. origin/main")
    parser.add_argument("--preview-url", default=None, help="the preview's address, if it has one")
    parser.add_argument("--root", type=Path, default=ROOT)
    args = parser.parse_args(argv)
    root = args.root.resolve()
    for cached in (_page_texts, _paths_as_read, _data_entries):  # read afresh for each run (the tests run it often)
        cached.cache_clear()
    settings = read_settings(root / "mkdocs.yml")
    files = changed_files(root, args.base)
    entries = entry_changes(root, args.base, files)
    changed_sources = frozenset(entry_id for key, entry_id, _, _ in entries if key == "sources")
    pages = changed_pages(files, root, settings.docs_dir, settings.locales, changed_sources, dict(settings.moved_pages),
                          settings.menu_pages)
    problems = data_problems(root, settings.docs_dir, settings.locales)
    site_images = site_image_files(files, root, settings.docs_dir, settings.locales)
    files_shown = [(path, pages_showing(root, settings.docs_dir, settings.locales, path)) for path in files
                   if is_content(path, settings.docs_dir) and path.startswith(settings.docs_dir + "/")
                   and not path.endswith(".md") and path not in site_images and (root / path).exists()]
    print(summary(pages, problems, settings.locales, args.preview_url, code_files(files, settings.docs_dir),
                  site_images, entries, files_shown), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
