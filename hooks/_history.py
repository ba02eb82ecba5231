"""When each source file last changed in git, and which translations lag behind.

No MkDocs import: used by `hooks/history.py` (page dates and stale notices) and by
`tools/translations.py` (`make translations`).

Dates come from one `git log` over the docs and data trees, read once per repository and
HEAD, so the languages of one build (mkdocs-static-i18n builds each in its own pass) share
it. The log follows the first parent: a pull request merged with a merge commit counts as
one change at the time it was merged, so a page whose two language files were edited in
separate commits of one pull request is not reported as stale. Within the pull request (its
preview, `make translations` on its branch) the page's `translation_checked:` day does that:
changes up to the end of the latest such day of the page's files make no language stale.
Without git, without a repository or without history, every date is unknown (None) and
nothing is stale; nothing here raises for that.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Mapping

from _yaml import front_matter

TREES = ("docs", "data")
_RECORD = "\x1e"  # starts each commit in the log output, followed by its committer date
_GIT_TIMEOUT = 120


@dataclass(frozen=True)
class PageStatus:
    """One page (`docs/<stem>.<locale>.md` for each locale) and how its translations stand."""

    stem: str  # "declaration", or "guides/setup" below docs/
    files: dict[str, str]  # locale -> path from the repository root (where it is expected, if missing)
    changed: dict[str, datetime | None]  # locale -> last commit; None when missing or unknown
    missing: tuple[str, ...]  # locales whose file does not exist
    stale: tuple[str, ...]  # locales whose file changed before another locale's file
    # The latest `translation_checked:` day of the page's files: the languages said the same
    # then, so changes up to the end of that day make no language stale.
    checked: date | None = None

    def newer_than(self, locale: str) -> tuple[str, ...]:
        """The locales whose file changed after this locale's file (empty when unknown)."""
        return _newer(self.changed, locale, self.checked)


def _newer(changed: Mapping[str, datetime | None], locale: str, checked: date | None = None) -> tuple[str, ...]:
    own = changed.get(locale)
    if own is None:
        return ()
    return tuple(other for other, when in changed.items()
                 if when is not None and when > own and (checked is None or when.date() > checked))


def checked_day(page: Path) -> date | None:
    """The day in a page's `translation_checked:` field, or None (no field, no such day, no file).
    An editor who fixes one language sets it in the other file in the same pull request; the
    two files' commits of that pull request then make neither stale in its preview (hunt 21b).

    Read from the front matter as MkDocs and the build's checks read it (hooks/_pages.py checks
    how it is written): a pattern of its own read a field after a `...` line that ends the front
    matter, inside an HTML comment the checks never saw, and a day in 2099 hid every later
    change of the other language (hunt 35a)."""
    try:
        text = page.read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    data = front_matter(text)
    value = data.get("translation_checked") if data is not None else None
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        return None


def last_changed(repo_root: Path, trees: tuple[str, ...] = TREES) -> dict[str, datetime]:
    """The last commit date of every file under `trees`, by path relative to `repo_root`.

    Empty when git, the repository or its history is missing.
    """
    root = Path(repo_root).resolve()
    head = _git(root, "rev-parse", "--verify", "--quiet", "HEAD")
    if not head:
        return {}
    return dict(_read_log(str(root), head.strip(), tuple(trees)))


def translation_status(
    repo_root: Path,
    docs_dir: Path,
    locales: tuple[str, ...] | list[str],
    changed: Mapping[str, datetime] | None = None,
) -> list[PageStatus]:
    """Every page under `docs_dir` with its file, date, missing and stale state per locale.

    `changed` defaults to `last_changed(repo_root)` over `docs_dir` and data/.
    """
    root = Path(repo_root).resolve()
    docs = Path(docs_dir).resolve()
    if changed is None:
        changed = last_changed(root, _trees(root, docs))
    docs_path = relative_path(docs, root)
    return [
        _status(stem, present, docs_path, tuple(locales), changed, docs)
        for stem, present in sorted(_pages(docs, locales).items())
    ]


def _status(stem: str, present: set[str], docs_path: str, locales: tuple[str, ...], changed: Mapping[str, datetime],
            docs: Path) -> PageStatus:
    files = {locale: f"{docs_path}/{stem}.{locale}.md" for locale in locales}
    dates = {locale: changed.get(files[locale]) if locale in present else None for locale in locales}
    missing = tuple(locale for locale in locales if locale not in present)
    checked = max(filter(None, (checked_day(docs / f"{stem}.{locale}.md") for locale in present)), default=None)
    stale = tuple(locale for locale in locales if _newer(dates, locale, checked))
    return PageStatus(stem, files, dates, missing, stale, checked)


def _pages(docs: Path, locales) -> dict[str, set[str]]:
    """stem -> the locales that have a `<stem>.<locale>.md` below docs."""
    pages: dict[str, set[str]] = {}
    if not docs.is_dir():
        return pages
    for path in docs.rglob("*.md"):
        if not path.is_file():
            continue
        stem, _, locale = path.relative_to(docs).as_posix()[: -len(".md")].rpartition(".")
        if stem and locale in locales:
            pages.setdefault(stem, set()).add(locale)
    return pages


def _trees(root: Path, docs: Path) -> tuple[str, ...]:
    docs_tree = relative_path(docs, root)
    return TREES if docs_tree == "docs" else (docs_tree, "data")


def relative_path(path: Path | str, root: Path) -> str:
    """`path` relative to `root` in posix form, or as given when it lies outside."""
    try:
        return Path(path).resolve().relative_to(root).as_posix()
    except ValueError:
        return Path(path).as_posix()


@lru_cache(maxsize=8)
def _read_log(root: str, head: str, trees: tuple[str, ...]) -> tuple[tuple[str, datetime], ...]:
    """(path, last commit date) pairs for one repository at one HEAD; cached per process."""
    output = _git(
        Path(root), "-c", "core.quotepath=off", "log", "-m", "--first-parent", "--relative",
        "--name-only", f"--format={_RECORD}%cI", head, "--", *trees,
    )
    return tuple(parse_log(output or "").items())


def parse_log(output: str) -> dict[str, datetime]:
    """Each path's newest date in `git log --name-only --format=<RS>%cI` output (newest first)."""
    dates: dict[str, datetime] = {}
    current: datetime | None = None
    for line in output.split("\n"):  # not splitlines(): it also splits at the record separator
        if line.startswith(_RECORD):
            current = _parse_date(line[len(_RECORD):])
        elif line.strip() and current is not None:
            dates.setdefault(line.strip(), current)
    return dates


def _parse_date(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text.strip())
    except ValueError:
        return None


def _git(root: Path, *args: str) -> str | None:
    """git's standard output, or None when git is missing, fails or takes too long."""
    try:
        result = subprocess.run(
            ["git", "-C", str(root), *args],
            capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=_GIT_TIMEOUT,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None
