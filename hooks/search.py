"""One search index per language.

Owns: `search/search_index.json` (default language) and `<lang>/search/search_index.json`.

mkdocs-static-i18n merges every language into one index at the site root, so a Finnish
reader would get English results too. After the last language is built, this hook splits
the merged index by URL prefix and gives each language its own index, with locations
relative to that language's root and only that language's stemmer. The templates point
Material's search at the index of the page's language (`overrides/main.html`).
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from _site import Language, site_languages

INDEX_PATH = Path("search") / "search_index.json"
WORKER_GLOB = "assets/javascripts/workers/search.*.min.js"


def search_worker(theme_dirs: list[str]) -> str:
    """The path of Material's search worker below the site root, found among the theme's files.

    Its name carries a content hash that changes with every Material release; main.html's
    copy of Material's `__config` block needs it.
    """
    for folder in theme_dirs:
        found = sorted(p.relative_to(folder).as_posix() for p in Path(folder).glob(WORKER_GLOB))
        if len(found) == 1:
            return found[0]
        if found:
            raise PluginError(f"Material's theme has several search workers ({', '.join(found)}); expected one")
    raise PluginError(f"Material's search worker ({WORKER_GLOB}) is not among the theme's files: has Material changed?")


def on_env(env, config: MkDocsConfig, files):
    env.globals["search_worker"] = search_worker(list(config.theme.dirs))
    return env


def _prefix(language: Language) -> str:
    return language.link.strip("/") + "/" if language.link.strip("/") else ""


def split_index(index: dict, languages: list[Language]) -> dict[str, dict]:
    """The merged index split into one index per locale, keyed by locale."""
    prefixes = {lang.locale: _prefix(lang) for lang in languages}
    # Longest prefix first, so the default language's empty prefix is the last resort.
    ordered = sorted(languages, key=lambda lang: len(prefixes[lang.locale]), reverse=True)
    split: dict[str, dict] = {
        lang.locale: {"config": {**index["config"], "lang": [lang.locale]}, "docs": []}
        for lang in languages
    }
    by_prefix = [(prefixes[lang.locale], split[lang.locale]["docs"], lang.locale) for lang in ordered]
    seen: set[tuple[str, str]] = set()
    for doc in index["docs"]:
        whole = doc["location"]
        for prefix, docs, locale in by_prefix:  # a loop, not next(...): a generator per entry cost more
            if whole.startswith(prefix):
                break
        else:  # only without a default language, whose prefix is ""
            raise PluginError(f"search index entry {whole!r} belongs to no language of the site")
        location = whole[len(prefix):]
        if (locale, location) in seen:  # i18n re-adds entries on live reload
            continue
        seen.add((locale, location))
        docs.append({**doc, "location": location})
    return split


@event_priority(-200)  # after mkdocs-static-i18n (-100) has written the merged index
def on_post_build(config: MkDocsConfig) -> None:
    merged_path = Path(config.site_dir) / INDEX_PATH
    if not merged_path.exists():
        return
    languages = site_languages(config)
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    indexes = split_index(merged, languages)
    for lang in languages:
        target = Path(config.site_dir) / _prefix(lang) / INDEX_PATH
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(indexes[lang.locale], ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
