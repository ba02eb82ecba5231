"""Loads and validates data/*.yml at the start of each build.

Owns: the stop on bad data. Every problem is reported in one run, one line each
(file:line: field: what was expected), then the build ends with a non-zero exit and no
Python traceback. In GitHub Actions each problem is also a workflow annotation, so it
shows on the pull request's diff.
"""

from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from _data import DataError, build_time
from _listing import LISTINGS_ENABLED, site_data, stop_with_problems


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _check_source_date_epoch()
    if not LISTINGS_ENABLED:
        return config
    try:
        site_data(config)
    except DataError as error:
        stop_with_problems(error.problems, "The data files")
    return config


def _check_source_date_epoch() -> None:
    try:
        build_time(os.environ.get("SOURCE_DATE_EPOCH"))
    except (ValueError, OverflowError, OSError):
        raise PluginError(
            f"SOURCE_DATE_EPOCH must be a number of seconds since 1970, got {os.environ['SOURCE_DATE_EPOCH']!r}"
        ) from None

