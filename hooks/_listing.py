"""What the listing hooks share: the validated data of this build run, the template
environment, and per-language settings from mkdocs.yml. Helpers only; not a hook.
"""

from __future__ import annotations

import gc
import os
import re
import stat
from bisect import bisect_right
import sys
import zoneinfo
from contextlib import contextmanager
from datetime import datetime, timezone
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import NamedTuple

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket
from jinja2.nodes import EvalContext
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from _annotations import printable
from _cache import ListingCache, files_hash, input_hash
from _data import (DATA_FILES, MAX_FILE_BYTES, SCHEMA_FOLDER, DataError, SiteData, build_time, known_zone, load_site_data,
                   split_events)
from _site import site_languages
from _tree import unfenced

# Set SITE_LISTINGS=off to build the pages without the listings (the benchmark's baseline).
LISTINGS_ENABLED = os.environ.get("SITE_LISTINGS", "on") != "off"

_cache: dict = {"key": None, "data": None, "logos": []}
_env: dict[str, Environment] = {}


class DataKey(NamedTuple):
    """What the data of a build run depend on: the data files' contents (`contents`, a hash,
    and `oversized`, the stats of files over the size limit, which are refused unread), the
    names in data/ and data/schemas/ (a file the site does not read stops the build), and
    each partner logo's file as it was when last read."""

    data_dir: str
    docs_dir: str
    locales: tuple[str, ...]
    city_zones: tuple[str, ...]  # the clocks of the site's cities, which their events must use
    contents: str
    oversized: tuple
    names: tuple[str, ...]
    logos: tuple


def _data_key(config: MkDocsConfig) -> DataKey:
    data_dir = data_dir_of(config)
    locales = tuple(lang.locale for lang in site_languages(config))
    max_bytes = int(config.extra.get("data_file_max_bytes", MAX_FILE_BYTES))
    stats = [(data_dir / name, _stat(data_dir / name)) for name in DATA_FILES]
    # A file over the limit is refused without being read, so its stat stands for its contents
    # (hunt 27b: every data/*.yml was read whole into memory, 90 MB files included).
    readable = [path for path, found in stats if found and found[2] <= max_bytes]
    try:
        names = tuple(sorted(str(entry.relative_to(data_dir)) for folder in (data_dir, data_dir / SCHEMA_FOLDER)
                             if folder.is_dir() for entry in folder.iterdir()))
    except OSError:
        names = ()
    settings = events_settings(config)
    city_zones = tuple(dict.fromkeys((settings["home_timezone"], *settings["reference_timezones"])))
    return DataKey(str(data_dir), config.docs_dir, locales, city_zones, _contents_hash(readable),
                   tuple(found for path, found in stats if path not in readable), names, _logo_stats())


def _logo_stats() -> tuple:
    """The stats of the partner logos of the data read last (hunt 27b: under `make serve` a
    replaced logo kept its old size, and a logo the build refuses passed)."""
    return tuple(_stat(path) for path in _cache["logos"])


def _contents_hash(paths: list[Path]) -> str:
    """files_hash(paths), read again only when a file's size or modification time changed:
    the listings ask for the data several times per build."""
    return _hash_unless_unchanged("data", tuple(_stat(path) for path in paths), lambda: files_hash(paths))


def data_dir_of(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent / "data"


def site_data(config: MkDocsConfig) -> SiteData:
    """The data of this build run: read and validated once, not once per language.

    Raises DataError. The cache key is `_data_key`: the data files' contents, the names in
    data/ and data/schemas/, and the partner logos' files, so `mkdocs serve` re-reads them
    after such an edit, and only then (a page edit leaves them as they were).
    """
    key = per_build_run(config, "data key", lambda: _data_key(config))
    if _cache.get("refused") and _cache["refused"][0] == key:
        # Bad data are read once per build run, as good data are (hunt 34f: five times).
        raise _cache["refused"][1]
    if _cache["key"] != key:
        root = Path(config.config_file_path).parent
        max_bytes = int(config.extra.get("data_file_max_bytes", MAX_FILE_BYTES))
        _cache["key"] = _cache["data"] = None  # the old data are garbage before the new are read
        _splits.update(events=None, ends=[], split=None)
        with gc_paused():
            try:
                _cache["data"] = load_site_data(data_dir_of(config), Path(config.docs_dir), key.locales, root,
                                                max_bytes, key.city_zones)
            except DataError as error:
                _cache["refused"] = (key, error)
                raise
        _cache["refused"] = None
        _cache["logos"] = sorted({Path(config.docs_dir) / partner.logo for partner in _cache["data"].partners
                                  if partner.logo})
        _cache["key"] = key._replace(logos=_logo_stats())  # the logos of the data just read
    return _cache["data"]


_splits: dict = {"events": None, "zone": None, "ends": [], "past_count": None, "split": None}


def upcoming_and_past(events, now: datetime, home_timezone: str) -> tuple[list, list]:
    """split_events(events, now, home_timezone), made again only when `now` has passed the
    end of an event since the last time: the past events are those whose end is at or before
    `now`, so their number among the sorted ends decides the split. Under `mkdocs serve` the
    build time moves on every rebuild; this keeps the split of 10,000 events from being
    sorted again each time."""
    if _splits["events"] is not events or _splits["zone"] != home_timezone:
        ends = sorted(event.ends_at(home_timezone).astimezone(timezone.utc) for event in events)  # as split_events
        _splits.update(events=events, zone=home_timezone, ends=ends, past_count=None)
    past_count = bisect_right(_splits["ends"], now.astimezone(timezone.utc))
    if _splits["past_count"] != past_count:
        _splits.update(past_count=past_count, split=split_events(events, now, home_timezone))
    return _splits["split"]


def data_problems(config: MkDocsConfig) -> list:
    """The data files' problems (_data.Problem, in file and line order); [] when they are valid."""
    try:
        site_data(config)
    except DataError as error:
        return error.problems
    return []


def data_hash(config: MkDocsConfig) -> str:
    """The hash of the contents of the data files that `site_data` returns."""
    site_data(config)
    return _cache["key"].contents


@contextmanager
def gc_paused():
    """Python's cyclic garbage collector off while tens of thousands of objects are made.

    Each collection walks every object alive, so collections triggered while YAML nodes,
    events and their views pile up cost more the more there are: at 10,000 events, two thirds
    of reading the data. These objects hold no reference cycles; they are freed by reference
    counting, and the collector runs again as soon as the block ends.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def search_plugin(config: MkDocsConfig):
    """Material's search plugin, or None when the site has no search."""
    return config.plugins.get("material/search") or config.plugins.get("search")


def keep_search_entries(config: MkDocsConfig, page, kind: str) -> None:
    """Under `mkdocs serve`, let Material's search plugin index `page` only when what it reads
    has changed: its entries for the page are kept in the serve cache (hooks/_cache.py) as
    `kind`. Parsing a listing page of 100 partners is most of what a page edit elsewhere costs.

    Called from an `on_page_context` before the plugin's (priority 0); the plugin's indexing
    method is wrapped for this one call, so the key is taken from the page as the plugin
    reads it: its content, address, title, table of contents and front matter.
    """
    cache, search = listing_cache(config), search_plugin(config)
    if not cache.enabled or search is None:
        return
    index = search.search_index
    index_page = index.add_entry_from_context

    def index_once(indexed) -> None:
        index.add_entry_from_context = index_page  # this call only
        if indexed is not page:
            return index_page(indexed)
        # Without the guards' fences, whose word is new in each process (the plugin reads past comments).
        key = input_hash(unfenced(page.content), page.url, page.title, _toc(page.toc),
                         repr(sorted(page.meta.items(), key=str)), templates_hash(config))  # Material's version among the rest
        entries = cache.get(kind, key)
        if isinstance(entries, list) and all(isinstance(entry, dict) for entry in entries):
            index.entries.extend(dict(entry) for entry in entries)
            return None
        count = len(index.entries)
        index_page(indexed)
        cache.put(kind, key, [dict(entry) for entry in index.entries[count:]])
        return None

    index.add_entry_from_context = index_once


def _toc(items) -> list:
    return [(item.id, item.url, item.title, item.level, _toc(item.children)) for item in items]


def listing_cache(config: MkDocsConfig) -> ListingCache:
    """The serve cache (SITE_LISTINGS_CACHE), or one that holds nothing."""
    return ListingCache.from_environment(Path(config.config_file_path).parent)


def per_build_run(config: MkDocsConfig, name: str, compute):
    """compute(), once per build run: every language's pass shares one configuration object,
    and `mkdocs serve` loads a new one for each rebuild. For what the listings ask of the
    files many times per build (their hashes), so that the files are looked at once."""
    if _run["config"] is not config:
        _run.update(config=config, values={})
    if name not in _run["values"]:
        _run["values"][name] = compute()
    return _run["values"][name]


_run: dict = {"config": None, "values": {}}


def templates_hash(config: MkDocsConfig) -> str:
    """What a rendered listing depends on besides the data and the page: the site's
    templates, hooks and configuration file, and the versions of the libraries they use."""
    return per_build_run(config, "templates hash", lambda: _templates_hash(config))


def _templates_hash(config: MkDocsConfig) -> str:
    root = Path(config.config_file_path).parent
    custom_dir = Path(config.theme.custom_dir) if config.theme.custom_dir else root / "overrides"
    sources = [Path(config.config_file_path), *root.glob("hooks/*.py"), *custom_dir.glob("**/*.html")]
    stats = tuple(found for found in map(_stat, sources) if found)

    def compute() -> str:
        libraries = tuple(version(name) for name in ("mkdocs", "mkdocs-material", "Jinja2", "babel", "icalendar"))
        return input_hash(files_hash(Path(path) for path, _, _ in stats), libraries, sys.version)
    return _hash_unless_unchanged("templates", stats, compute)


def _hash_unless_unchanged(name: str, stats: tuple, compute) -> str:
    """compute(), or the hash it gave the last time `name` was asked for if the files' stats
    (_stat: path, modification time, size) are the same: files are read only after a change."""
    kept = _file_hashes.get(name)
    if kept is None or kept[0] != stats:
        kept = _file_hashes[name] = (stats, compute())
    return kept[1]


_file_hashes: dict[object, tuple[tuple, str]] = {}


def _stat(path: Path) -> tuple[str, int, int] | None:
    """(path, modification time, size) of a file, or None if it is not one: one stat call."""
    try:
        status = path.stat()
    except OSError:
        return None
    return (str(path), status.st_mtime_ns, status.st_size) if stat.S_ISREG(status.st_mode) else None


def listing_zones_hash(config: MkDocsConfig) -> str:
    """zones_hash of every zone the listings use: the configured home and reference zones and
    each event's own. Once per build run; the listings' serve-cache keys share it."""
    def compute() -> str:
        settings = events_settings(config)
        events = site_data(config).events
        return zones_hash([settings["home_timezone"], *settings["reference_timezones"],
                           *(event.timezone for event in events if event.timezone)])
    return per_build_run(config, "zones hash", compute)


def zones_hash(zones) -> str:
    """The hash of the time zone rules of `zones` (the system's or the tzdata package's files),
    read again only when a file's size or modification time changed."""
    names = tuple(sorted(set(zones)))
    # Each zone's file, or the zone's name where no file has it (the hash then holds the name).
    files = tuple(next((found for found in (_stat(Path(folder) / zone) for folder in zoneinfo.TZPATH) if found), zone)
                  for zone in names)

    def compute() -> str:
        found = [Path(entry[0]).read_bytes() if isinstance(entry, tuple) else entry for entry in files]
        try:
            found.append(version("tzdata"))
        except PackageNotFoundError:
            pass
        return input_hash(*found)
    return _hash_unless_unchanged(("zones", names), files, compute)


class CompiledTemplates(BytecodeCache):
    """Jinja's bytecode cache, held in memory for the build process: each template is compiled
    once per source text, not once per language (mkdocs-static-i18n builds every language with
    a new environment, configured alike), and `mkdocs serve` compiles again only what changed.
    The key is the template's name and file, checked against a checksum of its source."""

    def __init__(self):
        self._code: dict[str, tuple[str, object]] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        checksum, code = self._code.get(bucket.key, (None, None))
        if checksum == bucket.checksum:
            bucket.code = code

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = (bucket.checksum, bucket.code)


_compiled = CompiledTemplates()


def remember_env(env: Environment) -> None:
    """Keep the page-building environment for the listings, and share compiled templates."""
    env.bytecode_cache = _compiled
    _env["current"] = env


def render(template: str, **context) -> Markup:
    """Render a template from overrides/ (or the theme) with the page-building environment."""
    return Markup(render_text(template, **context))


def render_text(template: str, **context) -> str:
    """`render` for text that goes into a page, not into another template."""
    return env_template(template).render(**context)


def env_template(template: str):
    """A template of the page-building environment, for `generate()`: a listing of 10,000
    events is written item by item, never joined into one string."""
    return _env["current"].get_template(template)


def ui_text(config: MkDocsConfig, key: str) -> str:
    """One of the site's interface texts (overrides/partials/languages/) in the language being
    built, as plain text: what a template's `lang.t(key)` shows. The table is made once per
    language's environment (making it took 1 ms, ten times per language)."""
    env = _env["current"]
    if _ui["env"] is not env:
        _ui.update(env=env, module=env.get_template("partials/language.html").make_module({"config": config}))
    return Markup(_ui["module"].t(key)).unescape()


_ui: dict = {"env": None, "module": None}


def to_json(value) -> Markup:
    """What the templates' `| tojson` writes for `value`, with the page-building environment's
    own filter: computed once and kept between `mkdocs serve` rebuilds with the listing."""
    env = _env["current"]
    return env.filters["tojson"](EvalContext(env), value)


def events_settings(config: MkDocsConfig) -> dict:
    """mkdocs.yml extra.events, as check_events_settings has let it through."""
    settings = config.extra["events"]
    return {
        "home_timezone": settings["home_timezone"],
        "reference_timezones": tuple(settings["reference_timezones"]),
        "calendar_file": settings["calendar_file"],
    }


CALENDAR_FILE = re.compile(r"[a-z0-9][a-z0-9-]*\.ics")


def check_events_settings(config: MkDocsConfig) -> None:
    """Stop the build on any problem of mkdocs.yml extra.events, all told at once (review
    35c: a misspelt home_timezone ended the build in a traceback from zoneinfo, and a
    calendar_file of ../x.ics would have been written outside the site)."""
    settings = (config.extra or {}).get("events")
    if not isinstance(settings, dict):
        raise PluginError("mkdocs.yml: extra.events: expected home_timezone, reference_timezones and calendar_file, "
                          f"got {printable(repr(settings)[:80])}")
    shown = {key: printable(repr(value)[:80]) for key, value in settings.items()}
    problems = [f"extra.events: unknown setting {printable(repr(key)[:40])}; expected home_timezone, "
                "reference_timezones and calendar_file" for key in settings
                if key not in ("home_timezone", "reference_timezones", "calendar_file")]
    if not known_zone(settings.get("home_timezone")):
        problems.append("extra.events.home_timezone: expected a time zone of the IANA database, such as "
                        f"Europe/Helsinki, got {shown.get('home_timezone', 'nothing')}")
    zones = settings.get("reference_timezones")
    if not (isinstance(zones, list) and all(known_zone(zone) for zone in zones)):
        problems.append("extra.events.reference_timezones: expected a list of time zones of the IANA database, such "
                        f"as [Europe/Helsinki, Europe/London], got {shown.get('reference_timezones', 'nothing')}")
    if not (isinstance(settings.get("calendar_file"), str) and CALENDAR_FILE.fullmatch(settings["calendar_file"])):
        problems.append("extra.events.calendar_file: expected a file name of lower-case letters, digits and '-' "
                        f"ending in .ics, such as events.ics, got {shown.get('calendar_file', 'nothing')}")
    if problems:
        raise PluginError("mkdocs.yml: " + "\n  ".join(problems))


def build_now() -> datetime:
    return build_time(os.environ.get("SOURCE_DATE_EPOCH"))
