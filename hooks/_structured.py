"""schema.org data (JSON-LD) for events and partners, as plain dictionaries.

No HTML: templates serialise these with Jinja's `tojson`, which escapes <, > and & so a
value cannot close the surrounding <script> element.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from _data import Event, Partner


def json_ld_graph(items) -> dict | None:
    """One JSON-LD document for a page's listing: a single <script>, not one per item."""
    graph = [{key: value for key, value in item.items() if key != "@context"} for item in items if item]
    return {"@context": "https://schema.org", "@graph": graph} if graph else None


def event_json_ld(event: Event, locale: str, page_url: str) -> dict | None:
    """An Event for events with a known day; None for those known only to the month."""
    if event.start.precision == "month":
        return None
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "@id": f"{page_url}#event-{event.id}",
        "name": event.title[locale],
        "startDate": _iso(event, event.start),
        "location": {"@type": "Place", "name": event.location[locale], "address": event.location[locale]},
        "url": event.url or f"{page_url}#event-{event.id}",
        "inLanguage": locale,
        "eventStatus": "https://schema.org/EventScheduled",
    }
    if event.end:
        data["endDate"] = _iso(event, event.end)
    if event.description:
        data["description"] = event.description[locale]
    return data


def _iso(event: Event, moment) -> str:
    if moment.precision == "day":
        return moment.day.isoformat()
    return moment.value.replace(tzinfo=ZoneInfo(event.timezone)).isoformat(timespec="minutes")


def partner_json_ld(partner: Partner, locale: str, page_url: str, logo_url: str | None) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "@id": f"{page_url}#partner-{partner.id}",
        "name": partner.name[locale],
        "url": partner.url,
    }
    if partner.description:
        data["description"] = partner.description[locale]
    if logo_url:
        data["logo"] = logo_url
    return data
