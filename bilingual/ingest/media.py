"""What the block reader counts as a data table, an image and a player: grid placement, spans, alt text, URLs.

A table cell's column follows the slots earlier rowspans and colspans cover,
as a browser places it; an image's words are its alt text unless that only
names a file or says nothing; its URL is the first http(s) one among `src`
and the attributes lazy-loading pages keep the real URL in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bilingual.ingest.inline import fold
from bilingual.ingest.sanitize import rules
from bilingual.soup import Tag
from bilingual.urls import safe_meta_url

# An alt text that is only a file name ("05-jifeng-05.jpg") describes nothing.
_FILE_NAME = re.compile(r"\S+\.(?:jpe?g|png|gif|webp|svg|bmp|tiff?|avif)", re.I)
# Where lazy-loading pages keep the real image URL when `src` holds a placeholder.
_IMAGE_URL_ATTRS = ("src", "data-src", "data-original", "data-lazy-src")
# <source> children of a player looked at for its URL.
MAX_SOURCES = 8
# rowspan/colspan beyond this are hostile or broken: clamped.
MAX_SPAN = 50


@dataclass
class Table:
    """The data table being read: its number, the current row, and the grid slots taken by spans."""

    number: int
    row: int = -1
    taken: set[tuple[int, int]] = field(default_factory=set)  # slots covered by earlier cells

    def place(self, rowspan: int, colspan: int) -> tuple[int, int]:
        """(row, col) of the next cell in the current row, after the slots spans already cover."""
        row = max(self.row, 0)
        col = 0
        while (row, col) in self.taken:
            col += 1
        self.taken |= {(r, c) for r in range(row, row + rowspan) for c in range(col, col + colspan)}
        return row, col


def alt_text(el: Tag) -> str:
    """An image's alt text, folded; "" when it names a file or says nothing ("image", "cdtimg")."""
    alt = fold(str(el.get("alt") or ""))[0]
    if not alt or _FILE_NAME.fullmatch(alt) or alt.casefold() in rules()["meaningless_alt"]:
        return ""
    return alt


def span(value) -> int:
    """A rowspan/colspan attribute as 1..MAX_SPAN (broken or hostile values clamp)."""
    try:
        return min(max(int(str(value).strip()), 1), MAX_SPAN)
    except (TypeError, ValueError):
        return 1


def data_table(el: Tag) -> bool:
    """A table that holds data (two cells or more, no table nested inside), not a page layout grid."""
    return el.find("table") is None and len(el.find_all(["td", "th"], limit=2)) == 2


def placeholder_url(el: Tag) -> str | None:
    """The video URL an element stands in for (video_placeholders: BBC's lazy YouTube <div>), "" when that URL
    leads nowhere safe; None when the element is no placeholder."""
    for attr, prefix in rules()["video_placeholders"].items():
        value = str(el.get(attr) or "")
        if value.startswith(prefix):
            return safe_meta_url(value[len(prefix):])
    return None


def player_link(el: Tag) -> tuple[str, str]:
    """(media, URL) of a <video>, <audio>, video <iframe> or player placeholder a reader can follow, else ("", "").

    A <video> or <audio> gives its own http(s) `src` or its first <source>'s; an <iframe> counts
    only when its URL is a video player's (video_embeds): maps, ads and forms are no media.
    """
    if url := placeholder_url(el):
        return ("video", url)
    name = (el.name or "").lower()
    if name == "iframe":
        url = safe_meta_url(el.get("src"))
        return ("video", url) if url and any(e in url for e in rules()["video_embeds"]) else ("", "")
    urls = [el.get("src")] + [s.get("src") for s in el.find_all("source", limit=MAX_SOURCES)]
    url = next((u for u in map(safe_meta_url, urls) if u), "")
    return (name, url) if url and name in ("video", "audio") else ("", "")


def image_url(el: Tag) -> str:
    """The image's original http(s) URL, or "" (relative, data: and other URLs lead nowhere safe)."""
    return next((u for u in (safe_meta_url(el.get(a)) for a in _IMAGE_URL_ATTRS) if u), "")
