"""Partner logos: where they may live and what a file must hold to be shown as one.

No MkDocs import. A logo is a PNG or an SVG under docs/images/; its content decides what it
is (a name ending in .png proves nothing), and its width and height come from the
validated content so the page can reserve the logo's space. An SVG must be a safe drawing
(hooks/_images.py), as every image under docs/ must.
"""

from __future__ import annotations

import re
from pathlib import Path

from _images import PNG_SIGNATURE, image_kind, png_size, svg_document, svg_size

MAX_LOGO_BYTES = 1_000_000
MAX_LOGO_PIXELS = 4096  # the longest side; a logo is shown far smaller
EXAMPLE = "images/partners/helsinki.svg"


def logo_path_problem(path: str, locales: tuple[str, ...]) -> str | None:
    """Why `path` (as written in data/partners.yml) cannot name a logo, or None."""
    if "\\" in path:
        return f"use / between folders, like {EXAMPLE}, got {path!r}"
    if path.startswith("/") or re.match(r"[A-Za-z]:", path):
        return f"give the path under docs/, like {EXAMPLE}, not an absolute path; got {path!r}"
    segments = path.split("/")
    if ".." in segments:
        return f"the path may not climb out of its folder with '..'; give it under docs/images/, like {EXAMPLE}"
    if any(segment.startswith(".") for segment in segments):
        return f"a hidden file or folder (a name starting with '.') is not published; got {path!r}"
    if segments[0] == "docs" and segments[1:2] == ["images"]:
        return f"the path starts inside docs/: leave out docs/: write {'/'.join(segments[1:])}"
    if segments[0] != "images" or len(segments) < 2 or not all(segments):
        return f"a logo must be a file under docs/images/, like {EXAMPLE}; got {path!r}"
    name = segments[-1]
    parts = name.split(".")
    if len(parts) >= 3 and parts[-2] in locales:
        plain = ".".join(parts[:-2] + parts[-1:])
        renamed = ".".join(parts[:-2]) + f"-{parts[-2]}." + parts[-1]
        return (f"the site reads {name} as the '{parts[-2]}' version of {plain} (the language suffix rule) "
                f"and leaves it out of the other language; rename it, like {renamed}")
    if parts[-1].lower() not in ("svg", "png") or len(parts) < 2:
        return f"expected an .svg or a .png file, like {EXAMPLE}; got {path!r}"
    return None


def logo_size(file: Path, shown: str) -> tuple[int, int] | str:
    """(width, height) of a valid PNG or SVG logo, or the reason it is not one."""
    if file.stat().st_size > MAX_LOGO_BYTES:
        return (f"docs/{shown} is larger than {MAX_LOGO_BYTES:,} bytes; a logo should be far smaller: save it again "
                "as PNG, at most 1,000 pixels wide, or use the logo's SVG")
    data = file.read_bytes()
    wants = shown.rsplit(".", 1)[-1].lower()
    if data.startswith(PNG_SIGNATURE):
        found, size = "png", _png_size(data)
    elif data.lstrip()[:1] == b"<":
        found, size = "svg", _svg_size(data)
    else:
        # A JPEG saved with a .png name (a phone, Paint): renaming it .jpg is no way out, since
        # a logo is PNG or SVG (session 32b).
        kind = image_kind(data)
        found = (f"is a {kind} image by its content, not a PNG or an SVG" if kind else
                 "is neither a PNG nor an SVG image by its content")
        return f"docs/{shown} {found}: save the logo again as PNG (in Paint: Save as, PNG), or use its SVG"
    if isinstance(size, str):
        return f"docs/{shown} {size}"
    if found != wants:
        return f"docs/{shown} is {found.upper()} by its content; its name must end in .{found}"
    return size


def _png_size(data: bytes) -> tuple[int, int] | str:
    size = png_size(data)
    if size is None:
        return "is not a valid PNG: its IHDR chunk, which must follow the signature, is missing or damaged"
    width, height = size
    if not (1 <= width <= MAX_LOGO_PIXELS and 1 <= height <= MAX_LOGO_PIXELS):
        return f"is {width}×{height} pixels; a logo must be 1 to {MAX_LOGO_PIXELS} pixels each way"
    return width, height


def _svg_size(data: bytes) -> tuple[int, int] | str:
    document = svg_document(data)
    size = svg_size(document) if not isinstance(document, str) else document
    if isinstance(size, str):
        return size
    scale = min(1.0, MAX_LOGO_PIXELS / max(size))
    return max(1, round(size[0] * scale)), max(1, round(size[1] * scale))
