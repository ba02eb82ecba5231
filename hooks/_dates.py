"""Dates and times of events as readers of each language expect them, through Babel.

No MkDocs import and no HTML: returns plain strings; templates place them. Golden-string
tests (tests/test_dates.py) pin the output so that a Babel/CLDR upgrade cannot change it unseen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_interval, format_skeleton, get_timezone_location

from _data import Event


@dataclass(frozen=True)
class ZoneTime:
    """A clock time in one city: "18.00" / "9.30–17.00" in "Lontoo"."""

    time: str
    city: str


@dataclass(frozen=True)
class EventWhen:
    date: str  # "13. helmikuuta 2019", "13.–15. helmikuuta 2019", "huhtikuu 2019"
    times: tuple[ZoneTime, ...]  # the event's own city first; empty for days and months
    iso: str  # for <time datetime>: "2019-02-13", "2019-04", "2019-04-25T09:30+03:00"


def event_when(event: Event, babel_locale: str, reference_zones: tuple[str, ...]) -> EventWhen:
    start, end = event.start, event.end
    if start.precision == "month":
        if end and end.value != start.value:
            text = format_interval(start.day, end.day, "yMMMM", locale=babel_locale)
        else:
            text = format_skeleton("yMMMM", start.day, locale=babel_locale)
        return EventWhen(text, (), start.value.strftime("%Y-%m"))
    if end and end.day != start.day:
        text = format_interval(start.day, end.day, "yMMMMd", locale=babel_locale, fuzzy=True)
    else:
        text = format_date(start.day, "long", locale=babel_locale)
    if start.precision == "day":
        return EventWhen(text, (), start.day.isoformat())
    zone = event.timezone
    begins = start.value.replace(tzinfo=ZoneInfo(zone))
    # A multi-day event shows its start time; a one-day event its time range.
    ends = end.value.replace(tzinfo=ZoneInfo(zone)) if end and end.day == start.day and end.value != start.value else None
    zones = (zone,) + tuple(z for z in reference_zones if z != zone)
    times = tuple(_zone_time(begins, ends, z, babel_locale) for z in zones)
    return EventWhen(text, times, begins.isoformat(timespec="minutes"))


def _zone_time(begins: datetime, ends: datetime | None, zone: str, babel_locale: str) -> ZoneTime:
    tz = ZoneInfo(zone)
    local_start = begins.astimezone(tz)
    if ends is None:
        text = format_skeleton("Hm", local_start, locale=babel_locale)
    else:
        text = format_interval(local_start.time(), ends.astimezone(tz).time(), "Hm", locale=babel_locale)
    return ZoneTime(text, get_timezone_location(zone, locale=babel_locale, return_city=True))


def generated_on(moment: datetime, zone: str, babel_locale: str) -> str:
    """The build time as a date, in the site's home zone: "25. marraskuuta 2026"."""
    return format_date(moment.astimezone(ZoneInfo(zone)).date(), "long", locale=babel_locale)
