"""Rules for the page sources and for the HTML they render to. No MkDocs import.

Each check returns a list of `Problem`s (file, line, message), so that every problem of a
build run can be reported together:
- `symlinks`: symbolic links among the site's sources (they would publish files from
  outside the repository, such as the build machine's /etc/passwd);
- `unsuffixed_pages`: page files without their language in the name (`plain.md`);
- `unpublishable_files`: other files under docs/ that are neither the site's own code nor
  images whose content matches their name (an HTML file or an SVG with a script would run
  at the site's address);
- `front_matter_problems`: front matter that is missing, not closed, not valid YAML, not a
  mapping, without a non-empty `title` and `description`, naming a template that is not
  a page template, or with a field the site does not use or one the theme cannot read;
- `scan_html` and `marker_findings`: raw HTML that runs scripts or loads other content,
  and listing markers that are miswritten, misplaced, repeated or missing. These read the
  rendered HTML, where code blocks are already escaped text; `locate` maps each finding
  back to its line in the page source.
"""

from __future__ import annotations

import bisect
import difflib
import html
import os
import posixpath
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterable, Iterator, Mapping
from urllib.parse import unquote, urljoin, urlsplit

import yaml
from markdown.extensions.fenced_code import FencedBlockPreprocessor
from markdown.extensions.toc import slugify  # the toc extension's default, which mkdocs.yml keeps

from _annotations import printable
from _data import DIRECTION_CONTROL, PASTED_BULLET, direction_control_message, shown_bullet, text_problem, visible
from _html import (ASCII_LOWER, DEFAULT_IGNORABLE, as_browsers_read, browser_attributes, hosts_of, under_public_suffix,
                   unlike_latin, unlike_latin_message, unquoted_values)
from _images import IMAGE_KINDS, image_problem, kind_names, meaningless_alt
from _yaml import FRONT_MATTER, LineMap, YamlProblems, YamlSyntaxError, front_matter, load_yaml


@dataclass(frozen=True)
class Problem:
    file: str  # as the editor sees it: "docs/events.fi.md"
    line: int | None
    message: str

    def __str__(self) -> str:
        # One line per problem, whatever a file's name or content held (_annotations.printable).
        return printable(f"{self.file}:{self.line}: {self.message}" if self.line else f"{self.file}: {self.message}")


# ------------------------------------------------------------------ files


def symlinks(root: Path, folders: Iterable[str]) -> list[Problem]:
    """Every symbolic link (to a file or folder, dangling or not) in the given folders.

    Links are never followed: a link to a folder is reported, not entered.
    """
    problems = []
    for folder in folders:
        top = root / folder
        if top.is_symlink():
            problems.append(_symlink_problem(root, top))
            continue
        for dirpath, dirnames, filenames in os.walk(top, followlinks=False):
            for name in sorted(dirnames + filenames):
                path = Path(dirpath, name)
                if path.is_symlink():
                    problems.append(_symlink_problem(root, path))
    return problems


def _symlink_problem(root: Path, path: Path) -> Problem:
    return Problem(
        path.relative_to(root).as_posix(), None,
        f"is a symbolic link (to {os.readlink(path)}); the site publishes only files kept in "
        "the repository: replace the link with a real file",
    )


def source_files(docs_dir: Path) -> tuple[list[Path], list[str]]:
    """The real files under docs_dir, in one walk: the Markdown pages, and the other files as
    paths relative to docs_dir. Links are left out (`symlinks` reports them, never followed)."""
    pages, others = [], []
    for dirpath, _dirnames, filenames in os.walk(docs_dir, followlinks=False):
        for name in filenames:
            path = Path(dirpath, name)
            if path.is_symlink():
                continue
            if name.endswith(".md"):
                pages.append(path)
            else:
                others.append(path.relative_to(docs_dir).as_posix())
    return sorted(pages), sorted(others)


def page_stem(name: str, locales: Iterable[str]) -> str | None:
    """"events" for "events.fi.md"; None when the name has no site language before ".md"."""
    stem, _, locale = name[: -len(".md")].rpartition(".")
    return stem if stem and locale in locales else None


# The largest page (its Markdown file) accepted, in bytes, and the most headings on a page;
# mkdocs.yml's extra.page_max_bytes and extra.page_max_headings can change them. The longest
# page of the site is under 5,000 bytes, with 13 headings.
PAGE_MAX_BYTES = 200_000
PAGE_MAX_HEADINGS = 200

# The loader MkDocs reads front matter with (mkdocs.utils.meta).
MKDOCS_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Each part of a file's path under docs/: it becomes part of the page's or image's address,
# printed into links by templates that do not escape it (the edit link among them).
PLAIN_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._-]*")


def file_name_problems(names: Iterable[str]) -> list[Problem]:
    """Files (paths relative to docs/) with a folder or file name that is not a plain address."""
    return [
        Problem(f"docs/{name}", None, "a file or folder name here may hold only the letters a-z and A-Z, digits, "
                                      "'-', '_' and '.' (not at its start): it becomes part of the page's address; "
                                      f"rename it, such as docs/{plain_file_name(name)}")
        for name in names
        if not all(PLAIN_NAME.fullmatch(part) for part in name.split("/"))
    ]


def plain_file_name(name: str) -> str:
    """`name` (a path) in letters a-z, digits, '-', '_' and '.': ä as a, others as '-'."""
    parts = []
    for part in name.split("/"):
        ascii_text = unicodedata.normalize("NFKD", part).encode("ascii", "ignore").decode()
        plain = re.sub(r"-{2,}", "-", re.sub(r"[^A-Za-z0-9._-]", "-", ascii_text))
        parts.append(re.sub(r"-+(?=\.)", "", plain).lstrip("-._") or "file")
    return "/".join(parts)


def unsuffixed_pages(names: Iterable[str], locales: list[str]) -> list[Problem]:
    """Page files (paths relative to docs/) whose name does not end with a site language; where
    some languages' files of that name exist, the rename names the others alone (an English
    text saved as faq.md beside faq.fi.md was told to become faq.fi.md too; hunt 18c)."""
    names = list(names)
    problems = []
    for name in names:
        if page_stem(name, locales) is not None:
            continue
        stem = name[: -len(".md")]
        wanted = [locale for locale in locales if f"{stem}.{locale}.md" not in names] or list(locales)
        files = " or ".join(f"{stem}.{locale}.md" for locale in wanted)
        advice = (f"rename it to {files}, by the language it is written in" if len(wanted) < len(locales)
                  else "rename it to " + " and ".join(f"{stem}.{locale}.md" for locale in locales))
        problems.append(Problem(f"docs/{name}", None, f"a page file's name ends with its language: {advice}"))
    return problems


def dotted_address_problems(pages: Iterable[str], others: Iterable[str], locales: list[str]) -> list[Problem]:
    """Pages and folders (paths relative to docs/) whose address would be a folder named like a
    file: a page events.ics.fi.md became the folder events.ics/ beside the calendar the build
    writes there, and the build ended in a traceback (hunt 14)."""
    problems = []
    for name in pages:
        stem = page_stem(name, locales)
        if stem and "." in stem:
            locale = name[: -len(".md")].rpartition(".")[2]
            problems.append(Problem(f"docs/{name}", None, (
                f"a page's name may hold '.' only before its language: its address would be a folder named like a "
                f"file ({stem}/), such as those the build writes; rename it, such as docs/{stem.replace('.', '-')}."
                f"{locale}.md")))
    for folder in dict.fromkeys(name.rpartition("/")[0] for name in others):
        if "." in folder:
            problems.append(Problem(f"docs/{folder}/", None, (
                "a folder's name may not hold '.': it would be named like a file, such as those the build writes; "
                f"rename it, such as docs/{folder.replace('.', '-')}/")))
    return problems


def reserved_address_problems(pages: Iterable[str], locales: list[str], prefixes: Iterable[str]) -> list[Problem]:
    """Pages (paths relative to docs/) at an address of the site's own: under another
    language's folder (`en.fi.md`, `en/x.fi.md`: the Finnish page at /en/), the 404 page's, or
    README, which MkDocs makes its folder's home page. Outside previews the menu's check refused
    them as pages outside the menu; a preview, which has no menu check, published them there
    (hunt 35a)."""
    prefixes = {prefix.strip("/") for prefix in prefixes if prefix.strip("/")}
    problems = []
    for name in pages:
        stem = page_stem(name, locales)
        if stem is None:
            continue
        first, last = stem.split("/")[0], stem.rpartition("/")[2]
        if first in prefixes:
            what = (f"a page may not be named {first}: its address would be /{first}/, the home page of the "
                    f"{first} pages" if stem == first else
                    f"a page may not stand in a folder named {first}: its address would be under /{first}/, the "
                    f"{first} pages' own folder")
        elif last.lower() == "readme":
            what = f"a page may not be named {last}: MkDocs makes it its folder's home page, in the place of index"
        elif stem == "404":
            what = "a page may not be named 404: its address is the site's own page for addresses that lead nowhere"
        else:
            continue
        problems.append(Problem(f"docs/{name}", None, f"{what}; give it another name"))
    return problems


# mkdocs-static-i18n's reading of a language in a file name (its RE_LOCALE): `logo.fi.svg`,
# `logo.fr_FR.svg`. With docs_structure: suffix it takes any file so named for that
# language's version of the file without it.
LANGUAGE_SUFFIX = re.compile(r"[a-z]{2}(-[A-Za-z]{4})?(-[A-Z]{2})?|[a-z]{2}_[A-Z]{2}")


def language_suffixed_files(names: Iterable[str]) -> list[Problem]:
    """Files other than pages (paths relative to docs/) named with a language, as pages are:
    the i18n plugin published images/logo.fi.svg in place of the site's own images/logo.svg,
    on the pages of every language, and the review summary did not name it (hunt 20b)."""
    problems = []
    for name in names:
        folder, _, base = name.rpartition("/")
        stem, _, extension = base.rpartition(".")
        rest, dot, language = stem.rpartition(".")
        if dot and rest and LANGUAGE_SUFFIX.fullmatch(language):
            folder = f"{folder}/" if folder else ""
            problems.append(Problem(f"docs/{name}", None, (
                f"only pages have their language in their name: the build would publish this file as "
                f"{folder}{rest}.{extension}, in place of any docs/{folder}{rest}.{extension}, for every language; "
                f"rename it, such as docs/{folder}{rest}-{language}.{extension}, and link to that name")))
    return problems


def git_file_problems(names: Iterable[str]) -> list[Problem]:
    """Git's own files (.gitattributes, .gitignore) under docs/: git obeys them when it checks
    the site out, so one could re-encode the site's own style sheet and script (hunt 14)."""
    return [
        Problem(f"docs/{name}", None, "git reads this file when it checks the site out, and it could change the site's "
                                      "own files there or hide files from git; delete it")
        for name in names if name.rpartition("/")[2].startswith(".git")
    ]


@dataclass(frozen=True)
class PublishedFiles:
    """Which files under docs/, besides the pages, the site publishes (mkdocs.yml)."""

    code: frozenset[str]  # the site's own style sheets and scripts: extra_css, extra_javascript
    image_folder: str  # images are published from this folder under docs/ (and its subfolders)
    image_max_bytes: int
    # A browser holds every pixel of a PNG, JPEG or WebP it shows: a small file of
    # 50,000 × 50,000 pixels would stop a reader's tab (hunt 14).
    image_max_pixels: int


def unpublishable_files(docs_dir: Path, names: Iterable[str], rules: PublishedFiles) -> list[Problem]:
    """Problems of the files (relative to docs_dir) that the build would copy into the site.

    Anything copied from docs/ is served from the site's own address: an HTML page or an SVG
    drawing with a script would run there, without the pages' Content-Security-Policy. So only
    the site's own code and images, checked by their content, are published.
    """
    problems = []
    for name in names:
        if name in rules.code:
            continue
        file = f"docs/{name}"
        extension = name.rpartition(".")[2] if "." in name.rpartition("/")[2] else ""
        in_folder = name.startswith(rules.image_folder + "/")
        if not in_folder or extension.lower() not in IMAGE_KINDS:
            problems.append(Problem(file, None, _not_published(name, extension, rules)))
            continue
        size = (docs_dir / name).stat().st_size
        if size > rules.image_max_bytes:
            # A PNG or SVG may be a partner's logo, which must stay PNG or SVG (session 32b: the
            # advice to save it as JPEG led to the logo's own refusal).
            how = ("simplify the drawing (fewer points, no picture inside it), or save it as PNG at most 1,000 "
                   "pixels wide" if extension.lower() == "svg" else
                   "save it again at most 1,600 pixels wide; a photo as JPEG or WebP, a logo or drawing as PNG "
                   "(a logo needs no more than 1,000 pixels)" if extension.lower() == "png" else
                   "save it again as JPEG or WebP at most 1,600 pixels wide")
            problems.append(Problem(file, None, (
                f"is {size:,} bytes; an image may be at most {rules.image_max_bytes:,} bytes "
                f"(mkdocs.yml extra.published_files): make it smaller: {how}")))
            # Its content is told in the same run (session 34b: a script in a large SVG was told
            # only once the file was small enough), unless reading it would take long.
            if size > OVERSIZE_READ_FACTOR * rules.image_max_bytes:
                continue
        problem = image_problem((docs_dir / name).read_bytes(), extension, rules.image_max_pixels)
        if problem:
            problems.append(Problem(file, None, problem))
    return problems


OVERSIZE_READ_FACTOR = 4  # an image up to this many times the size limit is still read for its other problems


# The elements that show or link to an image, and the attributes that hold its address: a
# name anywhere else in a page (a comment, code, a title, a meta tag's text) shows nothing
# (hunt 35d: `<!-- images/tiedote.png -->` got an image published that no page showed).
# A quick look (?=…) skips the tags that name no image file by its extension (the Events
# page's 20,000 links, read attribute by attribute, took a fifth of a second); an extension
# written with an escape is not read as one, and such an image is told as shown on no page.
_IMAGE_TAG = re.compile(r"""<(?:img|source|video|a|link|meta)\b(?=[^>]*\.(?:png|jpe?g|webp|svg))"""
                        r"""(?:"[^"]*"|'[^']*'|[^>"'])*>""", re.IGNORECASE)
_IMAGE_ADDRESS_ATTRIBUTES = {"img": ("src", "srcset"), "source": ("src", "srcset"), "video": ("poster",), "a": ("href",),
                             "link": ("href",), "meta": ("content",)}
_SHARED_IMAGE_META = {"og:image", "twitter:image"}  # the site's own share image, in <head>
_CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)""", re.IGNORECASE)


def shown_images(markup: str, images: Iterable[str], page_url: str, site_url: str | None = None) -> set[str]:
    """The images of `images` (paths in the site, "images/map.png") that the finished page at
    `page_url` ("privacy/") shows or links to (`<img src|srcset>`, `<picture>`'s `<source>`, a
    video's poster, `<a href>`, the site's icons and share image in <head>), as a browser reads
    the addresses; its comments left out."""
    images = set(images)
    found: set[str] = set()
    if not images:
        return found
    for tag in _IMAGE_TAG.finditer(without_comments(markup)):
        name = _TAG_NAME.match(tag.group()).group(1).lower()
        attributes = dict(reversed(browser_attributes(tag.group())))  # the first of a name counts
        if name == "link" and not any("icon" in rel for rel in attributes.get("rel", "").lower().split()):
            continue  # icon, apple-touch-icon
        if name == "meta" and attributes.get("property", attributes.get("name", "")).lower() not in _SHARED_IMAGE_META:
            continue
        for attribute in _IMAGE_ADDRESS_ATTRIBUTES[name]:
            value = html.unescape(attributes.get(attribute, ""))
            values = [part.split()[0] for part in value.split(",") if part.strip()] if attribute == "srcset" else [value]
            found.update(path for path in (_image_path(v, page_url, site_url) for v in values) if path in images)
    return found


def images_in_style_sheet(css: str, images: Iterable[str], sheet_url: str) -> set[str]:
    """The images of `images` that the style sheet at `sheet_url` ("stylesheets/site.css") names in url()."""
    images = set(images)
    return {path for match in _CSS_URL.finditer(css)
            for path in [_image_path(next(group for group in match.groups() if group is not None), sheet_url)]
            if path in images}


def _image_path(url: str, page_url: str, site_url: str | None = None) -> str | None:
    """file_under_site, and for the site's own addresses written from its root ("/images/…",
    "/repo/images/…") or in full ("https://…/images/…"), as the share image's are."""
    root = urlsplit(site_url or "/").path.rstrip("/") + "/"
    if site_url and url.startswith(site_url.rstrip("/") + "/"):
        return file_under_site(url[len(site_url.rstrip("/")) + 1:], "")
    if url.startswith(root) and not url.startswith("//"):
        return file_under_site(url[len(root):], "")
    return file_under_site(url, page_url)


def unshown_image_problem(name: str) -> Problem:
    """An image under docs/ that no page shows: the site would still publish it, at its own
    address, unreviewed as part of any page (hunt 35a: a "press release" image linked from no
    page, which anyone could link to as the site's own; the review summary said "on no page")."""
    return Problem(f"docs/{name}", None, (
        f"is shown on no page, yet the site would publish it (…/{name}) for anyone to link to as the site's "
        f"own: show it on a page, as ![What it shows]({name}), or remove the file"))


def _not_published(name: str, extension: str, rules: PublishedFiles) -> str:
    base = name.rpartition("/")[2]
    kinds = ", ".join(kind_names())
    if extension.lower() in IMAGE_KINDS:
        return f"images are published from docs/{rules.image_folder}/ only: move the file there"
    if extension.lower() in ("html", "htm"):
        hint = "write a page as name.fi.md and name.en.md instead"
    elif base.lower() in ("thumbs.db", "desktop.ini") or base.startswith("~$"):
        hint = "this file is one that Windows or Office makes by itself: delete it"
    else:
        hint = "a file of another kind needs a developer's change and review (SECURITY.md)"
    return (f"the site does not publish this file: besides the pages (name.fi.md, name.en.md) it "
            f"publishes only images under docs/{rules.image_folder}/ ({kinds}); {hint}")


# ------------------------------------------------------------------ front matter

FENCE_LINE = re.compile(r"(?:-{3}|\.{3})[ \t]*")
# Longer than any title or summary a reader sees whole; a limit keeps a pasted page out of <head>.
FRONT_MATTER_TEXT_LIMIT = 500
# A description's length, in characters, that search results show whole and that says
# enough (CONTRIBUTING): a new page's 13-character one passed the build (hunt 18c).
DESCRIPTION_LENGTH = (70, 160)
REQUIRED_FIELDS = {
    "title": "the page's name in the browser tab and in search results",
    "description": "the summary search engines show",
}
# The other fields a page may set, which the theme's templates and hooks/contents.py read: a
# value of another kind would end the build in a traceback inside them.
HIDDEN_PARTS = ("navigation", "toc", "footer", "feedback", "path", "tags")  # Material's `hide:` values
# translation_checked: the day an editor checked that the other language needs no change
# (CONTRIBUTING, "If the other language needs no change"): changing the file is what counts.
PAGE_FIELDS = (*REQUIRED_FIELDS, "template", "hide", "search", "translation_checked")
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def front_matter_problems(text: str, file: str, templates: tuple[str | tuple[str, str | None], ...] = ("main.html",),
                          today: date | None = None) -> list[Problem]:
    """Problems of a page's front matter, with their lines in the file (1-based), but for the
    description's length (description_length_problems: told with the pages' other problems,
    while these stop the build first). `templates` are those a page may name in `template:`,
    each alone or with the one page it belongs to (mkdocs.yml extra.page_templates); `today`,
    today's date (UTC), if a `translation_checked:` day after it is to be refused."""
    lines = text.split("\n")
    if not re.fullmatch(r"-{3}[ \t]*", lines[0]):
        return [Problem(file, 1, "the page has no front matter: start the file with a line ---, "
                                 "then title: and description:, then another line ---")]
    match = FRONT_MATTER.match(text)
    if match is None:
        if len(lines) > 1 and FENCE_LINE.fullmatch(lines[1]):
            return [Problem(file, 1, "the front matter is empty: it needs title: and description:")]
        return [Problem(file, 1, "the front matter opened on this line is not closed: "
                                 "add a line --- after its last field")]
    try:
        data = load_yaml(match.group(1))
    except YamlSyntaxError as error:
        return [Problem(file, error.line + 1, error.message.replace("the file", "the front matter", 1))]
    except YamlProblems as error:
        return [Problem(file, line + 1, message.replace("the file", "the front matter", 1)) for line, message in error.problems]
    if not isinstance(data, LineMap):
        return [Problem(file, 2, f"the front matter must be fields such as 'title: …', got {_shown(data)}")]
    problems = [
        Problem(file, line + 1, f"the key '{key}' is given twice; keep one") for key, line in data.duplicate_keys
    ]
    for field, purpose in REQUIRED_FIELDS.items():
        value = data.get(field)
        if field not in data:
            problems.append(Problem(file, 1, f"the front matter needs '{field}': {purpose}"))
        elif not isinstance(value, str) or not value.strip():
            line = data.line_of(field)
            problems.append(Problem(file, line + 1, f"{field}: expected text, got {_shown(value)}"
                                                    f"{_quote_hint(field, value, lines[line])}"))
        # The checks of the page's source read a YAML escape ("\u202e", "\x00") as plain
        # letters; the value it becomes goes into the tab's title and the meta tags (hunt 14).
        elif problem := text_problem(value, FRONT_MATTER_TEXT_LIMIT, multiline=True):
            problems.append(Problem(file, data.line_of(field) + 1, f"{field}: {problem}"))
    problems += _theme_field_problems(data, file, today) + _unreadable_by_mkdocs(match.group(1), file)
    # Any other template (a partial, 404.html) would publish a page without the site's <head>,
    # its Content-Security-Policy included, or stop the build with a traceback.
    allowed = dict(template if isinstance(template, tuple) else (template, None) for template in templates)
    template = data.get("template")
    if "template" in data and not (isinstance(template, str) and template in allowed):
        problems.append(Problem(file, data.line_of("template") + 1, (
            f"template: expected {' or '.join(allowed)} (mkdocs.yml extra.page_templates), or no "
            f"template: line for an ordinary page; got {_shown(template)}")))
    elif allowed.get(template) not in (None, file.rpartition("/")[2].partition(".")[0]):
        problems.append(Problem(file, data.line_of("template") + 1, (
            f"template: {template} is for docs/{allowed[template]}.*.md alone (mkdocs.yml "
            "extra.page_templates); remove the template: line")))
    return sorted(problems, key=lambda problem: problem.line)


def description_length_problems(text: str, file: str, description_length: tuple[int, int]) -> list[Problem]:
    """The description's length, if the front matter is readable and its description text:
    for a build that tells the front matter's other problems on their own."""
    data = front_matter(text)
    value = data.get("description") if data is not None else None
    if not isinstance(value, str):
        return []
    return _description_length_problems(value, data.line_of("description") + 1, file, description_length)


def _description_length_problems(value: str, line: int, file: str, description_length: tuple[int, int]) -> list[Problem]:
    if description_length[0] <= len(value.strip()) <= description_length[1]:
        return []
    return [Problem(file, line, f"description: {len(value.strip())} characters; search results show "
                                f"{description_length[0]} to {description_length[1]}: write one or two sentences "
                                "that say what the page is about")]


def _unreadable_by_mkdocs(block: str, file: str) -> list[Problem]:
    """The line of the front matter that MkDocs' own reading fails on. MkDocs reads front matter
    with PyYAML, which makes dates of what looks like one (2019-02-30 fails), and on a failure
    drops the whole front matter and shows it to readers as the page's first lines."""
    try:
        yaml.load(block, Loader=MKDOCS_YAML_LOADER)
        return []
    except Exception as error:  # any failure is MkDocs' silent drop (mkdocs.utils.meta.get_data)
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
    for number, line in enumerate(block.split("\n"), start=2):
        field = re.match(r"([A-Za-z0-9_-]+):[ \t]+(\S.*)$", line)
        if not field:
            continue
        try:
            yaml.load(line, Loader=MKDOCS_YAML_LOADER)
        except Exception:
            return [Problem(file, number, f"MkDocs cannot read this line of the front matter ({reason}); put the value "
                                          f"in quotes, such as {field.group(1)}: \"{field.group(2)}\"")]
    return [Problem(file, 2, f"MkDocs cannot read the front matter ({reason}); put text values in quotes")]


# The same controls as character references, which a browser decodes, its semicolon left out
# or not: &#x202E; showed the table of contents' "call 0000 555 020" backwards (hunt 17a).
DIRECTION_REFERENCE = re.compile(r"&#(?:[xX]0*(202[a-eA-E]|206[6-9]|200[eEfF]|61[cC])(?![0-9a-fA-F])"
                                 r"|0*(823[4-8]|829[4-7]|820[67]|1564)(?![0-9]));?|&(lrm|rlm);")
_NAMED_DIRECTION = {"lrm": "\u200e", "rlm": "\u200f"}


def direction_control_problems(text: str, file: str) -> list[Problem]:
    """The first direction control on each line of a page's source (front matter included),
    as a character or as a character reference, code included: where Markdown shows a
    reference as written, naming it is harmless, and a reading of what is code that differs
    from Markdown's let one through (hunt 18a)."""
    problems = []
    for number, line in enumerate(text.split("\n"), start=1):
        control = DIRECTION_CONTROL.search(line)
        reference = None if control else DIRECTION_REFERENCE.search(line)
        if control:
            problems.append(Problem(file, number, direction_control_message(control.group(), "the page")))
        elif reference:
            char = (chr(int(reference.group(1), 16)) if reference.group(1) else chr(int(reference.group(2)))
                    if reference.group(2) else _NAMED_DIRECTION[reference.group(3)])
            problems.append(Problem(file, number, direction_control_message(char, "the page", reference.group())))
    return problems


# C0 controls but tab, new line and carriage return, DEL and the C1 controls: invisible, never
# needed in a page, and not read alike (Python's parser ends a tag's name at NUL, a browser
# reads on; U+0085 is white space to Python only).
CONTROL_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def control_character_problems(text: str, file: str) -> list[Problem]:
    """The first control character on each line of a page's source (front matter included)."""
    return [Problem(file, number, f"the page holds the control character U+{ord(match.group()):04X}, which is invisible "
                                  "and which browsers and these checks read differently; remove it")
            for number, line in enumerate(text.split("\n"), start=1)
            for match in [CONTROL_CHARACTER.search(line)] if match]


def _outside_code(pattern: re.Pattern, text: str, start: int, code: list[tuple[int, int]]) -> Iterator[re.Match]:
    """The matches of `pattern` in `text` from `start` that do not begin inside code."""
    return (match for match in pattern.finditer(text, start) if not _inside(match.start(), code))


def pasted_bullet_problems(text: str, file: str, code: list[tuple[int, int]] | None = None) -> list[Problem]:
    """Lines outside code that start with a pasted bullet (PASTED_BULLET), each with its line."""
    start = body_start(text)
    code = code_ranges(text, start) if code is None else code
    problems = []
    for match in _outside_code(PASTED_BULLET, text, start, code):
        problems.append(Problem(file, text.count("\n", 0, match.start()) + 1,
                                f"the line starts with {shown_bullet(match)}, a bullet pasted from a word processor: "
                                "Markdown shows it as text and runs the lines into one paragraph; start each item of "
                                "a list with “- ” (a hyphen and a space), and leave an empty line before the list"))
    return problems


# Markdown of other sites (GitHub's preview, Material's extensions, other editors) that this
# site's Markdown does not read, so that readers would see the characters as written: each
# with what to write instead (session 33b: footnotes, an abbreviation list and a note box
# went out as text, and the build passed).
_NOTE_BOX_ADVICE = ("this site shows it as written; write the notice as a paragraph of its own that starts with its "
                    "kind in bold, such as “**Korjaus 28.11.2026:** …” or “**Correction, 28 November 2026:** …”")
_FOOTNOTE_ADVICE = ("is shown as written: the site has no footnotes; write the note into the text, in brackets or as a "
                    "sentence of its own, and cite its source with [[cite:ID]]")
# Each message names what was written ({}).
UNSUPPORTED_MARKDOWN = (
    (re.compile(r"^ {0,3}\[\^[^\]\n]+\]:", re.M), f"a footnote ('{{}}') {_FOOTNOTE_ADVICE}"),
    (re.compile(r"\[\^[^\]\s]+\](?!:)"), f"a footnote mark ('{{}}') {_FOOTNOTE_ADVICE}"),
    (re.compile(r"^ {0,3}\*\[[^\]\n]+\]:", re.M),
     "an abbreviation list ('{}') is shown as written: write the words out where the abbreviation first appears, "
     "“tekoäly (AI)” or “artificial intelligence (AI)”, or mark it with <abbr title=\"…\">AI</abbr>"),
    (re.compile(r"^ {0,3}(?:!!!|\?\?\?\+?)[ \t]*[A-Za-z\"][^\n]{0,40}", re.M),
     f"'{{}}' starts a note box of other sites: {_NOTE_BOX_ADVICE}"),
    (re.compile(r"^ {0,3}:::[ \t]*[A-Za-z][^\n]{0,40}", re.M), f"'{{}}' starts a note box of other sites: {_NOTE_BOX_ADVICE}"),
    (re.compile(r"^ {0,3}>[ \t]*\[!(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]", re.M | re.I),
     "'{}' draws a box in GitHub's preview only: the site shows the words in brackets as text; start the paragraph "
     "with its kind in bold instead, such as “**Huom.:** …” or “**Note:** …”"),
    (re.compile(r"~~[^~\n]+~~"),
     "'{}' is crossed out in GitHub's preview only: the site shows the tildes; delete the old text, and say what was "
     "corrected in a correction notice, “**Korjaus 28.11.2026:** …” or “**Correction, 28 November 2026:** …”"),
)


def _clipped_text(text: str, length: int) -> str:
    return text if len(text) <= length else text[:length - 1] + "…"


def unsupported_markdown_problems(text: str, file: str, code: list[tuple[int, int]] | None = None) -> list[Problem]:
    """Markdown of other sites outside code (UNSUPPORTED_MARKDOWN), once per kind and line."""
    start = body_start(text)
    code = code_ranges(text, start) if code is None else code
    found = {(text.count("\n", 0, match.start()) + 1, message.format(_clipped_text(match.group().strip(), 40)))
             for pattern, message in UNSUPPORTED_MARKDOWN for match in _outside_code(pattern, text, start, code)}
    return [Problem(file, line, message) for line, message in sorted(found)]


# A page's text shorter than this (in words) may well be the same in two languages.
SAME_TEXT_MIN_WORDS = 20
# The share of words two languages' pages may have in common (of all the words either uses):
# the site's own pages share 4–17%, names and numbers; a page copied from the other language
# shares nearly all of them, whatever was added (hunt 33e: an HTML comment).
SAME_WORDS_MAX = 0.6
_WORD = re.compile(r"\w+")


def same_text_problems(texts: list[tuple[str, str]], locales: list[str]) -> list[Problem]:
    """Pages whose text, after the front matter, is the other language's, or nearly (session
    33b: an English page copied to name.fi.md until a translator got to it passed every check,
    and the Finnish site showed English text marked as Finnish, to screen readers and the
    search). `texts`: each page's text with its "docs/…" name."""
    words = {file: set(_WORD.findall(without_comments(text[body_start(text):]).lower())) for text, file in texts}
    problems = []
    for file, one in words.items():
        stem, _, locale = file[: -len(".md")].rpartition(".")
        if locale != locales[0]:
            continue
        for other_locale in locales[1:]:
            other = words.get(f"{stem}.{other_locale}.md", set())
            if len(one | other) >= SAME_TEXT_MIN_WORDS and len(one & other) / len(one | other) > SAME_WORDS_MAX:
                problems.append(Problem(file, None, f"the text is the same as {stem}.{other_locale}.md's, or nearly: "
                                                    "readers of each language would get the other's text, marked as "
                                                    "their own; write the page in each language, or keep it in the "
                                                    "pull request until it is translated"))
    return problems


# What Python-Markdown reads in time that grows with the square of its size, or by recursion:
# limits far above any real page (hunt 18a: one line of 30,000 "[" took 82 s to build; 10,000
# lines of "```a" 3 s in Markdown alone, 40,000 some 45; a list nested 250 levels deep ended in
# a RecursionError). CONTRIBUTING says what to do about each.
MAX_FENCE_LINES = 400  # lines that start like a fence (``` or ~~~): each looks for its closing one to the end
BLOCK_MAX_LINES = 500  # lines of one block, between empty lines: each block rule splits off a line and reads the rest
# A "[" or a tag's "<" that nothing closes makes Markdown read on to the end of its paragraph:
# their number times the paragraph's length is the work (hunt 19a: 999 "<a " before 190 KB of
# text took 59 s). Closed ones cost little: a table of 4,000 links took 0.3 s.
BLOCK_MAX_UNCLOSED_WORK = 2_000_000
_LITERAL = {"[": "\\[", "<": "&lt;"}  # how a text writes one that starts nothing
MAX_INDENT = 64  # columns of indentation (a tab is 4): 16 levels of lists
MAX_MARKDOWN_IN_HTML_DEPTH = 20  # elements with a markdown attribute inside one another, read by recursion
_FENCE_LINE = re.compile(r" {0,3}(?:`{3,}|~{3,})")
_TAG = re.compile(r"<(/?)([A-Za-z][\w-]*)([^<>]*)>")
_MARKDOWN_ATTRIBUTE = re.compile(r"\smarkdown(?:\s*=|\s|/|$)", re.IGNORECASE)
_OPENING = re.compile(r"(?<!\\)[\[\]]|<(?=[A-Za-z/!?])|>")


def markdown_cost_problems(text: str, file: str, max_headings: int) -> list[Problem]:
    """Markdown that the build would take minutes over, or end in a traceback; read before
    anything else reads the page, and in time that grows with the page's size."""
    lines = text.split("\n")
    fence_lines = [number for number, line in enumerate(lines, start=1) if _FENCE_LINE.match(line)]
    if len(fence_lines) > MAX_FENCE_LINES:
        return [Problem(file, fence_lines[MAX_FENCE_LINES], f"the page has {len(fence_lines):,} lines that start with "
                                                           f"``` or ~~~; a page may have at most {MAX_FENCE_LINES}: "
                                                           "split it into pages of their own")]
    start = body_start(text)
    code = fenced_code_ranges(text, start)
    problems = heading_count_problems(text, file, max_headings, code)
    blocks, offset = [], 0  # [first line, lines, text] of each block outside fenced code
    too_deep = False
    for number, line in enumerate(lines, start=1):
        here, offset = offset, offset + len(line) + 1
        if here < start or _inside(here, code) or not line.strip():
            blocks.append(None)
            continue
        width = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip(" "))
        if width > MAX_INDENT and not too_deep:  # the first such line is enough
            too_deep = True
            problems.append(Problem(file, number, f"the line is indented {width} columns; at most {MAX_INDENT} (16 "
                                                  "levels of lists) are read: indent less"))
        if not blocks or blocks[-1] is None:
            blocks.append([number, 0, []])
        blocks[-1][1] += 1
        blocks[-1][2].append(line)
    for first, count, block_lines in filter(None, blocks):
        if count > BLOCK_MAX_LINES:
            problems.append(Problem(file, first, f"the text from this line on has {count:,} lines without an empty "
                                                 f"line; at most {BLOCK_MAX_LINES}: put empty lines between its parts"))
        block = "\n".join(block_lines)
        for opener, unclosed in _unclosed_openers(block).items():
            if unclosed * len(block) > BLOCK_MAX_UNCLOSED_WORK:
                problems.append(Problem(file, first, (
                    f"the paragraph from this line on has {unclosed:,} “{opener}” that nothing closes, in "
                    f"{len(block):,} characters, and Markdown reads to its end for each: close them, split the "
                    f"paragraph, or write {_LITERAL[opener]} for one that starts nothing")))
    depth, deepest = [], None
    for tag in _TAG.finditer(text, start):
        closing, name = tag.group(1), tag.group(2).lower()
        if closing and depth and depth[-1] == name:
            depth.pop()
        elif not closing and _MARKDOWN_ATTRIBUTE.search(tag.group(3)):
            depth.append(name)
            if len(depth) > MAX_MARKDOWN_IN_HTML_DEPTH and deepest is None:
                deepest = tag.start()
    if deepest is not None:
        problems.append(Problem(file, text.count("\n", 0, deepest) + 1, (
            f"elements with a markdown attribute stand more than {MAX_MARKDOWN_IN_HTML_DEPTH} deep inside one another "
            "here: close them, or write the inner ones without the attribute")))
    problems += search_cost_problems(text, file, start)
    return sorted(problems, key=lambda problem: problem.line)


# Material's search reads a page's HTML with a list of the elements open around the text
# (material/plugins/search/plugin.py, Parser): it puts every element but the void ones on the
# list and takes one off only at the end tag of the last one put on, and compares each tag and
# text with the whole list. An element left open, by HTML's leave (<p>, <li>, <td>, <rt>) or by
# an end tag of another element first, stays on it to the page's end: hunt 32a's 80 KB of "<p>x"
# took three minutes to build, and a page at the size limit would take about twenty; so did
# 25,000 closed <i> one inside another. The work is the length of the list at each tag, summed:
# a page of the site's own is some thousands; 1,000,000 is a second or two of the search's time.
SEARCH_MAX_WORK = 1_000_000
SEARCH_VOID_ELEMENTS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                                  "source", "track", "wbr"})  # the search's `void`, which it never puts on the list
# A tag as HTML writes one: its name ends at white space, "/" or ">" (<https://…> and <x@y.fi> are links).
HTML_TAG = re.compile(r"(?<!\\)<(/?)([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])([^<>]*)>")


@dataclass
class SearchReading:
    """How Material's search reads a page's tags: the work, the elements it holds open to the
    end (name, position), and the deepest list (its length, the position where it was reached)."""

    work: int = 0
    left_open: list[tuple[str, int]] = field(default_factory=list)
    deepest: tuple[int, int] = (0, 0)


def search_reading(tags: Iterable[re.Match]) -> SearchReading:
    """The search's list of open elements over `tags` (matches of HTML_TAG), as its Parser keeps it."""
    reading, open_elements = SearchReading(), []
    for tag in tags:
        closing, name = tag.group(1), tag.group(2).lower()
        reading.work += len(open_elements)
        if closing:
            if open_elements and open_elements[-1][0] == name:
                open_elements.pop()
        elif name not in SEARCH_VOID_ELEMENTS and not tag.group(3).rstrip().endswith("/"):
            open_elements.append((name, tag.start()))
            if len(open_elements) > reading.deepest[0]:
                reading.deepest = (len(open_elements), tag.start())
    reading.left_open = open_elements
    return reading


def search_cost_problems(text: str, file: str, start: int) -> list[Problem]:
    """A page whose own HTML the site's search would take minutes to read (SEARCH_MAX_WORK)."""
    # Tags in code and comments are text, which costs the search nothing: they are told apart
    # only on a page whose every tag would be too much (a page's code is read once more then).
    if search_reading(HTML_TAG.finditer(text, start)).work <= SEARCH_MAX_WORK:
        return []
    skipped = _apart(code_ranges(text, start) + [match.span() for match in _HTML_COMMENT.finditer(text, start)])
    reading = search_reading(tag for tag in HTML_TAG.finditer(text, start) if not _inside(tag.start(), skipped))
    if reading.work <= SEARCH_MAX_WORK:
        return []
    if reading.left_open:
        # The first that no end tag of its name follows, such as a table's <tr>, rather than the
        # <table> that the end tag after them would have closed.
        lowered, last_end = text.lower(), {}
        for name in {name for name, _ in reading.left_open}:
            last_end[name] = lowered.rfind(f"</{name}")
        name, position = next((found for found in reading.left_open if last_end[found[0]] < found[1]),
                              reading.left_open[0])
        more = len(reading.left_open) - 1
        return [Problem(file, text.count("\n", 0, position) + 1, (
            f"the element <{name}> opened here is not closed with </{name}>{f', nor are {more:,} others' if more else ''}"
            ": the site's search would read the rest of the page as inside each, which takes it minutes; write the "
            "end tag where each element ends (an end tag of another element first, such as </div> before </span>, "
            "leaves it open too)"))]
    depth, position = reading.deepest
    return [Problem(file, text.count("\n", 0, position) + 1, (
        f"elements stand {depth:,} deep inside one another here, which the site's search would take minutes to read: "
        "write them side by side, not one inside another"))]


def _unclosed_openers(block: str) -> dict[str, int]:
    """How many "[" no "]" closes, and how many tags' "<" no ">" closes before the next "<"."""
    brackets = angles = 0
    open_angle = False
    for match in _OPENING.finditer(block):
        char = match.group()
        if char == "[":
            brackets += 1
        elif char == "]":
            brackets = max(0, brackets - 1)
        elif char == "<":
            angles += open_angle
            open_angle = True
        else:
            open_angle = False
    return {"[": brackets, "<": angles + open_angle}


# Text pasted from a word processor or a spreadsheet: a tab between words (a table's cells), and
# a web address written as text (https://… or www.…), which Python-Markdown does not make a
# link (hunts 18c, 21b). An address inside a link, an autolink, an attribute or a reference
# definition is left alone.
_TAB_BETWEEN_WORDS = re.compile(r"\S\t+\S")
_BARE_ADDRESS = re.compile(r"(?<![(<\[>\"'=/\w.@-])(?:https?://|www\.)[^\s<>()\[\]]+"
                           # or a host and a path, under a top-level domain of the Public Suffix List
                           # ("kuntalehti.fi/uutiset"; session 34e), which pasted_text_problems asks.
                           r"|(?<![(<\[>\"'=/\w.@-])(?P<host>[a-z0-9-]+(?:\.[a-z0-9-]+)+)/[^\s<>()\[\]]*", re.IGNORECASE)
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)


def without_comments(text: str) -> str:
    """HTML or Markdown with its HTML comments, which show nothing, each a space (one left open
    runs to the end, as in a browser)."""
    return _HTML_COMMENT.sub(" ", text) if "<!--" in text else text

# Code written in HTML, which shows an address as text too: terminal output in a <pre> (hunt
# 29b: told to write it as a link, the editor got literal [url](url) on the page).
_HTML_CODE_TAG = re.compile(r"<(/?)(pre|code)\b[^>]*>", re.IGNORECASE)


def _html_code_ranges(text: str, start: int, code: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The ranges of <pre> and <code> written in HTML outside Markdown's code, each from its
    start tag to its end tag (or the end of the text): one pass over the tags (review 30b: a
    pattern per start tag took seconds on unclosed ones, and paired a tag shown in a code
    block with a real end tag)."""
    ranges, opened = [], []
    for tag in _HTML_CODE_TAG.finditer(text, start):
        if _inside(tag.start(), code):
            continue
        name = tag.group(2).lower()
        if not tag.group(1):
            opened.append((name, tag.start()))
        elif any(open_name == name for open_name, _ in opened):
            while opened:
                open_name, position = opened.pop()
                if open_name == name:
                    ranges.append((position, tag.end()))
                    break
    # The first left open runs to the end of the text, and holds any opened after it.
    return ranges + ([(opened[0][1], len(text))] if opened else [])
_REFERENCE_DEFINITION = re.compile(r" {0,3}\[[^\]]+\]:")
# A link's text, where an address among other words is part of a link ([Svenska: www.hel.fi/sv](…),
# <a …>Lähde: https://…</a>) and the link check reads it (hunt 25b).
_MARKDOWN_LINK_TEXT = re.compile(r"\[[^\[\]\n]*\]\(")
_A_START = re.compile(r"<a\b[^<>]*>", re.IGNORECASE)
_A_END = re.compile(r"</a\s*>", re.IGNORECASE)


def link_text_spans(line: str) -> list[tuple[int, int]]:
    """The spans of the line's Markdown link texts (`[text](`) and HTML links (`<a …>…</a>`),
    found in linear time. The expression that tests/test_guards.py holds this to reads them
    with a lazy ".*?", which reads to the line's end from each <a> that no </a> follows: a
    code block of 64,000 <a> took 55 s to check (hunt 33a). Here each <a> takes the first
    </a> after it, found by bisection among the line's end tags."""
    ends = [match.span() for match in _A_END.finditer(line)]
    starts = [start for start, _ in ends]
    spans, position = [], 0
    markdown, anchor = _MARKDOWN_LINK_TEXT.search(line), _A_START.search(line)
    while markdown or anchor:
        if markdown and markdown.start() < position:
            markdown = _MARKDOWN_LINK_TEXT.search(line, position)
            continue
        if anchor and anchor.start() < position:
            anchor = _A_START.search(line, position)
            continue
        closing = bisect.bisect_left(starts, anchor.end()) if anchor else len(ends)
        if closing == len(ends):
            anchor = None  # no </a> after it, nor after any later <a>
        if markdown and (anchor is None or markdown.start() < anchor.start()):
            spans.append(markdown.span())
            position = markdown.end()
        elif anchor:
            spans.append((anchor.start(), ends[closing][1]))
            position = ends[closing][1]
        else:
            break
    return spans


def pasted_text_problems(text: str, file: str, code: list[tuple[int, int]] | None = None) -> list[Problem]:
    """Lines outside code with a tab between words, or a web address written as text."""
    start = body_start(text)
    # A comment shows nothing; an address as the text of a link ([https://…](…), <a …>https://…)
    # is one (hunt 19a).
    code = (code_ranges(text, start) if code is None else code) + [
        match.span() for match in _HTML_COMMENT.finditer(text, start)]
    code = _apart(code + _html_code_ranges(text, start, code))
    problems = []
    offset = 0
    for number, line in enumerate(text.split("\n"), start=1):
        here, offset = offset, offset + len(line) + 1
        if here < start:
            continue
        # A pasted bullet's own tab is told with the bullet (session 32b: two messages for one mistake).
        bullet = PASTED_BULLET.match(line)
        tab = _TAB_BETWEEN_WORDS.search(line, bullet.end() if bullet else 0)
        if tab and not _inside(here + tab.start() + 1, code):
            problems.append(Problem(file, number, "a tab between words, as in a table pasted from a word processor or a "
                                                  "spreadsheet: Markdown shows the lines as one paragraph; write the "
                                                  "table in Markdown (CONTRIBUTING, \"Tables\"; in Finnish, "
                                                  "\"Taulukot\"), or a space"))
        if _REFERENCE_DEFINITION.match(line):
            continue
        link_texts = link_text_spans(line)
        address = next((match for match in _BARE_ADDRESS.finditer(line) if not _inside(here + match.start(), code)
                        and not _inside(match.start(), link_texts)
                        and (not match["host"] or under_public_suffix(match["host"]))), None)
        if address:
            shown = address.group().rstrip(".,;:!?")
            # A Finnish case ending after a colon is no port: "www.hel.fi:stä" (session 34e: the
            # advice's address led nowhere).
            shown = re.sub(r"(?<=[a-z0-9])(:[^\W\d_]+)$", "", shown, flags=re.IGNORECASE)
            # www.hel.fi: a link needs the address in full (hunt 21b).
            full = shown if "://" in shown else f"https://{shown}"
            text = "the link's text" if full == shown else shown
            problems.append(Problem(file, number, f"the address {shown[:60]} is written as text, which is not a link "
                                                  f"on the page: write [{text[:60]}]({full[:68]}), or <{full[:68]}>"))
    return problems


# A Markdown link's or image's address: [text](address) and ![alt](address).
_MARKDOWN_TARGET = re.compile(r"\]\(\s*<?([^)\s>]+)")


def unreadable_address_problems(text: str, file: str, code: list[tuple[int, int]] | None = None) -> list[Problem]:
    """Markdown links and images whose address no URL reader can read ("http://[x", a host with
    U+2100): MkDocs ended the build in a traceback, with neither file nor line (hunt 23b)."""
    start = body_start(text)
    code = code_ranges(text, start) if code is None else code
    problems = []
    for match in _outside_code(_MARKDOWN_TARGET, text, start, code):
        try:
            urlsplit(match.group(1))
        except ValueError as error:
            problems.append(Problem(file, text.count("\n", 0, match.start()) + 1, (
                f"the link's address {printable(match.group(1)[:60])} cannot be read as an address ({error}): "
                "check it; text pasted into a link's address ends it early")))
    return problems


# A list item's first line, and a rule (* * *), which is not one.
_LIST_ITEM = re.compile(r" {0,3}(?:[-*+]|[0-9]{1,9}[.)])[ \t]+\S")
_RULE = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
# The first line of a block that is not a paragraph: a list item, heading, quote, table, HTML,
# a fence, an attribute list or a rule.
_NOT_PARAGRAPH_START = re.compile(r" {0,3}(?:[-*+>#|<`~{]|[0-9]{1,9}[.)]|_{3})")


# A list item that GitHub's preview lets interrupt a paragraph: a bullet, or a number list
# starting at 1 ("25. huhtikuuta" on a wrapped line is text there, and in Python-Markdown).
_INTERRUPTING_ITEM = re.compile(r" {0,3}(?:[-*+]|1[.)])[ \t]+\S")
_QUOTE_MARKS = re.compile(r"(?: {0,3}>[ ]?)+")


def list_after_paragraph_problems(text: str, file: str, code: list[tuple[int, int]] | None = None) -> list[Problem]:
    """A list that starts on the line after a paragraph's: Python-Markdown joins it to the
    paragraph ("asiat: - Palaute - Korjausehdotukset"), where GitHub's preview shows a list
    (hunt 18c). The first item of each, outside code; in a quote, within the quote."""
    start = body_start(text)
    code = code_ranges(text, start) if code is None else code
    problems = []
    offset, block, depth = 0, None, 0  # what the current block is, told by its first line: "paragraph" or "other"
    for number, line in enumerate(text.split("\n"), start=1):
        here, offset = offset, offset + len(line) + 1
        marks = _QUOTE_MARKS.match(line)
        quoted = marks.group().count(">") if marks else 0
        line = line[marks.end():] if marks else line
        if quoted != depth:
            block, depth = None, quoted  # a quote begins or ends: so does the block
        if here < start or _inside(here, code) or not line.strip():
            block = None
        elif block is None:
            block = "other" if _NOT_PARAGRAPH_START.match(line) or line.startswith(("    ", "\t")) else "paragraph"
        elif block == "paragraph" and _INTERRUPTING_ITEM.match(line) and not _RULE.match(line):
            problems.append(Problem(file, number, "a list starts right after a line of text, and Markdown joins it to "
                                                  "that paragraph; leave an empty line before the list"))
            block = "other"  # the rest of this list is the same mistake
        if _ATX_HEADING.match(line):
            block = None  # a heading is a block of one line
    return problems


# A heading line of Markdown: "## Title" (Python-Markdown needs no space: "##a" is one too), or
# a line of = or - under a paragraph's line (setext).
_ATX_HEADING = re.compile(r" {0,3}#{1,6}")
_SETEXT_UNDERLINE = re.compile(r" {0,3}(?:=+|-+)[ \t]*$")
_NOT_PARAGRAPH = re.compile(r" {0,3}(?:[-*+>#]|[0-9]+[.)])(?:[ \t]|$)")  # a list item, quote or heading


def heading_count_problems(text: str, file: str, limit: int,
                           fences: list[tuple[int, int]] | None = None) -> list[Problem]:
    """More headings outside code than `limit`, named at the first one too many: 40,000 lines
    of "## a" (200 KB) took 74 s to build, since Material's search and Markdown's tables
    read the whole list of headings for each one (hunt 17a). Read line by line: a pattern
    over the whole text took seconds on one long line. Lines in fenced code are not counted:
    Python-Markdown takes those blocks out before it reads the rest (`fences`, if the caller has
    them already)."""
    start = body_start(text)
    code = fenced_code_ranges(text, start) if fences is None else fences
    found: list[int] = []
    offset, previous = 0, ""
    for number, line in enumerate(text.split("\n"), start=1):
        here, offset = offset, offset + len(line) + 1
        if here < start or _inside(here, code):
            previous = ""
            continue
        if _ATX_HEADING.match(line) or (_SETEXT_UNDERLINE.match(line) and previous.strip()
                                        and not _NOT_PARAGRAPH.match(previous)):
            found.append(number)
        previous = line
    if len(found) <= limit:
        return []
    return [Problem(file, found[limit], f"the page has {len(found):,} headings; a page may have at most {limit:,}: "
                                        "split it into pages of their own, or raise extra.page_max_headings in "
                                        "mkdocs.yml")]


# Spaces other than the ordinary ones (no-break, narrow, em, ...): Option+Space on a Mac types
# a no-break space. Between a tag's parts a browser reads one as part of a name, and so does
# attr_list in { … }: the checks then saw garbled names and could not tell where.
ODD_SPACE = re.compile("[\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")
_QUOTED = re.compile(r"\"[^\"]*\"|'[^']*'")
_MARKUP_PARTS = (
    (re.compile(r"<[A-Za-z][^<>]*>"), "the HTML tag <{name} …>", "a browser"),
    # attr_list's lists: at the end of a heading's or block's line, or right after a link,
    # image or other inline element (Python-Markdown's attr_list, HEADER_RE, BLOCK_RE, INLINE_RE).
    (re.compile(r"\{:?[^{}\n]*\}(?=[ \t]*$)|(?<=[)\]>`*_])\{:?[^{}\n]*\}", re.MULTILINE), "{{ … }}", "Markdown"),
)


def markup_space_problems(text: str, file: str, code: list[tuple[int, int]] | None = None) -> list[Problem]:
    """An odd space (ODD_SPACE) between the parts of an HTML tag or an attribute list { … },
    outside quoted values and code, each with its line."""
    start = body_start(text)
    code = code_ranges(text, start) if code is None else code
    found = []
    for pattern, what, reader in _MARKUP_PARTS:
        for match in pattern.finditer(text, start):
            space = ODD_SPACE.search(_QUOTED.sub("", match.group()))
            if space and not _inside(match.start(), code):
                name = re.match(r"<([A-Za-z][^\s\u00a0-\u3000/>]*)", match.group())
                found.append((match.start(), f"a {unicodedata.name(space.group()).lower()} (U+{ord(space.group()):04X}) "
                                              f"between the parts of {what.format(name=name.group(1) if name else '')}: "
                                              f"{reader} reads it as part of a name, not as a space; type an ordinary "
                                              "space instead"))
    for match in _outside_code(_ODD_SPACE_BEFORE_ATTRIBUTES, text, start, code):
        space = match.group()[0]
        found.append((match.start(), f"a {unicodedata.name(space).lower()} (U+{ord(space):04X}) before "
                                     f"{match.group()[1:][:40]}: Markdown reads {{ … }} only after an ordinary "
                                     "space, and shows it as text; type an ordinary space instead"))
    return [Problem(file, text.count("\n", 0, offset) + 1, message) for offset, message in sorted(found)]


# An attribute list at the end of a heading's or block's line after an odd space: Markdown
# shows it as text ("Yhteistyö {#yhteistyo}" as a heading, hunt 15b).
_ODD_SPACE_BEFORE_ATTRIBUTES = re.compile(ODD_SPACE.pattern + r"\{:?[ \t]*[#.][^{}\n]*\}(?=[ \t]*$)", re.MULTILINE)


def _theme_field_problems(data: LineMap, file: str, today: date | None = None) -> list[Problem]:
    """Unknown fields, `hide:` and `search:` of a kind the theme cannot read, and a
    `translation_checked:` that is no day or, with `today`, a day still to come."""
    problems = []
    for key in data:
        line = data.line_of(key) + 1
        value = data[key]
        if value is None and key in ("hide", "search"):
            continue  # an empty field sets nothing
        if key not in PAGE_FIELDS:
            close = difflib.get_close_matches(str(key).lower(), PAGE_FIELDS, n=1)
            problems.append(Problem(file, line, f"{key}: is not a field of a page here (the fields are "
                                                f"{', '.join(PAGE_FIELDS)}): "
                                                f"{f'rename it to {close[0]}' if close else 'remove it'}"))
        elif key == "hide" and not (isinstance(value, list) and all(item in HIDDEN_PARTS for item in value)):
            problems.append(Problem(file, line, f"hide: expected a list of what to hide on this page, from "
                                                f"{', '.join(HIDDEN_PARTS)} (such as hide: [toc]); got {_got(value)}"))
        elif key == "search" and not _search_setting(value):
            problems.append(Problem(file, line, "search: expected exclude: true (the page is left out of the search) "
                                                f"or boost: a number from 0 to {SEARCH_BOOST_MAX} (2 ranks the page "
                                                f"higher); got {_got(value)}"))
        elif key == "translation_checked" and not _is_day(value):
            problems.append(Problem(file, line, "translation_checked: expected the day you checked the other language's "
                                                f"version as year-month-day, such as translation_checked: 2026-11-28; "
                                                f"got {_got(value)}"))
        elif key == "translation_checked" and today and date.fromisoformat(value) > today + timedelta(days=1):
            # A day to come would count every change until then as checked (session 32b: a
            # typo, 2027 for 2026, hid the English page's notice and the report for a year).
            # The day after today in UTC is allowed: it is already that day east of it.
            problems.append(Problem(file, line, f"translation_checked: {value} is a day still to come (today is "
                                                f"{today.isoformat()}): write the day you checked the other language's "
                                                "version, such as today's"))
    return problems


SEARCH_BOOST_MAX = 100  # the largest search: boost a page may set (Material's examples use 2)


def _search_setting(value: object) -> bool:
    """Material's `search:` of a page: a mapping of exclude (true or false) and boost (a number)."""
    return isinstance(value, dict) and bool(value) and all(
        (key == "exclude" and isinstance(setting, bool))
        # Compared, not passed to math.isfinite(): an int of 400 digits is too large for a float (hunt 24b).
        or (key == "boost" and type(setting) in (int, float) and 0 <= setting <= SEARCH_BOOST_MAX)
        for key, setting in value.items())


def _is_day(value: object) -> bool:
    if not (isinstance(value, str) and ISO_DAY.fullmatch(value)):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _quote_hint(field: str, value: object, source_line: str) -> str:
    """For a number or yes/no where text belongs, the line as it should be written."""
    if not isinstance(value, (bool, int, float)):
        return ""
    written = re.sub(r"\s+#.*$", "", source_line.partition(":")[2]).strip()
    return f': put the text in quotes, such as {field}: "{written}"'


def _got(value: object) -> str:
    """A value as the editor wrote it: a list or mapping plainly (a list is right here), else as `_shown`."""
    if isinstance(value, (list, dict)):
        return repr(list(value) if isinstance(value, list) else dict(value))
    return _shown(value)


def _shown(value: object) -> str:
    if value is None or value == "":
        return "nothing"
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() >= 1000:
        # 1:59:59:… is a base-60 number to YAML, longer than str() may write (hunt 34f: a traceback).
        return f"a number of about {value.bit_length() * 3 // 10:,} digits (a number: put the text in quotes)"
    if isinstance(value, (list, dict)):
        return f"a {'list' if isinstance(value, list) else 'mapping'} ({value!r}: put text in quotes)"
    return f"{value!r} ({_KINDS.get(type(value).__name__, type(value).__name__)})"


# What YAML made of a value, in an editor's words (Python's type names were jargon; hunt 21b).
_KINDS = {"str": "text", "int": "a number", "float": "a number", "bool": "a yes/no value", "date": "a date",
          "datetime": "a date and time"}


def body_start(text: str) -> int:
    """Where the page's Markdown starts: after the front matter, if MkDocs found one."""
    match = FRONT_MATTER.match(text)
    return match.end() if match else 0


# ------------------------------------------------------------------ raw HTML

# Elements an editor may not put in a page, and why (the reasons are shown in messages).
REFUSED_TAGS = {
    "script": "it runs a script",
    "noscript": "it belongs with scripts, which pages may not run",
    **dict.fromkeys(("iframe", "frame", "frameset", "object", "embed", "applet", "portal"),
                    "it embeds another page or program; link to it instead"),
    **dict.fromkeys(("form", "input", "button", "select", "textarea"), "the site collects no data from readers"),
    "base": "it changes where every link of the page goes",
    # Hunt 24a: <bdo dir="rtl">etualap/if.leh//:sptth</bdo> showed https://hel.fi/palaute. (dir="rtl"
    # is allowed: like any right-to-left letter it reorders words and numbers, not the letters of one.)
    "bdo": "it shows its letters in another order than they are written; for a quotation in a right-to-left "
           "language use dir=\"rtl\"",
    "meta": "it can send the reader to another address",
    "link": "it loads files into the page",
    "style": "it can restyle or hide the whole page; ask a maintainer to change docs/stylesheets/site.css",
    **dict.fromkeys(("svg", "math"), "it can carry scripts and links of its own; use an image file instead"),
    **dict.fromkeys(("plaintext", "xmp", "noembed", "noframes"),
                    "the browser shows the rest of the page after it as text, the site's own menu and scripts included"),
    "title": "the browser reads the rest of the page as the page's title, the site's own menu and scripts included",
    "template": "the browser keeps the rest of the page in it, unseen, the site's own footer and scripts included",
    "html": "its attributes would go onto the site's own <html> (hidden blanks the whole page)",
    "body": "its attributes would go onto the site's own <body> (inert stops every click and key)",
    "head": "the site's template gives the page its head",
    "dialog": "it is drawn over the site's own parts",
    "main": "the site's template gives each page its one main region",
    "nav": "it is a landmark like the site's own navigation, and a screen reader would list a second one",
    "search": "it is a landmark like the site's own search, and a screen reader would list a second one",
    # Hunt 27a: 400 no-break spaces inside it put a notice past the page's edge, out of any
    # reader's reach, though screen readers read it and the search found it.
    "nobr": "it keeps a line from wrapping, so what follows can stand past the page's edge; join the words that "
            "must stay together with no-break spaces (U+00A0) instead",
}
# The elements pages may use: a list, as for attributes, since browsers keep adding elements
# that act on their own (<fencedframe> embeds a page, <permission> asks the reader for a
# browser permission); and a word in angle brackets, <Helsinki>, vanished as an unknown one.
# What Markdown writes, text and layout, tables, media with their sources, and the old
# formatting elements that text pasted from elsewhere brings, but <big>, which nested grew the
# text past any line's height (hunt 12). (<header> and <footer> inside the page's main region
# are no landmarks.)
PAGE_ELEMENTS = frozenset({
    "p", "div", "span", "br", "hr", "wbr", "h1", "h2", "h3", "h4", "h5", "h6", "a", "img", "picture", "source",
    "video", "audio", "track", "figure", "figcaption", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "q", "cite",
    "pre", "code", "kbd", "samp", "var", "em", "strong", "b", "i", "u", "s", "small", "mark", "sub", "sup", "abbr",
    "dfn", "time", "data", "del", "ins", "bdi", "ruby", "rt", "rp", "details", "summary", "address",
    "section", "article", "aside", "header", "footer", "hgroup", "table", "caption", "colgroup", "col", "thead",
    "tbody", "tfoot", "tr", "th", "td", "tt", "strike", "font", "center",
})
# Landmark roles a screen reader lists beside the site's own header, navigation, search,
# main region and footer.
SITE_LANDMARK_ROLES = frozenset({"banner", "navigation", "search", "main", "contentinfo"})
# The attributes pages may use: a list, since browsers keep adding attributes that act on
# their own (interestfor is new in Chromium). `style` is not among them: the policy keeps
# inline styles from applying (the browser reports each one it blocks), and the alignment
# Markdown writes into tables becomes a class (hooks/tables.py).
GLOBAL_ATTRIBUTES = frozenset({"id", "class", "title", "lang", "dir", "role", "translate",
                               "tabindex",  # 0 or -1 only (_attribute_findings)
                               "data-toc-label",  # a heading's label in the table of contents (the toc extension)
                               "markdown"})  # md_in_html's own, which it leaves on some elements
GLOBAL_ATTRIBUTE_PREFIXES = ("aria-",)
# data- attributes exist for scripts, and the pages have none; the theme's script acts on some:
# data-copy and data-clipboard-text put other text than the one shown on the reader's
# clipboard, data-tabs stopped the theme's script on the page.
DATA_ATTRIBUTE_PREFIX = "data-"
# The classes pages may use, and the elements the site's style sheet expects each on: a class
# does nothing on a page unless a style sheet or script acts on it, and the theme's act on many
# (class="copy" gave a block a copy button, class="mermaid" made the theme load a script from
# another site). The card's link covers its card, so a card that is a table row wider than
# the text lay over the site's table of contents.
PAGE_CLASSES = {
    **dict.fromkeys(("site-cards", "site-cards--two", "site-card", "site-card--city"), ("div",)),
    "site-hero__lead": ("p",),
    "site-visually-hidden": ("span",),  # text that only screen readers read, such as "(opens in a new tab)"
    # a table column aligned in Markdown (hooks/tables.py); an editor may write them in HTML too
    **dict.fromkeys(("site-align-left", "site-align-right", "site-align-center"), ("th", "td")),
    **dict.fromkeys(("md-button", "md-button--primary"), ("a",)),
}
# Layout by attributes, as older pages and word processors write it: the site's style sheet
# lays pages out (and the policy keeps inline styles from applying).
LAYOUT_ATTRIBUTES = frozenset({"align", "valign", "border", "cellpadding", "cellspacing", "width", "height",
                               "bgcolor", "color", "face", "size", "nowrap", "background", "hspace", "vspace"})
UNQUOTED_VALUE_MARKS = re.compile("[\"'`<=]")
CODE_LANGUAGE_CLASS = re.compile(r"language-[\w#.+-]+")  # fenced code's ```python on <code> (fenced_code's own)
ELEMENT_ATTRIBUTES = {
    "a": ("href", "hreflang", "rel", "target", "type", "download"),
    "img": ("src", "alt", "width", "height", "srcset", "sizes", "loading", "decoding", "align"),  # Material styles img[align]
    "source": ("src", "srcset", "sizes", "media", "type"),
    "video": ("src", "poster", "controls", "width", "height", "preload", "muted", "loop", "playsinline"),
    "audio": ("src", "controls", "preload", "muted", "loop"),
    "track": ("src", "kind", "srclang", "label", "default"),
    "td": ("colspan", "rowspan", "headers", "scope", "align"),
    "th": ("colspan", "rowspan", "headers", "scope", "align", "abbr"),
    **dict.fromkeys(("col", "colgroup"), ("span",)),
    "ol": ("start", "reversed", "type"),
    "li": ("value",),
    "details": ("open",),
    "time": ("datetime",),
    **dict.fromkeys(("blockquote", "q"), ("cite",)),
    **dict.fromkeys(("del", "ins"), ("cite", "datetime")),
}
# Attributes that open content in the browser's top layer, or move focus to it, with no
# click: a link with autofocus and interestfor opened a popover over the site's header.
OVERLAY_ATTRIBUTES = frozenset({"popover", "popovertarget", "popovertargetaction", "interestfor", "commandfor",
                                "command", "autofocus"})
# An id, as the table of contents and the skip link print it into a link unescaped
# (Material's toc-item.html): the heading ids that Markdown makes are of this kind.
SAFE_ID = re.compile(r"[A-Za-z0-9_.:-]+")
# Elements a browser carries on past where they were left open, into the site's own parts
# after the page (the HTML standard's formatting elements, and tables, which take in what
# follows them).
RUN_ON_ELEMENTS = frozenset({"a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong",
                             "tt", "u", "table"})
# Elements that only an end tag closes: left open at the end of a page, one took in the site's
# own parts after it, the list of sources and the page's history (hunt 13: a card's link lay
# over them; <div hidden> or <details> hid them). Void elements have no end, and a browser
# ends <p>, <li>, <dt>, <dd>, table rows and cells and ruby's parts by itself.
VOID_ELEMENTS = frozenset({"br", "hr", "wbr", "img", "source", "track", "col"})
IMPLIED_END = frozenset({"p", "li", "dt", "dd", "rt", "rp", "thead", "tbody", "tfoot", "tr", "colgroup"})
# Elements inside which a browser ignores the end tag of one opened outside them: a </a>
# in a table cell leaves the link open. Cells end where the next cell, row or table does.
BOUNDARY_ELEMENTS = frozenset({"td", "th", "caption", "marquee", "object", "applet"})
CELLS = ("td", "th")
# A browser looks for the element an end tag closes only as far back as the nearest of these
# (the HTML standard's "has an element in scope"): a </div> inside a table that was opened
# after the <div> is ignored, and the <div> stays open (hunt 14).
SCOPE_BOUNDARIES = BOUNDARY_ELEMENTS | {"table"}
# Items that a browser ends by itself only inside their list: outside one, an <li hidden>
# stayed open to the end of the page and hid the list of sources and the page's history.
LIST_ITEMS = {"li": ("ul", "ol"), "dt": ("dl",), "dd": ("dl",)}
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
MUST_CLOSE = PAGE_ELEMENTS - VOID_ELEMENTS - IMPLIED_END - RUN_ON_ELEMENTS - BOUNDARY_ELEMENTS
_ENDS_CELLS = frozenset({"tr", "table", "tbody", "thead", "tfoot"})
# An end tag as a browser and the checks' parser read it alike: the name, then white space.
_PLAIN_END_TAG = re.compile(r"</[a-zA-Z][^\t\n\f\r />]*[\t\n\f\r ]*>")
_END_TAG_NAME = re.compile(r"</([a-zA-Z][^\t\n\f\r />]*)")
# Classes that style the theme's own parts: content with class="md-header" would look like,
# and stick where, the site's header is. The theme's buttons are for pages. (The site's own
# classes, site-…, are meant for pages too: the home page's cards use them.)
THEME_CLASS_PREFIX = "md-"
CONTENT_THEME_CLASSES = tuple(name for name in PAGE_CLASSES if name.startswith(THEME_CLASS_PREFIX))
# What hooks/sources.py, hooks/markers.py, the listing hooks and home.html turn into markup
# after these checks, however written; inside a tag, the markup's quotes would end an
# attribute's value and let the rest of it in as markup.
CITATION_TOKEN = re.compile(r"\[\[\s*cite\b", re.IGNORECASE)
MARKER_TOKEN = re.compile(r"<!--\s*(?:data|site|home)\s*:", re.IGNORECASE)
URL_ATTRIBUTES = frozenset({
    "href", "src", "srcset", "action", "formaction", "xlink:href", "poster", "background", "cite",
    "data", "longdesc", "lowsrc", "dynsrc", "ping", "manifest", "codebase", "imagesrcset",
})
REFUSED_SCHEMES = frozenset({"javascript", "vbscript", "data"})
# The kinds of address a page may link to. Others open a program or file on the reader's
# computer (ms-msdt:, search-ms:, file:), past no more than the browser's "open the app?"
# question (hunt 14).
LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# The words of a link's rel that say nothing on the site's behalf: the HTML standard's, and
# those search engines ask of links to paid or readers' content, which content systems paste.
LINK_RELATIONS = frozenset({"external", "nofollow", "noopener", "noreferrer", "sponsored", "ugc"})
THEME_NAME_PREFIX = "__"  # Material's own ids: __config, __search, __drawer, __palette_0, ...
THEME_ATTRIBUTE_PREFIX = "data-md-"  # Material's components: data-md-component="search", ...
# Attributes whose address the browser loads at once (a link's href waits for a click).
LOADED_ATTRIBUTES = frozenset({"src", "srcset", "poster", "background", "data", "lowsrc", "dynsrc", "imagesrcset"})
UNCLOSED_COMMENT = ("an HTML comment that Markdown cannot hide: it is not closed with -->, or it has an empty "
                    "line in it; readers would see it as text")


@dataclass(frozen=True)
class Finding:
    """A problem seen in a page's HTML, and patterns that find its place in the page source."""

    message: str
    patterns: tuple[str, ...] = ()  # regular expressions, best first, matched ignoring case
    occurrence: int | None = None  # which match (outside code) is meant; None: the first not yet used


def url_scheme(url: str) -> str:
    """The scheme a browser would see ("javascript" for " JaVa\\tScript:x"), or ""."""
    match = re.match(r"([a-zA-Z][a-zA-Z0-9+.\-]*):", as_browsers_read(url))
    return match.group(1).lower() if match else ""


# A Markdown link, image or bold text, as it stays in the HTML where Markdown was not read.
UNREAD_MARKDOWN = re.compile(r"!?\[[^\[\]\n]+\]\([^()\s]+(?:\s+\"[^\"\n]*\")?\)|\*\*[^\s*][^*\n]*\*\*")


# An alternative text that says what an image shows, in the page's language, for the message.
ALT_TEXT_EXAMPLES = {"fi": "![Helsingin ja Lontoon kaupunkien logot](…)", "en": "![The logos of Helsinki and London](…)"}


def _alt_findings(attributes: dict, locale: str = "fi") -> list[Finding]:
    """An image whose alternative text says nothing of what it shows (WCAG 1.1.1)."""
    alt = attributes.get("alt") or ""
    why = meaningless_alt(alt, attributes.get("src") or "")
    if not why:
        return []
    written = re.escape(alt.strip())
    return [Finding(f"the image's alternative text {why}: write what a reader who cannot see the image needs to know "
                    f"of it, such as {ALT_TEXT_EXAMPLES.get(locale, ALT_TEXT_EXAMPLES['en'])}, or leave it empty, "
                    "![](…), for an image that only decorates", (rf"!\[\s*{written}\s*\]", rf"""alt\s*=\s*["']?\s*{written}"""))]


class _Scanner(HTMLParser):
    """Collects findings and the text of the HTML comments (markers among them)."""

    def __init__(self, nested: bool = False, locale: str = "fi") -> None:
        super().__init__(convert_charrefs=True)
        self.nested = nested  # reading a comment's text: what is open there does not last
        self.locale = locale  # the page's language, for the messages' examples (session 34b)
        self.findings: list[Finding] = []
        self.comments: list[str] = []
        self._in_code = 0  # open <code> and <pre> elements: text there is shown on purpose
        self.open_elements: list[str] = []  # RUN_ON_ELEMENTS and BOUNDARY_ELEMENTS not yet closed
        # MUST_CLOSE elements not yet closed, each with the number of SCOPE_BOUNDARIES open
        # when it was opened.
        self.open_blocks: list[tuple[str, int]] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        raw = self.get_starttag_text() or ""
        if tag in ("code", "pre") and not raw.endswith("/>"):
            self._in_code += 1
        # "/>" closes nothing in HTML but a void element: <a href=…/> is an open link.
        if tag in RUN_ON_ELEMENTS or tag in BOUNDARY_ELEMENTS:
            while tag in CELLS and self.open_elements and self.open_elements[-1] in CELLS:
                self.open_elements.pop()  # a new cell ends the one before it
                self._forget_closed_blocks()
            self.open_elements.append(tag)
        elif tag in MUST_CLOSE:
            self.open_blocks.append((tag, self._boundaries()))
        elif tag in LIST_ITEMS and not self.nested and not any(name in LIST_ITEMS[tag] for name, _ in self.open_blocks):
            lists = " or ".join(f"<{name}>" for name in LIST_ITEMS[tag])
            self.findings.append(Finding(f"<{tag}> outside a list: a browser ends it only inside its list, and would take "
                                         f"the site's own parts after the page into it; put it inside {lists}",
                                         (rf"<{tag}\b",)))
        if tag in REFUSED_TAGS:  # one finding for the element, not one more for each attribute
            self.findings.append(Finding(f"<{tag}> is not allowed in a page: {REFUSED_TAGS[tag]}",
                                         (rf"<\s*{re.escape(tag)}\b",)))
            return
        if tag not in PAGE_ELEMENTS:
            self.findings.append(Finding(_unknown_element(tag), (rf"<\s*{re.escape(tag)}\b",)))
            return
        self.findings.extend(_tag_findings(tag, attrs, raw))
        if tag == "img":
            self.findings.extend(_alt_findings(dict(reversed(attrs)), self.locale))
        given: dict[str, str] = {}
        for name, value in attrs:
            given.setdefault(name, value or "")  # a browser keeps an attribute's first value
        for name, value in attrs:
            self.findings.extend(_attribute_findings(tag, name, value or "", raw, given))

    handle_startendtag = handle_starttag

    def parse_endtag(self, i: int) -> int:
        # Python's parser ends an end tag at its first ">" and shows no handler what else it
        # holds; a browser reads attributes there, quoted ">" and all, and ignores them. So an
        # end tag may hold nothing but its name: text hidden in it would go unchecked.
        end = self.rawdata.find(">", i + 1)
        raw = self.rawdata[i:end + 1] if end >= 0 else ""
        if raw and not _PLAIN_END_TAG.fullmatch(raw):
            name = _END_TAG_NAME.match(raw)
            shown = name.group(1).lower() if name else "…"
            self.findings.append(Finding(f"</{shown} …>: an end tag holds only its name, such as </{shown}>",
                                         (re.escape(raw[:40]),)))
        return super().parse_endtag(i)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("code", "pre") and self._in_code:
            self._in_code -= 1
        self._close(tag)

    def _close(self, tag: str) -> None:
        """Closes `tag` as a browser would, and reports an end tag a browser would ignore."""
        blocks = [name for name, _ in self.open_blocks]
        if tag in blocks:
            at = len(blocks) - 1 - blocks[::-1].index(tag)
            if self.open_blocks[at][1] < self._boundaries():
                self.findings.append(Finding(
                    f"</{tag}> inside a table does not close the <{tag}> opened before the table: a browser ignores it, "
                    f"and the <{tag}> would take the site's own parts after the page into it; close it after </table>",
                    (rf"</{tag}\s*>",)))
            else:  # a browser closes what was opened after it, too
                del self.open_blocks[at:]
        elif tag in HEADINGS and (open_heading := next((name for name in reversed(blocks) if name in HEADINGS), None)):
            # A browser ends any open heading with the end tag of any heading.
            self.findings.append(Finding(f"</{tag}> ends the <{open_heading}> opened before it: write </{open_heading}>",
                                         (rf"</{tag}\s*>",)))
            del self.open_blocks[len(blocks) - 1 - blocks[::-1].index(open_heading):]
        elif tag in MUST_CLOSE and not self.nested:
            self.findings.append(Finding(
                f"</{tag}> closes no <{tag}> of the page: a browser would close one of the site's own elements with it, "
                "and move the site's parts after the page out of their place; delete it", (rf"</{tag}\s*>",)))
        stack = self.open_elements
        if tag in _ENDS_CELLS:
            while stack and stack[-1] in CELLS + ("caption",):
                stack.pop()
        if tag in RUN_ON_ELEMENTS or tag in BOUNDARY_ELEMENTS:
            if stack and stack[-1] == tag:
                stack.pop()
            elif tag in stack:
                self.findings.append(Finding(
                    f"</{tag}> does not close the element opened last (<{stack[-1]}>): a browser would leave <{tag}> "
                    "open and carry it on into the site's own parts; close elements in the reverse order of opening",
                    (rf"</{tag}\s*>",)))
                del stack[len(stack) - 1 - stack[::-1].index(tag):]
        self._forget_closed_blocks()

    def _boundaries(self) -> int:
        return sum(tag in SCOPE_BOUNDARIES for tag in self.open_elements)

    def _forget_closed_blocks(self) -> None:
        """A browser closes the blocks opened inside a cell or table when that ends."""
        boundaries = self._boundaries()
        while self.open_blocks and self.open_blocks[-1][1] > boundaries:
            self.open_blocks.pop()

    def parse_comment(self, i: int, report: int = 1) -> int:
        # Python's parser also ends a comment at "-- >"; a browser only at "-->" (or "--!>",
        # see handle_comment), and would read the rest of the page as the comment.
        end = super().parse_comment(i, report)
        if end > 0 and self.rawdata[end - 3:end] != "-->":
            self.findings.append(Finding("an HTML comment ends only with -->; write it as <!-- text -->",
                                         (r"--[ \t\n\r\f]+>",)))
        return end

    def parse_bogus_comment(self, i: int, report: int = 1) -> int:
        # "<!x>" and "</ x>" are comments for a browser, but not ones a marker may stand in.
        end = super().parse_bogus_comment(i, report=0)
        if end > 0:
            self.findings.append(Finding(f"{self.rawdata[i:i + 2]}…> is not an HTML comment; write comments as "
                                         "<!-- text -->", (re.escape(self.rawdata[i:end][:30]),)))
        return end

    def handle_data(self, data: str) -> None:
        # Python-Markdown shows an HTML comment as text when no --> follows it, or when an
        # empty line comes before its -->: "<!-- a draft" would be on the page.
        if "<!--" in data and not self._in_code:
            self.findings.append(Finding(UNCLOSED_COMMENT, (r"<!--(?![\s\S]*?-->)", r"<!--(?:(?!-->)[\s\S])*?\n[ \t]*\n")))
        # Markdown left as text: inside an HTML element without the markdown attribute (a
        # <details> of a FAQ, a <figure>), readers saw [Julistus](declaration.md) (hunt 21b).
        written = None if self._in_code else UNREAD_MARKDOWN.search(data)
        if written:
            self.findings.append(Finding(
                f"'{written.group()[:60]}' is Markdown inside an HTML element, where it is shown as written: give the "
                "element the attribute markdown, as in <details markdown>, with an empty line after that line (the "
                "text of a <summary> is plain text, not Markdown)", (re.escape(written.group()),)))

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)
        # A marker places a part of the site (a listing, the feedback link): inside an element
        # of the page, <div hidden> hid the Events listing under the page's own text (hunt 16).
        holder = (self.open_blocks[-1][0] if self.open_blocks else None) or (
            self.open_elements[-1] if self.open_elements else None)
        if holder and not self.nested and MARKER.fullmatch(data):
            self.findings.append(Finding(f"<!--{data}--> stands inside <{holder}>: the part of the site it places would "
                                         "be hidden or changed with that element; put the marker on a line of its own, "
                                         "outside any element", (re.escape(f"<!--{data}-->"),)))
        # Browsers end a comment at "<!-->", "<!--->" or "--!>"; Python's parser does not, so
        # anything after such an ending would go unchecked.
        if data.startswith((">", "->")) or "--!>" in data:
            self.findings.append(Finding("a malformed HTML comment (browsers end it early); "
                                         "write comments as <!-- text -->", (r"<!--(?:-?>|.*?--!>)",)))
        self._scan_inside(data)

    def unknown_decl(self, data: str) -> None:
        if re.match(r"(?i)(?:end)?if\b", data):  # Word's <![if !supportLists]> … <![endif]>
            self.findings.append(Finding("<![if …]> is a condition that Word adds to pasted text: delete it and its "
                                         "<![endif]>", (r"<!\[(?i:if|endif)",)))
            return
        self.findings.append(Finding("<![CDATA[ … ]]> is not allowed in a page: HTML has no such sections, and the "
                                     "browser ends it at its first \">\"", (r"<!\[",)))
        self._scan_inside(data)  # <![CDATA[ … ]]> ends at the first ">" in an HTML page

    def handle_pi(self, data: str) -> None:
        self.findings.append(Finding("<?…> is not allowed in a page: HTML has no processing instructions, and the "
                                     "browser ends it at its first \">\"", (r"<\?",)))
        self._scan_inside(data)

    def handle_decl(self, decl: str) -> None:
        self.findings.append(Finding("<!DOCTYPE …> is not allowed in a page: the site's template gives the page its "
                                     "declaration", (r"<!(?i:doctype)",)))
        self._scan_inside(decl)

    def _scan_inside(self, text: str) -> None:
        # What this parser reads as inert text, a browser may read as markup: check it too.
        if "<" in text:
            self.findings.extend(scan_html(text, nested=True, locale=self.locale))


def _unknown_element(tag: str) -> str:
    """What to do about an element that pages do not use: the usual ones say what they are."""
    if ":" in tag:  # <o:p>, <w:sdt>: Word's and Office's own
        return f"<{tag}> is a tag that Word and other Office programs add: delete it (or paste the text as plain text)"
    if tag == "acronym":
        return "<acronym> is no longer HTML: write <abbr title=\"…\"> instead"
    if tag == "big":  # nested, it grows the text to the browser's largest size
        return "<big> is no longer HTML: write <strong> for weight instead"
    if "@" in tag:  # <nimi@hel.fi>: Markdown's link to an e-mail address, but not inside HTML (session 33b)
        return (f"<{tag}> is read as an HTML tag here, not as an e-mail address: inside HTML write the link as "
                f"<a href=\"mailto:{tag}\">{tag}</a>, or write the address on a Markdown line of its own")
    if tag.startswith("www.") or "." in tag:
        return f"<{tag}> is not an element of HTML that pages use: to link the address write <https://{tag}>"
    return f"<{tag}> is not an element of HTML that pages use: to show the text <{tag}> write &lt;{tag}&gt;"


def _tag_findings(tag: str, attrs: list, raw_tag: str) -> list[Finding]:
    """Problems of the tag as a whole: what it holds, and whether a browser reads it alike."""
    at = (rf"<\s*{re.escape(tag)}\b",)
    findings = []
    # Found in the page source as the tag with the token before its first ">".
    in_tag = rf"<\s*{re.escape(tag)}\b[^>]*?"
    if CITATION_TOKEN.search(raw_tag):
        findings.append(Finding(f"<{tag} …>: a citation [[cite:…]] can stand only in the text, not inside an HTML tag",
                                (in_tag + CITATION_TOKEN.pattern,) + at))
    if MARKER_TOKEN.search(raw_tag):
        findings.append(Finding(f"<{tag} …>: a marker such as <!-- site:… --> can stand only on a line of "
                                "its own, not inside an HTML tag", (in_tag + MARKER_TOKEN.pattern,) + at))
    elif "<" in raw_tag[1:]:
        # The templates cut a page where its text holds a mark (home.html at the hero's end
        # and at the list of sources); inside a tag, the rest of the tag would be markup.
        findings.append(Finding(f"<{tag} …>: a \"<\" inside an HTML tag; write &lt; for it in the text of an attribute",
                                (in_tag + "<",) + at))
    seen = [(name, html.unescape(value)) for name, value in browser_attributes(raw_tag)]
    if seen != [(name, value or "") for name, value in attrs]:
        findings.append(Finding(f"<{tag} …>: a browser would read this tag's attributes otherwise than the checks do; "
                                "write each as name=\"value\", separated by ordinary spaces", at))
    # The HTML standard's parse errors, which browsers forgive, and which the id check of the
    # whole page (START_TAG) read as the start of a quoted value, skipping the tags after it.
    for name, value in unquoted_values(raw_tag):
        if UNQUOTED_VALUE_MARKS.search(value):
            findings.append(Finding(f"<{tag} {name}={value[:40]}>: a value written without quotes may not hold "
                                    f"\" ' ` < or =: write it in quotes, {name}=\"…\"", at))
    classes = [name for attribute, value in attrs if attribute == "class" for name in (value or "").split()]
    # A table with a class attribute, even an empty one, is not put in the theme's scrolling
    # frame: a card in a cell grew with the table, and its link lay over the table of contents.
    if any(attribute == "class" for attribute, _ in attrs) and not classes:
        findings.append(Finding(f"<{tag} class=\"\">: an empty class; remove it", at))
    theme_classes = [name for name in classes if name.startswith(THEME_CLASS_PREFIX) and name not in PAGE_CLASSES]
    if theme_classes:
        findings.append(Finding(f"<{tag} class=\"{' '.join(theme_classes)}\">: classes starting with {THEME_CLASS_PREFIX} "
                                "style the theme's own parts (its header, menu and search); only "
                                f"{' and '.join(CONTENT_THEME_CLASSES)} are for pages", at))
    unknown = [name for name in classes if name not in PAGE_CLASSES and name not in theme_classes
               and not (tag == "code" and CODE_LANGUAGE_CLASS.fullmatch(name))]
    if unknown:
        findings.append(Finding(f"<{tag} class=\"{' '.join(unknown)}\">: nothing on this site styles this class; remove "
                                f"it (pages may use {_page_classes_text()} (CONTRIBUTING.md, \"HTML in pages\"))",
                                _class_places(unknown) + at))
    misplaced = [name for name in classes if name in PAGE_CLASSES and tag not in PAGE_CLASSES[name]]
    for name in misplaced:
        findings.append(Finding(f"<{tag} class=\"{name}\">: the class {name} is for "
                                f"{' or '.join(f'<{element}>' for element in PAGE_CLASSES[name])}, where the site's "
                                "style sheet expects it", at))
    return findings


def _class_places(names: list[str]) -> tuple[str, ...]:
    """Where a class is given in the page source: { .name }, class="… name", ```name."""
    places = []
    for name in names:
        plain = re.escape(name.removeprefix("language-"))
        places += [rf"\{{[^}}\n]*\.{re.escape(name)}(?![\w-])", rf"class\s*=\s*[\"']?[^\"'>]*\b{re.escape(name)}\b",
                   rf"^ {{0,3}}(?:`{{3,}}|~{{3,}})[ \t]*\.?{plain}\b"]
    return tuple(places)


def _page_classes_text() -> str:
    """PAGE_CLASSES as a reader reads them: "a, b on <div>, c on <p>"."""
    by_elements: dict[tuple[str, ...], list[str]] = {}
    for name, elements in PAGE_CLASSES.items():
        by_elements.setdefault(elements, []).append(name)
    return ", ".join(f"{', '.join(names)} on {' or '.join(f'<{e}>' for e in elements)}"
                     for elements, names in by_elements.items())


def _attribute_findings(tag: str, name: str, value: str, raw_tag: str, given: dict[str, str]) -> list[Finding]:
    """The findings of one attribute; `given`: the tag's attributes as a browser reads them."""
    # Best first: inside the tag, in Markdown's { … } attributes, then anywhere ("costs are
    # hidden" in a sentence above was named as the place of a <div hidden>; hunt 25b).
    named = re.escape(name)
    at = (rf"<{re.escape(tag)}\b[^<>]*?\b{named}\b", rf"\{{[^}}\n]*?\b{named}\b", rf"\b{named}\s*=", rf"\b{named}\b")
    # The table of contents lists every heading, a hidden one too: its entry led nowhere a
    # reader could see (hunt 19a).
    if name == "hidden" and tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
        return [Finding(f"<{tag} hidden>: the table of contents would list a heading the page does not show; remove "
                        "hidden, or the heading", at)]
    # A page has no script to show what it hides, and the site's search showed the hidden text
    # all the same: a result offered a notice that the page, and so its preview, did not (hunt 24b).
    if name == "hidden":
        return [Finding(f"<{tag} hidden>: no reader would see this on the page, but the site's search would show it; "
                        "delete it, or keep a note for editors in an HTML comment (<!-- -->)", at)]
    if name.startswith("on"):
        return [Finding(f"<{tag} {name}=…>: event-handler attributes run scripts and are not allowed", at)]
    # The theme's script finds its settings and parts by these names and takes the first
    # match, which page content comes before: <div id="__config"> would replace its settings.
    if name in ("id", "name") and value.strip().startswith(THEME_NAME_PREFIX):
        return [Finding(f"<{tag} {name}=\"{value.strip()[:40]}\">: names starting with {THEME_NAME_PREFIX} belong to the "
                        "theme's own elements (its settings, search and menu); choose another name", at)]
    if name.startswith(THEME_ATTRIBUTE_PREFIX):
        return [Finding(f"<{tag} {name}=…>: {THEME_ATTRIBUTE_PREFIX} attributes switch on parts of the theme's "
                        "script; remove it", at)]
    if name.startswith(DATA_ATTRIBUTE_PREFIX) and name not in GLOBAL_ATTRIBUTES:
        return [Finding(f"<{tag} {name}=…>: data- attributes are read by scripts, and the theme's act on some "
                        "(data-clipboard-text puts other text on the reader's clipboard when clicked); remove it", at)]
    # A window with a name of its own, or rel=opener, gives the page the link opens
    # window.opener: it could send the site's tab to another address (shown in Chromium).
    # Compared as a browser compares them: as they are, ASCII letters in any case (" _blank" and
    # "_blan\u212a", which Python's lower() makes "_blank", are names of windows).
    if name == "target" and value.translate(ASCII_LOWER) not in ("_blank", "_self"):
        return [Finding(f"<{tag} target=\"{_visible(value[:30])}\">: target may be only _blank (a new tab) or _self; "
                        "a page opened in a window of its own could send the site's tab to another address", at)]
    if name == "rel" and "opener" in value.translate(ASCII_LOWER).split():
        return [Finding(f"<{tag} rel=\"{value[:40]}\">: without \"opener\" in rel, since a page opened in a window "
                        "of its own could send the site's tab to another address", at)]
    # Other words speak for the site: a hidden <a rel="me"> to an account made Mastodon show
    # that account as verified by the site's address; rel="license" named another licence
    # (hunt 24b).
    if name == "rel" and set(value.translate(ASCII_LOWER).split()) - LINK_RELATIONS:
        other = sorted(set(value.translate(ASCII_LOWER).split()) - LINK_RELATIONS)[0]
        return [Finding(f"<{tag} rel=\"{_visible(value[:40])}\">: \"{_visible(other[:20])}\" says something on the "
                        f"site's behalf about the address (rel=\"me\" claims it as the site's own account); rel may "
                        f"hold only {', '.join(sorted(LINK_RELATIONS))}", at)]
    if name == "name" and tag == "img":  # document.<name> would then be the image, not the browser's own
        return [Finding("<img name=…>: an image's name can hide the page's own functions from its scripts; "
                        "remove it (an id is enough for a link to the image)", at)]
    if name == "id" and not SAFE_ID.fullmatch(value):
        shown = value if len(value) <= 50 else value[:50] + "…"
        # Words with letters such as ä or spaces: the id that Markdown would make of them.
        plain = slugify(value, "-") if re.fullmatch(r"[\w\s.:-]+", value) else ""
        # Where the id was written: in Markdown's {#id}, or as an attribute.
        written_at = (rf"\{{[^}}\n]*#{re.escape(value)}(?![\w-])", rf"\b{re.escape(name)}\s*=\s*[\"']?{re.escape(value)}")
        return [Finding(f"<{tag} id=\"{shown}\">: an id may hold only the letters a-z and A-Z, digits, '-', '_', '.' "
                        f"and ':'; it becomes part of links to it{f': write it as {plain}' if plain else ''}",
                        written_at + at)]
    if name == "role" and SITE_LANDMARK_ROLES & set(value.lower().split()):
        role = next(part for part in value.lower().split() if part in SITE_LANDMARK_ROLES)
        return [Finding(f"<{tag} role=\"{role}\">: the role {role} belongs to the site's own header, navigation, "
                        "search, main region and footer; choose another or none", at)]
    if name == "aria-owns":
        return [Finding(f"<{tag} aria-owns=…>: aria-owns moves other elements, the site's own among them, into this "
                        "one for a screen reader; remove it", at)]
    if name in OVERLAY_ATTRIBUTES:
        return [Finding(f"<{tag} {name}=…>: {name}= opens or moves content over the site's own parts; remove it", at)]
    if name == "ping":
        return [Finding(f"<{tag} ping=…>: ping= reports every click on the link to another address; remove it", at)]
    # A name of the page's choosing can save the file as another kind: events.json saved as
    # tapahtumat.html ran an event title's script when the reader opened it (hunt 20a).
    if name == "download" and value.strip():
        # The href a browser reads: a pattern over the tag found one inside title=" href=x.html" (hunt 21a).
        kind = _file_kind(urlsplit(given.get("href", "")).path)
        if _file_kind(value.strip()) != kind:
            return [Finding(f"<{tag} download=\"{_visible(value[:30])}\">: a name for the saved file must end as the "
                            f"file's own does ({'.' + kind if kind else 'with no extension'}), or leave download "
                            "without a name; a name of another kind could save it as, say, a web page that runs on the "
                            "reader's computer", at)]
    if name == "attributionsrc":  # Chromium's Attribution Reporting: a request when the image loads
        return [Finding(f"<{tag} attributionsrc=…>: attributionsrc= reports to another address; remove it", at)]
    # A positive tabindex moves the element ahead of the site's own skip link and menu in
    # the keyboard's order; 0 lets, say, a table that scrolls sideways take the focus.
    if name == "tabindex" and value.strip() not in ("0", "-1"):
        return [Finding(f"<{tag} tabindex=\"{value[:20]}\">: tabindex may be only 0 (the element can take the "
                        "keyboard's focus where it stands, such as a table that scrolls sideways) or -1", at)]
    if name == "name" and tag == "a":
        return [Finding(f"<a name=…>: write id=\"{value[:40]}\" instead (name= on a link is obsolete in HTML)", at)]
    if name == "style":
        return [Finding(f"<{tag} style=…>: a style attribute does not apply on this site (its policy blocks inline "
                        "styles); align a table's column in Markdown (---: right, :---: centre), and ask a maintainer "
                        "for anything else, in docs/stylesheets/site.css", at)]
    if name in LAYOUT_ATTRIBUTES and name not in ELEMENT_ATTRIBUTES.get(tag, ()):
        return [Finding(f"<{tag} {name}=…>: an old layout attribute; remove it, the site's style sheet lays out pages",
                        at)]
    if not (name in GLOBAL_ATTRIBUTES or name.startswith(GLOBAL_ATTRIBUTE_PREFIXES)
            or name in ELEMENT_ATTRIBUTES.get(tag, ())):
        here = f", and on <{tag}> {', '.join(ELEMENT_ATTRIBUTES[tag])}" if tag in ELEMENT_ATTRIBUTES else ""
        return [Finding(f"<{tag} {name}=…>: not an attribute pages use; remove it (pages may use id, class, title, lang, "
                        f"dir, role, translate, tabindex, aria-* and data-toc-label on any element{here}; "
                        "CONTRIBUTING.md, \"HTML in pages\")", at)]
    if name not in URL_ATTRIBUTES:
        return []
    urls = addresses(name, value)
    raw_value = _raw_attribute(raw_tag, name)
    findings = []
    for url in urls:
        scheme = url_scheme(url)
        patterns = tuple(re.escape(text) for text in (raw_value, url) if text) + at
        # Any scheme or a "//" address is another site (or none of the site's files): the
        # pages' own files are given by their paths.
        if name in LOADED_ATTRIBUTES and scheme not in REFUSED_SCHEMES and (
                scheme or as_browsers_read(url).startswith("//")):
            # The site publishes images only (extra.published_files): a video's own file has
            # nowhere to go, and "put it under docs/" led to a refusal of the file (hunt 25b).
            advice = ("the site publishes no video or sound files: link to the recording on its own site instead, "
                      "[its title](https://…)" if tag in ("video", "audio", "track") and name == "src" else
                      "put the file under docs/ (for example docs/images/) and use its path")
            findings.append(Finding(
                f"<{tag} {name}=\"{url[:60]}\">: the site loads nothing from other sites; {advice}", patterns))
        elif scheme in REFUSED_SCHEMES:
            shown = (raw_value if url_scheme(html.unescape(raw_value)) == scheme else url)[:60]
            findings.append(Finding(
                f"<{tag} {name}=\"{shown}\">: {scheme}: addresses are not allowed (they run code or hide "
                "content in the address); link to an https:// address or to a file under docs/",
                patterns,
            ))
        # "http:host" is another site on an https page and a path of the site on an http one
        # (a preview): a link must read the same everywhere (hunt 20a).
        elif scheme in ("http", "https") and not as_browsers_read(url)[len(scheme) + 1:].startswith("//"):
            findings.append(Finding(
                f"<{tag} {name}=\"{_visible(url[:60])}\">: write the address in full, starting with {scheme}://",
                patterns))
        elif scheme and scheme not in LINK_SCHEMES and name in ("href", "xlink:href"):
            findings.append(Finding(
                f"<{tag} {name}=\"{url[:60]}\">: a {scheme}: address leads to a program or file on the reader's "
                "computer, not to a web page; link to an https:// address (or mailto: or tel:)", patterns))
        # Copied with the address from Teams or a web page, and kept in it, percent-encoded or
        # not: another address, which leads nowhere (session 32b).
        elif scheme and (invisible := DEFAULT_IGNORABLE.search(unquote(url, errors="ignore"))):
            char = invisible.group()
            findings.append(Finding(
                f"<{tag} {name}=\"{printable(url[:60])}\">: the address holds an invisible character, U+{ord(char):04X} "
                f"({unicodedata.name(char, 'unassigned')}), which comes with copied text and makes it another address: "
                "type the address again", patterns))
        elif foreign := next((host for host in hosts_of(url) if unlike_latin(host)), ""):
            findings.append(Finding(f"<{tag} {name}=\"{_visible(url[:60])}\">: its host {unlike_latin_message(foreign)}",
                                    patterns))
    return findings


def _visible(text: str) -> str:
    """`text` with its control characters written as escapes (\\x0a), for a message."""
    return re.sub("[\x00-\x1f\x7f-\x9f]", lambda match: f"\\x{ord(match.group()):02x}", text)


def addresses(attribute: str, value: str) -> list[str]:
    """The addresses an attribute's value gives: a srcset's, one per candidate; any other's, itself."""
    return [part.strip().split(" ")[0] for part in value.split(",")] if attribute.endswith("srcset") else [value]


def _file_kind(name: str) -> str:
    """A file name's extension, in lower case: what a computer opens the file as."""
    base = name.rpartition("/")[2]
    return base.rpartition(".")[2].lower() if "." in base else ""


def _raw_attribute(raw_tag: str, name: str) -> str:
    """The attribute's value as written (entities undecoded), from the tag's source text."""
    match = re.search(rf"\s{re.escape(name)}\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'>]+)", raw_tag, re.IGNORECASE)
    return match.group(1).strip("\"'") if match else ""


def scan_html(markup: str, comments: list[str] | None = None, nested: bool = False, locale: str = "fi") -> list[Finding]:
    """Findings in a page's HTML, in document order; the comments' texts go into `comments`."""
    scanner = _Scanner(nested, locale)
    read_to_the_end = True
    try:
        scanner.feed(markup)
        rest = scanner.rawdata[scanner.rawdata.find("<"):] if "<" in scanner.rawdata else ""
        if re.match(r"<[a-zA-Z!/?]", rest):
            scanner.findings.append(Finding("an HTML tag is not closed with >", (re.escape(rest[:30]),)))
        scanner.close()
    except AssertionError:  # how Python's parser gives up on "<![ x": the rest goes unread
        read_to_the_end = False
        scanner.findings.append(Finding("HTML that these checks cannot read (\"<!\" that starts neither a comment nor "
                                        "a declaration); write \"<\" as &lt; in text", (r"<!(?!--)",)))
    if comments is not None:
        comments.extend(scanner.comments)
    if not nested:
        scanner.findings += _hidden_token_findings(markup, scanner)
        scanner.findings += [
            Finding(f"<{tag}> is not closed: a browser would carry it on into the site's own parts after the page; "
                    f"close it with </{tag}>", (rf"<{tag}\b",))
            for tag in dict.fromkeys(scanner.open_elements) if tag in RUN_ON_ELEMENTS]
        scanner.findings += [
            Finding(f"<{tag}> is not closed: a browser would take the site's own parts after the page (its sources and "
                    f"its history) into it; close it with </{tag}>", (rf"<{tag}\b",), occurrence=-1)
            for tag in dict.fromkeys(name for name, _ in scanner.open_blocks) if read_to_the_end]
    return scanner.findings


class _LiteralText(HTMLParser):
    """Counts the citations written as they are in the page's text: the ones the site
    replaces. (The scanner reads text with character references resolved, so a citation
    written as "&#91;&#91;cite:…" would count there, and could stand in for a hidden one.)"""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.found = 0

    def handle_data(self, data: str) -> None:
        self.found += len(CITATION_TOKEN.findall(data))

    @classmethod
    def citations(cls, markup: str) -> int:
        counter = cls()
        try:
            counter.feed(markup)
            counter.close()
        except AssertionError:
            pass  # the scanner reports what Python's parser cannot read
        return counter.found


def _hidden_token_findings(markup: str, scanner: _Scanner) -> list[Finding]:
    """The last net for what the site replaces after these checks: every citation must be
    in the text and every marker a comment of its own, or a later step would put markup
    where the checks saw none (inside a tag, a comment or a section of another kind)."""
    findings = []
    written = len(CITATION_TOKEN.findall(markup))
    if written and written > _LiteralText.citations(markup):
        findings.append(Finding("a citation [[cite:…]] can stand only in the text of the page, not in a comment or "
                                "other markup", (r"<!--(?:(?!-->)[\s\S])*?\[\[\s*cite", CITATION_TOKEN.pattern)))
    markers = sum(1 for text in scanner.comments if MARKER_LIKE.fullmatch(text))
    if len(MARKER_TOKEN.findall(markup)) > markers:
        findings.append(Finding("a marker such as <!-- site:… --> can stand only as a comment of its own, not inside "
                                "other markup", (MARKER_TOKEN.pattern,)))
    return findings


# ------------------------------------------------------------------ ids

# A start tag, its quoted values read whole (a ">" in a title does not end it): not `id="a"`
# written in the text or in code, which Markdown escapes. A regular expression, because it
# reads every finished page and the listing pages are large: Python's parser took 5 times longer.
_TAG_NAME = re.compile(r"<([a-zA-Z][^\s/>]*)")
START_TAG = re.compile(r"""<[a-zA-Z][^\s/>]*(?:"[^"]*"|'[^']*'|[^>"'])*>""")
_MAY_HOLD_ID = re.compile(r"""[\s"'/]id\s*=""", re.IGNORECASE)  # where a browser reads an id attribute
_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)[ \t#]*$")
_ATTR_LIST = re.compile(r"\{:?[^}]*\}\s*$")


def repeated(values: Iterable[str]) -> list[str]:
    """The values that come more than once, in the order they first repeat."""
    seen: set[str] = set()
    found: list[str] = []
    for value in values:
        if value in seen and value not in found:
            found.append(value)
        seen.add(value)
    return found


def start_tags(markup: str, quick_look: re.Pattern) -> Iterator[tuple[str, list[tuple[str, str]]]]:
    """Each start tag in which `quick_look` finds something: its name and its attributes as a
    browser reads them (browser_attributes; the tags without are not read further)."""
    for match in START_TAG.finditer(markup):
        tag = match.group()
        if quick_look.search(tag):
            yield _TAG_NAME.match(tag).group(1).lower(), browser_attributes(tag)


def element_ids(page: str) -> Iterator[str]:
    """The id of each element of the HTML, as a browser reads it: the first id of its tag,
    unquoted, in capitals or spaced; not a tag inside a comment, which is no element (hunt
    33e: `<!-- <span id="sources"> -->` let a link be labelled by the site's list of sources)."""
    for _, attributes in start_tags(without_comments(page), _MAY_HOLD_ID):
        value = next((html.unescape(value) for name, value in attributes if name == "id"), None)
        if value is not None:
            yield value


# Attributes that name other elements by their ids: for a screen reader they label, describe
# or relate this one to those, which may be the site's own parts.
_MAY_NAME_IDS = re.compile(r"aria-|headers", re.IGNORECASE)  # a quick look before the tag is read
ID_REFERENCE_ATTRIBUTES = frozenset({"aria-labelledby", "aria-describedby", "aria-controls", "aria-flowto",
                                     "aria-details", "aria-activedescendant", "aria-errormessage", "headers"})


def foreign_id_references(markup: str) -> list[Finding]:
    """Attributes that name an id the page's own HTML does not give (the site's parts' ids)."""
    own = None
    findings = []
    for name, attributes in start_tags(markup, _MAY_NAME_IDS):
        own = set(element_ids(markup)) if own is None else own
        for attribute, value in attributes:
            if attribute in ID_REFERENCE_ATTRIBUTES:
                foreign = [token for token in html.unescape(value).split() if token not in own]
                if foreign:
                    close = difflib.get_close_matches(foreign[0], sorted(own), n=1)
                    findings.append(Finding(
                        f"<{name} {attribute}=\"{value[:60]}\">: names an id that is not in the page's own text "
                        f"({' '.join(foreign)[:60]}); name only ids the page gives itself"
                        f"{f' (did you mean {close[0]}?)' if close else ''}",
                        (rf"\b{re.escape(attribute)}\s*=\s*[\"']?{re.escape(value[:40])}",)))
    return findings


# A heading line without a letter or digit but in character references: where a heading with
# nothing visible was written.
_BLANK_HEADING = re.compile(r"(?m)^ {0,3}#{1,6}(?:[^\w\n]|&#?\w+;?)*$")


def contents_titles(toc: Iterable) -> list[tuple[str, str]]:
    """The ids and titles of a page's table of contents, the titles as text, nested ones included."""
    titles = []
    for item in toc:
        titles.append((item.id, html.unescape(re.sub(r"<[^<>]*>", "", item.title))))
        titles += contents_titles(item.children)
    return titles


def toc_markup_findings(toc: Iterable) -> list[Finding]:
    """A heading whose title in the table of contents holds a tag, or shows nothing. Material
    prints the titles unescaped (toc-item.html), and Python-Markdown's strip_tags, which makes
    them, leaves a tag written with "/" between its parts (<a/href=…>); a title is text, its
    "<" escaped, otherwise. A title of only &#8203; was an empty entry (hunt 17a)."""
    findings = []
    for item in toc:
        if not visible(html.unescape(re.sub(r"<[^<>]*>", "", item.title))):
            findings.append(Finding("a heading has no visible text, and would be an empty entry in the table of "
                                    "contents; write its text, or remove it", (_BLANK_HEADING.pattern,)))
        if "<" in item.title:
            tag = re.search(r"<[^<>]*>?", item.title).group()
            findings.append(Finding("a heading holds HTML that the table of contents would show as HTML (a tag "
                                    "written with \"/\" between its parts, such as <a/href=…>): write a space "
                                    "between a tag's parts, and keep links out of headings", (re.escape(tag[:60]),)))
        findings += toc_markup_findings(item.children)
    return findings


def skipped_heading_findings(toc: Iterable, above: int = 1) -> list[Finding]:
    """A heading more than one level below the heading before it (# then ####): a reader who
    moves by headings takes the missing level for a part of the page skipped (WCAG 1.3.1;
    session 34b: the build said nothing, and only the browser tests in CI found it)."""
    findings = []
    for item in toc:
        if item.level > above + 1:
            text = html.unescape(re.sub(r"<[^<>]*>", "", item.title)).strip()
            findings.append(Finding(
                f"the heading '{text[:60]}' is of level {item.level} after one of level {above}: a reader who moves "
                f"by headings would take the missing level for a part of the page skipped; write it with "
                f"{'#' * (above + 1)} (WCAG 1.3.1)",
                # [^<>]: a run of "<h4" without ">" made [^>]* read to the page's end from each (hunt 34d).
                (rf"(?m)^ {{0,3}}#{{{item.level}}}[ \t]+{re.escape(text[:60])}", rf"<h{item.level}\b[^<>]*>\s*{re.escape(text[:60])}")))
        findings += skipped_heading_findings(item.children, item.level)
        above = max(item.level, _last_level(item))
    return findings


def _last_level(item) -> int:
    """The level of the last heading under a table of contents' entry, itself included."""
    return _last_level(item.children[-1]) if item.children else item.level


# Link texts that say nothing of where a link leads, said alone: screen readers list a page's
# links by their texts (session 34b: "click here" and "more" passed).
VAGUE_LINK_TEXTS = frozenset({
    "click here", "click", "here", "more", "read more", "learn more", "find out more", "more info",
    "more information", "details", "this link", "via this link", "link", "this page", "this",
    "tästä", "tästä linkistä", "klikkaa tästä", "klikkaa tätä", "klikkaa", "tässä", "täällä", "täältä", "tänne",
    "lue tästä", "lue lisää", "lue lisää tästä", "katso lisää", "lisää", "lisää tietoa", "lisätietoa",
    "lisätietoja", "lisätiedot", "linkki", "tämä",
})
_ARIA_LABEL = re.compile(r"""\baria-label\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)


# A link text that says where it leads, in the page's language, for the message's example.
LINK_TEXT_EXAMPLES = {"fi": "[saavutettavuusseloste](accessibility.md)", "en": "[the accessibility statement](accessibility.md)"}


def vague_link_findings(markup: str, locale: str = "en") -> list[Finding]:
    """Each link whose whole text is one of VAGUE_LINK_TEXTS (WCAG 2.4.4)."""
    example = LINK_TEXT_EXAMPLES.get(locale, LINK_TEXT_EXAMPLES["en"])
    findings = []
    # The whole markup at once: a Markdown link's text may run over two lines (hunt 34d). Each
    # <a> with the first </a> after it, found by bisection: linear, as link_text_spans is.
    ends = [match.span() for match in _A_END.finditer(markup)]
    for opening in _A_START.finditer(markup):
        at = bisect.bisect_left(ends, (opening.end(), 0))
        if at == len(ends):
            break
        span = markup[opening.start():ends[at][1]]
        label = _ARIA_LABEL.search(span[:span.index(">") + 1])  # what a screen reader lists instead of the text
        for said in ([next(filter(None, label.groups()), "")] if label else []) + [re.sub(r"<[^<>]*>", "", span)]:
            text = " ".join(DEFAULT_IGNORABLE.sub("", html.unescape(said)).split())
            if text.lower().strip(" .,:;!?…»«›‹→\"'“”‘’()[]") in VAGUE_LINK_TEXTS:
                findings.append(Finding(
                    f"the link's text '{text}' does not say where it leads, and screen readers list a page's links "
                    f"by their texts alone: write what the reader finds there as the link's text, such as {example} "
                    "(WCAG 2.4.4)",
                    (rf"\[\s*{re.escape(text)}\s*\]\(", rf">\s*{re.escape(text)}\s*</a", re.escape(said.strip()[:60]))))
                break
    return findings


# The site's root as the check reads paths: a folder, as a preview's (/_previews/pr-1/) is, so
# that a path climbing above it, or starting from the server's root, does not lead into it.
SITE_ROOT = "http://site/root/"
_SITE_ROOT_PATH = urlsplit(SITE_ROOT).path
_MAY_LOAD = re.compile(r"src|poster", re.IGNORECASE)  # a quick look before the tag is read


def _site_path(url: str, base: str) -> str | None:
    """The path `url` leads to from the page at `base` (under SITE_ROOT), as a browser reads
    it; None for another site's address, a scheme's, or one within the page (#, ?)."""
    read = as_browsers_read(url)
    if not read or url_scheme(read) or read.startswith(("//", "#", "?")):
        return None
    return unquote(urlsplit(urljoin(base, read)).path)


def file_under_site(url: str, page_url: str) -> str | None:
    """The path under the site's root ("images/map.png") that `url` leads to from the page at
    `page_url`, as a browser reads it; None for another site's, a scheme's, a place within the
    page, or a path that climbs above the site's root."""
    path = _site_path(url, SITE_ROOT + page_url)
    return path.removeprefix(_SITE_ROOT_PATH) if path and path.startswith(_SITE_ROOT_PATH) else None


@dataclass(frozen=True)
class PageSource:
    """What a message needs of the page's own file, to tell a link written in Markdown from
    one in HTML: its text, its folder under docs/ ("" at the top) and its language's prefix
    in the site's addresses ("en/", or "" for the default language)."""

    text: str = ""
    folder: str = ""
    language_prefix: str = ""
    locales: tuple[str, ...] = ()  # the site's languages, whose codes a page's file name ends with

    def in_markdown(self, url: str) -> bool:
        """Whether the page writes `url` as a Markdown link or image, inline or as a reference."""
        written = re.escape(url)
        return bool(self.text) and re.search(rf"\]\(\s*<?{written}(?:[\s>)])|^ {{0,3}}\[[^\]\n]+\]:\s*<?{written}(?:\s|>|$)",
                                             self.text, re.MULTILINE) is not None

    def markdown_path(self, site_path: str) -> str:
        """The path a Markdown link in this page's file gives for a file of the site (site_path
        without the language's prefix, as docs/ holds it)."""
        path = site_path.removeprefix(self.language_prefix) if self.language_prefix else site_path
        return posixpath.relpath(path, self.folder or ".")


# A page's file named with its language ("declaration.fi.md"), which a link must not name: the
# build links it to the page of the link's own language (hooks/translations.py).
_LANGUAGE_SUFFIX = re.compile(r"\.([a-z]{2,3})\.md$")


LEFT_OUT = ("the site does not publish this file (MkDocs leaves out names starting with '.' and the folder "
            "templates/); move or rename the file, and change the link")


def unloaded_paths(markup: str, page_url: str, site_files: set[str] | frozenset[str],
                   left_out: frozenset[str] = frozenset(), source: PageSource = PageSource()) -> list[Finding]:
    """Paths in src, srcset and poster that lead, from the page's address, to no file of the
    site. MkDocs adjusts a Markdown image's path to the page's address, not one in HTML:
    images/a.png on the page themes/ is themes/images/a.png, which is not there."""
    base = SITE_ROOT + page_url
    findings = []
    for name, attributes in start_tags(markup, _MAY_LOAD):
        for attribute, value in attributes:
            if attribute not in ("src", "srcset", "poster"):
                continue
            for url in addresses(attribute, html.unescape(value)):
                path = _site_path(url, base)
                if path is None:
                    continue  # another site's or none: refused or allowed by the checks of addresses
                target = path.removeprefix(_SITE_ROOT_PATH)
                inside = path.startswith(_SITE_ROOT_PATH)
                if inside and (target in site_files or posixpath.join(target, "index.html") in site_files):
                    continue
                if inside and unquote(target) in left_out:
                    findings.append(Finding(f"<{name} {attribute}=\"{url[:60]}\">: {LEFT_OUT}", _as_written(url)))
                elif inside and source.in_markdown(url):
                    # MkDocs leaves a Markdown image's path as written when it finds no file there.
                    meant = _meant_file(url, site_files)
                    advice = (f"an image's path in Markdown is read from the folder of the page's own file, "
                              f"docs/{source.folder + '/' if source.folder else ''}, where no file has this name: "
                              f"write ![text]({source.markdown_path(meant)})" if meant else
                              "no file under docs/ has this name: check the file's name, and after renaming a file, "
                              "change the pages that show it")
                    findings.append(Finding(f"![…]({url[:60]}): {advice}", _as_written(url)))
                else:
                    advice = _unloaded_advice(url, attribute, page_url, site_files, climbs=not inside)
                    findings.append(Finding(f"<{name} {attribute}=\"{url[:60]}\">: {advice}", _as_written(url)))
    return findings


def _as_written(url: str) -> tuple[str, ...]:
    """Patterns for a path as the page's source may give it: as it is, or as Markdown wrote it
    before MkDocs put the page's address before it ("images/a.png" for "../images/a.png")."""
    bare = re.sub(r"^(?:\.\.?/)+", "", url)
    return (re.escape(url),) + ((rf"(?<![\w./-]){re.escape(bare)}",) if bare and bare != url else ())


_LINK = re.compile(r"href", re.IGNORECASE)  # a quick look before the tag is read


def broken_page_links(markup: str, page_url: str, site_files: set[str] | frozenset[str],
                      index_page: bool = False, left_out: frozenset[str] = frozenset(),
                      source: PageSource = PageSource()) -> list[Finding]:
    """Links written in HTML to a page that, from the page's address, leads to no page of the
    site: MkDocs turns a Markdown link [text](declaration.md) into the page's address, not one
    in HTML, so <a href="declaration.md"> was published as a broken link (hunt 15b). Links to
    a folder (a page's address) or to a .md file only, and to a file MkDocs leaves out for its
    leading dot: the site writes other files itself.
    `index_page`: the page's file is its folder's index.md, whose folder is its own address.
    `left_out`: the files MkDocs leaves out of the site (templates/, names with a leading dot)."""
    findings = []
    for name, attributes in start_tags(markup, _LINK):
        href = next((html.unescape(value) for attribute, value in attributes if attribute == "href"), "")
        target = file_under_site(href, page_url)
        path = _site_path(href, SITE_ROOT + page_url) if target is None else None
        if path is not None and not path.startswith(_SITE_ROOT_PATH):
            # Hunt 34a: such a link looks like one of the site's own but leads out of it where the
            # site is published under a folder: to a preview's pages, which change without review,
            # or to another repository's site on the same github.io host.
            written = f"[…]({_visible(href[:60])})" if source.in_markdown(href) else f"<{name} href=\"{_visible(href[:60])}\">"
            findings.append(Finding(f"{written}: {CLIMBS_OUT}", _as_written(href)))
            continue
        # MkDocs leaves out files named with a leading dot and only notes a link to one: the
        # page was published with a link that led nowhere (hunt 20b).
        if target is not None and (any(unquote(part).startswith(".") for part in target.split("/"))
                                   or unquote(target) in left_out):
            findings.append(Finding(f"<{name} href=\"{_visible(href[:60])}\">: {LEFT_OUT}", _as_written(href)))
            continue
        mistyped = _MISTYPED_SCHEME.match(href)
        if target is not None and (mistyped or _BARE_HOST.match(href)):
            findings.append(_bare_host_finding(name, href, source, href[mistyped.end():] if mistyped else href))
            continue
        if target is None or not (target == "" or target.endswith(("/", ".md"))):
            continue
        if posixpath.join(target, "index.html") in site_files or target in site_files:
            continue
        language = _LANGUAGE_SUFFIX.search(target)
        language = language if language and language.group(1) in source.locales else None
        stem = target[:language.start()] if language else target.removesuffix(".md")
        meant = _page_address(stem, page_url, site_files, index_page) if target.endswith(".md") else None
        fragment = "#" + urlsplit(href).fragment if urlsplit(href).fragment else ""
        if source.in_markdown(href) and _other_languages_address(target, source):
            # Session 33b and 33f: [englanniksi](../en/events/) was told to be written [text](events.md),
            # which leads to the page of the page's own language.
            findings.append(Finding(f"[…]({href[:60]}): a link to a page of another language: the language "
                                    "switcher at the top of every page leads there; link to a page of this page's "
                                    "language, [text](events.md), or name the other language's page in words",
                                    (re.escape(href),)))
            continue
        if source.in_markdown(href):
            findings.append(Finding(f"[…]({href[:60]}): {_markdown_link_advice(meant, fragment, language, source)}",
                                    (re.escape(href),)))
            continue
        right = posixpath.relpath(meant or ".", page_url.rstrip("/") or ".") + "/" if meant is not None else None
        advice = (f"in HTML a link to a page's file is not turned into its address as in Markdown: write "
                  f"href=\"{right}{fragment}\", or the link in Markdown, [text]({posixpath.basename(stem)}.md{fragment})"
                  if right else
                  "from this page's address the link leads to no page of the site; check it, or write the link in "
                  "Markdown, [text](name.md), which the build checks")
        findings.append(Finding(f"<{name} href=\"{href[:60]}\">: {advice}", (re.escape(href),)))
    return findings


# A link's address that starts with another site's host but not with https:// (session 33b:
# [Helsingin kaupunki](www.hel.fi/fi) got MkDocs' "unrecognized relative link", with no line
# and no advice). A name that ends like a file the site could publish is a file's.
_BARE_HOST = re.compile(r"(?:www\.[^/?#\s]+|[a-z0-9-]+(?:\.[a-z0-9-]+)*"
                        r"\.(?!(?:md|html?|png|jpe?g|gif|svg|webp|avif|pdf|ics|json|xml|txt|css|js)(?:[/?#]|$))"
                        r"[a-z]{2,6})(?:[/?#]|$)", re.IGNORECASE)


# "https//hel.fi", "https;//hel.fi", "http/hel.fi": a scheme with its colon missing or mistyped,
# which makes the address a path of this site (session 33d: MkDocs named no line).
_MISTYPED_SCHEME = re.compile(r"https?[;.]?/{1,3}(?=[^/\s])", re.IGNORECASE)


def _bare_host_finding(name: str, href: str, source: PageSource, address: str) -> Finding:
    fixed = "https://" + address
    if source.in_markdown(href):
        return Finding(f"[…]({href[:60]}): an address without https:// is read as a file of this site, and leads "
                       f"nowhere; write [text]({fixed[:80]})", (re.escape(href),))
    return Finding(f"<{name} href=\"{href[:60]}\">: an address without https:// is read as a file of this site, and "
                   f"leads nowhere; write href=\"{fixed[:80]}\"", (re.escape(href),))


def unknown_anchor_links(markup: str) -> list[tuple[str, Finding]]:
    """Links to a place on the same page ("#lontoo") that no element of the page's text has as
    its id, each with that id, and the ids it has (session 33b: MkDocs' message had no line,
    and named none)."""
    ids = None
    findings = []
    for name, attributes in start_tags(markup, _LINK):
        href = next((html.unescape(value) for attribute, value in attributes if attribute == "href"), "")
        if not href.startswith("#") or len(href) == 1:
            continue
        ids = set(element_ids(markup)) if ids is None else ids
        if unquote(href[1:]) in ids:
            continue
        findings.append((unquote(href[1:]), Finding(f"a link to {href[:60]}: the page has no heading or other part with this id; "
                                f"{closest_ids(unquote(href[1:]), ids)} (a heading's id is the one written after it, "
                                "{#…}, or made from its words)",
                                (re.escape(href) + r"(?=[\s)\"'>])",))))
    return findings


def closest_ids(wanted: str, ids) -> str:
    """Advice for a link to an id a page does not have: the nearest of its ids, or its ids."""
    ids = sorted(i for i in ids if not i.startswith("__"))  # not the theme's own
    near = difflib.get_close_matches(wanted, ids, n=1, cutoff=0.6)
    if near:
        return f"did you mean {near[0]}?"
    return f"link to one of its ids: {', '.join(ids[:12]) or 'none'}"


def links_to_places(markup: str, page_url: str) -> list[tuple[str, str, str]]:
    """(the page's address under the site, the place's id, the link as written) of each link
    to a place on another page of the site ("../events/#past-events")."""
    found = []
    for _, attributes in start_tags(markup, _LINK):
        href = next((html.unescape(value) for attribute, value in attributes if attribute == "href"), "")
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not parts.path or not parts.fragment:
            continue
        target = file_under_site(parts.path, page_url)
        if target is not None:
            found.append((target, unquote(parts.fragment), href))
    return found


def _other_languages_address(target: str, source: PageSource) -> bool:
    """Whether a path under the site leads into another language's part of it ("en/…" from a
    Finnish page, or out of "en/" from an English one)."""
    if not source.locales:
        return False
    if source.language_prefix:
        return not target.startswith(source.language_prefix)
    return any(target.startswith(f"{locale}/") for locale in source.locales[1:])


def _markdown_link_advice(meant: str | None, fragment: str, language: re.Match | None, source: PageSource) -> str:
    """What to write for a Markdown link that MkDocs could not turn into a page's address (it
    leaves such a link as written): the page's file named with its language, or by a path that
    is not read from the folder of the linking page's file (session 32b: the message spoke of
    HTML and gave back the very link written)."""
    right = f"{source.markdown_path(meant + '.md' if meant else 'index.md')}{fragment}" if meant is not None else None
    if language:
        return (f"name the page's file without its language (.{language.group(1)}): the site links each language's "
                f"page to the page of the same language{f'; write [text]({right})' if right else ''}")
    if right:
        where = f"docs/{source.folder}/" if source.folder else "docs/"
        return (f"a link in Markdown is read from the folder of the page's own file, {where}, where no page has "
                f"this name: write [text]({right})")
    return ("no page of the site has this name: check it (each page is a file in docs/, named in a link without "
            "its language: [text](events.md))")


def _page_address(stem: str, page_url: str, site_files, index_page: bool) -> str | None:
    """The address (folder) of the page whose file the link `stem`.md names: the page of that
    name nearest the linking page's file ("en/declaration" from "en/themes/", whose file is
    in the folder the address "en/" stands for; an index page's file is in its own)."""
    name, folders = posixpath.basename(stem), page_url.strip("/").split("/") if page_url.strip("/") else []
    named = [] if name == "index" else [name]  # index.md is its folder's own page (the home page)
    own_folder = len(folders) if index_page else len(folders) - 1
    candidates = [posixpath.normpath(stem)] * bool(named) + [
        "/".join(folders[:depth] + named) for depth in range(own_folder, -1, -1)]  # from the file's folder
    return next((folder for folder in candidates
                 if (f"{folder}/index.html" if folder not in ("", ".") else "index.html") in site_files), None)


def _meant_file(url: str, site_files) -> str | None:
    """The site's file a path means, read from the site's root: as written, or without its
    climbs (a Finnish page's ../images/a.png copied to the English page, one level deeper)."""
    path = urlsplit(url).path
    return next((name for name in (posixpath.normpath(path.lstrip("/")), re.sub(r"^(?:\.\.?/)+", "", path))
                 if name in site_files), None)


CLIMBS_OUT = ("the path climbs above the site's own address, so it leads out of the site where the site is published "
              "under a folder (as a preview is): link to a page by its file, [text](name.md), which the build checks")


def _unloaded_advice(url: str, attribute: str, page_url: str, site_files, climbs: bool) -> str:
    meant = _meant_file(url, site_files)
    right = posixpath.relpath(meant, page_url.rstrip("/") or ".") if meant else None
    if climbs:
        write = f": write {attribute}=\"{right}\"" if right else ""
        return (f"the path climbs above the site's own address, so it breaks where the site is published under a "
                f"folder, as a preview is{write}")
    said = f"from this page's address ({page_url or 'the home page'}) the path leads to no file of the site"
    if right is None:
        # The same words for a Markdown image, which MkDocs leaves as written when its file is
        # missing: after a rename, the pages that show the file still name the old one (hunt 18c).
        return ("no file under docs/ has this name, written in HTML from the page's address or in Markdown from the "
                "page's file: check the file's name, and after renaming a file, change the pages that show it")
    return (f"{said}; in HTML a path is not adjusted as in Markdown: write {attribute}=\"{right}\", or the image "
            f"in Markdown, ![text]({meant})")


def id_line(source: str, element_id: str) -> int | None:
    """The line of the page source that gives `element_id`: `{ #id }`, `id="id"`, or a heading
    whose automatic id it is; None if none does (outside code)."""
    code = code_ranges(source, body_start(source))
    explicit = re.compile(rf"""\{{[^}}]*#{re.escape(element_id)}(?![\w-])|\s(?i:id)\s*=\s*["']?{re.escape(element_id)}"""
                          r"""(?=["'\s/>]|$)""")
    offset = 0
    for number, line in enumerate(source.split("\n"), start=1):
        position, offset = offset, offset + len(line) + 1
        if _inside(position, code):
            continue
        heading = _HEADING.match(line)
        if explicit.search(line) or (heading and slugify(_ATTR_LIST.sub("", heading.group(1)), "-") == element_id):
            return number
    return None


# ------------------------------------------------------------------ markers

MARKER = re.compile(r" ((?:data|site|home):[a-z0-9-]+) ")  # the exact form, <!-- data:events -->
MARKER_LIKE = re.compile(r"\s*(data|site|home)\s*:\s*[\w-]+\s*", re.IGNORECASE)
# What a marker of each kind marks, for the messages: a listing, or the home page's hero.
MARKED_PLACE = {"home": ("where the hero ends", "the hero ends where it stands")}
LISTING_PLACE = ("where its listing goes", "the listing goes where it stands")


def marker_findings(comments: list[str], markers: Mapping[str, str | None], stem: str) -> list[Finding]:
    """Markers in one page's comments: unknown, miswritten, on another page, repeated, or missing.

    `markers` maps each marker to the page (file stem) it belongs on, or None for any page.
    """
    findings, seen = [], []
    known = ", ".join(sorted(markers))
    for index, text in enumerate(comments):
        at = {"patterns": (re.escape(f"<!--{text}-->"),), "occurrence": comments[:index].count(text)}
        exact = MARKER.fullmatch(text)
        if exact is None and not MARKER_LIKE.fullmatch(text):
            continue
        written = " ".join(text.split()) if exact is None else exact.group(1)
        name = exact.group(1) if exact else "".join(text.split()).lower()
        if name not in markers:
            findings.append(Finding(f"unknown marker <!-- {written} -->; known: {known}", **at))
        elif exact is None:
            findings.append(Finding(f"marker written as <!--{_one_line(text)}-->; write it exactly <!-- {name} -->", **at))
        elif markers[name] is not None and markers[name] != stem:
            findings.append(Finding(f"<!-- {name} --> belongs on the page {markers[name]} only "
                                    "(mkdocs.yml extra.markers); remove it here", **at))
        elif markers[name] is not None and name in seen:
            findings.append(Finding(f"<!-- {name} --> is on this page twice; keep one: {_place(name)[1]}", **at))
        seen.append(name)
    findings.extend(
        Finding(f"the page needs the marker <!-- {name} --> {_place(name)[0]} (mkdocs.yml extra.markers)")
        for name, owner in markers.items()
        if owner == stem and name not in seen
    )
    return findings


def _place(marker: str) -> tuple[str, str]:
    return MARKED_PLACE.get(marker.split(":", 1)[0], LISTING_PLACE)


def _one_line(text: str) -> str:
    return text.replace("\n", "\\n")


# ------------------------------------------------------------------ back to the source


# Problems told of one page: each is looked for in the whole page's source, so 5,000 took a
# minute and a half to tell, and 50,000 would have taken hours (hunt 32a); the rest are counted.
MAX_PROBLEMS_PER_PAGE = 100


def locate(source: str, findings: list[Finding], file: str) -> list[Problem]:
    """Each finding as a Problem on its line of the page source.

    Occurrences inside code (which the page shows as text) are skipped, and each occurrence
    is used once, so that two findings of the same kind land on their own lines. A finding
    not found in the source is placed on the first line of the page's Markdown. Past
    MAX_PROBLEMS_PER_PAGE, one more problem says how many are left untold.
    """
    if len(findings) > MAX_PROBLEMS_PER_PAGE:
        untold = len(findings) - MAX_PROBLEMS_PER_PAGE
        return locate(source, findings[:MAX_PROBLEMS_PER_PAGE], file) + [Problem(file, None, (
            f"and {untold:,} more problems of the same kinds on this page, not listed: fix those above, and the "
            "build lists the rest"))]
    start = body_start(source)
    code = code_ranges(source, start)
    taken: set[int] = set()
    problems = []
    for finding in findings:
        matches = [
            start + match.start() for pattern in finding.patterns
            for match in re.finditer(pattern, source[start:], re.IGNORECASE | re.DOTALL)
            if not _inside(start + match.start(), code)
        ]
        if finding.occurrence is not None:
            position = matches[min(finding.occurrence, len(matches) - 1)] if matches else None
        else:
            position = next((offset for offset in matches if offset not in taken), None)
        offset = start if position is None else position
        taken.add(offset)
        problems.append(Problem(file, source.count("\n", 0, offset) + 1, finding.message))
    return problems


def fenced_code_ranges(source: str, start: int = 0) -> list[tuple[int, int]]:
    """The fenced code blocks as Python-Markdown's fenced_code extension reads them, by its own
    pattern: a fence that is never closed is no code, and the text after it is read as text
    (hunt 18a: an unclosed ~~~ hid the rest of a page from the checks that skip code)."""
    ranges = []
    position = start
    while (fence := FencedBlockPreprocessor.FENCED_BLOCK_RE.search(source, position)) is not None:
        ranges.append((fence.start(), fence.end()))
        position = fence.end()
    return ranges


_BACKTICK_RUN = re.compile(r"`+")


def inline_code_spans(line: str) -> list[tuple[int, int]]:
    """The code spans of a line, as CommonMark finds them: a run of backticks opens one, which
    the next run of the same length closes; a run that none closes is text. In one pass over
    the runs (hunt 32a: a pattern tried from every backtick to the line's end, and a line of
    20,000 backticks took minutes)."""
    if "`" not in line:
        return []
    runs = [(match.start(), match.end()) for match in _BACKTICK_RUN.finditer(line)]
    closing: list[int | None] = [None] * len(runs)  # each run's next run of the same length
    later: dict[int, int] = {}
    for index in range(len(runs) - 1, -1, -1):
        length = runs[index][1] - runs[index][0]
        closing[index], later[length] = later.get(length), index
    spans, index = [], 0
    while index < len(runs):
        end = closing[index]
        if end is None:
            index += 1
        else:
            spans.append((runs[index][0], runs[end][1]))
            index = end + 1
    return spans


def code_ranges(source: str, start: int = 0) -> list[tuple[int, int]]:
    """Approximate character ranges of code in Markdown (fenced, indented, inline).

    Used to place findings on the right line, and by the checks that help an editor (pasted
    bullets, lists after a paragraph); the checks that protect a reader read the rendered
    HTML, or the whole source.
    """
    ranges = fenced_code_ranges(source, start)
    fences = list(ranges)  # in order, and apart: only these can hold a later line
    previous_blank = True
    in_list = False  # an indented block after a list item is the item's own paragraph (hunt 19a)
    offset = 0
    for line in source.splitlines(keepends=True):
        indented = re.match(r"( {4}|\t)", line)
        if offset >= start and previous_blank and indented and not in_list and not _inside(offset, fences):
            ranges.append((offset, offset + len(line)))
        elif offset >= start and not _inside(offset, fences):
            ranges.extend((offset + begin, offset + end) for begin, end in inline_code_spans(line))
        if line.strip() and not indented:
            in_list = bool(_LIST_ITEM.match(line))
        previous_blank = not line.strip() or (ranges and ranges[-1] == (offset, offset + len(line)))
        offset += len(line)
    return sorted(ranges)


def _apart(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans in order, each that starts inside the one before it left out, as _inside needs them."""
    spans = sorted(spans)
    return [span for index, span in enumerate(spans) if not index or span[0] >= spans[index - 1][1]]


def _inside(position: int, ranges: list[tuple[int, int]]) -> bool:
    """Whether `position` is in one of `ranges`, which are in order and apart (as code_ranges
    gives them): found by bisection, since a page of 20,000 code lines took minutes when each
    check read every range (hunt 17a)."""
    at = bisect.bisect_right(ranges, position, key=lambda item: item[0]) - 1
    return at >= 0 and position < ranges[at][1]
