"""Text plus inline Marks -> escaped, properly nested (X)HTML, shared by the HTML and EPUB editions.

Marks are [start, end) ranges over one column's text and may overlap; HTML
needs a tree, so overlapping ranges are split at the boundaries of the others.
Everything from the source is escaped; a link keeps its href only when it is
an absolute http(s) or mailto URL, so nothing executable reaches an edition.
"""

from __future__ import annotations

from collections.abc import Mapping

from markupsafe import Markup, escape

from bilingual.model import Mark
from bilingual.urls import safe_href

# Element written for each mark tag (a term is a span with its glossary id and kind).
_ELEMENT = {"strong": "strong", "em": "em", "del": "del", "sup": "sup", "sub": "sub",
            "code": "code", "a": "a", "term": "span"}
# Outer-first order when two marks cover exactly the same range.
_RANK = {tag: i for i, tag in enumerate(("a", "term", "strong", "em", "del", "code", "sup", "sub"))}
def _open_tag(mark: Mark, kinds: Mapping[str, str], titles: Mapping[str, str] | None = None) -> tuple[str, str]:
    """Opening and closing tag text for one mark."""
    name = _ELEMENT[mark.tag]
    if mark.tag == "a":
        return f'<a href="{escape(safe_href(mark.href))}">', "</a>"
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
    kept, links = [], []
    for s, e, m in usable:
        if m.tag == "a":
            if any(s < le and ls < e for ls, le in links):
                continue
            links.append((s, e))
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
    usable = _drop_nested_links(usable)
    cuts = sorted({0, n, *(s for s, _, _ in usable), *(e for _, e, _ in usable)})
    out: list[str] = []
    stack: list[int] = []  # indexes into `usable` of the open elements, outermost first
    tags = [_open_tag(m, kinds, titles) for _, _, m in usable]
    for a, b in zip(cuts, cuts[1:], strict=False):
        want = [i for i, (s, e, _) in enumerate(usable) if s <= a and b <= e]
        keep = 0
        while keep < len(stack) and keep < len(want) and stack[keep] == want[keep]:
            keep += 1
        for i in reversed(stack[keep:]):
            out.append(tags[i][1])
        for i in want[keep:]:
            out.append(tags[i][0])
        stack = want
        out.append(str(escape(text[a:b])))
    for i in reversed(stack):
        out.append(tags[i][1])
    return Markup("".join(out))
