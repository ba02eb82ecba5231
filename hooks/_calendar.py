"""The events as an iCalendar file (RFC 5545), written with the `icalendar` library.

No MkDocs import. One calendar per language; events known only to the month are left out
(a calendar entry needs a day). Whole days are DATE values with an exclusive end; timed
events carry their TZID and a VTIMEZONE for each zone used.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import icalendar

from _data import Event


def event_calendar(events, locale: str, name: str, page_url: str, stamp: datetime) -> bytes:
    """The calendar file for one language; `page_url` is the absolute URL of its Events page."""
    host = urlsplit(page_url).hostname or "localhost"
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//{host}//Helsinki-London events//{locale.upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    for event in events:
        if event.start.precision == "month":
            continue
        calendar.add_component(_vevent(event, locale, host, page_url, stamp))
    # icalendar lists a zone's clock changes only up to 2037 unless told otherwise; a client
    # that trusts the file's VTIMEZONE would put a later summer event an hour off.
    first, last = _years_covered(events)
    calendar.add_missing_timezones(first_date=first, last_date=last)
    return calendar.to_ical()


def _years_covered(events) -> tuple[date, date]:
    """From a year before the earliest event to the end of the latest event's year."""
    years = [moment.value.year for event in events for moment in (event.start, event.end) if moment]
    if not years:
        return date(1970, 1, 1), date(1971, 1, 1)
    return date(min(years) - 1, 1, 1), date(max(years) + 1, 1, 1)


def _vevent(event: Event, locale: str, host: str, page_url: str, stamp: datetime) -> icalendar.Event:
    vevent = icalendar.Event()
    vevent.add("uid", f"{event.id}.{locale}@{host}")
    vevent.add("dtstamp", stamp.astimezone(timezone.utc))
    vevent.add("summary", event.title[locale])
    vevent.add("location", event.location[locale])
    if event.description:
        vevent.add("description", event.description[locale])
    vevent.add("url", event.url or f"{page_url}#event-{event.id}")
    if event.start.precision == "day":
        last = (event.end or event.start).day
        vevent.add("dtstart", event.start.day)
        vevent.add("dtend", last + timedelta(days=1))  # DTEND of a DATE is exclusive
    else:
        zone = ZoneInfo(event.timezone)
        vevent.add("dtstart", event.start.value.replace(tzinfo=zone))
        if event.end:
            vevent.add("dtend", event.end.value.replace(tzinfo=zone))
    return vevent
