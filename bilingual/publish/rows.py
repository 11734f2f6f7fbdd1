"""An article's blocks as what a reader sees, per column: rows, quotations, lists, tables and figures.

Both editions render these groups (the page in templates/article.html.j2, the
book in templates/epub/_rows.xhtml.j2), so a table or a figure is built once:

- a run of "cell" blocks of one table becomes a table per column, every cell
  in the same row and column (and span) as its source cell;
- a "figure" and the captions right after it become one figure per column:
  the alt text, the caption and a link to the original image (never fetched).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from bilingual.model import Block, Document, column_lang, needs_space
from bilingual.publish.markup import render_marked
from bilingual.urls import safe_meta_url

# Block roles gathered into one element when they follow each other.
_GROUPED = {"quote": "quote", "list_item": "list"}
# The figure's link to its original image, and the word before its alt text, in each column's language;
# a player's (Block.media) the same for its video or audio.
ORIGINAL_IMAGE = {"hans": "原图", "hant": "原圖", "en": "Original image"}
IMAGE_LABEL = {"hans": "图", "hant": "圖", "en": "Image"}
MEDIA_WORDS = {
    "": (IMAGE_LABEL, ORIGINAL_IMAGE),
    "video": ({"hans": "视频", "hant": "影片", "en": "Video"},
              {"hans": "观看视频", "hant": "觀看影片", "en": "Watch the video"}),
    "audio": ({"hans": "音频", "hant": "音訊", "en": "Audio"},
              {"hans": "收听音频", "hant": "收聽音訊", "en": "Listen"}),
}

# Full-width marks no line may start with (strict kinsoku): an ASCII space before one ("Facebook ，他说") is a
# place a browser breaks the line, and the next line would open with the mark.
_SPACE_BEFORE_MARK = re.compile(" +(?=[，。、；：？！）」』】》〉〕〗〙〛］｝．…])")


@dataclass
class Row:
    """One block as the reader sees it: its role and one cell per shown column."""

    role: str
    level: int
    cells: list[dict] = field(default_factory=list)  # {"col", "lang", "html"}


@dataclass
class Marker:
    """How a block's text becomes HTML: term kinds and tooltips, and whether each sentence gets its own span."""

    kinds: dict[str, str] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    spans: bool = False  # the page wraps each sentence in <span class="seg" id=...> (links to a sentence)


def keep_with_mark(text: str) -> str:
    """`text` with each space before a full-width mark made no-break (U+00A0), so the mark stays on the line
    of the word before it. One character for one: the marks' offsets still hold. The editions only: the
    document keeps its text."""
    return _SPACE_BEFORE_MARK.sub(lambda m: "\u00a0" * len(m.group()), text)


def block_html(block: Block, col: str, script: str, marker: Marker) -> Markup:
    """A block's text in one column, marks rendered, sentences joined as model.join_segments joins them."""
    if not block.segments:
        # Not segmented yet: only the source column has text.
        if col != script:
            return Markup("")
        return render_marked(keep_with_mark(block.source), block.source_marks, kinds=marker.kinds,
                             titles=marker.titles)
    parts: list[Markup] = []
    before = ""
    spaced = block.spaced()
    for i, seg in enumerate(block.segments):
        text = getattr(seg, col)
        html = render_marked(keep_with_mark(text), seg.marks.get(col, []), kinds=marker.kinds,
                             titles=marker.titles) if text else ""
        if text and needs_space(before, text, english=col == "en", spaced=spaced[i] if spaced else None):
            parts.append(Markup(" "))
        if marker.spans:
            seg_id = escape(f"{col}-{seg.id.replace(':', '-')}")
            parts.append(Markup(f'<span class="seg" id="{seg_id}" data-seg="{escape(seg.id)}">{html}</span>'))
        elif text:
            parts.append(html)
        before = text or before
    if marker.spans and not any(getattr(s, col) for s in block.segments):
        return Markup("")
    return Markup("").join(parts)


def article_rows(doc: Document, columns: tuple[str, ...], keep_empty: bool,
                 marker: Marker) -> tuple[tuple[str, ...], list[dict]]:
    """(shown columns, groups): each block rendered once per column.

    A wholly untranslated English column is left out rather than shown as an
    empty third of the page (the colophon says it is not translated).
    """
    html = [{c: block_html(b, c, doc.meta.script, marker) for c in columns} for b in doc.blocks]
    shown = tuple(c for c in columns if any(row[c] for row in html)) or columns
    return shown, groups(doc, shown, keep_empty, html)


def groups(doc: Document, columns: tuple[str, ...], keep_empty: bool, rendered: list[dict]) -> list[dict]:
    """Blocks as groups: consecutive quotes / list items (same level) together, a table's cells as
    one table, a figure with the captions after it.

    `rendered` holds each block's html per column; keep_empty keeps a blank cell for a
    column without text, so side-by-side columns stay aligned.
    """
    out: list[dict] = []
    i = 0
    blocks = doc.blocks
    langs = {c: column_lang(c, doc.region) for c in columns}
    while i < len(blocks):
        block = blocks[i]
        if block.role == "cell" and block.cell is not None:
            j = i
            while j < len(blocks) and blocks[j].role == "cell" and blocks[j].cell is not None \
                    and blocks[j].cell.table == block.cell.table:
                j += 1
            out.append(_table(blocks[i:j], rendered[i:j], langs, keep_empty))
            i = j
            continue
        if block.role == "figure":
            j = i + 1
            while j < len(blocks) and blocks[j].role == "caption":
                j += 1
            figure = _figure(blocks[i:j], rendered[i:j], langs, keep_empty)
            if figure is not None:
                out.append(figure)
            i = j
            continue
        row = _row(block, rendered[i], langs, keep_empty)
        i += 1
        if row is None:
            continue
        kind = _GROUPED.get(block.role, block.role)
        last = out[-1] if out else None
        if last and kind in _GROUPED.values() and last["kind"] == kind and last["level"] == block.level:
            last["rows"].append(row)
        else:
            out.append({"kind": kind, "level": block.level, "rows": [row]})
    return out


def _row(block: Block, html_of: dict, langs: dict[str, str], keep_empty: bool) -> Row | None:
    cells = [{"col": col, "lang": lang, "html": html_of[col]} for col, lang in langs.items()
             if html_of[col] or keep_empty]
    if not any(c["html"] for c in cells):
        return None
    return Row(block.role, block.level, cells)


def _table(cells: list[Block], rendered: list[dict], langs: dict[str, str], keep_empty: bool) -> dict:
    """One table per column (a column with no text in it only with keep_empty); rows in source order,
    each cell with its spans and header flag."""
    by_row: dict[int, list[tuple[Block, dict]]] = {}
    for block, html_of in zip(cells, rendered, strict=True):
        by_row.setdefault(block.cell.row, []).append((block, html_of))
    rows = [sorted(by_row[r], key=lambda pair: pair[0].cell.col) for r in sorted(by_row)]
    tables = []
    for col, lang in langs.items():
        grid = [[{"html": html_of[col], "head": block.cell.head, "rowspan": block.cell.rowspan,
                  "colspan": block.cell.colspan} for block, html_of in row] for row in rows]
        empty = not any(c["html"] for r in grid for c in r)
        if keep_empty or not empty:
            tables.append({"col": col, "lang": lang, "rows": grid, "empty": empty})
    return {"kind": "table", "level": 0, "number": cells[0].cell.table, "tables": tables,
            "rows": [Row("cell", 0, [{"col": col, "lang": lang, "html": html_of[col]} for col, lang in langs.items()])
                     for html_of in rendered]}


def _figure(blocks: list[Block], rendered: list[dict], langs: dict[str, str], keep_empty: bool) -> dict | None:
    """The figure in each column: its alt text, its captions, the link to the original image.

    A column with neither alt text nor caption still links the image when the
    block has text elsewhere only with keep_empty (side by side, the columns stay aligned);
    such a cell is marked empty (not translated), but no cell of a figure with no text at all is.
    """
    figure = blocks[0]
    src = safe_meta_url(figure.src)
    label, link = MEDIA_WORDS.get(figure.media, MEDIA_WORDS[""])
    texts = {col: bool(rendered[0][col] or any(h[col] for h in rendered[1:])) for col in langs}
    has_text = any(texts.values())
    cells = []
    for col, lang in langs.items():
        if has_text and not texts[col] and not keep_empty:
            continue
        captions = [html_of[col] for html_of in rendered[1:] if html_of[col]]
        cells.append({"col": col, "lang": lang, "alt": rendered[0][col], "captions": captions,
                      "label": label[col], "link": link[col] if src else "",
                      "empty": has_text and not texts[col]})  # nothing to translate: no "not translated"
    if not src and not has_text:
        return None
    return {"kind": "figure", "level": 0, "src": src, "cells": cells,
            "rows": [Row(b.role, 0, [{"col": c, "lang": lang, "html": h[c]} for c, lang in langs.items()])
                     for b, h in zip(blocks, rendered, strict=True)]}
