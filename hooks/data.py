"""Loads and validates data/events.yml and data/partners.yml at the start of each build
(data/sources.yml: hooks/sources.py), after checking what their reading depends on:
SOURCE_DATE_EPOCH and mkdocs.yml `extra.events`, which stop the build at once.

Owns: reading the data once per build run (the cache is hooks/_listing.py's `site_data`). Their problems, one line each (file:line: field:
what was expected), are told by hooks/guards.py with the pages' problems found in the same
pass, before any page is written (session 34e: bad data hid every page's problems until
fixed); the build then ends with a non-zero exit and no Python traceback. In GitHub Actions
each problem is also a workflow annotation, so it shows on the pull request's diff.
"""

from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from _data import build_time
from _listing import LISTINGS_ENABLED, check_events_settings, data_problems


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _check_source_date_epoch()
    check_events_settings(config)  # before anything reads them: the data's zones, the dates' filter
    if not LISTINGS_ENABLED:
        return config
    data_problems(config)  # read now; told by hooks/guards.py (on_env)
    return config


def _check_source_date_epoch() -> None:
    try:
        build_time(os.environ.get("SOURCE_DATE_EPOCH"))
    except (ValueError, OverflowError, OSError):
        raise PluginError(
            f"SOURCE_DATE_EPOCH must be a number of seconds since 1970, got {os.environ['SOURCE_DATE_EPOCH']!r}"
        ) from None

