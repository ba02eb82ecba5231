"""The events as an iCalendar file (RFC 5545), written with the `icalendar` library.

No MkDocs import. One calendar per language; events known only to the month are left out
(a calendar entry needs a day). Whole days are DATE values with an exclusive end; timed
events carry their TZID and a VTIMEZONE for each zone used.

The calendar's header and its VTIMEZONE components are icalendar components. The VEVENTs
are written in one pass with icalendar's own value types, its escaping (`escape_char`, but
for a written "\\N": `escape_text`) and folding (`foldline`), in the property order icalendar
uses, without building a component per event: building and serialising 20,000
`icalendar.Event` objects was a third of a 10,000-event build. tests/test_listing_speed.py
proves the bytes equal to `Event.to_ical()` (for text without "\\N").
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import icalendar
from icalendar.prop import vDDDTypes, vUri

from _data import Event

_END = "END:VCALENDAR\r\n"


# An event's STATUS (RFC 5545 3.8.1.11) by its status; none for an event as planned. A
# postponed event keeps its old date until it has a new one: tentative, not confirmed.
STATUS = {"cancelled": "CANCELLED", "postponed": "TENTATIVE"}


def event_calendar(events, locale: str, name: str, page_url: str, stamp: datetime,
                   status_labels: dict[str, str] | None = None, status_note=None) -> bytes:
    """The calendar file for one language; `page_url` is the absolute URL of its Events page."""
    return assemble_calendar(calendar_parts(events, locale, name, page_url, status_labels, status_note), stamp)


def calendar_parts(events, locale: str, name: str, page_url: str,
                   status_labels: dict[str, str] | None = None, status_note=None) -> tuple[str, ...]:
    """The calendar as text split at each event's DTSTAMP line, which alone depends on the
    build time: joined by `assemble_calendar`, and kept between `mkdocs serve` rebuilds.
    `status_labels` ("Peruttu", …) go before the title of an event not held as planned: some
    calendar apps hide STATUS:CANCELLED or show it in no way a reader notices. `status_note`
    (an event -> its card's note or None) opens the event's DESCRIPTION: a reader who
    subscribed sees there, as on the card, when a moved event had been announced for."""
    labels = status_labels or {}
    host = urlsplit(page_url).hostname or "localhost"
    header = _calendar_header(locale, name, host)
    parts, current, zones = [], [header.removesuffix(_END)], set()
    for event in events:
        if event.start.precision == "month":
            continue
        note = status_note(event) if status_note and event.status != "scheduled" else None
        before, after, zone = _vevent_text(event, locale, host, page_url, labels.get(event.status), note)
        current.append(before)
        parts.append("".join(current))
        current = [after]
        if zone:
            zones.add(zone)
    # icalendar lists a zone's clock changes only up to 2037 unless told otherwise; a client
    # that trusts the file's VTIMEZONE would put a later summer event an hour off.
    current.append(timezones_ical(zones, *_years_covered(events)))
    current.append(_END)
    parts.append("".join(current))
    return tuple(parts)


def _years_covered(events) -> tuple[date, date]:
    """From a year before the earliest event to the end of the latest event's year."""
    years = [moment.value.year for event in events for moment in (event.start, event.end) if moment]
    if not years:
        return date(1970, 1, 1), date(1971, 1, 1)
    return date(min(years) - 1, 1, 1), date(max(years) + 1, 1, 1)


def assemble_calendar(parts, stamp: datetime) -> bytes:
    stamp_line = _content_line("DTSTAMP", vDDDTypes(stamp.astimezone(timezone.utc)))
    return stamp_line.join(parts).encode("utf-8")


class _DayByDayTimezone(icalendar.Timezone):
    """icalendar's Timezone, whose search for a zone's clock changes starts with steps of a day.

    icalendar (6.3) steps 64, 32, ... days first, and misses clocks that change and change
    back within one step: Morocco's during Ramadan (to 2086), Brazil's two weeks of summer
    time in 2000, Gaza's from 2040. A client that reads the file's own VTIMEZONE (Outlook)
    put such an event an hour off (hunt 17). The finer steps after a day are icalendar's own,
    so a zone whose changes it found gets the same component.
    """

    _from_tzinfo_skip_search = [timedelta(days=1)] + [
        step for step in icalendar.Timezone._from_tzinfo_skip_search if step < timedelta(days=1)]


class _ZoneUntil(tzinfo):
    """A zone that ends the day after a date: icalendar's search for clock changes goes on until
    the zone raises OverflowError, as zoneinfo does in the year 9999 ("zoneinfo does not go all
    the way"). A day at a time, that was three million steps for a zone whose clocks no longer
    change, half a second each language; 490 zones took five minutes (hunt 18b)."""

    def __init__(self, zone: ZoneInfo, last: date):
        self.zone, self.end = zone, datetime(last.year, last.month, last.day) + timedelta(days=1)

    def _in_zone(self, moment: datetime) -> datetime:
        if moment.replace(tzinfo=None) > self.end:
            raise OverflowError("past the calendar's last date")
        return moment.replace(tzinfo=self.zone)

    def utcoffset(self, moment: datetime) -> timedelta | None:
        return self._in_zone(moment).utcoffset()

    def dst(self, moment: datetime) -> timedelta | None:
        return self._in_zone(moment).dst()

    def tzname(self, moment: datetime) -> str | None:
        return self._in_zone(moment).tzname()


def timezones_ical(tzids: set[str], first_date: date, last_date: date) -> str:
    """The VTIMEZONE components of the zones the timed events use, made by icalendar, with the
    clock changes from `first_date` to `last_date`.

    What Calendar.add_missing_timezones(first_date, last_date) does, in the order of the zones'
    names: it added them in the iteration order of a set of strings, which changes from
    process to process.
    """
    return "".join(_timezone_ical(tzid, first_date, last_date) for tzid in sorted(tzids))


@lru_cache(maxsize=256)  # the same zones and years in each language's calendar
def _timezone_ical(tzid: str, first_date: date, last_date: date) -> str:
    try:
        zone = ZoneInfo(tzid)
    except (ZoneInfoNotFoundError, ValueError):  # a zone not known gets no VTIMEZONE
        return ""
    # icalendar's own search where it is exact, which takes a twentieth of the time over thirty
    # years of Helsinki's clock changes; a day at a time where clocks change twice within its
    # first step.
    search = _DayByDayTimezone if _changes_within_first_step(zone, first_date, last_date) else icalendar.Timezone
    component = search.from_tzinfo(_ZoneUntil(zone, last_date), tzid, first_date, last_date)
    return component.to_ical().decode("utf-8")


def _changes_within_first_step(zone: ZoneInfo, first_date: date, last_date: date) -> bool:
    """Whether the zone's clocks change twice within icalendar's first search step (64 days)
    between the dates, read from zoneinfo a day at a time: only then can that step miss one."""
    first_step = icalendar.Timezone._from_tzinfo_skip_search[0]
    # Local noon of each day: zoneinfo answers for a wall time several times faster than it
    # converts an instant, and clocks change at night.
    moment = datetime(first_date.year, first_date.month, first_date.day, 12)
    end = datetime(last_date.year, last_date.month, last_date.day, 12) + timedelta(days=1)
    offset, changed = zone.utcoffset(moment), None
    while moment < end:
        moment += timedelta(days=1)
        now = zone.utcoffset(moment)
        if now != offset:
            if changed is not None and moment - changed <= first_step + timedelta(days=1):
                return True
            offset, changed = now, moment
    return False


def _calendar_header(locale: str, name: str, host: str) -> str:
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//{host}//Helsinki-London events//{locale.upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    return calendar.to_ical().decode("utf-8")


def _vevent_text(event: Event, locale: str, host: str, page_url: str,
                 status_label: str | None = None, status_note: str | None = None) -> tuple[str, str, str | None]:
    """One VEVENT as folded content lines, before and after its DTSTAMP line, and its TZID.

    In icalendar's order: Event.canonical_order first (SUMMARY, DTSTART, DTEND, DTSTAMP, UID),
    then the other properties sorted by name (DESCRIPTION, LOCATION, STATUS, URL).
    """
    if event.start.precision == "day":
        last = (event.end or event.start).day
        start, tzid = _date_line("DTSTART", event.start.day, None)
        end = _date_line("DTEND", last + timedelta(days=1), None)[0]  # DTEND of a DATE is exclusive
    else:
        start, tzid = _date_line("DTSTART", event.start.value, event.timezone)
        end = _date_line("DTEND", event.end.value, event.timezone)[0] if event.end else ""
    title = f"{status_label}: {event.title[locale]}" if status_label else event.title[locale]
    before = "BEGIN:VEVENT\r\n" + _text_line("SUMMARY", title) + start + end
    after = _text_line("UID", f"{event.id}.{locale}@{host}")
    description = "\n\n".join(filter(None, (status_note, event.description[locale] if event.description else None)))
    if description:
        after += _text_line("DESCRIPTION", description)
    after += _text_line("LOCATION", event.location[locale])
    if event.status in STATUS:
        after += f"STATUS:{STATUS[event.status]}\r\n"
    after += _content_line("URL", vUri(event.url or f"{page_url}#event-{event.id}"))
    return before, after + "END:VEVENT\r\n", tzid


@lru_cache(maxsize=65_536)  # the second language's calendar has the same dates and times
def _date_line(name: str, value: date | datetime, zone: str | None) -> tuple[str, str | None]:
    """DTSTART or DTEND of a DATE (zone None) or a local date-time in `zone`, and its TZID.

    Keyed by the naive value and the zone's name: aware datetimes in different zones that
    are the same instant compare equal, and would share an entry."""
    typed = vDDDTypes(value if zone is None else value.replace(tzinfo=ZoneInfo(zone)))
    return _content_line(name, typed), typed.params.get("TZID")


def _text_line(name: str, value: str) -> str:
    """A TEXT property without parameters, as icalendar's vText writes it (but for "\\N")."""
    return _fold(f"{name}:{escape_text(value)}") + "\r\n"


def escape_text(value: str) -> str:
    """A TEXT value escaped as RFC 5545 (3.3.11) says. This is icalendar's escape_char without
    its first step, which reads a written "\\N" as a line break: "C:\\Now" lost its N and
    broke the line in every calendar app (hunt 24b). tests/test_listing_speed.py proves the
    two equal on all other text."""
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def _fold(line: str) -> str:
    """What icalendar's foldline returns, found chunk by chunk rather than character by character.

    foldline keeps each physical line under 75 octets: pure ASCII in slices of 74 characters,
    anything else by adding up every character's UTF-8 length in a Python loop, which was
    most of the calendar's time at 10,000 events. Both give the longest prefixes of at most
    74 octets that do not split a character; here they are cut from the UTF-8 bytes, stepping
    back from continuation bytes (0b10xxxxxx). tests/test_listing_speed.py checks the two
    give the same text for any line.
    """
    data = line.encode("utf-8")
    if len(data) < 75:
        return line
    chunks, start = [], 0
    while len(data) - start > 74:
        end = start + 74
        while data[end] & 0xC0 == 0x80:
            end -= 1
        chunks.append(data[start:end].decode("utf-8"))
        start = end
    chunks.append(data[start:].decode("utf-8"))
    return "\r\n ".join(chunks)


def _content_line(name: str, value) -> str:
    """A property of one of icalendar's value types, with its parameters (VALUE, TZID)."""
    text = value.to_ical().decode("utf-8")
    if value.params:
        return _fold(f"{name};{value.params.to_ical().decode('utf-8')}:{text}") + "\r\n"
    return _fold(f"{name}:{text}") + "\r\n"
