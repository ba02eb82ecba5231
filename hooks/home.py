"""The home page's event: the next upcoming one, else the most recent past one.

Owns the template variables of pages whose front matter says `template: home.html`:
`home_event`, {"event", "when", "upcoming"} with the date formatted by Babel in the page's
language, or None when data/events.yml has no events; and `home_events_url`, the Events
page of the same language relative to the home page. Rendered by
overrides/home.html; the data comes from the listing helpers (read once per build run).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils import get_relative_url

from _dates import event_when
from _listing import LISTINGS_ENABLED, build_now, events_settings, site_data, upcoming_and_past
from _site import babel_locale, current_locale

HOME_TEMPLATE = "home.html"
EVENTS_PAGE = "events"  # the Events page's file name without language and suffix
HERO_ID = "site-name"  # the id of the hero's h1 (overrides/home.html reads home_hero_id)


def featured_event(upcoming: list, past: list):
    """(event, is_upcoming): the soonest upcoming event, else the latest past one. A cancelled
    or postponed event is never the one the home page shows: its date is not when anything
    happens (the Events page lists it, marked)."""
    for events, is_upcoming in ((upcoming, True), (past, False)):
        held = next((event for event in events if event.status not in ("cancelled", "postponed")), None)
        if held is not None:
            return held, is_upcoming
    return None, False


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    if page.meta.get("template") != HOME_TEMPLATE:
        return context
    context["home_event"] = None
    context["home_events_url"] = events_page_url(nav, page)
    context["home_hero_id"] = HERO_ID
    if not any(item.id == HERO_ID for item in page.toc):
        hero = AnchorLink(config.site_name, HERO_ID, 1)
        hero.children = list(page.toc)
        page.toc.items[:] = [hero]
    if not LISTINGS_ENABLED:
        return context
    settings = events_settings(config)
    upcoming, past = upcoming_and_past(site_data(config).events, build_now(), settings["home_timezone"])
    event, is_upcoming = featured_event(upcoming, past)
    if event is not None:
        when = event_when(event, babel_locale(config, current_locale(config)), settings["reference_timezones"])
        context["home_event"] = {"event": event, "when": when, "upcoming": is_upcoming}
    return context


def events_page_url(nav, page: Page) -> str | None:
    """The Events page of the language being built, relative to `page`."""
    for other in nav.pages if nav else []:
        if other.file.src_uri.split(".", 1)[0] == EVENTS_PAGE:
            return get_relative_url(other.url, page.url or ".")
    return None
