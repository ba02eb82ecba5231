"""What an image under docs/ must hold to be published. No MkDocs import.

A file's content decides what it is: a name ending in .png proves nothing, and a file that
is really HTML or an SVG drawing with a script would run at the site's own address when
opened on its own, without the pages' Content-Security-Policy. An SVG must be UTF-8, so
that it is read here as the browser reads it; it is parsed with defusedxml (no DTD but
SVG's standard one, which is never read; no entities, no external references) and refused
if it holds anything but SVG elements and metadata, or could run a script or load anything. The partner logos (hooks/_logos.py) are
checked the same way.
"""

from __future__ import annotations

import base64
import binascii
import io
import math
import re
import struct
import warnings
import zlib
from collections import Counter
from typing import Iterator
from xml.etree.ElementTree import Element, ParseError, TreeBuilder

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from _css import as_tokenized, first_fetch

# The image kinds a page may show, by file name ending, and how each is recognised.
IMAGE_KINDS = {"png": "PNG", "jpg": "JPEG", "jpeg": "JPEG", "webp": "WebP", "svg": "SVG"}
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
UTF8_BYTE_ORDER_MARK = b"\xef\xbb\xbf"
SVG_ROOT = "{http://www.w3.org/2000/svg}svg"

XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
# Elements that <use> may add to a drawing: far more than a logo or a map needs.
MAX_COPIED_ELEMENTS = 10_000
SVG_ANIMATIONS = frozenset({"set", "animate", "animatemotion", "animatetransform", "animatecolor"})
# An SVG opened on its own is an XML document, where an element of another vocabulary is
# made as that vocabulary's: an HTML <iframe src="javascript:…"> in the drawing runs its
# script at the site's address. Only SVG elements are allowed, and the metadata that
# drawing programs write (RDF, Dublin Core, Creative Commons, Inkscape, Sodipodi), which no
# browser gives any behaviour.
SVG_NAMESPACE = "http://www.w3.org/2000/svg"
METADATA_NAMESPACES = frozenset({
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "http://purl.org/dc/elements/1.1/",
    "http://creativecommons.org/ns#",
    "http://web.resource.org/cc/",
    "http://www.inkscape.org/namespaces/inkscape",
    "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
})
# The file's text must be read here as Chromium reads it, or a check could pass text that
# the browser reads otherwise: UTF-16 hides "<?xml-stylesheet" from a search of the bytes,
# and an encoding that only one of the two knows is read differently. UTF-8, and its subsets
# and Latin-1, which read every ASCII character, markup included, the same, are enough.
READABLE_ENCODINGS = frozenset({"utf-8", "us-ascii", "iso-8859-1"})
XML_DECLARED_ENCODING = re.compile(rb"""(?:\xef\xbb\xbf)?\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
# A picture inside the drawing, as Inkscape embeds an imported photo: a bitmap only, base64.
EMBEDDED_BITMAP = re.compile(r"data:image/(?:png|jpeg|webp);base64,[A-Za-z0-9+/=\s]*")
# SVG's standard <!DOCTYPE svg PUBLIC "…"> identifiers (SVG 1.0 and 1.1, Tiny and Basic).
SVG_PUBLIC_IDS = frozenset({"-//W3C//DTD SVG 1.0//EN", "-//W3C//DTD SVG 20010904//EN", "-//W3C//DTD SVG 1.1//EN",
                            "-//W3C//DTD SVG 1.1 Tiny//EN", "-//W3C//DTD SVG 1.1 Basic//EN"})
# An entity reference other than XML's own five and character references: only a DTD defines one.
UNDEFINED_ENTITY = re.compile(rb"&(?!(?:lt|gt|amp|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)[^;\s<&]*;?")
VOCABULARY_NAMES = {"http://www.w3.org/1999/xhtml": "an HTML element", "http://www.w3.org/1998/Math/MathML": "a MathML element"}


# Alternative text that says nothing of what an image shows (WCAG 1.1.1; session 32b: "Kuva",
# "image" and the file's own name passed): a word for "image" in the site's languages, or a
# file's name. An empty alt is allowed: it marks an image that only decorates.
EMPTY_ALT_WORDS = frozenset({
    "kuva", "valokuva", "kuvake", "grafiikka", "kaavio", "logo", "image", "picture", "photo", "photograph", "icon",
    "graphic", "img", "figure", "kuvio", "diagram", "chart", "screenshot", "kuvakaappaus"})
_FILE_NAME = re.compile(r"[\w.-]*\.(?:png|jpe?g|webp|gif|svg)", re.IGNORECASE)
# A camera's or phone's name for a picture, whatever the file is called now (hunt 33a:
# "IMG_0423" passed for images/map.svg): IMG_0423, DSC 0001, DSCN1234, PXL_20190213_1200, P1010001.
_CAMERA_NAME = re.compile(r"(?:img|dsc[fn]?|pxl|mvimg|pict?|dcim|p)[ _-]?\d[\d_ -]*", re.IGNORECASE)
_QUOTES = "\"'“”‘’«»„"


def meaningless_alt(alt: str, src: str = "") -> str | None:
    """Why an image's alternative text says nothing of what it shows, or None: a word for an
    image alone, with a number, quotes or an article ("Kuva 1", '"Kuva"', "an image"; hunt
    33a), or a file's or a camera's name for it."""
    words = " ".join(alt.split()).strip(" .:;,!?-–()" + _QUOTES).lower()
    stem = src.rsplit("/", 1)[-1].rsplit(".", 1)[0].lower() if src else ""
    if not words:
        return None
    bare = re.sub(r"[\s#_-]*\d+$", "", re.sub(r"^(?:a|an|the)\s+", "", words)).strip(" .:;,!?-–()" + _QUOTES)
    if words in EMPTY_ALT_WORDS or (bare in EMPTY_ALT_WORDS and not _CAMERA_NAME.fullmatch(words)):
        return f"'{alt.strip()}' says only that there is an image"
    # The stem alone only as a file's name reads ("kaupungit-testi", "IMG_0423"): "Kartta" for
    # kartta.png is a word that may say enough.
    named = stem and re.search(r"[-_\d]", stem) and words in (stem, stem.replace("-", " "), stem.replace("_", " "))
    if _FILE_NAME.fullmatch(words) or named:
        return f"'{alt.strip()}' is the file's name"
    if _CAMERA_NAME.fullmatch(words):
        return f"'{alt.strip()}' is a camera's name for the file"
    return None


def image_kind(data: bytes) -> str | None:
    """"PNG", "JPEG", "WebP" or "SVG" by the file's first bytes (the formats' signatures), or None."""
    if data.startswith(PNG_SIGNATURE):
        return "PNG"
    if data.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WebP"
    if data.removeprefix(UTF8_BYTE_ORDER_MARK).lstrip()[:1] == b"<":
        return "SVG"  # or some other markup: svg_document decides
    return None


def image_problem(data: bytes, extension: str, max_pixels: int) -> str | None:
    """Why `data` cannot be published as an image whose name ends in `extension`, or None;
    `max_pixels`, the most a PNG, JPEG or WebP image may have (a bitmap in an SVG included)."""
    wanted = IMAGE_KINDS.get(extension.lower())
    if wanted is None:
        return f"a .{extension} file is not an image kind the site publishes ({', '.join(kind_names())})"
    found = image_kind(data)
    if found == "SVG" and wanted != "SVG" and isinstance(svg_document(data), str):
        found = None  # markup, but not a drawing: HTML, say
    if found is None:
        return f"is not {'an' if wanted == 'SVG' else 'a'} {wanted} image by its content"
    if found != wanted:
        endings = " or ".join(f".{ending}" for ending, kind in IMAGE_KINDS.items() if kind == found)
        return f"is {found} by its content, not {wanted}: its name must end in {endings}"
    if found == "SVG":
        document = svg_document(data)
        if isinstance(document, str):
            return document
        # hunt 16: a 10 KB drawing carried a PNG of 40,000 × 40,000 pixels
        problems = (_pixel_problem(bitmap, "PNG" if bitmap.startswith(PNG_SIGNATURE) else "JPEG or WebP", max_pixels)
                    or _raster_animation_problem(bitmap) for bitmap in embedded_bitmaps(document))
        return next((f"holds a picture that {problem}" for problem in problems if problem), None)
    return _pixel_problem(data, found, max_pixels) or _raster_animation_problem(data)


def _raster_animation_problem(data: bytes) -> str | None:
    """Why a PNG or WebP image is refused for moving: an animated PNG (an acTL chunk before its
    first IDAT) or an animated WebP (VP8X's animation flag) plays by itself, and most loop
    without end (hunt 33a: both flashed red and white, twelve times a second). Such movement
    must be possible to pause (WCAG 2.2.2), which an image cannot offer."""
    if data.startswith(PNG_SIGNATURE) and _png_animated(data):
        return ("is an animated PNG: an image that moves by itself cannot be paused (WCAG 2.2.2), and fast changes can "
                "cause seizures; save it as a still image, such as its first frame")
    if data[:4] == b"RIFF" and data[8:16] == b"WEBPVP8X" and len(data) > 20 and data[20] & 0x02:
        return ("is an animated WebP: an image that moves by itself cannot be paused (WCAG 2.2.2), and fast changes can "
                "cause seizures; save it as a still image, such as its first frame")
    return None


def _png_animated(data: bytes) -> bool:
    """Whether a PNG has an acTL chunk (APNG's animation control) before its image data."""
    offset = len(PNG_SIGNATURE)
    while offset + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[offset:offset + 8])
        if kind == b"acTL":
            return True
        if kind in (b"IDAT", b"IEND"):
            return False
        offset += 12 + length
    return False


def _pixel_problem(data: bytes, kind: str, max_pixels: int) -> str | None:
    """Why a PNG, JPEG or WebP image has too many pixels to publish, or cannot be read for them."""
    pixels = raster_pixels(data)
    if pixels is None:
        return f"is not a {kind} image that can be read to the end of its header; save it again from an image program"
    count, size = pixels
    if count > max_pixels:
        return (f"is {size} pixels; an image may have at most {max_pixels:,} pixels (mkdocs.yml "
                "extra.published_files), since a reader's browser holds every pixel: make it smaller, for example at "
                "most 1,600 pixels wide")
    return None


class UnreadableImage(ValueError):
    """A PNG, JPEG or WebP image whose header cannot be read."""


class HugeImage(ValueError):
    """A JPEG or WebP image past twice Pillow's own pixel limit, which Pillow will not open."""

    def __init__(self, pixels: int):
        super().__init__(f"{pixels:,} pixels")
        self.pixels = pixels


def raster_size(data: bytes) -> tuple[int, int]:
    """(width, height) of a PNG, JPEG or WebP image, read from its header without decoding it;
    raises UnreadableImage or HugeImage."""
    if data.startswith(PNG_SIGNATURE):  # its header is 33 bytes; no need to load Pillow (20 ms)
        size = png_size(data)
        if size is None:
            raise UnreadableImage("its IHDR chunk is missing or damaged")
        if 0 in size:  # the PNG standard forbids it; a page's image of it ended the build (hunt 19a)
            raise UnreadableImage("its header gives no width or height")
        return size
    from PIL import Image  # here: most builds have PNG and SVG images only
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # the size is what is wanted here
        try:
            with Image.open(io.BytesIO(data)) as image:
                return image.size
        except Image.DecompressionBombError as error:  # the count is in its words
            raise HugeImage(int(re.search(r"\d+", str(error)).group())) from None
        except (OSError, ValueError, SyntaxError) as error:
            raise UnreadableImage(str(error)) from None


def raster_pixels(data: bytes) -> tuple[int, str] | None:
    """How many pixels a PNG, JPEG or WebP image has, and its size as words ("4,000 × 3,000"),
    read from its header without decoding it; None when the header cannot be read."""
    try:
        width, height = raster_size(data)
    except HugeImage as error:
        return error.pixels, f"{error.pixels:,}"
    except UnreadableImage:
        return None
    return width * height, f"{width:,} × {height:,}"


def image_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) in CSS pixels of a PNG, JPEG, WebP or SVG image (an SVG's width and
    height in pixels, or its viewBox), or None when they cannot be read."""
    if image_kind(data) == "SVG":
        document = svg_document(data)
        size = svg_size(document) if not isinstance(document, str) else document
        return (max(1, round(size[0])), max(1, round(size[1]))) if not isinstance(size, str) else None
    try:
        return raster_size(data)
    except ValueError:
        return None


_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
_PIXELS = re.compile(r"(?:\d+\.?\d*|\.\d+)(?:px)?")


def svg_size(root: Element) -> tuple[float, float] | str:
    """An SVG drawing's size: its width and height in pixels, or else its viewBox's; or why it has none."""
    box = root.get("viewBox")
    box_size = None
    if box is not None:
        tokens = box.replace(",", " ").split()
        numbers = [float(t) for t in tokens if _NUMBER.fullmatch(t)]
        if len(tokens) != 4 or len(numbers) != 4 or not all(map(math.isfinite, numbers)) or min(numbers[2:]) <= 0:
            return (f"has a malformed viewBox {box[:60]!r}: expected four numbers "
                    "'min-x min-y width height' with a positive width and height")
        box_size = numbers[2], numbers[3]
    width, height = _pixels(root.get("width")), _pixels(root.get("height"))
    size = (width, height) if width and height else box_size
    return size if size is not None else "has no size: give the <svg> a viewBox (or width and height in pixels)"


def _pixels(value: str | None) -> float | None:
    if value is None or not _PIXELS.fullmatch(value.strip()):
        return None
    number = float(value.strip().removesuffix("px"))
    return number if math.isfinite(number) and number > 0 else None


def embedded_bitmaps(root: Element) -> Iterator[bytes]:
    """The bytes of each bitmap embedded in an SVG drawing (<image href="data:image/…;base64,…">)."""
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag.rsplit("}", 1)[-1] == "image":
            href = (element.get("href") or element.get(XLINK_HREF) or "").strip()
            if EMBEDDED_BITMAP.fullmatch(href):
                try:
                    yield base64.b64decode("".join(href.split(",", 1)[1].split()), validate=False)
                except binascii.Error:  # missing padding: a picture nothing can read (hunt 23b)
                    yield b""


def png_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) from a PNG's first chunk, IHDR (length 13, type, 13 bytes, CRC), or None
    when it has none or its checksum is wrong."""
    if len(data) < 33 or data[8:16] != b"\x00\x00\x00\x0dIHDR":
        return None
    if zlib.crc32(data[12:29]) != struct.unpack(">I", data[29:33])[0]:
        return None
    return struct.unpack(">II", data[16:24])


def kind_names() -> list[str]:
    """"PNG", "JPEG", "WebP", "SVG": each kind once, in the order of IMAGE_KINDS."""
    return list(dict.fromkeys(IMAGE_KINDS.values()))


def svg_document(data: bytes) -> Element | str:
    """The root of a safe SVG drawing, or why the file is not one (a phrase after its name)."""
    if b"\x00" in data:
        return "is not saved as UTF-8 (it has zero bytes, as UTF-16 has)"
    encoding = _declared_encoding(data)
    if encoding not in READABLE_ENCODINGS:
        return f"is saved as {encoding}; an SVG image must be saved as UTF-8"
    builder = _InstructionsKept()
    parser = _SvgParser(target=builder, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    root = None
    try:
        parser.feed(data)
        root = parser.close()
    except _OtherDoctype as error:
        if b"<!ENTITY" in data:  # older Illustrator versions name their namespaces so (&ns_svg;)
            return (f"is refused: its <!DOCTYPE …> {error} (<!ENTITY …> lines, as older Illustrator versions save "
                    "them); save the drawing again as a plain SVG (in Illustrator: File > Export > Export As…, SVG), "
                    "or delete the <!DOCTYPE …> block and write out each &…; it defines")
        return f"is refused: its <!DOCTYPE …> {error}; delete the <!DOCTYPE …> line (an SVG image needs none)"
    except DefusedXmlException as error:
        return f"is refused: it has a DTD, entities or external references ({type(error).__name__})"
    except ParseError as error:
        problem = f"is not valid SVG (XML): {error}"
    # With SVG's DTD named, a parser may skip an entity it cannot look up instead of failing.
    if parser.named_dtd and (entity := UNDEFINED_ENTITY.search(data)):
        return f"uses the entity {entity.group().decode()}, which only a DTD defines; write the character itself"
    if root is None:
        return problem
    if "xml-stylesheet" in builder.instructions:
        return "loads a style sheet (<?xml-stylesheet?>); an SVG image must be self-contained"
    if builder.instructions:
        return (f"holds a processing instruction <?{builder.instructions[0]}?>; an SVG image must be a plain drawing "
                "without scripts or external references")
    if root.tag != SVG_ROOT:
        return "is not an SVG image: its root element must be <svg xmlns=\"http://www.w3.org/2000/svg\">"
    foreign = _foreign_element(root)
    if foreign:
        return (f"holds {foreign}: an SVG image may hold only SVG elements and a drawing program's metadata "
                "(save it as a plain SVG)")
    unsafe = _unsafe_content(root)
    if unsafe:
        return f"holds {unsafe}; an SVG image must be a plain drawing without scripts or external references"
    moving = _moving_or_heavy(root)
    if moving:
        return moving
    copies = _copied_elements(root)
    if copies > MAX_COPIED_ELEMENTS:
        return (f"makes more than {MAX_COPIED_ELEMENTS:,} copies of its shapes with <use> (or a <use> that copies "
                "itself): a reader's browser would draw them all, and a small file can stop it; save the drawing "
                "with its shapes written out")
    return root


# Hunt 32a: a 3 KB drawing of 30 filter steps, moved by an endless animation, kept a reader's
# tab drawing at four frames a second. Movement that starts by itself and lasts more than five
# seconds must be possible to pause (WCAG 2.2.2), which an image cannot offer; and a drawing
# program's filters (a shadow, a blur) take a few steps.
MOVING_SECONDS_MAX = 5
MAX_FILTER_STEPS = 20
_CLOCK = re.compile(r"\s*(?:(?:(\d+):)?(\d+):)?(\d+(?:\.\d+)?)\s*(h|min|s|ms)?\s*")
_UNIT_SECONDS = {"h": 3600, "min": 60, "s": 1, "ms": 0.001, None: 1}


def _seconds(value: str | None) -> float | None:
    """A SMIL clock value in seconds ("2s", "500ms", "0:01:30", "3"), or None."""
    found = _CLOCK.fullmatch(value or "")
    if not found:
        return None
    hours, minutes, number, unit = found.groups()
    if minutes is not None:
        return int(hours or 0) * 3600 + int(minutes) * 60 + float(number)
    return float(number) * _UNIT_SECONDS[unit]


# More changes within a second than this is more than three flashes a second (WCAG 2.3.1): a
# flash is a change there and back.
MAX_CHANGES_PER_SECOND = 6
# CSS filter functions, each a filter step drawn for every pixel under it (hunt 33a: 60 blurs
# in a style sheet took a reader's tab to one frame a second).
_CSS_FILTER_STEP = re.compile(r"\b(?:blur|brightness|contrast|drop-shadow|grayscale|hue-rotate|invert|opacity|saturate|"
                              r"sepia)\s*\(", re.IGNORECASE)
# Any of CSS's ways to move a drawing, looked for as words (hunt 33c: a comment between the
# property and its colon, "animation/**/:", passed a search for the property).
_CSS_MOVEMENT = re.compile(r"keyframes|animation|transition", re.IGNORECASE)


def _offsets(value: str | None) -> list[float] | None:
    """The times of a begin or end list, in seconds: only plain offsets ("0s", "2.5s", "+1s")
    and "indefinite" (never, in an image, which runs no script) are read; None for anything
    else. A start at another animation's end ("a.end", whose id may be any word: "9.end",
    "é.end"; hunt 33c), an event or a wallclock could make a loop this reading cannot time."""
    offsets = []
    for part in (value or "").split(";"):
        part = part.strip()
        if part in ("", "indefinite"):
            continue
        seconds = _seconds(part.lstrip("+"))
        if seconds is None:
            return None
        offsets.append(seconds)
    return offsets


def _starts(element: Element) -> list[float] | None:
    """The offsets at which an animation starts (0 if it names none), or None (_offsets)."""
    starts = _offsets(element.get("begin"))
    return None if starts is None else (starts or ([] if "indefinite" in (element.get("begin") or "") else [0.0]))


def _active_seconds(element: Element, name: str) -> float:
    """How long one run of an animation lasts: its repeatDur, or its dur times its repeatCount
    (inf for "indefinite" or a value that cannot be read). A <set> without dur holds its value
    from its start on: a change, not movement."""
    repeat_for, repeat_count = element.get("repeatDur"), element.get("repeatCount")
    if repeat_for is not None:
        seconds = _seconds(repeat_for)
        return float("inf") if seconds is None else seconds
    if name == "set" and element.get("dur") is None and repeat_count is None:
        return 0.0
    duration = _seconds(element.get("dur") or "0")
    try:
        count = float(repeat_count) if repeat_count is not None else 1.0
    except ValueError:
        count = float("inf")  # "indefinite"
    return float("inf") if duration is None else duration * count


def _animation_seconds(element: Element, name: str = "animate") -> float:
    """How long an SVG animation moves, from the start of the page: its last start or end and
    one run (hunt 33a: 720 starts of a five-second animation moved for an hour); inf for one
    whose times cannot be read as offsets (_offsets)."""
    starts, ends = _starts(element), _offsets(element.get("end"))
    if starts is None or ends is None:
        return float("inf")
    return max(starts + ends + [0.0]) + _active_seconds(element, name)


def _change_moments(element: Element, name: str) -> list[float]:
    """The moments, in seconds from the page's start, at which an animation that moves for at
    most MOVING_SECONDS_MAX changes what it draws: each of its values (at its keyTimes, or
    evenly over its dur), the jump back to the first at each repeat, a <set>'s start and end."""
    starts, ends = _starts(element) or [], _offsets(element.get("end")) or []
    duration = _seconds(element.get("dur") or "")
    if name == "set":
        return starts + ends + ([start + duration for start in starts] if duration else [])
    if not duration:
        return ends  # an indefinite simple duration draws one value: no change but its end
    values = (element.get("values") or "").split(";") if element.get("values") else ["from", "to"]
    times = _key_times(element.get("keyTimes"), len(values))
    runs = min(_active_seconds(element, name), MOVING_SECONDS_MAX) / duration
    moments = []
    for start in starts:
        run = 0
        # Past MOMENTS_ENOUGH within the five seconds, some second holds more than the limit.
        while run < runs and len(moments) <= MOMENTS_ENOUGH:
            base = start + run * duration
            moments += ([base] if run else []) + [base + time * duration for time in times[1:MOMENTS_ENOUGH + 2]]
            run += 1
    return moments + ends


# More distinct moments than this within MOVING_SECONDS_MAX seconds put more than
# MAX_CHANGES_PER_SECOND into one of its seconds.
MOMENTS_ENOUGH = (MOVING_SECONDS_MAX + 1) * (MAX_CHANGES_PER_SECOND + 1)


def _key_times(value: str | None, count: int) -> list[float]:
    """An animation's keyTimes (fractions of its dur), or its values spread evenly."""
    try:
        times = [float(part) for part in (value or "").split(";")] if value else []
    except ValueError:
        times = []
    if len(times) == count:
        return times
    return [index / (count - 1) for index in range(count)] if count > 1 else [0.0]


def _flashing(animations: list[list[float]]) -> bool:
    """Whether more than MAX_CHANGES_PER_SECOND changes fall within one second. An animation's
    changes at one moment each count (a run's last value and the jump back to its first: red
    to white and back); the animations' changes at one moment count as the most of any one
    (parts of a drawing that change together)."""
    at: dict[float, int] = {}
    for moments in animations:
        for moment, count in Counter(round(moment, 3) for moment in moments).items():
            at[moment] = max(at.get(moment, 0), count)
    times = sorted(moment for moment, count in at.items() for _ in range(count))
    return any(times[index + MAX_CHANGES_PER_SECOND] - times[index] < 1
               for index in range(len(times) - MAX_CHANGES_PER_SECOND))


def _moving_or_heavy(root: Element) -> str | None:
    """Why a drawing would keep moving, flash, or keep a reader's browser drawing: an
    animation of more than MOVING_SECONDS_MAX seconds, more than MAX_CHANGES_PER_SECOND
    changes within a second in the whole drawing, any CSS animation or transition, or more
    filter steps (<fe…> elements and CSS filter functions) than MAX_FILTER_STEPS; or None."""
    steps, moments = 0, []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        name = element.tag.rsplit("}", 1)[-1]
        if name.lower() in SVG_ANIMATIONS:
            if _animation_seconds(element, name.lower()) > MOVING_SECONDS_MAX:
                return (f"holds an animation, <{name}>, that moves for more than {MOVING_SECONDS_MAX} seconds or "
                        "without end (or starts at another's end, or on an event): such movement must be possible to "
                        f"pause (WCAG 2.2.2), which an image cannot offer, and an endless one keeps a reader's browser "
                        f"drawing; make it end within {MOVING_SECONDS_MAX} seconds, with its begin given in seconds, or "
                        "save the drawing still")
            moments.append(_change_moments(element, name.lower()))
        # As CSS's tokenizer reads it: escapes undone ("@\6b eyframes", "b\6c ur("; hunt 33c).
        styles = as_tokenized(" ".join((["".join(element.itertext())] if name.lower() == "style" else [])
                                       + [element.get("style") or "", element.get("filter") or ""]))
        if _CSS_MOVEMENT.search(styles):
            return ("holds a CSS animation or transition: an image cannot offer a way to pause it (WCAG 2.2.2), and "
                    "drawing programs do not write one; save the drawing without it")
        steps += (name.startswith("fe") and name[2:3].isupper()) + len(_CSS_FILTER_STEP.findall(styles))
    if _flashing(moments):
        return (f"holds animations that change more than {MAX_CHANGES_PER_SECOND} times within a second: more than "
                "three flashes a second can cause seizures (WCAG 2.3.1); slow them down, or save the drawing still")
    if steps > MAX_FILTER_STEPS:
        return (f"has {steps} filter steps (<fe…> elements and CSS filter functions such as blur()); at most "
                f"{MAX_FILTER_STEPS}: each is drawn for every pixel under the filter, and many slow a reader's browser "
                "down; simplify the filters, or save the drawing as PNG")
    return None


def _copied_elements(root: Element) -> int:
    """How many elements the drawing's <use> elements add when a browser draws it, counted up
    to just over MAX_COPIED_ELEMENTS (a <use> that copies itself counts as over). Nested
    <use> multiply: 2,966 bytes drew 10^9 rectangles and froze Chromium's tab (hunt 14)."""
    ids: dict[str, Element] = {}
    for element in root.iter():  # the first element of an id, as a browser's <use> finds it (hunt 16)
        if element.get("id"):
            ids.setdefault(element.get("id"), element)
    written = sum(1 for _ in root.iter())
    over = written + MAX_COPIED_ELEMENTS + 1

    def parts(element: Element) -> list[Element]:
        """Its children, and what it copies if it is a <use>."""
        if isinstance(element.tag, str) and element.tag.rsplit("}", 1)[-1] == "use":
            href = (element.get("href") or element.get(XLINK_HREF) or "").strip()
            if href.startswith("#") and href[1:] in ids:
                return [*element, ids[href[1:]]]
        return list(element)

    drawn: dict[int, int] = {}  # id(element) -> elements drawn for it, its copies included
    stack, open_now = [(root, False)], set()
    while stack:  # depth first without recursion: a drawing may nest deeper than Python's stack
        element, finished = stack.pop()
        key = id(element)
        if finished:
            open_now.discard(key)
            drawn[key] = min(over, 1 + sum(drawn[id(part)] for part in parts(element)))
        elif key not in drawn:
            if key in open_now:
                return over - written  # a <use> inside what it copies
            open_now.add(key)
            stack.append((element, True))
            stack.extend((part, False) for part in parts(element) if id(part) not in drawn)
    return drawn[key] - written


class _OtherDoctype(DefusedXmlException):
    def __str__(self) -> str:
        return self.args[0]


class _SvgParser(DefusedXMLParser):
    """defusedxml's parser, which lets through only SVG's own standard <!DOCTYPE …> line, as
    drawing programs (Adobe Illustrator) save it: it names SVG's DTD and defines nothing. The
    DTD is never read, here or by a browser, so it can add nothing to the drawing."""

    named_dtd = False

    def defused_start_doctype_decl(self, name, sysid, pubid, has_internal_subset):
        self.named_dtd = True
        if has_internal_subset:
            raise _OtherDoctype("has definitions of its own")
        if name != "svg" or pubid not in SVG_PUBLIC_IDS:
            raise _OtherDoctype("is not the standard one of SVG")


class _InstructionsKept(TreeBuilder):
    """A tree builder that notes every processing instruction, those before the root too."""

    def __init__(self) -> None:
        super().__init__()
        self.instructions: list[str] = []

    def pi(self, target: str, text: str | None = None):
        self.instructions.append(target)
        return super().pi(target, text)


def _declared_encoding(data: bytes) -> str:
    """The encoding that the XML declaration names, lower-case; "utf-8" without one."""
    match = XML_DECLARED_ENCODING.match(data)
    return match.group(1).decode("ascii").lower() if match else "utf-8"


def _foreign_element(root: Element) -> str | None:
    """The first element that is neither SVG nor metadata, described for the editor, or None."""
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue  # a comment or processing instruction
        namespace, _, name = element.tag[1:].rpartition("}") if element.tag.startswith("{") else ("", "", element.tag)
        if namespace != SVG_NAMESPACE and namespace not in METADATA_NAMESPACES:
            vocabulary = VOCABULARY_NAMES.get(namespace) or (
                f"an element from {namespace}" if namespace else "an element without a namespace")
            return f"{vocabulary} <{name}>"
    return None


def _unsafe_content(root: Element) -> str | None:
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        name = element.tag.rsplit("}", 1)[-1]
        if name.lower() in ("script", "foreignobject"):
            return f"a <{name}> element"
        # An animation can set an attribute after the file is checked: <set attributeName="href"
        # to="javascript:…"> would turn a #fragment link into a script.
        target = (element.get("attributeName") or "").strip().lower().rsplit(":", 1)[-1]
        if name.lower() in SVG_ANIMATIONS and (target == "href" or target.startswith("on")):
            return f"an <{name}> that changes {target}"
        # All of the style sheet's text: the browser reads the text after a child element too.
        if name.lower() == "style" and first_fetch("".join(element.itertext()), fragments_allowed=True):
            return "a style that loads another file"
        for attribute, value in element.attrib.items():
            local = attribute.rsplit("}", 1)[-1].lower()
            if local.startswith("on"):
                return f"an event handler attribute {local}=\"...\" on <{name}>"
            if local == "href" and not value.strip().startswith("#") and not (
                    name == "image" and EMBEDDED_BITMAP.fullmatch(value.strip())):
                return f"a link to {value[:60]!r} on <{name}> (only #fragment links inside the file are allowed)"
            # Every attribute: the style attribute and presentation attributes (fill, filter,
            # cursor, …) are CSS.
            fetch = first_fetch(value, fragments_allowed=True)
            if fetch:
                shown = "a url(...) that is not a #fragment" if fetch == "url(" else fetch
                return f"{shown} in {local}=\"...\" on <{name}>"
    return None
