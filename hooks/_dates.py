"""Dates and times of events as readers of each language expect them, through Babel.

No MkDocs import and no HTML: returns plain strings; templates place them. Golden-string
tests (tests/test_listings.py) pin the output so that a Babel/CLDR upgrade cannot change it unseen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import (format_date, format_datetime, format_interval, format_time, get_datetime_format,
                         get_timezone_location, match_skeleton)

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


@dataclass(frozen=True)
class _Formats:
    """One language's Babel Locale and the CLDR patterns the listing uses, looked up once.

    Babel's format_* functions parse the locale identifier and search the locale's skeletons
    (match_skeleton) on every call; given a Locale object and a skeleton the locale has, they
    skip both and do the rest exactly as before. format_skeleton's last step is
    format_datetime with the skeleton's pattern, called here directly (format_time for the
    clock time: the same fields of a time of day). tests/test_listing_speed.py compares all
    of it with Babel's plain calls.
    """

    locale: Locale
    month: str  # the pattern of skeleton yMMMM: "LLLL y"
    month_range: str  # the interval skeletons matched to yMMMM and Hm
    time_range: str
    day_range: dict[str, tuple[str, str]]  # yMMMMd's interval patterns by the field that differs: "d", "M", "y"
    time: str  # the pattern of skeleton Hm: "H.mm"
    day_month: str  # the pattern of skeleton MMMd, for a clock time on another day: "d.M."
    date_and_time: str  # how format_datetime joins a date {1} and a time {0}: "{1}, {0}"
    range_fallback: str  # how an interval joins two ends that differ in their day: "{0}–{1}"


@lru_cache(maxsize=None)
def _formats(babel_locale: str) -> _Formats:
    locale = Locale.parse(babel_locale)
    skeletons, intervals = locale.datetime_skeletons, locale.interval_formats

    def pattern(skeleton: str) -> str:
        return skeletons[skeleton if skeleton in skeletons else match_skeleton(skeleton, skeletons)]

    def interval(skeleton: str) -> str:
        return skeleton if skeleton in intervals else match_skeleton(skeleton, intervals) or skeleton

    day_skeleton = interval("yMMMMd")
    day_range = {field: tuple(_widened_months(part, "yMMMMd", day_skeleton) for part in parts)
                 for field, parts in intervals[day_skeleton].items()}
    return _Formats(locale, pattern("yMMMM"), interval("yMMMM"), interval("Hm"), day_range, pattern("Hm"),
                    pattern("MMMd"), get_datetime_format("medium", locale=locale).replace("'", ""),
                    intervals[None])


def _widened_months(pattern: str, wanted: str, matched: str) -> str:
    """An interval pattern of the skeleton `matched` with its month as wide as in `wanted`.

    UTS #35 lets the closest skeleton's pattern be used "adjusting the string value field's
    width, including adjusting between MMM and MMMM", as ICU does; Babel's format_interval
    uses the closest pattern as it is. en_GB has no yMMMMd interval, so a range of days read
    "27–28 Mar 2027" beside a single day's "27 March 2027" (editor session 34b). Only a
    month written as a word is widened (3 letters or more in both), never a number; quoted
    literal text is left alone.
    """
    wanted_width, matched_width = wanted.count("M"), matched.count("M")
    if wanted_width == matched_width or min(wanted_width, matched_width) < 3:
        return pattern
    month = re.compile(rf"(?<![ML])([ML])\1{{{matched_width - 1}}}(?![ML])")
    pieces = re.split(r"('(?:[^']|'')*')", pattern)  # odd pieces are quoted literals
    return "".join(piece if index % 2 else month.sub(lambda run: run[1] * wanted_width, piece)
                   for index, piece in enumerate(pieces))


@lru_cache(maxsize=None)
def _city(zone: str, babel_locale: str) -> str:
    return get_timezone_location(zone, locale=_formats(babel_locale).locale, return_city=True)


def event_when(event: Event, babel_locale: str, reference_zones: tuple[str, ...], clock_label: str = "#") -> EventWhen:
    """When the event is, as the listing shows it. `clock_label` is the language's way of
    writing a clock time, "#" its place ("klo #"): with a date before it, the label goes after
    the date ("11.6. klo 0.30", not "klo 11.6. 0.30"; session 33b)."""
    start, end = event.start, event.end
    text = _date_text(start.precision, start.day, _last_day(end, start) if end else None, babel_locale)
    if start.precision == "month":
        return EventWhen(text, (), start.value.strftime("%Y-%m"))
    if start.precision == "day":
        return EventWhen(text, (), start.day.isoformat())
    zone = event.timezone
    begins = start.value.replace(tzinfo=ZoneInfo(zone))
    # An event shorter than a day shows its time range, also past midnight ("23.30–0.30";
    # session 33b: its end was shown nowhere); a longer one its start.
    ends = end.value.replace(tzinfo=ZoneInfo(zone)) if end and start.value < end.value < start.value + ONE_DAY else None
    zones = (zone,) + tuple(z for z in reference_zones if z != zone)
    times = tuple(_zone_time(begins, ends, z, babel_locale, own=z == zone, clock_label=clock_label) for z in zones)
    return EventWhen(text, times, begins.isoformat(timespec="minutes"))


ONE_DAY = timedelta(days=1)
MIDNIGHT = time(0)


def _last_day(end, start) -> date:
    """The last day of an event: an end at midnight after its start ends the day before ("until
    24.00", which the data write as 00:00 of the next day); one at its start does not (hunt
    33c: start and end at 00:00 read "11.–10. kesäkuuta")."""
    return _end_day(end.value) if end.precision == "time" and end.value > start.value else end.day


def _end_day(end: datetime) -> date:
    """The last day of an end time after its start: the day before, for midnight."""
    return end.date() - ONE_DAY if end.time() == MIDNIGHT else end.date()


def previous_when(event: Event, babel_locale: str, clock_label: str = "#") -> tuple[str, ZoneTime | None]:
    """A rescheduled event's previous start as the listing shows a start: its date, and its
    clock time in the event's own city if it had one."""
    moment = event.previous_start
    text = _date_text(moment.precision, moment.day, None, babel_locale)
    if moment.precision != "time":
        return text, None
    clock = clock_label.replace("#", _clock_text(moment.value.time(), None, babel_locale))
    return text, ZoneTime(clock, _city(event.timezone, babel_locale))


# The texts are Babel's, kept per value: listings repeat dates and, far more, clock times
# (the 20,000 texts of make bench's 10,000 events in two languages hold some 14,000 distinct
# dates and 10 distinct clock times), and each Babel call walks the pattern field by field.
# A month's value is midnight on its first day, so its day alone decides both the text and
# whether an end differs from the start.
@lru_cache(maxsize=8192)
def _date_text(precision: str, start: date, end: date | None, babel_locale: str) -> str:
    """The date line: one day, a range of days, a month or a range of months."""
    formats = _formats(babel_locale)
    locale = formats.locale
    if precision == "month":
        if end is not None and end != start:
            return format_interval(start, end, formats.month_range, locale=locale)
        return format_datetime(start, formats.month, locale=locale)
    if end is not None and end != start:
        return _day_range_text(start, end, formats)
    return format_date(start, "long", locale=locale)


def _day_range_text(start: date, end: date, formats: _Formats) -> str:
    """"13.–15. helmikuuta 2019", "13–15 February 2019": Babel's format_interval, step by step,
    with the widened patterns (_widened_months): the pattern pair of the largest field that
    differs formats the start and the end."""
    for field, differs in (("y", start.year != end.year), ("M", start.month != end.month), ("d", start.day != end.day)):
        if differs and field in formats.day_range:
            first, second = formats.day_range[field]
            return (format_datetime(start, first, locale=formats.locale)
                    + format_datetime(end, second, locale=formats.locale))
    return format_interval(start, end, "yMMMMd", locale=formats.locale, fuzzy=True)


def _zone_time(begins: datetime, ends: datetime | None, zone: str, babel_locale: str, own: bool = True,
               clock_label: str = "#") -> ZoneTime:
    tz = ZoneInfo(zone)
    local_start = begins.astimezone(tz)
    local_end = ends.astimezone(tz) if ends is not None else None
    # Where the clocks changed during the event, its end would read as before its start
    # ("03:45–03:30" as Helsinki turned its clocks back): there it shows its start alone.
    if local_end is not None and not own and local_end.utcoffset() != local_start.utcoffset():
        local_end = None
    # Under the event's own date, a clock time in another city that falls on another day
    # says its date: half past midnight in Helsinki is 22.30 the evening before in London.
    # So does an end past midnight: "10.6. klo 23.30 – 11.6. klo 0.30".
    if local_start.date() != begins.date() or (local_end is not None and _end_day(local_end) != begins.date()):
        text = _dated_clock_text(local_start.replace(tzinfo=None),
                                 local_end.replace(tzinfo=None) if local_end is not None else None, babel_locale,
                                 clock_label)
    else:
        text = clock_label.replace("#", _clock_text(local_start.time(), local_end.time() if local_end is not None else None,
                                                    babel_locale))
    return ZoneTime(text, _city(zone, babel_locale))


def _dated_clock_text(start: datetime, end: datetime | None, babel_locale: str, clock_label: str = "#") -> str:
    """"10 Dec, 22:30", "11 Dec, 01:00–01:45" or "10 Dec, 22:00 – 11 Dec, 01:00": the date
    joined to the clock time as format_datetime joins them, a range over two days as the
    locale's interval fallback joins its ends. `clock_label` is put around each clock time."""
    formats = _formats(babel_locale)

    def dated(moment: datetime, clock: str) -> str:
        day = format_datetime(moment, formats.day_month, locale=formats.locale)
        return formats.date_and_time.replace("{0}", clock_label.replace("#", clock)).replace("{1}", day)

    if end is not None and _end_day(end) != start.date():
        return _spaced(formats.range_fallback).replace("{0}", dated(start, _clock_text(start.time(), None, babel_locale))) \
            .replace("{1}", dated(end, _clock_text(end.time(), None, babel_locale)))
    return dated(start, _clock_text(start.time(), end.time() if end is not None else None, babel_locale))


def _spaced(fallback: str) -> str:
    """A range's pattern for ends of several words: a dash between them takes spaces
    ("10.6. klo 23.30 – 11.6. klo 0.30", as Kotus writes it), which CLDR's Finnish fallback
    "{0}–{1}" leaves out; a pattern with spaces or another sign is the locale's own."""
    return "{0} – {1}" if fallback == "{0}–{1}" else fallback


@lru_cache(maxsize=4096)
def _clock_text(begins: time, ends: time | None, babel_locale: str) -> str:
    """"18.00" or "9.30–17.00": the skeleton Hm has hours and minutes only, so the local
    clock time is all its text depends on."""
    formats = _formats(babel_locale)
    if ends is None:
        return format_time(begins, formats.time, locale=formats.locale)
    return format_interval(begins, ends, formats.time_range, locale=formats.locale)

