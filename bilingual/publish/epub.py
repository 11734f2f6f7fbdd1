"""The EPUB edition: one EPUB 3 book from one or many articles, byte-identical on every build.

EbookLib assembles the package (OPF, NCX, zip); the pages themselves are
rendered from the jinja2 templates in templates/epub/ and handed to EbookLib
as finished XHTML, so its HTML re-parser cannot drop `xml:lang` or `epub:type`.
EbookLib stamps zip entries with the current time, so the finished zip is
copied entry by entry with a date taken from the documents (see `_rezip`).
"""

from __future__ import annotations

import hashlib
import io
import uuid
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import cache
from pathlib import Path

from ebooklib import epub

from bilingual import __version__
from bilingual.errors import BilingualError
from bilingual.model import COLUMNS, Block, Document
from bilingual.publish.files import write_atomic
from bilingual.publish.markup import render_marked, safe_href

LAYOUTS = ("interleaved", "side-by-side")
COLUMN_LABELS = {"hans": "简体", "hant": "繁體", "en": "English"}
# Headings of the book's own pages, in the Chinese script of the edition.
_ZH_LABELS = {"contents": {"hans": "目录", "hant": "目錄"}, "names": {"hans": "专名", "hant": "專名"},
              "colophon": {"hans": "版本说明", "hant": "版本說明"}}
# Block roles that are grouped into one element when they follow each other.
_GROUPED = {"quote": "quote", "list_item": "list"}
# Used when no document carries a date: the earliest time a zip entry can hold.
_NO_DATE = datetime(1980, 1, 1, tzinfo=timezone.utc)


@dataclass
class Row:
    """One block as the reader sees it: its role and one cell per shown column."""

    role: str
    level: int
    cells: list[dict] = field(default_factory=list)  # {"col", "lang", "html"}


@cache
def _environment():
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("bilingual.publish", "templates/epub"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )


def _template_text(name: str) -> str:
    from importlib import resources

    return resources.files("bilingual.publish").joinpath(f"templates/epub/{name}").read_text(encoding="utf-8")


def _check_options(docs: list[Document], layout: str, columns: tuple[str, ...]) -> None:
    if not docs:
        raise BilingualError("no articles to put in the EPUB")
    if layout not in LAYOUTS:
        raise BilingualError(f"unknown EPUB layout {layout!r} (choose {' or '.join(LAYOUTS)})")
    bad = [c for c in columns if c not in COLUMNS]
    if bad or not columns or len(set(columns)) != len(columns):
        raise BilingualError(
            f"bad column list {','.join(columns) or '(empty)'}: use distinct names from {', '.join(COLUMNS)}")


def _block_html(block: Block, col: str, script: str, kinds: dict[str, str]):
    """A block's text in one column, marks rendered; English sentences are joined by spaces."""
    from markupsafe import Markup

    if not block.segments:
        # Not segmented yet: only the source column has text.
        return render_marked(block.source, block.source_marks, kinds=kinds) if col == script else Markup("")
    parts = []
    for seg in block.segments:
        text = getattr(seg, col)
        if not text:
            continue
        if parts and col == "en" and not text[:1].isspace() and not str(parts[-1])[-1:].isspace():
            parts.append(Markup(" "))
        parts.append(render_marked(text, seg.marks.get(col, []), kinds=kinds))
    return Markup("").join(parts)


def _groups(doc: Document, columns: tuple[str, ...], keep_empty: bool, kinds: dict[str, str]) -> list[dict]:
    """Blocks as rows, consecutive quotes / list items gathered into one group."""
    groups: list[dict] = []
    for block in doc.blocks:
        cells = []
        for col in columns:
            html = _block_html(block, col, doc.meta.script, kinds)
            if html or keep_empty:
                cells.append({"col": col, "lang": COLUMNS[col], "html": html})
        if not any(c["html"] for c in cells):
            continue
        row = Row(block.role, block.level, cells)
        kind = _GROUPED.get(block.role, block.role)
        if groups and kind in _GROUPED.values() and groups[-1]["kind"] == kind \
                and groups[-1]["level"] == block.level:
            groups[-1]["rows"].append(row)
        else:
            groups.append({"kind": kind, "level": block.level, "rows": [row]})
    return groups


def _titles(doc: Document, columns: tuple[str, ...]) -> list[dict]:
    """The article title in each shown column that has one (the source title stands in for its script)."""
    out = []
    for col in columns:
        text = getattr(doc.meta, f"title_{col}") or (doc.meta.title if col == doc.meta.script else "")
        if text:
            out.append({"col": col, "lang": COLUMNS[col], "text": text})
    if not out:
        out.append({"col": doc.meta.script, "lang": COLUMNS.get(doc.meta.script, "zh-Hans"),
                    "text": doc.meta.title or doc.id})
    return out


def _title(doc: Document, columns: tuple[str, ...]) -> str:
    return _titles(doc, columns)[0]["text"]


def _parse_date(text: str) -> datetime | None:
    """An ISO date or date-time as UTC; None when the text is not one."""
    text = (text or "").strip()
    if not text:
        return None
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            value = datetime.fromisoformat(text[:10])
        except ValueError:
            return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc)


def _dates(docs: list[Document]) -> list[datetime]:
    found = []
    for doc in docs:
        for text in (doc.meta.date, doc.meta.archived_at):
            value = _parse_date(text)
            if value is not None:
                found.append(value)
    return found


def book_identifier(docs: list[Document], layout: str, columns: tuple[str, ...]) -> str:
    """urn:uuid from a hash of every segment's id and text: same content, same identifier."""
    h = hashlib.sha256(f"{layout}|{','.join(columns)}".encode())
    for doc in docs:
        h.update(f"\x1edoc\x1f{doc.id}".encode())
        for block in doc.blocks:
            h.update(f"\x1eblock\x1f{block.role}\x1f{block.source}".encode())
            for seg in block.segments:
                h.update("\x1f".join(("\x1eseg", seg.id, seg.hans, seg.hant, seg.en)).encode())
    return f"urn:uuid:{uuid.UUID(bytes=h.digest()[:16], version=5)}"


def _unique(values) -> list[str]:
    out: list[str] = []
    for v in values:
        v = (v or "").strip()
        if v and v not in out:
            out.append(v)
    return out


def _colophon(docs: list[Document]) -> list[dict]:
    """Provenance rows (engine, model, glossary, variant ... whatever the documents record)."""
    labels = {"engine": "Translation engine", "model": "Model", "glossary": "Glossary version",
              "variant": "OpenCC variant", "region": "Traditional Chinese region"}
    keys = [k for k in labels if any(k in d.provenance for d in docs)]
    keys += sorted({k for d in docs for k in d.provenance} - set(labels))
    rows = [{"label": labels.get(k, k), "value": ", ".join(_unique(d.provenance.get(k, "") for d in docs))}
            for k in keys]
    return [r for r in rows if r["value"]]


def _glossary_terms(glossary) -> dict:
    """Term id -> term from `glossary.terms` (a mapping or a list of terms with `.id`)."""
    terms = getattr(glossary, "terms", None) if glossary is not None else None
    if not terms:
        return {}
    if isinstance(terms, dict):
        return dict(terms)
    return {t.id: t for t in terms}


def _term_field(term, name: str, region: str) -> str:
    value = getattr(term, name, "") if term is not None else ""
    if isinstance(value, dict):  # Traditional forms per region (zh-TW, zh-HK ...)
        value = value.get(region) or next(iter(value.values()), "")
    return str(value or "")


def collect_names(docs: list[Document], columns: tuple[str, ...], glossary=None) -> list[dict]:
    """Every glossary term marked in the book: its id, kind and forms per column, sorted for lookup.

    The forms come from the glossary when one is given, else from the marked text itself.
    """
    terms = _glossary_terms(glossary)
    found: dict[str, dict] = {}
    for doc in docs:
        region = doc.provenance.get("region", "zh-TW")
        for seg in doc.segments():
            for col in ("hans", "hant", "en"):
                for mark in seg.marks.get(col, []):
                    if mark.tag != "term" or not mark.ref:
                        continue
                    entry = found.setdefault(mark.ref, {"forms": {}, "region": region})
                    surface = getattr(seg, col)[mark.start:mark.end]
                    entry["forms"].setdefault(col, surface)
    names = []
    for ref, entry in found.items():
        term = terms.get(ref)
        forms = []
        for col in columns:
            text = _term_field(term, col, entry["region"]) or entry["forms"].get(col, "")
            forms.append({"col": col, "lang": COLUMNS[col], "text": text})
        names.append({"id": ref, "kind": _term_field(term, "kind", ""), "forms": forms})
    names.sort(key=lambda n: (n["kind"], next((f["text"] for f in n["forms"] if f["col"] == "en"), "").casefold(),
                              n["id"]))
    return names


def _english_note(docs: list[Document], columns: tuple[str, ...]) -> str:
    """Where the English sentences came from, so a reader knows what is machine translation."""
    if "en" not in columns:
        return ""
    words = {"mt": "machine-translated", "memory": "from the translation memory", "human": "translated by a person"}
    counts: dict[str, int] = {}
    total = 0
    for doc in docs:
        for seg in doc.segments():
            total += 1
            if seg.en.strip():
                counts[seg.origin or "unknown"] = counts.get(seg.origin or "unknown", 0) + 1
    if not counts:
        return "not translated yet"
    parts = [f"{counts[k]} {words.get(k, 'of unrecorded origin')}" for k in (*words, "unknown") if k in counts]
    return f"{', '.join(parts)} (of {total} sentences)"


def write_epub(docs: list[Document], path: Path, *, layout: str = "interleaved",
               columns: tuple[str, ...] = ("hans", "hant", "en"), title: str | None = None,
               glossary=None, modified: datetime | None = None) -> Path:
    """Write one EPUB 3 book of `docs` (in order) to `path`, atomically and reproducibly.

    `modified` overrides the dcterms:modified / zip date, which otherwise comes
    from the latest article or archive date, so rebuilding gives the same bytes.
    """
    columns = tuple(columns)
    _check_options(docs, layout, columns)
    dates = _dates(docs)
    if modified is None:
        modified = max(dates) if dates else _NO_DATE
    elif modified.tzinfo is None:
        modified = modified.replace(tzinfo=timezone.utc)
    modified = modified.astimezone(timezone.utc)
    if title is None:
        title = _title(docs[0], columns)
        if len(docs) > 1:
            title = f"{title} +{len(docs) - 1}"
    if not title.strip():
        raise BilingualError("the EPUB title is empty")
    names = collect_names(docs, columns, glossary)
    kinds = {n["id"]: n["kind"] for n in names if n["kind"]}
    main_lang = COLUMNS[columns[0]]

    book = epub.EpubBook()
    book.set_identifier(book_identifier(docs, layout, columns))
    book.set_title(title)
    book.language = main_lang
    for col in columns:
        book.add_metadata("DC", "language", COLUMNS[col])
    for i, author in enumerate(_unique(d.meta.author for d in docs), 1):
        book.add_author(author, uid=f"creator{i}")
    if dates:
        book.add_metadata("DC", "date", max(_parse_date(d.meta.date) or modified for d in docs)
                          .strftime("%Y-%m-%d"))
    for url in _unique(u for d in docs for u in (d.meta.url, d.meta.source_url)):
        if safe_href(url):
            book.add_metadata("DC", "source", url)
    for publisher in _unique(d.meta.source for d in docs):
        book.add_metadata("DC", "publisher", publisher)
    rights = _unique(d.meta.rights for d in docs)
    if rights:
        book.add_metadata("DC", "rights", " ".join(rights))

    css = epub.EpubItem(uid="style", file_name="style.css", media_type="text/css",
                        content=_template_text("style.css").encode("utf-8"))
    book.add_item(css)
    env = _environment()
    zh = "hant" if "hant" in columns and "hans" not in columns else "hans"
    common = {"lang": main_lang, "zh_lang": COLUMNS[zh], "zh_labels": {k: v[zh] for k, v in _ZH_LABELS.items()}, "layout": layout, "book_title": title,
              "labels": [{"col": c, "lang": COLUMNS[c], "text": COLUMN_LABELS[c]} for c in columns]}

    def page(uid: str, name: str, page_title: str, template: str, **context) -> epub.EpubHtml:
        item = _Page(uid=uid, file_name=name, title=page_title)
        html = env.get_template(template).render(page_title=page_title, **common, **context)
        item.content = html.encode("utf-8")
        book.add_item(item)
        return item

    chapters = []
    for i, doc in enumerate(docs, 1):
        chapters.append(page(
            f"ch{i:03d}", f"ch{i:03d}.xhtml", _title(doc, columns), "chapter.xhtml.j2",
            titles=_titles(doc, columns), byline=_byline(doc),
            groups=_groups(doc, columns, layout == "side-by-side", kinds)))
    back = []
    if names:
        back.append(page("names", "names.xhtml", f"Names · {_ZH_LABELS['names'][zh]}", "names.xhtml.j2",
                         names=names, columns=columns))
    back.append(page("colophon", "colophon.xhtml", f"Colophon · {_ZH_LABELS['colophon'][zh]}",
                     "colophon.xhtml.j2",
                     rows=_colophon(docs), version=__version__, modified=modified.strftime("%Y-%m-%d"),
                     identifier=book.uid, layout_name=layout, articles=len(docs),
                     english=_english_note(docs, columns)))
    toc = chapters + back
    cover = page("cover", "cover.xhtml", title, "cover.xhtml.j2", titles=_cover_titles(docs, columns, title),
                 authors=_unique(d.meta.author for d in docs), date=book_date(docs))
    entries = [{"href": c.file_name, "parts": [(COLUMNS[_titles(d, columns)[0]["col"]], c.title)]}
               for c, d in zip(chapters, docs, strict=True)]
    entries += [{"href": b.file_name, "parts": list(zip(("en", COLUMNS[zh]), b.title.split(" · "), strict=True))}
                for b in back]
    nav = page("nav", "nav.xhtml", f"Contents · {_ZH_LABELS['contents'][zh]}", "nav.xhtml.j2", cover=cover,
               entries=entries,
        first=chapters[0].file_name)
    nav.properties = ["nav"]
    book.add_item(epub.EpubNcx())
    book.toc = toc
    book.spine = [cover, nav, *toc]
    # Manifest order follows insertion; keep it the reading order.
    book.items = [css, cover, nav, *toc, *[it for it in book.items if isinstance(it, epub.EpubNcx)]]

    raw = io.BytesIO()
    epub.write_epub(raw, book, {"mtime": modified, "raise_exceptions": True, "epub3_landmark": False,
                                "epub2_guide": False})
    return write_atomic(Path(path), _rezip(raw.getvalue(), modified))


def book_date(docs: list[Document]) -> str:
    values = [v for v in (_parse_date(d.meta.date) for d in docs) if v is not None]
    return max(values).strftime("%Y-%m-%d") if values else ""


def _cover_titles(docs: list[Document], columns: tuple[str, ...], title: str) -> list[dict]:
    if len(docs) == 1:
        return _titles(docs[0], columns)
    lang = "en" if title.isascii() else COLUMNS[columns[0]] if columns[0] != "en" else "zh-Hans"
    return [{"col": "", "lang": lang, "text": title}]


def _byline(doc: Document) -> list[dict]:
    """Author, date, outlet and links under the chapter title (links only when safe)."""
    m = doc.meta
    zh = COLUMNS.get(m.script, "zh-Hans")
    rows = [("Author", m.author, m.author_url, zh), ("Date", m.date[:10], "", "en"),
            ("Source", m.source, m.source_url, zh), ("Original", m.url, m.url, "en"),
            ("Rights", m.rights, "", zh)]
    return [{"label": label, "text": text, "href": safe_href(href), "lang": lang}
            for label, text, href, lang in rows if text]


class _Page(epub.EpubHtml):
    """An XHTML page rendered from our templates: EbookLib stores it as is."""

    def get_content(self, default=None):
        return self.content


def _rezip(data: bytes, when: datetime) -> bytes:
    """Copy EbookLib's zip with fixed entry dates and attributes (mimetype first, stored)."""
    stamp = max(when, _NO_DATE).timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.create_system = 3
            entry.external_attr = 0o644 << 16
            if info.filename == "mimetype":
                entry.compress_type = zipfile.ZIP_STORED
            else:
                entry.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(entry, src.read(info.filename), compresslevel=9)
    return out.getvalue()
