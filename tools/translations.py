"""The translation report: `make translations`, or `python -m tools.translations`.

Names every page that lacks a file in one of the site's languages, and every translation
that is older in git than its sibling in another language, with both dates. Exit status 1
when a language file is missing (the strict build would fail too), else 0: an older
translation is a reminder, not an error. The languages and docs_dir come from mkdocs.yml.
In GitHub Actions (GITHUB_ACTIONS=true) each finding is also printed as an annotation, so
it shows on the pull request.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))  # the hooks import each other this way too

from _annotations import printable, workflow_command  # noqa: E402
from _history import PageStatus, translation_status  # noqa: E402


@dataclass(frozen=True)
class Settings:
    docs_dir: str
    locales: tuple[str, ...]  # the default language first
    moved_pages: tuple[tuple[str, str], ...] = ()  # extra.moved_pages: (old page name, new page name)
    menu_pages: frozenset[str] | None = None  # the page files nav names ("events.md"); None without a nav


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml for its plain values; tags such as !ENV or !!python/name become None."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_settings(config_file: Path) -> Settings:
    """docs_dir, the built languages (mkdocs-static-i18n's `languages`) and the moved pages of an mkdocs.yml."""
    config = yaml.load(Path(config_file).read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    theme = config.get("theme") if isinstance(config.get("theme"), dict) else {}
    languages = _i18n_languages(config.get("plugins") or [])
    locales = tuple(
        str(lang["locale"])
        for lang in sorted(languages, key=lambda lang: not lang.get("default"))
        if lang.get("locale") and lang.get("build", True) is not False
    )
    extra = config.get("extra") if isinstance(config.get("extra"), dict) else {}
    moved = extra.get("moved_pages") if isinstance(extra.get("moved_pages"), dict) else {}
    return Settings(str(config.get("docs_dir") or "docs"), locales or (str(theme.get("language") or "en"),),
                    tuple((str(old), str(new)) for old, new in moved.items()),
                    frozenset(_menu_pages(config["nav"])) if isinstance(config.get("nav"), list) else None)


def _menu_pages(nav) -> Iterator[str]:
    """The page files an mkdocs.yml nav names, sections included."""
    for item in nav:
        values = item.values() if isinstance(item, dict) else [item]
        for value in values:
            if isinstance(value, list):
                yield from _menu_pages(value)
            elif isinstance(value, str):
                yield value


def _i18n_languages(plugins) -> list[dict]:
    entries = plugins.items() if isinstance(plugins, dict) else (
        next(iter(p.items())) for p in plugins if isinstance(p, dict) and len(p) == 1
    )
    for name, options in entries:
        if name == "i18n" and isinstance(options, dict):
            return [lang for lang in options.get("languages") or [] if isinstance(lang, dict)]
    return []


def report(statuses: list[PageStatus], settings: Settings, dates_known: bool) -> str:
    """The report as plain English text."""
    missing = [s for s in statuses if s.missing]
    stale = [s for s in statuses if s.stale]
    lines = [f"Translation report: {_count(len(statuses), 'page')} in {', '.join(settings.locales)} ({settings.docs_dir}/)", ""]
    if missing:
        lines.append("Missing language versions (the site does not build until these files exist):")
        lines += [f"  - {status.stem}: {_missing_line(status)}" for status in missing]
        lines.append("")
    if stale:
        lines.append("Translations that may be out of date (another language version changed later):")
        lines += [line for status in stale for line in _stale_lines(status)]
        lines.append("")
    if not dates_known:
        lines.append("No dates from git (git or the repository history is missing, or the pages are not committed yet): translations were not compared by date.")
    if not missing and not stale:
        lines.append(f"All {_count(len(statuses), 'page')} exist in every language" + (" and are up to date." if dates_known else "."))
    else:
        lines.append(f"Summary: {_count(len(missing), 'page')} missing a language version, {_count(len(stale), 'page')} with an older translation.")
    # A page's name may hold a new line: each line of the report stays one line of the log.
    return "\n".join(printable(line) for line in lines)


def _missing_line(status: PageStatus) -> str:
    absent = " and ".join(status.files[locale] for locale in status.missing)
    present = " and ".join(path for locale, path in status.files.items() if locale not in status.missing)
    verb = "is" if len(status.missing) == 1 else "are"
    return f"{absent} {verb} missing ({present} exists)"


def _stale_lines(status: PageStatus) -> list[str]:
    lines = []
    for locale in status.stale:
        lines.append(f"  - {status.stem}: {status.files[locale]} last changed {_when(status.changed[locale])},")
        lines += [
            f"      but {status.files[newer]} changed later, {_when(status.changed[newer])}"
            for newer in status.newer_than(locale)
        ]
    return lines


def _when(moment: datetime | None) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC") if moment else "(unknown)"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def annotations(statuses: list[PageStatus]) -> list[str]:
    """GitHub annotations: an error for each missing file, a warning for each older translation."""
    lines = [
        workflow_command("error", f"This page has no {locale} version: create {status.files[locale]}",
                         file=_present_file(status), title="Missing translation")
        for status in statuses for locale in status.missing
    ]
    lines += [
        workflow_command("warning", f"{status.files[newer]} changed later ({_when(status.changed[newer])}) than this file "
                         f"({_when(status.changed[locale])}); check whether this translation needs the same change.",
                         file=status.files[locale], title="Translation may be out of date")
        for status in statuses for locale in status.stale for newer in status.newer_than(locale)
    ]
    return lines


def _present_file(status: PageStatus) -> str:
    return next(path for locale, path in status.files.items() if locale not in status.missing)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.translations", description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="the repository (default: this one)")
    parser.add_argument("--config", default="mkdocs.yml", help="the MkDocs configuration, relative to --root")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    settings = read_settings(root / args.config)
    docs = root / settings.docs_dir
    statuses = translation_status(root, docs, settings.locales)
    dates_known = any(moment for status in statuses for moment in status.changed.values())
    print(report(statuses, settings, dates_known))
    if os.environ.get("GITHUB_ACTIONS") == "true":
        print("\n".join(annotations(statuses)))
    return 1 if any(status.missing for status in statuses) else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:
        # `python -m tools.translations | head` closed the pipe: the report was cut short, as asked.
        # Python's own recipe (the signal module's documentation): no traceback at exit either.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
