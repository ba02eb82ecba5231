"""Sources: citations in pages and the list of sources at the end of each page that cites.

Owns: `data/sources.yml` (validated at the start of each build); the `[[cite:ID]]` token in
pages (an unknown id, or a citation written otherwise, is told with the page's file and
line); the check of `sources: [ID]` in data/events.yml and data/partners.yml, all told by
hooks/guards.py with the pages' other problems, before any page is rendered; and the
"Lähteet" / "Sources" list, rendered by `partials/sources.html`, which also holds the
superscript link each citation becomes. A page with a listing marker lists the sources
its events or partners cite.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

from _data import MAX_FILE_BYTES, DataError, _shown_path
from _listing import LISTINGS_ENABLED, data_dir_of, data_problems, render, site_data
from _pages import Problem
import _pending as pending
from _site import babel_locale, current_locale, site_languages
from _sources import (
    CITATION, Source, cited_in_order, citations, data_citation_problems, format_source_date, load_sources,
    miswritten_citation_messages, unknown_citation_messages,
)

SOURCES_FILE = "sources.yml"
# The listing markers whose entries may cite sources (see hooks/events.py, hooks/partners.py).
LISTING_MARKERS = {"<!-- data:events -->": "events", "<!-- data:partners -->": "partners"}

_cache: dict = {"key": None, "sources": None}


def on_files(files, config: MkDocsConfig):
    """The problems of data/sources.yml, of the data's citations and of the pages' citations,
    every one of them, told by hooks/guards.py with the pages' other problems before a page is
    put into its template (review 35c: they stopped the build alone, before the rest)."""
    pending.add(citation_problems(config, files), before_rendering=True)
    return files


def citation_problems(config: MkDocsConfig, files) -> list:
    try:
        known = known_sources(config)
    except DataError as error:
        known, problems = None, list(error.problems)
    else:
        problems = []
        if LISTINGS_ENABLED and not data_problems(config):  # bad data are told on their own (guards)
            kinds = {kind: f"data/{kind}.yml" for kind in ("events", "partners")}
            problems += data_citation_problems(site_data(config), known, kinds)
    for file in files.documentation_pages():
        name, text = f"docs/{file.src_uri}", file.content_string
        messages = miswritten_citation_messages(name, text)
        if known is not None:
            messages += unknown_citation_messages(name, citations(text), known)
        problems += [_page_problem(message) for message in messages]
    return problems


def _page_problem(message: str) -> Problem:
    """"docs/x.fi.md:12: text" as the guards' problem of that file and line."""
    file, line, text = message.split(":", 2)
    return Problem(file, int(line), text.strip())


# Templates can be rendered from on_env on (hooks/markers.py keeps the environment), so the
# tokens stay in the HTML until this event; before the search plugin (0) reads the page.
@event_priority(50)
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    cited = cited_in_order([c.id for c in citations(page.file.content_string)] + _listing_sources(page.content, config))
    if cited:
        page.content = with_sources(page.content, cited, config, f"docs/{page.file.src_uri}")
        # The list's heading in the page's table of contents, like the page's own headings.
        heading = str(render("partials/sources.html", config=config, part="heading")).strip()
        toc = page.toc.items
        # Headings nest under the page's h1 when it has one.
        (toc[-1].children if toc and toc[-1].level == 1 else toc).append(AnchorLink(heading, "sources", 2))
    return context


def with_sources(html: str, cited: list[str], config: MkDocsConfig, file: str = "the page") -> str:
    """The page with each [[cite:ID]] as a numbered link, and the list of sources at its end."""
    known = known_sources(config)
    numbers = {source_id: number for number, source_id in enumerate(cited, start=1)}
    locale = current_locale(config)

    def link(match) -> str:
        if match.group(1) not in numbers:  # one that Markdown made, not written in the source
            raise PluginError(f"{file}: {match.group()!r} in the page is not a citation written in its text; write "
                              "citations as [[cite:ID]], with no backslashes or markup in them")
        return str(render("partials/sources.html", config=config, part="cite", number=numbers[match.group(1)],
                          source_id=match.group(1)))

    html = CITATION.sub(link, html)
    listing = render("partials/sources.html", config=config, part="list", locale=locale, sources=[_view(known[i], locale, config) for i in cited])
    return html + str(listing)


def known_sources(config: MkDocsConfig) -> dict[str, Source]:
    """data/sources.yml, read once per build run and again after an edit (mkdocs serve)."""
    path = data_dir_of(config) / SOURCES_FILE
    stat = path.stat() if path.is_file() else None
    key = (str(path), stat and (stat.st_mtime_ns, stat.st_size), tuple(lang.locale for lang in site_languages(config)))
    if _cache["key"] != key:
        max_bytes = int(config.extra.get("data_file_max_bytes", MAX_FILE_BYTES))
        shown = _shown_path(path, Path(config.config_file_path).parent)
        _cache["sources"] = load_sources(path, shown, key[2], max_bytes)
        _cache["key"] = key
    return _cache["sources"]


def _listing_sources(html: str, config: MkDocsConfig) -> list[str]:
    if not LISTINGS_ENABLED:
        return []
    data = site_data(config)
    ids = []
    for marker, kind in LISTING_MARKERS.items():
        if marker in html:
            ids += [source_id for entry in getattr(data, kind) for source_id in entry.sources]
    return ids


def _view(source: Source, locale: str, config: MkDocsConfig) -> dict:
    babel = babel_locale(config, locale)
    return {"source": source, "date": format_source_date(source.date, babel) if source.date else None,
            "accessed": format_source_date(source.accessed, babel) if source.accessed else None}

