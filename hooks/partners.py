"""The Partners page.

Owns: the `<!-- data:partners -->` marker, replaced by `partials/partners.html`: the parties
to the declaration (cities in the order of `_data.CITIES`), then the related organisations
that are not parties (city "other"), each with name, description, an external link and its
logo, plus schema.org Organization data.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from _data import CITIES
from _cache import input_hash
from _listing import LISTINGS_ENABLED, keep_search_entries, listing_cache, render, site_data, templates_hash
from _site import absolute_url, current_locale
from _structured import json_ld_graph, partner_json_ld

MARKER = "<!-- data:partners -->"


@event_priority(50)  # before the search plugin reads the page; see hooks/events.py
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    if MARKER not in page.content or not LISTINGS_ENABLED:
        return context
    locale = current_locale(config)
    cache = listing_cache(config)
    # The partners themselves, not the data files' hash: a logo's width and height come from
    # its image under docs/, which the data files do not show.
    key = input_hash(locale, page.url, page.canonical_url, config.site_url, site_data(config).partners,
                     templates_hash(config)) if cache.enabled else ""
    listing = cache.get(f"partners-{locale}", key)
    if not isinstance(listing, str):  # none, or not ours
        listing = str(render_partners(page, config, locale))
        cache.put(f"partners-{locale}", key, listing)
    page.content = page.content.replace(MARKER, listing)
    keep_search_entries(config, page, f"partners-search-{locale}")
    return context


def render_partners(page: Page, config: MkDocsConfig, locale: str) -> str:
    groups = []
    for city in CITIES:
        members = [p for p in site_data(config).partners if p.city == city]
        if members:
            groups.append({"city": city, "partners": [_view(p, page, config, locale) for p in members]})
    json_ld = json_ld_graph(item["json_ld"] for group in groups for item in group["partners"])
    return render("partials/partners.html", config=config, locale=locale, groups=groups, json_ld=json_ld)


def _view(partner, page: Page, config: MkDocsConfig, locale: str) -> dict:
    logo = None
    if partner.logo:
        logo = {"src": get_relative_url(partner.logo, page.url), "width": partner.logo_width, "height": partner.logo_height}
    logo_url = absolute_url(config, partner.logo) if partner.logo else None
    return {"partner": partner, "logo": logo, "json_ld": partner_json_ld(partner, locale, page.canonical_url or "", logo_url)}

