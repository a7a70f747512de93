"""The site's link-preview card: a 1200×630 PNG drawn at build time with Pillow.

No font is fetched: DejaVu Sans from Debian's fonts-dejavu-core (installed by .ci/setup-browser)
when present, else the font that ships inside Pillow. The PNG carries no timestamp, so the
same text and font give the same bytes.
"""

from __future__ import annotations

import io
import textwrap
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from explainer.i18n import _

CARD_FILE = "assets/card.png"
WIDTH, HEIGHT = 1200, 630
_FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
_BACKGROUND = (0, 77, 64)  # teal, as the site's header
_INK = (255, 255, 255)
_ACCENT = (255, 171, 145)


def _font(size: int, *, bold: bool) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    path = _FONT_DIR / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")
    if path.is_file():
        return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size)


def card_alt(title: str, subtitle: str) -> str:
    return _("%(title)s: %(subtitle)s") % {"title": title, "subtitle": subtitle}


def card_png(title: str, subtitle: str, footer: str) -> bytes:
    """The card: the title large, a subtitle, a footer line; text wrapped to the width."""
    img = Image.new("RGB", (WIDTH, HEIGHT), _BACKGROUND)
    draw = ImageDraw.Draw(img)
    draw.rectangle((0, 0, 24, HEIGHT), fill=_ACCENT)
    y = 90
    for line in textwrap.wrap(title, 24)[:3]:
        draw.text((90, y), line, font=_font(76, bold=True), fill=_INK)
        y += 96
    y += 24
    for line in textwrap.wrap(subtitle, 48)[:3]:
        draw.text((90, y), line, font=_font(38, bold=False), fill=_INK)
        y += 52
    draw.text((90, HEIGHT - 90), footer, font=_font(30, bold=False), fill=_ACCENT)
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=True)
    return buf.getvalue()
