"""The Events page and the calendar files.

Owns: the `<!-- data:events -->` marker (replaced by `partials/events.html`: upcoming
events soonest first, then past events latest first, relative to the build time), the
schema.org Event data, and one iCalendar file per language (`events.ics`, `en/events.ics`).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from _calendar import event_calendar
from _data import split_events
from _dates import event_when, generated_on
from _listing import LISTINGS_ENABLED, babel_locale, build_now, events_settings, render, site_data
from _site import absolute_url, current_locale, site_languages
from _structured import event_json_ld

MARKER = "<!-- data:events -->"
_events_page_url: dict[str, str] = {}


# Listings are placed when templates can be rendered (after on_env), and before the
# search plugin reads the page (priority 0), so that events are searchable too.
@event_priority(50)
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    if MARKER in page.content and LISTINGS_ENABLED:
        locale = current_locale(config)
        _events_page_url[locale] = page.canonical_url
        page.content = page.content.replace(MARKER, render_events(config, locale, page.canonical_url))
    return context


def render_events(config: MkDocsConfig, locale: str, page_url: str) -> str:
    settings = events_settings(config)
    now = build_now()
    upcoming, past = split_events(site_data(config).events, now, settings["home_timezone"])
    babel = babel_locale(config)

    def view(event):
        return {
            "event": event,
            "when": event_when(event, babel, settings["reference_timezones"]),
            "json_ld": event_json_ld(event, locale, page_url),
        }

    return render(
        "partials/events.html",
        config=config,
        locale=locale,
        upcoming=[view(e) for e in upcoming],
        past=[view(e) for e in past],
        generated_on=generated_on(now, settings["home_timezone"], babel),
        generated_iso=now.isoformat(timespec="seconds"),
        calendar_url="../" + settings["calendar_file"],
    )


def on_post_build(config: MkDocsConfig) -> None:
    if not LISTINGS_ENABLED:
        return
    locale = current_locale(config)
    language = next(lang for lang in site_languages(config) if lang.locale == locale)
    prefix = language.link.strip("/")
    page_url = _events_page_url.get(locale) or absolute_url(config, f"{prefix}/events/" if prefix else "events/")
    target = Path(config.site_dir) / prefix / events_settings(config)["calendar_file"]
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(event_calendar(site_data(config).events, locale, config.site_name, page_url, build_now()))
