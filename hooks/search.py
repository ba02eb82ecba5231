"""One search index per language.

Owns: `search/search_index.json` (default language) and `<lang>/search/search_index.json`.

mkdocs-static-i18n merges every language into one index at the site root, so a Finnish
reader would get English results too. After the last language is built, this hook splits
the merged index by URL prefix and gives each language its own index, with locations
relative to that language's root and only that language's stemmer. The templates point
Material's search at the index of the page's language (`overrides/main.html`).

The split is made from the search plugin's entries in memory, and the plugin writes only a
placeholder. Otherwise it serialises an index after each language's build and once more
merged, and this hook reads the merged one back: each entry went through JSON four times
where once is enough (at 1,000 events, most of what the search index cost a `make serve`
rebuild). The output is what the split of the plugin's own file gives, entry for entry
(`test_split_from_memory_is_the_split_of_materials_file`).
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from _listing import search_plugin
from _passes import AFTER_ALL_LANGUAGES, is_final_pass
from _site import Language, site_languages

INDEX_PATH = Path("search") / "search_index.json"
# What Material's SearchIndex.generate_search_index puts under "config", from its own config.
INDEX_CONFIG_KEYS = ("lang", "separator", "pipeline", "fields")
# What the plugin writes in place of the merged index, until on_post_build writes the real ones.
PLACEHOLDER_INDEX = '{"config":{},"docs":[]}'
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


def split_index(index: dict, languages: list[Language]) -> dict[str, dict]:
    """The merged index split into one index per locale, keyed by locale."""
    prefixes = {lang.locale: lang.prefix for lang in languages}
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
        location = whole[len(prefix):] if prefix else whole
        if (locale, location) in seen:  # i18n re-adds entries on live reload
            continue
        seen.add((locale, location))
        # Never changed in place (the serve cache holds some of these very objects): the default
        # language's entries go in as they are, the others as copies with a shorter location.
        docs.append({**doc, "location": location} if prefix else doc)
    return split


def index_config(search) -> dict:
    """The "config" of the search plugin's index, as its generate_search_index writes it."""
    config = {key: search.search_index.config[key] for key in INDEX_CONFIG_KEYS}
    return json.loads(json.dumps(config, separators=(",", ":"), default=str))


def _placeholder(prev=None) -> str:
    return PLACEHOLDER_INDEX


def on_pre_build(config: MkDocsConfig) -> None:
    """The plugin's own index is not written: on_post_build writes each language's index."""
    search = search_plugin(config)
    # Under `mkdocs serve --dirty` the plugin's generate_search_index merges the previous
    # build's entries into search_index.entries, which on_post_build reads: it must run.
    if search is not None and search.config.enabled and not getattr(search, "is_dirty", False):
        # An attribute of this build's SearchIndex (the plugin makes a new one in each on_config).
        search.search_index.generate_search_index = _placeholder


@event_priority(AFTER_ALL_LANGUAGES)  # after mkdocs-static-i18n (-100) has merged every language's entries
def on_post_build(config: MkDocsConfig) -> None:
    search = search_plugin(config)
    # Not in i18n's builds of the other languages, before the entries are merged.
    if search is None or not search.config.enabled or not is_final_pass(config):
        return
    languages = site_languages(config)
    merged = {"config": index_config(search), "docs": search.search_index.entries}
    indexes = split_index(merged, languages)
    for lang in languages:
        target = Path(config.site_dir) / lang.prefix / INDEX_PATH
        target.parent.mkdir(parents=True, exist_ok=True)
        # allow_nan=False: Infinity or NaN would make the whole index unreadable to the browser.
        text = json.dumps(indexes[lang.locale], ensure_ascii=False, separators=(",", ":"), default=str, allow_nan=False)
        target.write_text(text, encoding="utf-8")
