"""What the listing hooks share: the validated data of this build run, the template
environment, and per-language settings from mkdocs.yml. Helpers only; not a hook.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig

from _data import MAX_FILE_BYTES, SiteData, build_time, load_site_data
from _site import site_languages

# Set SITE_LISTINGS=off to build the pages without the listings (the benchmark's baseline).
LISTINGS_ENABLED = os.environ.get("SITE_LISTINGS", "on") != "off"

_cache: dict = {"key": None, "data": None}
_env: dict[str, Environment] = {}


def _data_key(config: MkDocsConfig) -> tuple:
    data_dir = data_dir_of(config)
    files = tuple(
        (path.name, path.stat().st_mtime_ns, path.stat().st_size)
        for path in sorted(data_dir.glob("*.yml"))
    )
    locales = tuple(lang.locale for lang in site_languages(config))
    return (str(data_dir), config.docs_dir, locales, files)


def data_dir_of(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent / "data"


def site_data(config: MkDocsConfig) -> SiteData:
    """The data of this build run: read and validated once, not once per language.

    Raises DataError. The cache key is the files' size and modification time, so
    `mkdocs serve` re-reads them after an edit.
    """
    key = _data_key(config)
    if _cache["key"] != key:
        root = Path(config.config_file_path).parent
        max_bytes = int(config.extra.get("data_file_max_bytes", MAX_FILE_BYTES))
        _cache["data"] = load_site_data(data_dir_of(config), Path(config.docs_dir), key[2], root, max_bytes)
        _cache["key"] = key
    return _cache["data"]


def remember_env(env: Environment) -> None:
    _env["current"] = env


def render(template: str, **context) -> Markup:
    """Render a template from overrides/ (or the theme) with the page-building environment."""
    return Markup(_env["current"].get_template(template).render(**context))


def events_settings(config: MkDocsConfig) -> dict:
    settings = config.extra.get("events") or {}
    return {
        "home_timezone": settings.get("home_timezone", "Europe/Helsinki"),
        "reference_timezones": tuple(settings.get("reference_timezones", ())),
        "calendar_file": settings.get("calendar_file", "events.ics"),
    }


def build_now() -> datetime:
    return build_time(os.environ.get("SOURCE_DATE_EPOCH"))
