"""What a reader sees, as plain data both editions render: the HTML page (html.py) and the EPUB (epub.py).

Titles per column, column labels, rows of cells per block, the byline, the
names used (read from the document's term marks, not found again), the
colophon and where the English came from: decided once here, so the page and
the book cannot disagree, and testable without writing a file.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup

from bilingual.model import COLUMNS, Block, Document
from bilingual.publish.markup import render_marked
from bilingual.urls import safe_href

COLUMN_LABELS = {"hans": "简体中文", "hant": "繁體中文", "en": "English"}
# Headings of the book's own pages, in the Chinese script of the edition.
ZH_LABELS = {"contents": {"hans": "目录", "hant": "目錄"}, "names": {"hans": "专名", "hant": "專名"},
             "colophon": {"hans": "版本说明", "hant": "版本說明"}}
# Block roles gathered into one element when they follow each other.
_GROUPED = {"quote": "quote", "list_item": "list"}
PROVENANCE_LABELS = {"engine": "Translation engine", "model": "Model", "glossary": "Glossary version",
                     "variant": "OpenCC variant", "region": "Traditional Chinese region"}
# Provenance keys for the tool, never shown to readers (convert.GLOSSARY_FILES_KEY: local paths).
TOOL_ONLY = ("glossary_files",)
_ORIGINS = {"mt": "machine-translated", "human": "translated by a person"}
# A memory hit is machine output served from the cache: the book must not change because a cache was warm.
_SAME_ORIGIN = {"memory": "mt"}


@dataclass
class Row:
    """One block as the reader sees it: its role and one cell per shown column."""

    role: str
    level: int
    cells: list[dict] = field(default_factory=list)  # {"col", "lang", "html"}


def zh_script(columns: tuple[str, ...]) -> str:
    """The Chinese script for the book's own headings: Traditional only when Simplified is not shown."""
    return "hant" if "hant" in columns and "hans" not in columns else "hans"


def unique(values) -> list[str]:
    """Non-empty stripped values, first occurrence kept, in order."""
    out: list[str] = []
    for v in values:
        v = (v or "").strip()
        if v and v not in out:
            out.append(v)
    return out


@dataclass
class Name:
    """A marked glossary term as this edition writes it, one form per column."""

    id: str
    kind: str = ""
    hans: str = ""
    hant: str = ""
    en: str = ""


def names_used(docs: list[Document], glossary=None) -> list[Name]:
    """Every term marked in `docs`, in order of first appearance, each form as the document writes it.

    The forms are the marked text of each column (convert and translate put the
    marks there); a glossary, when given, adds the kind and the long English
    form for the list, and a Traditional form for a document with no marks in
    that column (the form of the region recorded by the document it first
    appears in, zh-TW when none is). The Chinese forms are what the reader saw:
    a name written with an alias is listed under that alias.
    """
    found: dict[str, Name] = {}
    regions: dict[str, str] = {}  # name -> the region of the document it first appears in
    for doc in docs:
        for seg in doc.segments():
            for column in COLUMNS:
                for mark in seg.marks.get(column, []):
                    if mark.tag != "term" or not mark.ref:
                        continue
                    name = found.setdefault(mark.ref, Name(mark.ref))
                    regions.setdefault(mark.ref, doc.provenance.get("region") or "zh-TW")
                    if not getattr(name, column):
                        setattr(name, column, getattr(seg, column)[mark.start:mark.end])
    if glossary is not None:
        for name in found.values():
            term = glossary.get(name.id)
            if term is not None:
                name.kind = term.kind
                name.en = term.en_long or term.en or name.en
                name.hans = name.hans or term.hans
                name.hant = name.hant or glossary.hant_form(term, regions[name.id])
    return list(found.values())


def article_rows(doc: Document, columns: tuple[str, ...], keep_empty: bool,
                 kinds: dict[str, str]) -> tuple[tuple[str, ...], list[dict]]:
    """(shown columns, row groups): each block rendered once per column.

    A wholly untranslated English column is left out rather than shown as an
    empty third of the page (the colophon says it is not translated).
    """
    cells = [{c: block_html(b, c, doc.meta.script, kinds) for c in columns} for b in doc.blocks]
    shown = tuple(c for c in columns if any(row[c] for row in cells)) or columns
    return shown, groups(doc, shown, keep_empty, cells)


def block_html(block: Block, col: str, script: str, kinds: dict[str, str]) -> Markup:
    """A block's text in one column, marks rendered; English sentences are joined by spaces."""
    if not block.segments:
        # Not segmented yet: only the source column has text.
        return render_marked(block.source, block.source_marks, kinds=kinds) if col == script else Markup("")
    parts: list[Markup] = []
    for seg in block.segments:
        text = getattr(seg, col)
        if not text:
            continue
        if parts and col == "en" and not text[:1].isspace() and not str(parts[-1])[-1:].isspace():
            parts.append(Markup(" "))
        parts.append(render_marked(text, seg.marks.get(col, []), kinds=kinds))
    return Markup("").join(parts)


def groups(doc: Document, columns: tuple[str, ...], keep_empty: bool, rendered: list[dict]) -> list[dict]:
    """Blocks as rows, consecutive quotes / list items (same level) gathered into one group.

    `rendered` holds each block's html per column; keep_empty keeps a blank cell for a
    column without text, so side-by-side columns stay aligned.
    """
    out: list[dict] = []
    for block, html_of in zip(doc.blocks, rendered, strict=True):
        cells = []
        for col in columns:
            html = html_of[col]
            if html or keep_empty:
                cells.append({"col": col, "lang": COLUMNS[col], "html": html})
        if not any(c["html"] for c in cells):
            continue
        row = Row(block.role, block.level, cells)
        kind = _GROUPED.get(block.role, block.role)
        last = out[-1] if out else None
        if last and kind in _GROUPED.values() and last["kind"] == kind and last["level"] == block.level:
            last["rows"].append(row)
        else:
            out.append({"kind": kind, "level": block.level, "rows": [row]})
    return out


def titles(doc: Document, columns: tuple[str, ...]) -> list[dict]:
    """The article title in each shown column that has one (the source title stands in for its script)."""
    out = []
    for col in columns:
        text = getattr(doc.meta, f"title_{col}") or (doc.meta.title if col == doc.meta.script else "")
        if text:
            out.append({"col": col, "lang": COLUMNS[col], "text": text})
    if not out:
        script = doc.meta.script if doc.meta.script in COLUMNS else "hans"
        out.append({"col": script, "lang": COLUMNS[script], "text": doc.meta.title or doc.id})
    return out


def byline(doc: Document) -> list[dict]:
    """Author, date, outlet, topics and links under the article title (links only when safe)."""
    m = doc.meta
    zh = COLUMNS.get(m.script, "zh-Hans")
    rows = [("Author", m.author, m.author_url, zh), ("Published", m.date[:10], "", "en"),
            ("Source", m.source, m.source_url, zh), ("Topics", ", ".join(m.topics), "", zh),
            ("Collections", ", ".join(m.collections), "", zh), ("Archived", m.archived_at, "", "en"),
            ("Original", m.url, m.url, "en"), ("Rights", m.rights, "", zh)]
    return [{"label": label, "text": text, "href": safe_href(href), "lang": lang}
            for label, text, href, lang in rows if text]


def column_heads(columns: tuple[str, ...]) -> list[dict]:
    """The label over each shown column, in its own language."""
    return [{"col": c, "lang": COLUMNS[c], "text": COLUMN_LABELS[c]} for c in columns]


def collect_names(docs: list[Document], columns: tuple[str, ...], glossary=None) -> list[dict]:
    """Every glossary term marked in the book, its form per shown column; sorted by kind, then English, for lookup."""
    names = sorted(names_used(docs, glossary), key=lambda n: (n.kind, n.en.casefold(), n.id))
    return [{"id": n.id, "kind": n.kind,
             "forms": [{"col": col, "lang": COLUMNS[col], "text": getattr(n, col)} for col in columns]}
            for n in names]


def colophon_rows(docs: list[Document]) -> list[dict]:
    """Provenance rows: engine, model, glossary, variant first, then whatever else the documents record.

    Keys kept for the tool only (local file paths) are not shown: they would make the same
    edition differ between machines and tell readers about the maker's disk.
    """
    keys = [k for k in PROVENANCE_LABELS if any(k in d.provenance for d in docs)]
    keys += sorted({k for d in docs for k in d.provenance} - set(PROVENANCE_LABELS) - set(TOOL_ONLY))
    rows = [{"label": PROVENANCE_LABELS.get(k, k), "value": ", ".join(unique(d.provenance.get(k, "") for d in docs))}
            for k in keys]
    return [r for r in rows if r["value"]]


def english_note(docs: list[Document], columns: tuple[str, ...]) -> str:
    """Where the English sentences came from, so a reader knows what is machine translation."""
    if "en" not in columns:
        return ""
    counts: dict[str, int] = {}
    total = 0
    for doc in docs:
        for seg in doc.segments():
            total += 1
            if seg.en.strip():
                origin = _SAME_ORIGIN.get(seg.origin, seg.origin)
                key = origin if origin in _ORIGINS else ""
                counts[key] = counts.get(key, 0) + 1
    if not counts:
        return "not translated"
    order = [*_ORIGINS, ""]
    parts = [f"{counts[k]} {_ORIGINS.get(k, 'of unrecorded origin')}" for k in order if k in counts]
    return f"{', '.join(parts)} (of {total} sentences)"
