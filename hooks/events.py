"""The Events page and the calendar files.

Owns: the `<!-- data:events -->` marker (replaced by `partials/events.html`: upcoming
events soonest first, then past events latest first, relative to the build time), the
schema.org Event data, and one iCalendar file per language (`events.ics`, `en/events.ics`).

The listing is never one string: at 10,000 events it is 12 million characters per language,
which MkDocs' template, every `on_post_page` hook and the UTF-8 encoding would each copy.
The page goes through MkDocs with a slot where the listing belongs; the last `on_post_page`
writes the file itself, streaming the listing into the slot item by item (_page_writer.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from itertools import chain
from pathlib import Path
from typing import Callable, Iterable, Iterator

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from _cache import input_hash
from _calendar import assemble_calendar, calendar_parts
from _data import EVENT_STATUSES, Event
from _dates import ZoneTime, event_when, previous_when
from _listing import (LISTINGS_ENABLED, build_now, data_hash, env_template, events_settings, gc_paused,
                      listing_cache, listing_zones_hash, render_text, search_plugin, site_data, templates_hash, to_json,
                      ui_text, upcoming_and_past)
from _page_writer import fill_slots, forget_all_slots, forget_slot, new_slot, write_page
from _pages import element_ids
from _site import absolute_url, babel_locale, current_locale, site_languages
from _structured import event_json_ld, json_ld_graph_chunks

MARKER = "<!-- data:events -->"
EVENT_ID_PREFIX = "event-"  # each event's item's id, after it its own id (partials/event-items.html)
_events_page_url: dict[str, str] = {}
_pending: dict[str, tuple[Page, str, "EventsListing"]] = {}  # pages whose listing is still to be written


# The slot is placed after Material's search plugin (priority 0) has read the page, and each
# event is added to the search index as one compact entry (search_entry). Letting the
# plugin parse the rendered listing instead cost 40% of the listing's build time at 10,000
# events (see README, Performance) and indexed labels rather than the events.
@event_priority(-50)
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    if MARKER in page.content and LISTINGS_ENABLED:
        locale = current_locale(config)
        # Without SITE_URL there is no absolute address: the JSON-LD then names each event by
        # its place in the page ("#event-…"), not "None#event-…" (session 32b).
        _events_page_url[locale] = page.canonical_url or ""
        listing = events_listing(config, locale, page.canonical_url or "", page.url)
        slot = new_slot(ids=listing.ids, name=page.file.src_uri)  # the same page, the same slot
        page.content = page.content.replace(MARKER, slot)
        _pending[page.file.abs_src_path] = (page, slot, listing)
    return context


# Last of all page hooks, after hooks/csp.py (-200): the page is final but for its listing,
# which holds no script a browser runs (its JSON-LD is data) and no markup the other
# on_post_page hooks edit. Returning an empty page tells MkDocs not to write it again.
@event_priority(-300)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    pending = _pending.pop(page.file.abs_src_path, None)
    if pending is None or pending[0] is not page:
        return output
    _, slot, listing = pending
    if slot not in output:
        raise PluginError(f"{page.file.src_uri}: the page's template dropped its content, and the events listing with it")
    with gc_paused():
        write_page(page.file.abs_dest_path, fill_slots(output, {slot: listing.chunks()}), page.file.src_uri)
    forget_slot(slot)
    search = search_plugin(config)
    if search is not None:
        search.search_index.entries.extend(listing.search)
    page.content = page.content.replace(slot, MARKER)
    return ""


def on_build_error(error) -> None:
    # A page that failed between its slot and its writing leaves both behind; `mkdocs
    # serve` builds again in the same process.
    _pending.clear()
    forget_all_slots()


class EventsListing:
    """The listing of one language as it is written: `chunks()` yields its HTML piece by piece;
    `search`, the events' search entries, is complete once the chunks have been read."""

    def __init__(self, frame: str, parts: dict[str, Iterable[str]], search: list[dict], event_ids: Iterable[str]):
        self.frame, self.parts, self.search = frame, parts, search
        # The ids the listing will hold: its headings' and each event's item's.
        self.ids = [*element_ids(frame), *(EVENT_ID_PREFIX + event_id for event_id in event_ids)]

    def chunks(self) -> Iterator[str]:
        return fill_slots(self.frame, self.parts)


def events_listing(config: MkDocsConfig, locale: str, page_url: str, page_path: str) -> EventsListing:
    """The listing (upcoming first, then past) in partials/events.html, its items and JSON-LD
    in slots of their own so that they can be streamed."""
    settings = events_settings(config)
    now = build_now()
    upcoming, past = upcoming_and_past(site_data(config).events, now, settings["home_timezone"])
    body = listing_body(config, locale, page_url, page_path, upcoming, past)
    slots = {name: new_slot() for name in ("upcoming", "past", "json_ld")}
    frame = render_text(
        "partials/events.html",
        config=config,
        locale=locale,
        # The template asks only whether there are any: the slots stand in for the items.
        upcoming=Markup(slots["upcoming"]) if upcoming else "",
        past=Markup(slots["past"]) if past else "",
        json_ld=Markup(slots["json_ld"]) if body["has_json_ld"] else None,
        generated_iso=now.isoformat(timespec="seconds"),
        calendar_url="../" + settings["calendar_file"],
        feed_url=calendar_address(config, locale, settings["calendar_file"]),
    )
    present = {slots[name]: body[name] for name in slots if slots[name] in frame}
    return EventsListing(frame, present, body["search"], (event.id for event in chain(upcoming, past)))


def calendar_address(config: MkDocsConfig, locale: str, calendar_file: str) -> str:
    """The calendar file's absolute address in the language (its path alone without
    site_url), for a webcal:// subscription."""
    language = next((language for language in site_languages(config) if language.locale == locale), None)
    return (config.site_url or "").rstrip("/") + (language.link if language else "/") + calendar_file


def listing_body(config: MkDocsConfig, locale: str, page_url: str, page_path: str, upcoming, past) -> dict:
    """What the listing shows of the events, which the build date changes only through the
    split into upcoming and past: both lists' items, the JSON-LD graph (each an iterable of
    strings) and the search entries. Made as they are written, except under `mkdocs serve`,
    which keeps them between rebuilds (hooks/_cache.py), keyed by every input."""
    cache = listing_cache(config)
    if not cache.enabled:
        return streamed_body(config, locale, page_url, page_path, upcoming, past)
    key = _listing_key(config, locale, page_url, page_path, upcoming, past)
    kept = cache.get(f"events-{locale}", key)
    if not (isinstance(kept, dict) and set(kept) == {"upcoming", "past", "json_ld", "search"}):  # none, or not ours
        with gc_paused():
            body = streamed_body(config, locale, page_url, page_path, upcoming, past)
            # Upcoming before past: the search entries are made in the order of the items.
            kept = {name: "".join(body[name]) for name in ("upcoming", "past", "json_ld")}
            kept["search"] = body["search"]
        cache.put(f"events-{locale}", key, kept)
    return {"upcoming": (kept["upcoming"],), "past": (kept["past"],), "json_ld": (kept["json_ld"],),
            "has_json_ld": bool(kept["json_ld"]), "search": kept["search"]}


def streamed_body(config: MkDocsConfig, locale: str, page_url: str, page_path: str, upcoming, past) -> dict:
    """listing_body made lazily: each event's dates are formatted, its item rendered and its
    search entry made when the item is written."""
    search: list[dict] = []
    json_ld = json_ld_graph_chunks((event_json_ld(e, locale, page_url) for e in chain(upcoming, past)), to_json)
    return {
        "upcoming": _items(config, locale, upcoming, page_path, search),
        "past": _items(config, locale, past, page_path, search),
        "json_ld": json_ld or (),
        "has_json_ld": json_ld is not None,
        "search": search,
    }


def _items(config: MkDocsConfig, locale: str, events, page_path: str, search: list[dict]) -> Iterator[str]:
    """The events' list items (partials/event-items.html), one string per item, each event's
    search entry appended to `search` as its item is made."""
    settings = events_settings(config)
    babel = babel_locale(config, locale)

    statuses = status_labels(config)
    clock = ui_text(config, "site.events.time")  # "klo #"
    note = status_note(config, locale)

    def views():
        for event in events:
            when = event_when(event, babel, settings["reference_timezones"], clock)
            search.append(search_entry(event, when, page_path, locale, statuses.get(event.status)))
            yield EventItem(
                id=event.id, title=event.title[locale], precision=event.start.precision,
                date=when.date, times=when.times, iso=when.iso, location=event.location[locale],
                description=event.description[locale] if event.description else None, url=event.url,
                status=event.status, note=note(event) if event.status != "scheduled" else None,
            )

    return env_template("partials/event-items.html").generate(config=config, locale=locale, items=views())


@dataclass(frozen=True, slots=True)
class EventItem:
    """What partials/event-items.html shows of one event, in the listing's language: flat, so
    that the template reads each value with one attribute lookup (event.title[locale] took two
    of Jinja's lookups; flat, the items' macro takes 14% less time, under cProfile)."""

    id: str
    title: str
    precision: str  # "day", "time" or "month" (Moment.precision)
    date: str  # EventWhen.date
    times: tuple[ZoneTime, ...]  # EventWhen.times
    iso: str  # EventWhen.iso
    location: str
    description: str | None
    url: str | None
    status: str = "scheduled"  # Event.status
    note: str | None = None  # status_note's, for an event not held as planned


def status_labels(config: MkDocsConfig) -> dict[str, str]:
    """The label of each status but "scheduled" in the language being built, as plain text
    ("Peruttu", "Cancelled"): for the search entries and the calendar, which the templates do
    not write."""
    return {status: ui_text(config, f"site.events.status.{status}") for status in EVENT_STATUSES if status != "scheduled"}


def status_note(config: MkDocsConfig, locale: str) -> Callable[[Event], str]:
    """What is said of an event not held as planned, in the language being built, as plain
    text: under the card's date, and first in the calendar's DESCRIPTION ("Tapahtuma
    siirrettiin. Aiemmin ilmoitettu ajankohta oli 20. toukokuuta 2027, klo 10.00 (Lontoo).")."""
    notes = {status: ui_text(config, f"site.events.note.{status}") for status in EVENT_STATUSES if status != "scheduled"}
    babel, clock = babel_locale(config, locale), ui_text(config, "site.events.time")

    def note(event: Event) -> str:
        if not event.previous_start:
            return notes[event.status]
        date, time = previous_when(event, babel, clock)
        return notes["rescheduled"].replace("#", f"{date}, {time.time} ({time.city})" if time else date)
    return note


def _listing_key(config: MkDocsConfig, locale: str, page_url: str, page_path: str, upcoming, past) -> str:
    return input_hash(
        locale, babel_locale(config, locale), events_settings(config), page_url, page_path,
        [e.id for e in upcoming], [e.id for e in past], data_hash(config), templates_hash(config),
        listing_zones_hash(config),
    )


def search_entry(event, when, page_url: str, locale: str, status: str | None = None) -> dict:
    """One event's search entry: its title (after its status, if it is not as planned: "Peruttu:
    …"), and its date, times, place and description.

    Material shows search results with innerHTML and escapes the text it takes from pages
    itself; entries added here skip that parser, so every value is escaped here the same way.
    """
    parts = [when.date, *(f"{t.time} ({t.city})" for t in when.times), event.location[locale]]
    if event.description:
        parts.append(event.description[locale])
    return {
        "location": f"{page_url}#{EVENT_ID_PREFIX}{event.id}",
        "title": escape(f"{status}: {event.title[locale]}" if status else event.title[locale], quote=False),
        "text": escape(" · ".join(parts), quote=False),
    }


def on_post_build(config: MkDocsConfig) -> None:
    if not LISTINGS_ENABLED:
        return
    locale = current_locale(config)
    language = next(lang for lang in site_languages(config) if lang.locale == locale)
    page_url = _events_page_url.get(locale) or absolute_url(config, language.prefix + "events/")
    target = Path(config.site_dir) / language.prefix / events_settings(config)["calendar_file"]
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(assemble_calendar(calendar_text(config, locale, page_url), build_now()))


def calendar_text(config: MkDocsConfig, locale: str, page_url: str) -> list[str]:
    """The calendar but for its DTSTAMP lines (_calendar.calendar_parts), kept between
    `mkdocs serve` rebuilds: the build time changes only those lines."""
    events = site_data(config).events
    cache = listing_cache(config)
    key = input_hash(locale, config.site_name, page_url, data_hash(config), templates_hash(config),
                     listing_zones_hash(config)) if cache.enabled else ""
    parts = cache.get(f"calendar-{locale}", key)
    if not (isinstance(parts, list) and parts and all(isinstance(part, str) for part in parts)):  # none, or not ours
        with gc_paused():
            parts = list(calendar_parts(events, locale, config.site_name, page_url, status_labels(config),
                                        status_note(config, locale)))
        cache.put(f"calendar-{locale}", key, parts)
    return parts
