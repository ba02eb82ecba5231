"""schema.org data (JSON-LD) for events and partners, as plain dictionaries.

No HTML: templates serialise these with Jinja's `tojson`, which escapes <, > and & so a
value cannot close the surrounding <script> element.
"""

from __future__ import annotations

from typing import Callable, Iterable, Iterator
from zoneinfo import ZoneInfo

from _data import Event, Partner


CONTEXT = "https://schema.org"
# schema.org's EventStatusType of each of the data's statuses (_data.EVENT_STATUSES).
EVENT_STATUS = {"scheduled": "https://schema.org/EventScheduled", "cancelled": "https://schema.org/EventCancelled",
                "postponed": "https://schema.org/EventPostponed", "rescheduled": "https://schema.org/EventRescheduled"}


def json_ld_graph(items) -> dict | None:
    """One JSON-LD document for a page's listing: a single <script>, not one per item."""
    graph = list(_graph_items(items))
    return {"@context": CONTEXT, "@graph": graph} if graph else None


def _graph_items(items: Iterable[dict | None]) -> Iterator[dict]:
    return ({key: value for key, value in item.items() if key != "@context"} for item in items if item)


def json_ld_graph_chunks(items: Iterable[dict | None], serialise: Callable[[object], str],
                         batch_size: int = 200) -> Iterator[str] | None:
    """serialise(json_ld_graph(items)) in pieces, made as the items are read; None when
    json_ld_graph(items) is None. The graph of 10,000 events is megabytes of JSON; this never
    holds it whole. `serialise` is Jinja's `tojson` (sort_keys, default separators): the
    document's head and tail and the separator between items come from it, and each piece
    is a batch of items serialised as a list without its brackets (one call per item would
    cost more than the serialising). tests/test_listing_speed.py checks the joined pieces
    against serialise(json_ld_graph(items))."""
    graph = _graph_items(items)
    first = next(graph, None)
    if first is None:
        return None
    head, tail = str(serialise({"@context": CONTEXT, "@graph": []})).split("[]")
    separator = str(serialise([0, 0]))[2:-2]

    def batch_text(batch: list[dict], after_another: bool) -> str:
        return (separator if after_another else "") + str(serialise(batch))[1:-1]

    def chunks() -> Iterator[str]:
        yield head + "["
        batch, after_another = [first], False
        for item in graph:
            batch.append(item)
            if len(batch) == batch_size:
                yield batch_text(batch, after_another)
                batch, after_another = [], True
        if batch:
            yield batch_text(batch, after_another)
        yield "]" + tail

    return chunks()


def event_json_ld(event: Event, locale: str, page_url: str) -> dict | None:
    """An Event for events with a known day; None for those known only to the month."""
    if event.start.precision == "month":
        return None
    data = {
        "@context": CONTEXT,
        "@type": "Event",
        "@id": f"{page_url}#event-{event.id}",
        "name": event.title[locale],
        "startDate": _iso(event, event.start),
        "location": {"@type": "Place", "name": event.location[locale], "address": event.location[locale]},
        "url": event.url or f"{page_url}#event-{event.id}",
        "inLanguage": locale,
        "eventStatus": EVENT_STATUS[event.status],
    }
    if event.end:
        data["endDate"] = _iso(event, event.end)
    if event.previous_start:
        data["previousStartDate"] = _iso(event, event.previous_start)
    if event.description:
        data["description"] = event.description[locale]
    return data


def _iso(event: Event, moment) -> str:
    if moment.precision == "month":  # a previous start may be known to the month only
        return moment.value.strftime("%Y-%m")
    if moment.precision == "day":
        return moment.day.isoformat()
    return moment.value.replace(tzinfo=ZoneInfo(event.timezone)).isoformat(timespec="minutes")


def partner_json_ld(partner: Partner, locale: str, page_url: str, logo_url: str | None) -> dict:
    data = {
        "@context": CONTEXT,
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
