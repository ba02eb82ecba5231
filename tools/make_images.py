"""Make the site's PNG images from mkdocs.yml: sharing images, PNG favicon, touch icon.

    /work/main/.venv/bin/python tools/make_images.py      (or: python -m tools.make_images)

Writes, under docs/:
- one sharing image per language (mkdocs.yml `extra.share.image`, e.g. images/og-fi.png),
  1200×630, with the site's name in that language and the publishers' names; the name is
  also stored in the PNG's "Title" text chunk, so a test can tell when the image is older
  than the name in mkdocs.yml (run this script again after renaming the site);
- images/favicon-32.png (32×32) and images/apple-touch-icon.png (180×180): the site's mark.
Drawn with Pillow in DejaVu Sans (Debian's fonts-dejavu-core); no city crest, no brand font.
Run it again after changing the site's name, the publishers or the colours.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml
from PIL import Image, ImageDraw, ImageFont
from PIL.PngImagePlugin import PngInfo

ROOT = Path(__file__).resolve().parent.parent
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
BOLD, REGULAR = FONT_DIR / "DejaVuSans-Bold.ttf", FONT_DIR / "DejaVuSans.ttf"
NAVY, YELLOW, WHITE, PALE = "#0f2a6b", "#ffcf4a", "#ffffff", "#c9d3ea"
SCALE = 2  # draw at twice the size, then shrink: smooth edges without anti-aliasing support


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml with its !ENV tags read as their default value."""


_ConfigLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1]
                              if isinstance(node, yaml.SequenceNode) else None)


def read_config(path: Path) -> dict:
    return yaml.load(path.read_text("utf-8"), Loader=_ConfigLoader)


def site_names(config: dict) -> dict[str, str]:
    """The site's name in each built language (mkdocs-static-i18n's per-language site_name)."""
    names = {}
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            for language in plugin["i18n"].get("languages") or []:
                if language.get("build", True):
                    names[language["locale"]] = language.get("site_name") or config["site_name"]
    return names or {config.get("theme", {}).get("language", "en"): config["site_name"]}


def draw_mark(draw: ImageDraw.ImageDraw, cx: float, cy: float, radius: float, width: float) -> None:
    """The site's mark: two overlapping rings, white and yellow."""
    offset = radius * 0.48
    for x, colour in ((cx - offset, WHITE), (cx + offset, YELLOW)):
        draw.ellipse((x - radius, cy - radius, x + radius, cy + radius), outline=colour, width=int(width))


def wrap(text: str, font: ImageFont.FreeTypeFont, width: int, draw: ImageDraw.ImageDraw) -> list[str]:
    """Lines that fit `width`, broken at spaces or after a dash ("Helsinki–London-")."""
    pieces = re.findall(r"[^\s\-–]+[\-–]?\s*", text)
    lines, line = [], ""
    for piece in pieces:
        candidate = line + piece
        if draw.textlength(candidate.rstrip(), font=font) <= width or not line:
            line = candidate
        else:
            lines.append(line.rstrip())
            line = piece
    return lines + [line.rstrip()] if line else lines


def share_image(name: str, publishers: list[str]) -> Image.Image:
    width, height = 1200 * SCALE, 630 * SCALE
    image = Image.new("RGB", (width, height), NAVY)
    draw = ImageDraw.Draw(image)
    margin = 90 * SCALE
    draw_mark(draw, margin + 95 * SCALE, 175 * SCALE, 62 * SCALE, 14 * SCALE)
    for size in (84, 76, 68, 60, 52):
        title_font = ImageFont.truetype(str(BOLD), size * SCALE)
        lines = wrap(name, title_font, width - 2 * margin, draw)
        fits = all(draw.textlength(line, font=title_font) <= width - 2 * margin for line in lines)
        if len(lines) <= 2 and fits:
            break
    y = (300 if len(lines) > 1 else 330) * SCALE
    for line in lines:
        draw.text((margin, y), line, font=title_font, fill=WHITE)
        y += int(size * 1.2 * SCALE)
    small = ImageFont.truetype(str(REGULAR), 30 * SCALE)
    draw.text((margin, height - 95 * SCALE), " · ".join(publishers), font=small, fill=PALE)
    draw.rectangle((0, height - 18 * SCALE, width, height), fill=YELLOW)
    return image.resize((1200, 630), Image.LANCZOS)


def icon(size: int) -> Image.Image:
    big = size * 4
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((0, 0, big - 1, big - 1), radius=big * 0.19, fill=NAVY)
    draw_mark(draw, big / 2, big / 2, big * 0.23, max(4, big * 0.085))
    return image.resize((size, size), Image.LANCZOS)


def main(root: Path = ROOT) -> list[Path]:
    config = read_config(root / "mkdocs.yml")
    extra = config.get("extra") or {}
    pattern = (extra.get("share") or {}).get("image", "images/og-{locale}.png")
    organisations = (extra.get("publisher") or {}).get("organisations") or []
    written = []
    for locale, name in site_names(config).items():
        target = root / "docs" / pattern.format(locale=locale)
        target.parent.mkdir(parents=True, exist_ok=True)
        info = PngInfo()
        info.add_text("Title", name)
        publishers = [o["name"][locale] for o in organisations]
        share_image(name, publishers).quantize(colors=64).save(target, optimize=True, pnginfo=info)
        written.append(target)
    for size, file in ((32, "favicon-32.png"), (180, "apple-touch-icon.png")):
        target = root / "docs/images" / file
        # 64 colours keep the edges smooth at a fifth of the size (every page links both icons).
        icon(size).quantize(colors=64, method=Image.FASTOCTREE).save(target, optimize=True)
        written.append(target)
    return written


if __name__ == "__main__":
    for path in main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT):
        print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: {path.stat().st_size} bytes")
