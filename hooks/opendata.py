"""The events and partners as open data, and the page that lists the site's data files.

Owns: `events.json` and `partners.json` at the site root (one file each, every language's
texts side by side), the datasets' JSON Schemas copied from `data/schemas/` to
`schemas/` (the build refuses any other file there, hooks/_data.py), and the `<!-- data:open-data -->` marker, replaced by
`partials/open-data.html`: every machine-readable file with its licence and format.
The licence is configured in mkdocs.yml under `extra.open_data`.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from babel import Locale
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from _cache import input_hash
from _data import SCHEMA_FOLDER
from _listing import (LISTINGS_ENABLED, build_now, data_dir_of, data_hash, events_settings, listing_cache, render,
                      listing_zones_hash, site_data, templates_hash)
from _opendata import Licence, Publication, events_document, partners_document, to_json
from _page_writer import new_slot
from _passes import AFTER_ALL_LANGUAGES, is_final_pass
from _preview import preview_label
from _site import absolute_url, babel_locale, current_locale, site_languages

MARKER = "<!-- data:open-data -->"
DATASETS = ("events", "partners")  # each published as <name>.json, its schema as schemas/<name>.schema.json
SCHEMA_DIR = SCHEMA_FOLDER  # data/schemas/ and, on the site, schemas/


def licence(config: MkDocsConfig) -> Licence:
    settings = (config.extra.get("open_data") or {}).get("licence") or {}
    if not settings.get("name") or not settings.get("url"):
        raise PluginError("mkdocs.yml: extra.open_data.licence needs a name and a url, like {name: CC BY 4.0, url: https://creativecommons.org/licenses/by/4.0/}")
    return Licence(str(settings["name"]), str(settings["url"]))


def schema_files(config: MkDocsConfig) -> list[Path]:
    """Every data/schemas/*.schema.json (the build refuses any but the datasets')."""
    return sorted((data_dir_of(config) / SCHEMA_DIR).glob("*.schema.json"))


def published_schemas(config: MkDocsConfig) -> dict[str, Path]:
    """dataset name -> its schema file, for the datasets that have one."""
    files = {path.name: path for path in schema_files(config)}
    return {name: files[f"{name}.schema.json"] for name in DATASETS if f"{name}.schema.json" in files}


def _listing_page_urls(config: MkDocsConfig, page: str) -> dict[str, str]:
    """locale -> absolute URL of a listing page ("events/") in that language."""
    return {lang.locale: absolute_url(config, lang.prefix + page) for lang in site_languages(config)}


def _publication(config: MkDocsConfig, dataset: str, schemas: dict[str, Path], generated: str) -> Publication:
    return Publication(
        locales=tuple(lang.locale for lang in site_languages(config)),
        page_urls=_listing_page_urls(config, f"{dataset}/"),
        licence=licence(config),
        generated=generated,
        schema_url=absolute_url(config, f"{SCHEMA_DIR}/{dataset}.schema.json") if dataset in schemas else None,
    )


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    licence(config)  # a missing licence stops the build before any page is built
    return config


@event_priority(AFTER_ALL_LANGUAGES)  # once per build run, after every language's pass
def on_post_build(config: MkDocsConfig) -> None:
    if not LISTINGS_ENABLED or not is_final_pass(config):
        return
    site_dir = Path(config.site_dir)
    for source in published_schemas(config).values():
        (site_dir / SCHEMA_DIR).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, site_dir / SCHEMA_DIR / source.name)
    generated = build_now().isoformat(timespec="seconds")  # one time for both files
    texts = document_texts(config)
    for name in DATASETS:
        (site_dir / f"{name}.json").write_text(texts[name].replace(texts["slot"], generated), encoding="utf-8")


def document_texts(config: MkDocsConfig) -> dict[str, str]:
    """Each document's text with a slot for the build time, and the slot ("slot"): the build
    time changes at every build, the rest only with its inputs, so `mkdocs serve` keeps the
    texts between rebuilds (hooks/_cache.py), keyed by every input."""
    data = site_data(config)
    schemas = published_schemas(config)
    home = events_settings(config)["home_timezone"]
    cache = listing_cache(config)
    key = input_hash(
        data_hash(config), templates_hash(config), config.site_url, [(lang.locale, lang.link) for lang in site_languages(config)],
        licence(config), sorted(schemas), home, listing_zones_hash(config),
    ) if cache.enabled else ""
    kept = cache.get("opendata", key)
    if not (isinstance(kept, dict) and set(kept) == {"slot", *DATASETS} and all(isinstance(v, str) for v in kept.values())):
        slot = new_slot()
        documents = {
            "events": events_document(data.events, _publication(config, "events", schemas, slot), home),
            "partners": partners_document(data.partners, _publication(config, "partners", schemas, slot),
                                          lambda path: absolute_url(config, path)),
        }
        kept = {"slot": slot, **{name: to_json(document) for name, document in documents.items()}}
        cache.put("opendata", key, kept)
    return kept


@event_priority(50)  # before the search plugin reads the page, like the other listings
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    if MARKER in page.content:
        page.content = page.content.replace(MARKER, render_file_list(config, page))
    return context


def render_file_list(config: MkDocsConfig, page: Page) -> str:
    schemas = published_schemas(config)

    def link(path: str) -> str:
        return get_relative_url(path, page.url)

    calendar = events_settings(config)["calendar_file"]
    calendars = []
    for lang in site_languages(config):
        path = lang.prefix + calendar
        # The language named in the page's own ("Finnish", "englanti"): "Language: Suomi" read oddly
        # on the English page (content review 34c).
        name = Locale.parse(lang.locale).get_display_name(babel_locale(config, current_locale(config)))
        calendars.append({"language": lang, "language_name": name, "file": path, "href": link(path)})
    datasets = [
        {"name": name, "file": f"{name}.json", "href": link(f"{name}.json"),
         "schema": {"file": f"{SCHEMA_DIR}/{name}.schema.json", "href": link(f"{SCHEMA_DIR}/{name}.schema.json")} if name in schemas else None}
        for name in DATASETS
    ]
    return render(
        "partials/open-data.html",
        config=config,
        locale=current_locale(config),
        datasets=datasets if LISTINGS_ENABLED else [],
        calendars=calendars if LISTINGS_ENABLED else [],
        # A preview writes no sitemap (hooks/preview.py).
        sitemap=None if preview_label() else {"file": "sitemap.xml", "href": link("sitemap.xml")},
        licence=licence(config),
        example_url=absolute_url(config, "events.json"),
    )

