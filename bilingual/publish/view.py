"""What a reader sees, as plain data both editions render: the HTML page (html.py) and the EPUB (epub.py).

Titles per column, column labels, rows of cells per block (rows.py: also
tables and figures), the byline, the names used (read from the document's term
marks, not found again), the colophon and the provenance line saying where the
English came from: decided once here, so the page and the book cannot
disagree, and testable without writing a file.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import quote, unquote

from bilingual.chars import CHINESE_RUN
from bilingual.model import COLUMNS, SOURCE_REGION_KEY, Document, column_lang
from bilingual.publish.rows import ORIGINAL_IMAGE, Marker, Row, article_rows, block_html, groups
from bilingual.urls import safe_href
from bilingual.variants import variants

__all__ = ["ORIGINAL_IMAGE", "Marker", "Row", "article_rows", "block_html", "groups"]  # rows.py, shown here

COLUMN_LABELS = {"hans": "简体中文", "hant": "繁體中文", "en": "English"}
# Headings of the book's own pages, in the Chinese script of the edition.
ZH_LABELS = {"contents": {"hans": "目录", "hant": "目錄"}, "names": {"hans": "专名", "hant": "專名"},
             "colophon": {"hans": "版本说明", "hant": "版本說明"}}
PROVENANCE_LABELS = {"engine": "Translation engine", "model": "Model", "glossary": "Glossary version",
                     "source": "Source text", "variant": "OpenCC variant", "region": "Traditional Chinese region",
                     "to_hans": "Simplified column"}
# Provenance keys for the tool, never shown to readers (convert.GLOSSARY_FILES_KEY: local paths).
TOOL_ONLY = ("glossary_files",)
_ORIGINS = {"mt": "machine-translated", "human": "translated by a person",
            "source": "copied from the source (already English)"}
# A memory hit is machine output served from the cache: the book must not change because a cache was warm.
_SAME_ORIGIN = {"memory": "mt"}


def zh_script(columns: tuple[str, ...]) -> str:
    """The Chinese script for the book's own headings: Traditional only when Simplified is not shown."""
    return "hant" if "hant" in columns and "hans" not in columns else "hans"


def shared_region(docs: list[Document]) -> str:
    """The region every document's Traditional is written in, for what a book or page says once for all
    (its language, its own headings); "" (generic zh-Hant) when they differ or none records one."""
    regions = {d.region for d in docs}
    return regions.pop() if len(regions) == 1 else ""


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
    region: str = ""  # of the document its Traditional form is taken from: the form's language tag says it


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
                        if column == "hant":
                            name.region = doc.region
    if glossary is not None:
        for name in found.values():
            term = glossary.get(name.id)
            if term is not None:
                name.kind = term.kind
                name.en = term.en_long or term.en or name.en
                name.hans = name.hans or term.hans
                name.hant = name.hant or glossary.hant_form(term, regions[name.id])
    return list(found.values())


def titles(doc: Document, columns: tuple[str, ...]) -> list[dict]:
    """The article title in each shown column that has one (the source title stands in for its script)."""
    out = []
    for col in columns:
        text = getattr(doc.meta, f"title_{col}") or (doc.meta.title if col == doc.meta.script else "")
        if text:
            out.append({"col": col, "lang": column_lang(col, doc.region), "text": text})
    if not out:
        script = doc.source_script
        out.append({"col": script, "lang": column_lang(script, doc.region), "text": doc.meta.title or doc.id})
    return out


def meta_value(doc: Document, name: str, columns: tuple[str, ...]) -> tuple:
    """(value, lang) of a byline field (author, source, rights, topics, collections) in the edition's
    Chinese script: the source's, or convert's form when only the other script is shown."""
    m = doc.meta
    zh = zh_script(columns)
    value = getattr(m, name)
    if zh != m.script and m.converted.get(zh, {}).get(name):
        return m.converted[zh][name], column_lang(zh, doc.region)
    return value, doc.source_lang


def byline(doc: Document, columns: tuple[str, ...] = tuple(COLUMNS)) -> list[dict]:
    """Author, date, outlet, topics and links under the article title (links only when safe), in the shown script."""
    m = doc.meta
    author, zh = meta_value(doc, "author", columns)
    source, _ = meta_value(doc, "source", columns)
    rights, _ = meta_value(doc, "rights", columns)
    topics, _ = meta_value(doc, "topics", columns)
    collections, _ = meta_value(doc, "collections", columns)
    url = readable_url(m.url)  # its Chinese is the source's (稅單－奧巴馬): a Chinese font, not a Japanese one
    url_lang = doc.source_lang if CHINESE_RUN.search(url) else "en"
    rows = [("Author", author, m.author_url, zh), ("Published", m.date[:10], "", "en"),
            ("Source", source, m.source_url, zh), ("Topics", ", ".join(topics), "", zh),
            ("Collections", ", ".join(collections), "", zh),
            ("Archived", m.archived_at, m.archive_url, "en"),
            ("Original", url, m.url, url_lang), ("Rights", rights, "", zh)]
    return [{"label": label, "text": text, "href": safe_href(href), "lang": lang}
            for label, text, href, lang in rows if text]


def readable_url(url: str) -> str:
    """A URL as a reader reads it, percent-escapes decoded (中文, not %E4%B8%AD%E6%96%87); the link keeps the URL.

    Where the escapes spell U+FFFD (an archive that lost the title's characters before saving the URL: hkcnews's
    %EF%BF%BD runs), the text stops before the first lost character with an ellipsis: rows of � say nothing."""
    try:
        text = unquote(url, errors="strict")
    except UnicodeDecodeError:
        return url
    # A decoded space would mislead (one URL read as two words): spaces, control characters (C0, DEL, C1) and
    # invisible format characters (a right-to-left override, U+202E, would reorder what follows) stay escaped,
    # the rest is read (DW's 人质获释%20一瑞士女性遇害 was a whole line of %E5%9C%A8… for one %20).
    text = "".join(quote(c, safe="") if c.isspace() or unicodedata.category(c) in ("Cc", "Cf") else c
                   for c in text)
    lost = text.find("\ufffd")
    return text if lost < 0 else text[:lost] + "…"


def column_heads(columns: tuple[str, ...], region: str = "") -> list[dict]:
    """The label over each shown column, in its own language (the Traditional one in `region`'s)."""
    return [{"col": c, "lang": column_lang(c, region), "text": COLUMN_LABELS[c]} for c in columns]


def collect_names(docs: list[Document], columns: tuple[str, ...], glossary=None) -> list[dict]:
    """Every glossary term marked in the book, its form per shown column; sorted by kind, then English, for lookup
    (an index's order: "the UK" under U, "The Paper" under P)."""
    names = sorted(names_used(docs, glossary), key=lambda n: (n.kind, _index_key(n.en), n.id))
    return [{"id": n.id, "kind": n.kind,
             "forms": [{"col": col, "lang": column_lang(col, n.region), "text": getattr(n, col)}
                       for col in columns]}
            for n in names]


def _index_key(english: str) -> str:
    """English as an index sorts it: a leading "the" set aside (not "a" or "an": An Wei is a person)."""
    return re.sub(r"^the\s+", "", english.casefold())


def colophon_rows(docs: list[Document]) -> list[dict]:
    """Provenance rows: engine, model, glossary, the source's script and how the other column was made
    first, then whatever else the documents record.

    Keys kept for the tool only (local file paths) are not shown: they would make the same
    edition differ between machines and tell readers about the maker's disk.
    """
    shown = [_told(d) for d in docs]
    keys = [k for k in PROVENANCE_LABELS if any(k in p for p in shown)]
    keys += sorted({k for p in shown for k in p} - set(PROVENANCE_LABELS))
    rows = [{"label": PROVENANCE_LABELS.get(k, k), "value": ", ".join(unique(p.get(k, "") for p in shown))}
            for k in keys]
    return [r for r in rows if r["value"]]


def _told(doc: Document) -> dict[str, str]:
    """What a reader is told of how a document was made. A Traditional source's Simplified column is converted
    from it: the variant and region that write a Simplified source's Traditional column say nothing of it."""
    told = {k: v for k, v in doc.provenance.items() if k not in TOOL_ONLY and k != SOURCE_REGION_KEY}
    variant = told.get("variant", "")
    if doc.source_script == "hant":
        told.pop("variant", None)
        told.pop("region", None)
        told["source"] = "Traditional Chinese" + (f" ({doc.region})" if doc.region else "")
        if variant:
            told["to_hans"] = f"converted by OpenCC {variants().get(variant, {}).get('to_hans', 't2s')}"
    elif variant:
        told["source"] = "Simplified Chinese"
    return told


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
                origin = _origin(seg)
                key = origin if origin in _ORIGINS else ""
                counts[key] = counts.get(key, 0) + 1
    if not counts:
        return "not translated"
    order = [*_ORIGINS, ""]
    parts = [f"{counts[k]} {_ORIGINS.get(k, 'of unrecorded origin')}" for k in order if k in counts]
    return f"{', '.join(parts)} (of {total} sentences)"


def _origin(seg) -> str:
    """A segment's origin as the book states it: a memory hit is machine output."""
    return _SAME_ORIGIN.get(seg.origin, seg.origin)


def provenance_line(docs: list[Document], columns: tuple[str, ...]) -> str:
    """One line for every page and the book: what made the English, with which glossary, what a person edited.

    "English: machine translation by argos (translate-zh_en-1.9); glossary 2024.06; 3 of 40 sentences
    edited by a person." Empty when the English column is not shown.
    """
    if "en" not in columns:
        return ""
    segments = [s for d in docs for s in d.segments()]
    translated = [s for s in segments if s.en.strip()]
    glossary = ", ".join(unique(d.provenance.get("glossary", "") for d in docs))
    tail = f"; glossary {glossary}" if glossary else ""
    if not translated:
        return f"English: not translated{tail}."
    engines = unique(d.provenance.get("engine", "") for d in docs)
    models = unique(d.provenance.get("model", "") for d in docs)
    machine = sum(1 for s in translated if _origin(s) == "mt")
    human = sum(1 for s in translated if s.origin == "human")
    if machine:
        by = ", ".join(engines) or "an unrecorded engine"
        what = f"machine translation by {by}" + (f" ({', '.join(models)})" if models else "")
    else:
        copied = all(_origin(s) == "source" for s in translated)
        what = ("translated by a person" if human else "as in the source (no Chinese to translate)" if copied
                else "of unrecorded origin")
    edited = f"; {human} of {len(segments)} sentences edited by a person" if machine else ""
    return f"English: {what}{tail}{edited}."
