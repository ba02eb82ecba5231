"""Dates in templates, formatted by Babel in the language being built.

Owns the Jinja filter `babel_date`: `"2026-11-25T12:00:00+00:00" | babel_date("medium")`
gives "25.11.2026" in Finnish, the date in the site's home time zone (mkdocs.yml
`extra.events.home_timezone`). Templates choose the format per language from their
language table, so Finnish and English can each read naturally.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from babel.dates import format_date
from mkdocs.config.defaults import MkDocsConfig

from _listing import events_settings
from _site import babel_locale, current_locale


def format_moment(iso: str, format: str, zone: str, locale: str) -> str:
    moment = datetime.fromisoformat(str(iso))
    if moment.tzinfo is not None:
        moment = moment.astimezone(ZoneInfo(zone))
    return format_date(moment.date(), str(format), locale=locale)


def on_env(env, config: MkDocsConfig, files):
    def babel_date(iso: str, format: str = "long") -> str:
        zone = events_settings(config)["home_timezone"]
        return format_moment(iso, format, zone, babel_locale(config, current_locale(config)))

    env.filters["babel_date"] = babel_date
    return env
