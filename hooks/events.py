"""The Events page and the calendar files.

Owns: the `<!-- data:events -->` marker (replaced by `partials/events.html`: upcoming
events soonest first, then past events latest first, relative to the build time), the
schema.org Event data, and one iCalendar file per language (`events.ics`, `en/events.ics`).
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from _cache import input_hash
from _calendar import assemble_calendar, calendar_parts
from _dates import event_when, generated_on
from _listing import (LISTINGS_ENABLED, build_now, data_hash, events_settings, gc_paused, listing_cache, render,
                      render_text, site_data, templates_hash, to_json, upcoming_and_past, zones_hash)
from _site import absolute_url, babel_locale, current_locale, site_languages
from _structured import event_json_ld, json_ld_graph

MARKER = "<!-- data:events -->"
_events_page_url: dict[str, str] = {}
_listed_pages: dict[str, tuple[Page, str]] = {}  # pages with a listing, and their content before it


# The listing is placed after Material's search plugin (priority 0) has read the page, and
# each event is added to the search index as one compact entry (search_entries). Letting
# the plugin parse the rendered listing instead cost 40% of the listing's build time at
# 10,000 events (see README, Performance) and indexed labels rather than the events.
@event_priority(-50)
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    if MARKER in page.content and LISTINGS_ENABLED:
        locale = current_locale(config)
        _events_page_url[locale] = page.canonical_url
        listing, entries = render_events(config, locale, page.canonical_url, page.url)
        _listed_pages[page.file.abs_src_path] = (page, page.content)
        page.content = page.content.replace(MARKER, listing)
        search = config.plugins.get("material/search") or config.plugins.get("search")
        if search is not None:
            search.search_index.entries.extend(entries)
    return context


@event_priority(-100)  # after every other hook and plugin has seen the page
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """The written page no longer needs its listing: at 10,000 events it is tens of megabytes
    that would stay in memory, with the Page, until the last language is built."""
    listed = _listed_pages.pop(page.file.abs_src_path, None)
    if listed is not None and listed[0] is page:
        page.content = listed[1]
    return output


def event_views(config: MkDocsConfig, events) -> list[dict]:
    """Each event with its date and times formatted for the language being built."""
    settings = events_settings(config)
    babel = babel_locale(config, current_locale(config))
    return [{"event": e, "when": event_when(e, babel, settings["reference_timezones"])} for e in events]


def render_events(config: MkDocsConfig, locale: str, page_url: str, page_path: str) -> tuple[str, list[dict]]:
    """The listing's HTML (upcoming first, then past), and its events' search entries."""
    settings = events_settings(config)
    now = build_now()
    upcoming, past = upcoming_and_past(site_data(config).events, now, settings["home_timezone"])
    body = listing_body(config, locale, page_url, page_path, upcoming, past)
    html = render_text(
        "partials/events.html",
        config=config,
        locale=locale,
        upcoming=_markup(body["upcoming"]),
        past=_markup(body["past"]),
        json_ld=_markup(body["json_ld"]) if body["json_ld"] else None,
        generated_on=generated_on(now, settings["home_timezone"], babel_locale(config, locale)),
        generated_iso=now.isoformat(timespec="seconds"),
        calendar_url="../" + settings["calendar_file"],
    )
    return html, body["search"]


def _markup(html: str) -> Markup:
    """Markup for rendered items read back from the cache; Markup(Markup) would copy them."""
    return html if isinstance(html, Markup) else Markup(html)


def listing_body(config: MkDocsConfig, locale: str, page_url: str, page_path: str, upcoming, past) -> dict:
    """What the listing shows of the events, which the build date changes only through the
    split into upcoming and past: both lists' items, the JSON-LD graph and the search entries.
    Kept between `mkdocs serve` rebuilds (hooks/_cache.py), keyed by every input."""
    cache = listing_cache(config)
    key = _listing_key(config, locale, page_url, page_path, upcoming, past) if cache.enabled else ""
    body = cache.get(f"events-{locale}", key)
    if not (isinstance(body, dict) and set(body) == {"upcoming", "past", "json_ld", "search"}):  # none, or not ours
        with gc_paused():
            upcoming_views, past_views = event_views(config, upcoming), event_views(config, past)
            body = {
                "upcoming": render("partials/event-items.html", config=config, locale=locale, items=upcoming_views),
                "past": render("partials/event-items.html", config=config, locale=locale, items=past_views),
                "json_ld": _json_ld(locale, page_url, upcoming + past),
                "search": search_entries(upcoming_views + past_views, page_path, locale),
            }
        cache.put(f"events-{locale}", key, body)
    return body


def _json_ld(locale: str, page_url: str, events) -> str | None:
    """The events' schema.org graph as the page's <script> holds it (tojson), or None."""
    graph = json_ld_graph(event_json_ld(e, locale, page_url) for e in events)
    return to_json(graph) if graph else None


def _listing_key(config: MkDocsConfig, locale: str, page_url: str, page_path: str, upcoming, past) -> str:
    settings = events_settings(config)
    zones = [settings["home_timezone"], *settings["reference_timezones"]]
    return input_hash(
        locale, babel_locale(config, locale), settings, page_url, page_path,
        [e.id for e in upcoming], [e.id for e in past], data_hash(config), templates_hash(config),
        zones_hash(zones + [e.timezone for e in site_data(config).events if e.timezone]),
    )


def search_entries(views: list[dict], page_url: str, locale: str) -> list[dict]:
    """One search entry per event: its title, and its date, times, place and description.

    Material shows search results with innerHTML and escapes the text it takes from pages
    itself; entries added here skip that parser, so every value is escaped here the same way.
    """
    entries = []
    for view in views:
        event, when = view["event"], view["when"]
        parts = [when.date, *(f"{t.time} ({t.city})" for t in when.times), event.location[locale]]
        if event.description:
            parts.append(event.description[locale])
        entries.append({
            "location": f"{page_url}#event-{event.id}",
            "title": escape(event.title[locale], quote=False),
            "text": escape(" · ".join(parts), quote=False),
        })
    return entries


def on_post_build(config: MkDocsConfig) -> None:
    if not LISTINGS_ENABLED:
        return
    locale = current_locale(config)
    language = next(lang for lang in site_languages(config) if lang.locale == locale)
    prefix = language.link.strip("/")
    page_url = _events_page_url.get(locale) or absolute_url(config, f"{prefix}/events/" if prefix else "events/")
    target = Path(config.site_dir) / prefix / events_settings(config)["calendar_file"]
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(assemble_calendar(calendar_text(config, locale, page_url), build_now()))


def calendar_text(config: MkDocsConfig, locale: str, page_url: str) -> list[str]:
    """The calendar but for its DTSTAMP lines (_calendar.calendar_parts), kept between
    `mkdocs serve` rebuilds: the build time changes only those lines."""
    events = site_data(config).events
    cache = listing_cache(config)
    key = input_hash(locale, config.site_name, page_url, data_hash(config), templates_hash(config),
                     zones_hash(e.timezone for e in events if e.timezone)) if cache.enabled else ""
    parts = cache.get(f"calendar-{locale}", key)
    if not (isinstance(parts, list) and parts and all(isinstance(part, str) for part in parts)):  # none, or not ours
        with gc_paused():
            parts = list(calendar_parts(events, locale, config.site_name, page_url))
        cache.put(f"calendar-{locale}", key, parts)
    return parts
