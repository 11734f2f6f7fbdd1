"""The EPUB edition: one EPUB 3 book from one or many articles, byte-identical on every build.

EbookLib assembles the package (OPF, NCX, zip). The pages are rendered from the
jinja2 templates in templates/epub/ and handed to EbookLib as finished XHTML
(`_Page`), because its HTML re-parser would drop `xml:lang` and `epub:type`.
EbookLib stamps zip entries with the current time, so the zip it writes is
copied entry by entry with a date taken from the documents (`_rezip`).
"""

from __future__ import annotations

import hashlib
import io
import uuid
import zipfile
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path

from ebooklib import epub

from bilingual import __version__
from bilingual.errors import BilingualError
from bilingual.files import write_atomic
from bilingual.model import COLUMNS, Document, column_lang
from bilingual.publish import view
from bilingual.publish.render import environment
from bilingual.urls import safe_href

LAYOUTS = ("interleaved", "side-by-side")
# When no document carries a date: the earliest time a zip entry can hold.
_NO_DATE = datetime(1980, 1, 1, tzinfo=timezone.utc)


class _Page(epub.EpubHtml):
    """An XHTML page rendered from our templates: EbookLib stores it as is."""

    def get_content(self, default=None):
        return self.content


def _css() -> bytes:
    return resources.files("bilingual.publish").joinpath("templates/epub/style.css").read_bytes()


def check_options(docs: list[Document], layout: str, columns: tuple[str, ...]) -> None:
    """Refuse what cannot make a book, before anything is written."""
    if not docs:
        raise BilingualError("no articles to put in the EPUB")
    if layout not in LAYOUTS:
        raise BilingualError(f"unknown EPUB layout {layout!r} (choose {' or '.join(LAYOUTS)})")
    if not columns or any(c not in COLUMNS for c in columns) or len(set(columns)) != len(columns):
        raise BilingualError(f"bad EPUB columns {','.join(columns) or '(none)'}: "
                             f"give distinct names from {', '.join(COLUMNS)}")


def parse_date(text: str) -> datetime | None:
    """An ISO date or date-time as UTC (a bare date is midnight UTC); None when it is not one."""
    text = (text or "").strip()
    for candidate in (text.replace("Z", "+00:00"), text[:10]):
        try:
            value = datetime.fromisoformat(candidate)
        except ValueError:
            continue
        if value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc)
    return None


def _modified(docs: list[Document], modified: datetime | None) -> datetime:
    """The given time, else the latest article or archive date, else 1980-01-01: never the clock."""
    if modified is None:
        found = [parse_date(t) for d in docs for t in (d.meta.date, d.meta.archived_at)]
        found = [d for d in found if d is not None]
        modified = max(found) if found else _NO_DATE
    if modified.tzinfo is None:
        modified = modified.replace(tzinfo=timezone.utc)
    return modified.astimezone(timezone.utc)


def book_date(docs: list[Document]) -> str:
    """The latest article date (YYYY-MM-DD), or "" when none is known."""
    found = [v for v in (parse_date(d.meta.date) for d in docs) if v is not None]
    return max(found).strftime("%Y-%m-%d") if found else ""


def book_identifier(docs: list[Document], layout: str, columns: tuple[str, ...]) -> str:
    """urn:uuid from a hash of every segment's id and text (and the layout): same content, same id."""
    h = hashlib.sha256(f"{layout}|{','.join(columns)}".encode())
    for doc in docs:
        h.update(f"\x1edoc\x1f{doc.id}".encode())
        for block in doc.blocks:
            h.update(f"\x1eblock\x1f{block.role}\x1f{block.level}\x1f{block.source}".encode())
            for seg in block.segments:
                h.update("\x1f".join(("\x1eseg", seg.id, seg.hans, seg.hant, seg.en)).encode())
    return f"urn:uuid:{uuid.UUID(bytes=h.digest()[:16], version=5)}"


def default_title(docs: list[Document], columns: tuple[str, ...]) -> str:
    """One article: its title. Several: their shared collection name, else the first title and a count."""
    first = view.titles(docs[0], columns)[0]["text"]
    if len(docs) == 1:
        return first
    shared = set(docs[0].meta.collections).intersection(*(d.meta.collections for d in docs[1:]))
    if shared:
        return next(c for c in docs[0].meta.collections if c in shared)
    if columns[0] == "en":
        return f"{first} and {len(docs) - 1} more"
    return f"{first} 等{len(docs)}篇"


def _metadata(book: epub.EpubBook, docs: list[Document], columns: tuple[str, ...], title: str,
              layout: str = "interleaved", region: str = "") -> None:
    book.set_title(title)
    book.language = column_lang(columns[0], region)
    for col in columns:
        book.add_metadata("DC", "language", column_lang(col, region))
    def shown(name: str):  # a byline field as the chapters show it: in the edition's Chinese script
        return (view.meta_value(d, name, columns)[0] for d in docs)

    for i, author in enumerate(view.unique(shown("author")), 1):
        book.add_author(author, uid=f"creator{i}")
    if book_date(docs):
        book.add_metadata("DC", "date", book_date(docs))
    for url in view.unique(u for d in docs for u in (d.meta.url, d.meta.source_url)):
        if safe_href(url):
            book.add_metadata("DC", "source", url)
    if publisher := _whole_book(shown("source")):
        book.add_metadata("DC", "publisher", publisher)
    if rights := _whole_book(shown("rights")):
        book.add_metadata("DC", "rights", rights)
    for prop, value in accessibility(columns, layout):
        book.add_metadata(None, "meta", value, {"property": prop})


def _whole_book(values) -> str:
    """The value every article gives, or "": one article's publisher or copyright notice is no fact about a
    collection (it would claim the others); each chapter's byline keeps its own."""
    given = list(values)
    return given[0] if given and given[0] and all(v == given[0] for v in given) else ""


def accessibility(columns: tuple[str, ...], layout: str) -> list[tuple[str, str]]:
    """schema.org accessibility metadata (EPUB Accessibility 1.1), true of every book this module writes:
    text only (no images, audio or video), headings and a navigation document, a spine in reading order,
    every column tagged with its language. No conformance claim: nobody has audited the book."""
    names = {"hans": "Simplified Chinese", "hant": "Traditional Chinese", "en": "English"}
    shown = ", ".join(names[c] for c in columns)
    order = "side by side" if layout == "side-by-side" else "one after another"
    summary = (f"A text-only edition with no images, audio or video: each paragraph is given in {shown}, "
               f"{order}, each marked with its language. Headings, a table of contents and landmarks give "
               "the structure; the reading order is that of the source articles.")
    return [("schema:accessMode", "textual"), ("schema:accessModeSufficient", "textual"),
            ("schema:accessibilityFeature", "structuralNavigation"),
            ("schema:accessibilityFeature", "tableOfContents"),
            ("schema:accessibilityFeature", "readingOrder"),
            ("schema:accessibilityHazard", "none"), ("schema:accessibilitySummary", summary)]


def write_epub(docs: list[Document], path: Path, *, layout: str = "interleaved",
               columns: tuple[str, ...] = ("hans", "hant", "en"), title: str | None = None,
               glossary=None, modified: datetime | None = None) -> Path:
    """Write one EPUB 3 book of `docs` (in order) to `path`, atomically and reproducibly.

    `modified` sets dcterms:modified and the zip dates; by default they come
    from the articles' dates, so the same input always gives the same bytes.
    """
    columns = tuple(columns)
    check_options(docs, layout, columns)
    title = default_title(docs, columns) if title is None else title.strip()
    if not title:
        raise BilingualError("the EPUB title is empty")
    modified = _modified(docs, modified)
    names = view.collect_names(docs, columns, glossary)
    kinds = {n["id"]: n["kind"] for n in names if n["kind"]}
    zh = view.zh_script(columns)
    labels = {k: v[zh] for k, v in view.ZH_LABELS.items()}
    region = view.shared_region(docs)  # the book's own pages: chapters tag their columns with their article's
    zh_lang = column_lang(zh, region)

    book = epub.EpubBook()
    book.set_identifier(book_identifier(docs, layout, columns))
    _metadata(book, docs, columns, title, layout, region)
    css = epub.EpubItem(uid="style", file_name="style.css", media_type="text/css", content=_css())
    common = {"lang": column_lang(columns[0], region), "zh_lang": zh_lang, "zh_labels": labels, "layout": layout,
              "labels": view.column_heads(columns, region), "version": __version__}

    def page(uid: str, page_title: str, template: str, **context) -> _Page:
        item = _Page(uid=uid, file_name=f"{uid}.xhtml", title=page_title)
        html = environment("templates/epub").get_template(template).render(page_title=page_title, **common, **context)
        item.content = html.encode("utf-8")
        return item

    chapters = []
    for i, doc in enumerate(docs, 1):
        shown, groups = view.article_rows(doc, columns, layout == "side-by-side", view.Marker(kinds=kinds))
        chapters.append(page(
            f"ch{i:03d}", view.titles(doc, columns)[0]["text"], "chapter.xhtml.j2",
            titles=view.titles(doc, columns), byline=view.byline(doc, columns), groups=groups,
            heads=view.column_heads(shown, doc.region), provenance=view.provenance_line([doc], shown)))
    back = []
    if names:
        back.append(page("names", f"Names · {labels['names']}", "names.xhtml.j2", names=names))
    back.append(page("colophon", f"Colophon · {labels['colophon']}", "colophon.xhtml.j2",
                     rows=view.colophon_rows(docs), modified=modified.strftime("%Y-%m-%d"),
                     identifier=book.uid, layout_name=layout, articles=len(docs),
                     english=view.english_note(docs, columns), provenance=view.provenance_line(docs, columns)))
    single = len(docs) == 1
    cover = page("cover", title, "cover.xhtml.j2", authors=view.unique(view.meta_value(d, "author", columns)[0]
                                                                       for d in docs),
                 date=book_date(docs), titles=view.titles(docs[0], columns) if single else
                 [{"col": "", "lang": "en" if title.isascii() else zh_lang, "text": title}])
    entries = [{"href": c.file_name, "parts": [(view.titles(d, columns)[0]["lang"], c.title)]}
               for c, d in zip(chapters, docs, strict=True)]
    entries += [{"href": b.file_name, "parts": list(zip(("en", zh_lang), b.title.split(" · "), strict=True))}
                for b in back]
    nav = page("nav", f"Contents · {labels['contents']}", "nav.xhtml.j2", entries=entries,
               cover=cover.file_name, first=chapters[0].file_name)
    nav.properties = ["nav"]
    for item in (css, cover, nav, *chapters, *back, epub.EpubNcx()):
        book.add_item(item)
    book.toc = chapters + back
    book.spine = [cover, nav, *chapters, *back]

    raw = io.BytesIO()
    epub.write_epub(raw, book, {"mtime": modified, "raise_exceptions": True,
                                "epub3_landmark": False, "epub2_guide": False})
    return write_atomic(Path(path), _rezip(raw.getvalue(), modified, lang=book.language))


def _package_lang(opf: bytes, lang: str) -> bytes:
    """The OPF with xml:lang on <package> (EbookLib writes none; reading systems and Ace want it)."""
    from lxml import etree

    root = etree.fromstring(opf, etree.XMLParser(resolve_entities=False, no_network=True))
    root.set("{http://www.w3.org/XML/1998/namespace}lang", lang)
    return etree.tostring(root, xml_declaration=True, encoding="utf-8")


def _rezip(data: bytes, when: datetime, lang: str = "") -> bytes:
    """Copy EbookLib's zip with fixed entry dates and attributes (mimetype first and stored);
    the package document gets its xml:lang on the way."""
    stamp = max(when, _NO_DATE).timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.create_system = 3
            entry.external_attr = 0o644 << 16
            stored = info.filename == "mimetype"
            entry.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            content = src.read(info.filename)
            if lang and info.filename.endswith(".opf"):
                content = _package_lang(content, lang)
            dst.writestr(entry, content, compresslevel=None if stored else 9)
    return out.getvalue()
