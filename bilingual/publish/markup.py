"""Text plus inline Marks -> escaped, properly nested (X)HTML, shared by the HTML and EPUB editions.

Marks are [start, end) ranges over one column's text and may overlap; HTML
needs a tree, so overlapping ranges are split at the boundaries of the others.
Everything from the source is escaped; a link keeps its href only when it is
an absolute http(s) or mailto URL, so nothing executable reaches an edition.
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Mapping

from markupsafe import Markup, escape

from bilingual.model import Mark
from bilingual.urls import safe_href

# Element written for each mark tag (a term is a span with its glossary id and kind).
_ELEMENT = {"strong": "strong", "em": "em", "del": "del", "sup": "sup", "sub": "sub",
            "code": "code", "a": "a", "term": "span"}
# Outer-first order when two marks cover exactly the same range.
_RANK = {tag: i for i, tag in enumerate(("a", "term", "strong", "em", "del", "code", "sup", "sub"))}
# Elements open at once, at most: every tag and a link and a name fit many times over.
MAX_OPEN = 32


def _open_tag(mark: Mark, kinds: Mapping[str, str], titles: Mapping[str, str] | None = None) -> tuple[str, str]:
    """Opening and closing tag text for one mark."""
    name = _ELEMENT[mark.tag]
    if mark.tag == "a":
        return f'<a href="{escape(safe_href(mark.href))}" rel="noopener noreferrer">', "</a>"
    if mark.tag == "term":
        attrs = ' class="term"'
        if mark.ref:
            attrs += f' data-term="{escape(mark.ref)}"'
        kind = kinds.get(mark.ref, "")
        if kind:
            attrs += f' data-kind="{escape(kind)}"'
        title = (titles or {}).get(mark.ref, "")
        if title:
            attrs += f' title="{escape(title)}"'
        return f"<span{attrs}>", "</span>"
    return f"<{name}>", f"</{name}>"


def _drop_nested_links(usable: list[tuple[int, int, Mark]]) -> list[tuple[int, int, Mark]]:
    """HTML forbids a link inside a link: a link overlapping an earlier one loses its element."""
    kept, reach = [], 0  # reach: where the kept links so far end, at the furthest
    for s, e, m in usable:  # sorted by start: an earlier link overlaps this one iff it reaches past s
        if m.tag == "a":
            if s < reach:
                continue
            reach = e
        kept.append((s, e, m))
    return kept


def render_marked(text: str, marks: list[Mark] | None = None, *,
                  kinds: Mapping[str, str] | None = None, titles: Mapping[str, str] | None = None) -> Markup:
    """Escape `text` and wrap its marked ranges in elements, splitting overlaps so tags nest.

    `kinds` maps a term id to its glossary kind (person, place ...) for data-kind;
    `titles` maps a term id to a tooltip (the name's other renderings).
    Marks with unknown tags, empty or out-of-range spans are ignored.
    """
    kinds = kinds or {}
    n = len(text)
    usable = []
    for m in marks or []:
        start, end = max(0, m.start), min(n, m.end)
        if m.tag == "a" and not safe_href(m.href):
            continue  # an unsafe or relative link is kept as its text
        if m.tag in _ELEMENT and start < end:
            usable.append((start, end, m))
    if not usable:
        return escape(text)
    # Outermost first: earlier start, then longer range, then a fixed tag order.
    usable.sort(key=lambda t: (t[0], -t[1], _RANK.get(t[2].tag, 99)))
    usable = _bounded_depth(_drop_nested_links(usable))
    tags = [_open_tag(m, kinds, titles) for _, _, m in usable]
    # Swept once, cut to cut: the marks open over a stretch change only where one starts or
    # ends, so each cut touches its own marks and the open ones (never all of them).
    starting: dict[int, list[int]] = {}
    ending: dict[int, list[int]] = {}
    for i, (s, e, _) in enumerate(usable):
        starting.setdefault(s, []).append(i)
        ending.setdefault(e, []).append(i)
    cuts = sorted({0, n, *starting, *ending})
    out: list[str] = []
    stack: list[int] = []  # indexes into `usable` of the open elements, outermost first
    open_now: list[int] = []  # the marks covering the current stretch, in `usable` order
    for a, b in zip(cuts, cuts[1:], strict=False):
        for i in ending.get(a, ()):
            open_now.remove(i)
        for i in starting.get(a, ()):
            bisect.insort(open_now, i)
        keep = 0
        while keep < len(stack) and keep < len(open_now) and stack[keep] == open_now[keep]:
            keep += 1
        for i in reversed(stack[keep:]):
            out.append(tags[i][1])
        for i in open_now[keep:]:
            out.append(tags[i][0])
        stack = list(open_now)
        out.append(str(escape(text[a:b])))
    for i in reversed(stack):
        out.append(tags[i][1])
    return Markup("".join(out))


def _bounded_depth(usable: list[tuple[int, int, Mark]]) -> list[tuple[int, int, Mark]]:
    """At most MAX_OPEN marks over any one character; the rest are dropped (their text stays).

    Pages we build never come close (ingest merges marks of one kind); a hand-edited
    document can ask for thousands of overlapping ranges, which would need markup
    quadratic in size to nest.
    """
    kept: list[tuple[int, int, Mark]] = []
    ends: list[int] = []  # heap of the kept marks' ends
    for s, e, m in usable:
        while ends and ends[0] <= s:
            heapq.heappop(ends)
        if len(ends) >= MAX_OPEN:
            continue
        heapq.heappush(ends, e)
        kept.append((s, e, m))
    return kept
