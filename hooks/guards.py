"""Refuses unsafe or broken page sources: the build stops and lists every problem.

Owns the stop on: symbolic links among the sources (docs/, overrides/, data/, hooks/);
page files without their language in the name, and other files with one; files under
docs/ that the site must not publish (anything but its own code, and images checked by
their content: mkdocs.yml `extra.published_files`); front matter that is missing, not
closed, not valid YAML, without `title` and `description`, naming a template that is not a
page template (mkdocs.yml `extra.page_templates`) or with another field than those a page
may set; raw HTML that runs scripts or loads other content, and comments that Markdown would
show as text (the list is in hooks/_pages.py and the editors' guides); listing markers that
are unknown, miswritten, on another page, repeated or missing (which page each marker
belongs on is set in mkdocs.yml `extra.markers`); in the finished page, an id given twice,
a heading that an element hides, and a link whose text is another address; an image under
docs/ that no finished page shows. It also keeps workflow commands out of every line of the
build's log, and it is the one place that stops the build with the problems other hooks
hand it (the data's, the citations', the menu's: hooks/_pending.py).

When each is told (every problem one line, `docs/<file>:<line>: …`, as many as are known):
- in on_config, before MkDocs reads a page: symbolic links, misnamed files, Markdown that
  would take the build minutes, unreadable addresses, and front matter, which decides how
  MkDocs reads a page; with them, every page's text problems known by then;
- in on_env of the first language's pass (mkdocs-static-i18n builds one language per pass),
  before a page is put into its template or a file of docs/ is copied: files the site must
  not publish, bad data files, and the citations' problems, with that pass's pages';
- in on_env of the last language's pass: every page's problems of every language, with the
  menu's;
- in on_post_build, after every language's pages are written (AFTER_ALL_LANGUAGES): what
  only the finished pages show (the site adds parts with ids of their own after the guards
  have read the page: the list of sources, the listings), and the images no page shows.
The build fails, and the deploy publishes nothing.
"""

from __future__ import annotations

import html
import logging
import os
import posixpath
import re
from collections import defaultdict
from datetime import datetime, timezone
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, set_exclusions
from mkdocs.structure.pages import Page

from _annotations import github_annotations, keep_workflow_commands_out_of_logs, printable, workflow_command
from _bidi import RIGHT_TO_LEFT, Misdrawn, misdrawn, number_advice
from _pages import (
    DESCRIPTION_LENGTH, MARKER, PAGE_MAX_BYTES, PAGE_MAX_HEADINGS, PageSource, Problem, PublishedFiles, body_start,
    broken_page_links, closest_ids, code_ranges, contents_titles, control_character_problems, direction_control_problems,
    description_length_problems, dotted_address_problems, file_name_problems, foreign_id_references, front_matter_problems,
    git_file_problems, markdown_cost_problems,
    id_line, language_suffixed_files, links_to_places, list_after_paragraph_problems, locate, marker_findings,
    markup_space_problems, page_stem, pasted_bullet_problems, pasted_text_problems, repeated, reserved_address_problems,
    same_text_problems,
    images_in_style_sheet, scan_html, shown_images, skipped_heading_findings, source_files, symlinks, toc_markup_findings,
    unknown_anchor_links, unloaded_paths, unpublishable_files, unreadable_address_problems, unshown_image_problem,
    unsuffixed_pages, unsupported_markdown_problems, vague_link_findings,
)
from _page_writer import ids_in_slots
from _passes import AFTER_ALL_LANGUAGES, is_final_pass
import _pending as pending
from _listing import LISTINGS_ENABLED, data_problems, search_plugin
from _site import current_locale, site_languages
from _tree import fence, page_findings, remember_findings, shown, start_tag_line, unfenced
from _yaml import YamlSyntaxError, decode_utf8

# Files and front matter, read once per build run; "garbled": pages with a no-break space in a tag.
_sources: dict = {"key": None, "problems": ([], [], [], []), "garbled": frozenset()}
_site_files: dict = {"of": None, "paths": frozenset(), "left_out": frozenset()}
# The images the site publishes, each address in the site with its name under docs/, and those
# a finished page has shown so far (hunt 35a: an image no page showed was published all the same).
_images: dict[str, str] = {}
_shown: set[str] = set()
# Problems waiting for on_env: files that must not be written ("blocking"), the pages' texts
# and finished pages; "ids": for on_post_build.
_run: dict = {"blocking": [], "texts": [], "pages": [], "ids": []}


def on_startup(command: str, dirty: bool) -> None:
    # Called once per `mkdocs serve` (not again for its rebuilds), and by every build.
    remember_findings(command == "serve")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    keep_workflow_commands_out_of_logs(logging.getLogger("mkdocs"), logging.getLogger())
    _run["telephone_regions"] = telephone_regions(config)  # a wrong setting stops the build before any page
    root = Path(config.config_file_path).parent
    linked = symlinks(root, source_folders(config, root))
    markers = marker_pages(config)
    misplaced, front_matter, unpublishable, texts = source_problems(config, markers, publishing_rules(config),
                                                                    page_templates(config))
    # Front matter decides how MkDocs reads a page: it stops the build before MkDocs reads one
    # (hunt 34f: a dozen lines of YAML aliases, refused only after MkDocs had read them as
    # shared references and hooks/metadata.py had walked them as a tree, took minutes and
    # gigabytes), with every page's text problems known so far.
    if linked or misplaced or front_matter:
        stop(linked + misplaced + front_matter + unpublishable + texts)
    # A file the site must not publish stops the build before a file is written or copied; the
    # pages' other problems wait for the last language, so that an editor gets them all in one
    # run (session 34b: one short page took six builds, each telling one more kind of problem).
    _run["blocking"], _run["texts"] = list(unpublishable), list(texts)
    _run["image_folder"] = publishing_rules(config).image_folder
    return config


def telephone_regions(config: MkDocsConfig) -> tuple[str, ...]:
    """mkdocs.yml extra.telephone_regions: the countries (ISO 3166 codes) whose numbers the
    site writes without a country code."""
    regions = (config.extra or {}).get("telephone_regions", [])
    if not isinstance(regions, list) or not all(isinstance(code, str) and re.fullmatch("[A-Z]{2}", code)
                                                for code in regions):
        raise PluginError("mkdocs.yml: extra.telephone_regions must be a list of two-letter country codes in capitals, "
                          f"such as [FI, GB]; got {printable(repr(regions)[:80])}")
    return tuple(regions)


def source_folders(config: MkDocsConfig, root: Path) -> list[str]:
    """The folders the build reads: docs, the theme overrides, data and hooks."""
    folders = [Path(config.docs_dir), Path(getattr(config.theme, "custom_dir", None) or root / "overrides"),
               root / "data", root / "hooks"]
    return sorted({os.path.relpath(folder, root) for folder in folders})


def marker_pages(config: MkDocsConfig) -> dict[str, str | None]:
    """mkdocs.yml extra.markers: each marker and the page (file stem) it belongs on, or None."""
    markers = (config.extra or {}).get("markers")
    if not isinstance(markers, dict) or not all(
        isinstance(name, str) and MARKER.fullmatch(f" {name} ") and (page is None or isinstance(page, str))
        for name, page in markers.items()
    ):
        raise PluginError("mkdocs.yml: extra.markers: expected markers such as 'data:events: events' "
                          f"(the marker, then its page's name without language, or ~ for any page), got {markers!r}")
    return markers


def publishing_rules(config: MkDocsConfig) -> PublishedFiles:
    """mkdocs.yml extra.published_files, with the site's own code (extra_css, extra_javascript)."""
    block = (config.extra or {}).get("published_files")
    folder = block.get("image_folder") if isinstance(block, dict) else None
    limit = block.get("image_max_bytes") if isinstance(block, dict) else None
    pixels = block.get("image_max_pixels") if isinstance(block, dict) else None
    if not (isinstance(folder, str) and folder and folder.strip("/") == folder and ".." not in folder.split("/")
            and type(limit) is int and limit > 0 and type(pixels) is int and pixels > 0):
        raise PluginError("mkdocs.yml: extra.published_files: expected image_folder (a folder under docs/, such as "
                          f"images), image_max_bytes and image_max_pixels (positive numbers), got {block!r}")
    code = [str(getattr(entry, "path", entry)) for entry in [*config.extra_css, *config.extra_javascript]]
    return PublishedFiles(frozenset(code), folder, limit, pixels)


def published_names(config: MkDocsConfig, names: list[str]) -> list[str]:
    """The names (under docs/) the build copies into the site: MkDocs' own exclusions applied
    (files and folders starting with a dot, templates/, exclude_docs, draft_docs)."""
    files = [File(name, config.docs_dir, config.site_dir, config.use_directory_urls) for name in names]
    set_exclusions(files, config)
    return [file.src_uri for file in files if not file.inclusion.is_excluded()]


def page_templates(config: MkDocsConfig) -> tuple[tuple[str, str | None], ...]:
    """mkdocs.yml extra.page_templates: the templates a page may name in its front matter, each
    with the page (file name without language) it belongs to, or None for any page."""
    templates = (config.extra or {}).get("page_templates")
    if not (isinstance(templates, dict) and templates and all(
            isinstance(template, str) and template and (page is None or isinstance(page, str))
            for template, page in templates.items())):
        raise PluginError("mkdocs.yml: extra.page_templates: expected template names, each with the page it belongs "
                          f"to or ~ for any page, such as {{main.html: ~, home.html: index}}, got {templates!r}")
    return tuple(templates.items())


def source_problems(config: MkDocsConfig, markers: dict, rules: PublishedFiles,
                    templates: tuple[str, ...]) -> tuple[list[Problem], list[Problem], list[Problem], list[Problem]]:
    """(problems that stop the build before MkDocs reads a page: misnamed or missing pages, and
    the pages' front matter; problems that stop it before it writes or copies a file:
    unpublishable files; problems of the pages' texts in every language, told with the
    finished pages'). Read once per run."""
    docs = Path(config.docs_dir)
    locales = [language.locale for language in site_languages(config)]
    files, other_files = source_files(docs)
    published = published_names(config, other_files)
    key = (str(docs), tuple(locales), tuple(markers.items()), rules, templates,
           tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in [*files, *(docs / o for o in published)]))
    if _sources["key"] != key:
        names = [f.relative_to(docs).as_posix() for f in files]
        stems = {page_stem(name, locales) for name in names}
        texts, unreadable = page_texts(files, names, int(config.extra.get("page_max_bytes", PAGE_MAX_BYTES)))
        # Files MkDocs leaves out (.x, templates/) are not published, but their names reach the
        # log: one with a new line in it wrote a workflow command there (hunt 20b).
        unlisted = [name for name in other_files if printable(name) != name and name not in published]
        misplaced = file_name_problems(names + published + unlisted) + unsuffixed_pages(names, locales) + [
            Problem("mkdocs.yml", None, f"extra.markers: {name} belongs on the page '{page}', "
                                        f"but there is no docs/{page}.{locales[0]}.md")
            for name, page in markers.items() if page is not None and page not in stems
        ] + dotted_address_problems(names, published, locales) + git_file_problems(other_files) + unreadable
        misplaced += reserved_address_problems(names, locales, [language.link for language in site_languages(config)])
        misplaced += language_suffixed_files(published)
        # Markdown that would take the build minutes stops it before MkDocs reads a page, and the
        # other checks, some of which read such a page slowly too, leave that page alone.
        max_headings = int(config.extra.get("page_max_headings", PAGE_MAX_HEADINGS))
        costly = {file: markdown_cost_problems(text, file, max_headings) for text, file in texts}
        misplaced += [problem for problems in costly.values() for problem in problems]
        texts = [(text, file) for text, file in texts if not costly[file]]
        misplaced += same_text_problems(texts, locales)
        code = {file: code_ranges(text, body_start(text)) for text, file in texts}  # read once for each page
        # An address MkDocs cannot read ends the build inside MkDocs, so it stops it first.
        misplaced += [problem for text, file in texts for problem in unreadable_address_problems(text, file, code[file])]
        spaces = {file: markup_space_problems(text, file, code[file]) for text, file in texts}
        # The clock's day, not SOURCE_DATE_EPOCH's: the tests build on a fixed day in the past.
        today = datetime.now(timezone.utc).date()
        # A page's front matter decides how MkDocs and the theme read and write it (its template,
        # what it hides, its search weight).
        front_matter = [problem for text, file in texts
                        for problem in front_matter_problems(text, file, templates, today)]
        in_text = [
            problem for text, file in texts
            for problem in (description_length_problems(text, file, DESCRIPTION_LENGTH)
                            + direction_control_problems(text, file) + control_character_problems(text, file)
                            + pasted_bullet_problems(text, file, code[file])
                            + unsupported_markdown_problems(text, file, code[file])
                            + list_after_paragraph_problems(text, file, code[file])
                            + pasted_text_problems(text, file, code[file]) + spaces[file])
        ]
        _sources.update(key=key, problems=(misplaced, front_matter, unpublishable_files(docs, published, rules), in_text),
                        garbled=frozenset(file for file, problems in spaces.items() if problems))
    return _sources["problems"]


def page_texts(files: list[Path], names: list[str], max_bytes: int) -> tuple[list[tuple[str, str]], list[Problem]]:
    """(each page's text with its "docs/…" name, read as MkDocs reads it: Windows' and old Macs'
    line ends as new lines; the problems of pages larger than `max_bytes` or not UTF-8 text,
    which MkDocs would end in a traceback)."""
    texts, problems = [], []
    for path, name in zip(files, names):
        size = path.stat().st_size
        if size > max_bytes:
            # Never read: 250 MB of one paragraph is a megabyte in git, and built a preview of
            # over a gigabyte, more than GitHub Pages publishes (hunt 17c).
            problems.append(Problem(f"docs/{name}", None, f"the page is {size:,} bytes; a page may be at most "
                                                         f"{max_bytes:,} bytes: split it into pages of their own, or "
                                                         "raise extra.page_max_bytes in mkdocs.yml"))
            continue
        try:
            text = decode_utf8(path.read_bytes()).removeprefix("\ufeff")
            texts.append((text.replace("\r\n", "\n").replace("\r", "\n"), f"docs/{name}"))
        except YamlSyntaxError as error:
            problems.append(Problem(f"docs/{name}", error.line, error.message))
    return texts, problems


# After other plugins have changed the content; before the listings are placed (on_page_context).
@event_priority(-100)
def on_page_content(html: str, page: Page, config: MkDocsConfig, files) -> str:
    if f"docs/{page.file.src_uri}" in _sources["garbled"]:
        # A no-break space inside a tag: reported with its line by on_config, which stops the
        # build; what the HTML's garbled names would add here reads as nonsense and has no line.
        return html
    comments: list[str] = []
    findings = scan_html(html, comments, locale=current_locale(config))
    stem = page_stem(page.file.src_uri, [current_locale(config)]) or page.file.src_uri
    findings += marker_findings(comments, marker_pages(config), stem)
    source = PageSource(page.file.content_string, posixpath.dirname(page.file.src_uri), language_prefix(config),
                        tuple(lang.locale for lang in site_languages(config)))
    findings += unloaded_paths(html, page.url, site_files(files), left_out_files(files), source)
    findings += broken_page_links(html, page.url, site_files(files), index_page=posixpath.basename(stem) == "index",
                                  left_out=left_out_files(files), source=source)
    findings += toc_markup_findings(page.toc) + skipped_heading_findings(page.toc) + foreign_id_references(html)
    findings += vague_link_findings(html, current_locale(config))
    # Told after the page is finished: a listing (on_page_context) adds the ids of its items.
    _anchor_links[page.file.src_uri] = unknown_anchor_links(html)
    source, file = page.file.content_string, f"docs/{page.file.src_uri}"
    _places_linked[current_locale(config)] += [(target, place, href, file, _line_of(source, "#" + place))
                                               for target, place, href in links_to_places(html, page.url)]
    if findings:
        _run["pages"] += locate(source, findings, file)
    return fence(html)  # on_post_page finds the content by its fences, and takes them away


_anchor_links: dict[str, list] = {}  # each page's links to a place on itself that its own text has no id for
# Links to a place on another page, by language: (page address, id, link, file, line); and
# each finished page's ids, by (language, address). Read after every page (on_post_build).
_places_linked: defaultdict[str, list] = defaultdict(list)
_page_ids: dict[tuple[str, str], set[str]] = {}


def _line_of(source: str, written: str) -> int | None:
    """The first line of the page's source that holds `written` at the end of a link's address."""
    found = re.search(re.escape(written) + r"(?=[\s)\"'>])", source)
    return source.count("\n", 0, found.start()) + 1 if found else None


def places_problems() -> list[Problem]:
    """Links to a place on another page that the finished page has no id for (session 33d:
    MkDocs told them without a line, and named no id the page has)."""
    problems = []
    for locale, links in _places_linked.items():
        for target, place, href, file, line in links:
            ids = _page_ids.get((locale, target))
            if ids is not None and place not in ids:
                problems.append(Problem(file, line, f"a link to #{place[:40]} on the page {target[:60] or '/'}: that "
                                                    f"page has no heading or other part with this id; "
                                                    f"{closest_ids(place, ids)}"))
    return problems


def anchor_problems(page: Page, output: str, file: str, locale: str, tree_ids: list[str]) -> list[Problem]:
    """The page's links to a place on itself that the finished page has no id for. The ids a
    listing adds (an event's "event-…", "past-events") are given to MkDocs' own check of
    links to a page's places, which knows only the ids of the page's Markdown (hunt 33c)."""
    # Every id of the finished page as the browser's tree holds it (the list of sources' too;
    # hunt 33e), and those of the listing still to be written into it.
    present = set(tree_ids) | set(ids_in_slots(output))
    _page_ids[(locale, page.url)] = present
    if page.present_anchor_ids is not None:
        page.present_anchor_ids.update(present)
    missing = [(anchor, finding) for anchor, finding in _anchor_links.pop(page.file.src_uri, []) if anchor not in present]
    return locate(page.file.content_string, [finding for _, finding in missing], file) if missing else []


def language_prefix(config: MkDocsConfig) -> str:
    """The current language's part of the site's addresses: "en/", or "" for the default language."""
    return next((lang.prefix for lang in site_languages(config) if lang.locale == current_locale(config)), "")


def left_out_files(files) -> frozenset[str]:
    """The paths of the files under docs/ that MkDocs leaves out of the site, kept per Files."""
    return _files_of(files)["left_out"]


def site_files(files) -> frozenset[str]:
    """The paths of the files this pass writes (images, pages, the theme's), kept per Files.
    Not those MkDocs leaves out (names with a leading dot, templates/): a link or an image
    to one passed, and led nowhere (hunt 21a)."""
    return _files_of(files)["paths"]


def _files_of(files) -> dict:
    """Both sets of paths, read once per Files (each pass has its own), not once per page."""
    if _site_files.get("of") is not files:
        excluded = [file.inclusion.is_excluded() for file in files]
        _site_files.update(of=files,
                           paths=frozenset(file.dest_uri for file, out in zip(files, excluded) if not out),
                           left_out=frozenset(file.dest_uri for file, out in zip(files, excluded) if out))
    return _site_files


def on_env(env, config: MkDocsConfig, files):
    last_pass = current_locale(config) == site_languages(config)[-1].locale
    # Bad data stop the build before a listing is made from them, told with this pass's pages.
    data = data_problems(config) if LISTINGS_ENABLED else []
    problems = data + _run["blocking"] + _run["texts"] + _run["pages"]
    # The images this pass publishes, by their address in the site; each page that shows one
    # crosses it off (on_post_page), and those left are told after the last page.
    folder = _run["image_folder"] + "/"
    _images.update({file.dest_uri: file.src_uri for file in files
                    if not file.is_documentation_page() and file.src_uri.startswith(folder)
                    and not file.inclusion.is_excluded()})
    if last_pass or _run["blocking"] or data or pending.block_rendering():
        problems += pending.take()  # the menu's (hooks/translations.py), the citations' (hooks/sources.py)
        _run.update(blocking=[], texts=[], pages=[])  # not "ids": they are collected over every pass, for on_post_build
        if problems:
            stop(problems)
    return env


# These checks read the finished page in a browser's tree (hooks/_tree.py): where the site's
# own parts stand, the page's headings that an element hides, links whose text is another
# address, text that readers would not see, and an id given twice, which can come from the
# page and from a part the site adds to it later (the list of sources, a listing's headings).
# All reported after the last page.
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    file = f"docs/{page.file.src_uri}"
    unshown = [image for image in _images if image not in _shown]
    if unshown:
        _shown.update(shown_images(output, unshown, page.url, config.site_url))
    tree = page_findings(output, _run.get("telephone_regions", ()))
    _run["ids"] += anchor_problems(page, output, file, current_locale(config), tree.ids)
    displaced, tree_ids = tree.displaced, tree.ids
    for tag, text, hider in tree.hidden_headings:
        words = _clipped(text)
        _run["ids"].append(Problem(file, start_tag_line(page.file.content_string, hider), (
            f"the heading '{printable(words)}' ({tag}) is inside {shown(hider)}, which hides it from readers, but the "
            "table of contents would list it: put the heading before that element (a <details> takes its title "
            "in <summary>), or leave the heading out")))
    for text, href in tree.misleading_links:
        if href.strip().lower().startswith("tel:"):
            words = (f"the link's text '{printable(text[:80])}' shows a telephone number, but the link calls "
                     f"'{printable(href[:80])}': make the text the number the link calls, or words such as the name "
                     "of the service")
        else:
            words = (f"the link's text '{printable(text[:80])}' reads as an address, but the link leads to "
                     f"'{printable(href[:80])}': make the text the address the link leads to, or words such as the "
                     "page's name (a file's or program's name that reads as one, README.md#asennus, goes in words or "
                     "with spaces: README.md, section Asennus)")
        _run["ids"].append(Problem(file, _link_line(page.file.content_string, text, href), words))
    unmarked_lines = set()
    for text, element in tree.unmarked_right_to_left:
        words = _clipped(text)
        written = next((word for word in text.split() if RIGHT_TO_LEFT.search(word)), text)
        # The line of the word with those letters: a paragraph has no tag to find.
        line = (_line_with_most(page.file.content_string, text.split(), written)
                or start_tag_line(page.file.content_string, element))
        unmarked_lines.add(line)
        _run["ids"].append(Problem(file, line, (
            f"the text '{printable(words)}' has letters written right to left outside an element marked with their "
            "language: digits and words beside them are shown in another order than written (020 555 0000 as "
            "0000 555 020); mark the quotation with its language, <span lang=\"ar\" dir=\"rtl\">…</span>, or with its "
            "script where the language is written in several (lang=\"ku-Arab\")")))
    for found in tree.reordered:
        source, reordered = page.file.content_string, found.how
        line = _line_with_most(source, reordered.written.split(), reordered.number)
        if reordered.number and line in unmarked_lines:
            continue  # the letters' own message says what they do to the digits beside them
        words = _reordered_message(reordered, markup=not (found.in_code or found.in_contents))
        if found.in_contents:
            words = f"in the table of contents and the search results, which show a heading without its markup, {words}"
        _run["ids"].append(Problem(file, line or start_tag_line(source, found.element), words))
    # The table of contents shows a heading by its title in page.toc: its text without markup,
    # as the search does (hunt 30a: "Soita <span dir=rtl>…</span> 020 555 0000" was drawn right
    # in the page only), or its data-toc-label, which the toc extension takes off the finished
    # heading (hunt 31a). A text already told above is not told again.
    listed = {found.how.written for found in tree.reordered if found.in_contents}
    for heading_id, title in contents_titles(page.toc):
        reordered = misdrawn(title)
        if reordered and reordered.written not in listed:
            listed.add(reordered.written)
            # The heading's own line (hunt 33a: two such headings were both told on the first's).
            line = (id_line(page.file.content_string, heading_id)
                    or _line_with_most(page.file.content_string, reordered.written.split(), reordered.number))
            _run["ids"].append(Problem(file, line, "in the table of contents and the search results, which show a "
                                                   "heading without its markup, "
                                                   + _reordered_message(reordered, markup=False)))
    told = {found.how.written for found in tree.reordered} | listed
    _run["ids"].extend(search_entry_problems(page, config, file, told, tree.headings))
    for text, element, why in tree.unshown_text:
        words = _clipped(text)
        _run["ids"].append(Problem(file, start_tag_line(page.file.content_string, element), (
            f"the text '{printable(words)}' inside {shown(element)} is one readers would not see, but the site's "
            f"search would show it: {why}")))
    if displaced:
        line = displaced.holder and start_tag_line(page.file.content_string, displaced.holder)
        _run["ids"].append(Problem(file, line, (
            f"the page's HTML is not closed as a browser reads it: {displaced.words}. Close each element you open, in "
            "the reverse order, with the end tag of its own name (</h2> for <h2>; a </span> does not close a <div> "
            "opened inside it), and put table cells and rows only inside a <table>")))
    output = unfenced(output)
    for element_id in repeated([*tree_ids, *ids_in_slots(output)]):
        _run["ids"].append(Problem(
            file, id_line(page.file.content_string, element_id),
            f"the id '{element_id}' is on the page twice, so links to #{element_id} reach only the first: give "
            f"this heading or element an id of its own, such as {{ #{element_id}-2 }} (the site itself may use "
            "the id, as for the list of sources; and a browser copies an element such as <b id=…> left open across "
            "paragraphs into each of them)"))
    return output


def _link_line(source: str, text: str, href: str) -> int | None:
    """The line of a page's source that gives the link: the first that holds both its address
    and the start of its text (the same address may stand in an earlier, right link; hunt
    21b), else the first with its address, else the first with its text; None if none."""
    start = text.split()[0] if text.split() else text
    return next(filter(None, (_line_with(source, *wanted) for wanted in ((href, start), (href,), (start,)))), None)


def page_search_entries(page: Page, config: MkDocsConfig) -> list[dict]:
    """Material's search entries for `page`: the last ones of the index, which its plugin adds
    as it reads the page (on_page_context), before the page's on_post_page."""
    search = search_plugin(config)
    entries = search.search_index.entries if search is not None and search.config.enabled else []
    found = []
    for entry in reversed(entries):
        location = entry.get("location", "")
        if location != page.url and not location.startswith(page.url + "#"):
            break
        found.append(entry)
    return found[::-1]


def search_entry_problems(page: Page, config: MkDocsConfig, file: str, told: set[str],
                          headings: dict[str, str] | None = None) -> list[Problem]:
    """What the site's search results show of the page otherwise than the page does, from its
    entries: a heading that holds the rest of the page as its title, and a paragraph drawn in
    another order without its markup (hunt 32a: "soita <span lang="ar" dir="rtl">هاتف</span>
    020 555 0000" was drawn right on the page and as "0000 555 020" in the results). Every
    page, a listing's too (hunt 33a: the Events page's own text was not read): a listing's
    texts are the data files', whose checks refuse such text before it gets here. `headings`:
    each heading's text by its id, as the browser's tree holds it (TreeFindings.headings)."""
    source, problems, held = page.file.content_string, [], False
    headings = headings or {}
    for entry in page_search_entries(page, config):
        title, text = entry.get("title", ""), entry.get("text", "")
        heading = entry.get("location", "").partition("#")[2]
        if not held and (_SEARCH_BLOCK.search(title) or _holds_more(title, headings.get(heading))):
            held = True  # the headings after it are inside the element too: the first is the one to close
            words = html.unescape(_SEARCH_BLOCK.split(title)[0])
            if heading in headings:
                words = headings[heading]
            problems.append(Problem(file, id_line(source, heading) if heading else None, (
                f"the heading '{printable(_clipped(' '.join(words.split())))}' holds an element that is not closed as "
                "the site's search reads it (an <rt>, <li> or <p> left open, or closed after another element's end "
                "tag): the search would show the rest of the page as the heading's title; close each element inside "
                "the heading")))
        if not RIGHT_TO_LEFT.search(text):
            continue  # only letters or digits written right to left reorder text without markup
        for paragraph in _SEARCH_BLOCK.split(text):
            # A no-break space stays one: it keeps a number's groups in order (str.split would take it for a space).
            reordered = misdrawn(_ASCII_SPACES.sub(" ", html.unescape(_SEARCH_MARKUP.sub(" ", paragraph))).strip())
            if reordered and reordered.number and reordered.written not in told:
                told.add(reordered.written)
                line = _line_with_most(source, reordered.written.split(), reordered.number)
                problems.append(Problem(file, line, "in the site's search results, which show a paragraph without "
                                                    "its markup, " + _reordered_message(reordered, markup=False)))
    return problems


_ANY_TAG = re.compile(r"<[^>]*>")  # the tags Material keeps in a title: <code>, <sub>, <sup>


def _holds_more(title: str, heading: str | None) -> bool:
    """Whether a search entry's title holds more than its heading shows: text after the heading
    that an element left open took in (hunt 33a: a <div> or a table after the heading)."""
    if heading is None:
        return False
    shown, searched = "".join(heading.split()), "".join(html.unescape(_ANY_TAG.sub("", title)).split())
    return len(searched) > len(shown) and searched.startswith(shown)


# The tags Material's search keeps in an entry: blocks, each shown as a paragraph of its own in
# the results, and the inline ones.
_SEARCH_BLOCK = re.compile(r"</?(?:p|pre|li|ol|ul)>")
_SEARCH_MARKUP = re.compile(r"</?(?:code|sub|sup)>")
_ASCII_SPACES = re.compile(r"[ \t\r\n\f]+")


def _reordered_message(reordered: Misdrawn, markup: bool = True) -> str:
    """The message for text drawn in another order than written; `markup` is false in code,
    which shows HTML as text."""
    number, drawn_number, written = (printable(reordered.number), printable(reordered.shown),
                                     printable(_clipped(reordered.written)))
    if number:
        # The number alone as drawn: the drawn paragraph's right-to-left words would be turned
        # round again by the terminal or log that shows the message (hunt 28b).
        return (f"the number '{number}' would be shown as '{drawn_number}': right-to-left text or `dir` around it "
                f"draws its groups last first; {number_advice(reordered.number, markup)}")
    if drawn_number:
        return (f"the text '{written}' would show the number '{drawn_number}', which it does not hold in that order: "
                "`dir`, <bdi> or right-to-left letters around its parts put them together in another order; write the "
                "number in the order it is read, as <span dir=\"ltr\">…</span>")
    return (f"the text '{written}' would be shown as '{printable(_clipped(reordered.drawn))}': `dir` and <bdi> (or "
            "Arabic-Indic digits) reorder text that has no right-to-left letters; remove them, and write the words in "
            "the order they are read (inside right-to-left text, mark Finnish or English with dir=\"ltr\")")


def _line_with_most(source: str, words: list[str], needed: str = "") -> int | None:
    """The first of a page's source lines with `needed` in it that holds the most of `words`
    (None for none): a paragraph has no tag to find."""
    counts = [sum(word in line for word in words) if needed in line else 0 for line in source.split("\n")]
    best = max(counts, default=0)
    return counts.index(best) + 1 if best else None


def _clipped(text: str, length: int = 60) -> str:
    return text if len(text) <= length else text[:length] + "…"


def _line_with(source: str, *parts: str) -> int | None:
    """The first line of a page's source that holds every one of `parts`, or None."""
    return next((number for number, line in enumerate(source.split("\n"), 1) if all(part in line for part in parts)),
                None)


@event_priority(AFTER_ALL_LANGUAGES)  # every language's pages are written by then
def on_post_build(config: MkDocsConfig) -> None:
    # In the last language's pass every page is written; told there, before MkDocs ends that
    # pass for its own warnings in strict mode (a link to a place on another page is one of
    # them, which MkDocs tells without a line), or else in the final pass.
    last_language = current_locale(config) == site_languages(config)[-1].locale
    if is_final_pass(config) or last_language:
        problems, _run["ids"] = _run["ids"] + places_problems() + unshown_images(config), []
        _places_linked.clear()
        _page_ids.clear()
        if problems:
            stop(problems)


def unshown_images(config: MkDocsConfig) -> list[Problem]:
    """The images no finished page and no style sheet of the site shows; forgets them all (a
    new build run starts afresh)."""
    unshown = [image for image in _images if image not in _shown]
    for sheet in config.extra_css if unshown else []:
        name = str(getattr(sheet, "path", sheet))
        path = Path(config.docs_dir) / name
        if path.is_file():
            found = images_in_style_sheet(path.read_text("utf-8", errors="replace"), unshown, name)
            unshown = [image for image in unshown if image not in found]
    problems = [unshown_image_problem(_images[image]) for image in unshown]
    _images.clear()
    _shown.clear()
    return problems


def on_build_error(error) -> None:
    _forget_run()


def _forget_run() -> None:
    """Start the next run afresh (`mkdocs serve` rebuilds in the same process)."""
    _run.update(blocking=[], texts=[], pages=[], ids=[])
    pending.take()
    _anchor_links.clear()
    _places_linked.clear()
    _page_ids.clear()
    _images.clear()
    _shown.clear()


def stop(problems: list) -> None:
    """Report every problem (_pages.Problem, or _data.Problem with its field), one line each,
    and end the build without a traceback."""
    if os.environ.get("GITHUB_ACTIONS") == "true":
        for problem in problems:
            if hasattr(problem, "field"):  # a data file's: the field is the annotation's title
                print(*github_annotations([problem]), flush=True)
            else:
                print(workflow_command("error", problem.message, file=problem.file, line=problem.line), flush=True)
    problems = sorted(problems, key=lambda problem: (problem.file, problem.line or 0))
    count = len(problems)
    raise PluginError(
        f"The site's files have {count} problem{'s' if count != 1 else ''}:\n" + "\n".join(f"  {p}" for p in problems)
    )
