"""EPUB books: one Document per spine chapter, in spine order.

Read with zipfile + lxml rather than EbookLib: EbookLib 0.20 fails outright on
books whose <metadata> resets its namespace (xmlns=""), like the fixture.
Members are read into memory by name only; nothing is ever extracted to disk,
so entries named with ../ or absolute paths cannot escape anywhere.
"""

from __future__ import annotations

import io
import lzma
import posixpath
import re
import zipfile
import zlib
from urllib.parse import unquote

from lxml import etree

from bilingual.errors import BilingualError
from bilingual.ingest import dates
from bilingual.ingest import html as html_reader
from bilingual.ingest.encoding import decode
from bilingual.model import Document

MAX_MEMBER_BYTES = 50 * 1024 * 1024  # a chapter larger than this is a zip bomb, not prose
# All chapters together, decompressed: a 38 KB book once listed one 9 MB chapter 200 times.
MAX_BOOK_TEXT_BYTES = 64 * 1024 * 1024
# Spine entries read at most: a book is chapters, not a loop (each chapter is read once anyway).
MAX_SPINE_ITEMS = 5000
# Package files a spine may point at by mistake (or malice): never chapters.
_NOT_CHAPTERS = re.compile(r"^(mimetype|META-INF/.*|.*\.(opf|ncx))$", re.I)
# Root elements of package files; a chapter's root is html (or a bare fragment).
_PACKAGE_ROOTS = re.compile(rb"^(?:\s|<\?[^>]*\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*<(?:\w+:)?"
                            rb"(package|ncx|container|encryption|signatures|rights|manifest)[\s>/]", re.S | re.I)
_XHTML_TYPES = ("application/xhtml+xml", "text/html", "application/xml", "text/xml")
# What zipfile raises on a damaged member: bad CRC, corrupt deflate/bzip2/lzma data, a cut-off
# stream, an unsupported compression method, an encrypted entry.
_DAMAGED = (zipfile.BadZipFile, zlib.error, lzma.LZMAError, EOFError, NotImplementedError, RuntimeError, OSError)


def is_epub(data: bytes) -> bool:
    """A zip whose `mimetype` entry says EPUB, or that holds META-INF/container.xml."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            if "mimetype" in names and zf.getinfo("mimetype").file_size < 100:
                return zf.read("mimetype").strip() == b"application/epub+zip"
            return "META-INF/container.xml" in names
    except _DAMAGED:
        return False


def generated_by(data: bytes, generator: re.Pattern[bytes]) -> bool:
    """True when the book's XHTML pages carry `generator` (our own editions do): checked on the first page."""
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            pages = [i for i in zf.infolist() if i.filename.lower().endswith(".xhtml") and i.file_size < 1 << 20]
            return bool(pages) and bool(generator.search(zf.read(pages[0])[:4096]))
    except _DAMAGED:
        return False


def _xml(data: bytes, name: str, label: str) -> etree._Element:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as e:
        raise BilingualError(f"{name}: the EPUB's {label} is not readable XML ({e})") from e
    if root is None:
        raise BilingualError(f"{name}: the EPUB's {label} is empty")
    return root


def _member(zf: zipfile.ZipFile, path: str, name: str, limit: int | None = None) -> bytes:
    try:
        info = zf.getinfo(path)
    except KeyError as e:
        raise BilingualError(f"{name}: the EPUB lacks {path}") from e
    if info.file_size > min(MAX_MEMBER_BYTES, limit or MAX_MEMBER_BYTES):
        raise BilingualError(f"{name}: {path} in the EPUB is too large ({info.file_size} bytes)")
    try:
        return zf.read(info)
    except _DAMAGED as e:
        raise BilingualError(f"{name}: {path} in the EPUB is damaged ({e or type(e).__name__})") from e


def _local(root: etree._Element, tag: str) -> list[etree._Element]:
    """Elements by local name: OPFs in the wild get their namespaces wrong."""
    return root.xpath(f"//*[local-name()='{tag}']")


def _first_text(root: etree._Element, *tags: str) -> str:
    for tag in tags:
        for el in _local(root, tag):
            text = " ".join("".join(el.itertext()).split())
            if text:
                return text
    return ""


def _opf_path(zf: zipfile.ZipFile, name: str) -> str:
    if "META-INF/container.xml" in zf.namelist():
        container = _xml(_member(zf, "META-INF/container.xml", name), name, "container.xml")
        for rf in _local(container, "rootfile"):
            if rf.get("full-path"):
                return rf.get("full-path")
    opfs = sorted(n for n in zf.namelist() if n.lower().endswith(".opf"))
    if not opfs:
        raise BilingualError(f"{name}: not a readable EPUB (no package document)")
    return opfs[0]


def read_bytes(data: bytes, name: str, *, max_chapter_bytes: int | None = None) -> list[Document]:
    """Documents (ids and file fields left to the caller) for each chapter in spine order.

    `max_chapter_bytes` lowers the per-member limit (MAX_MEMBER_BYTES) for chapters.
    """
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as e:
        raise BilingualError(f"{name}: not a readable EPUB ({e})") from e
    with zf:
        opf_path = _opf_path(zf, name)
        opf = _xml(_member(zf, opf_path, name), name, "package document")
        base = posixpath.dirname(opf_path)
        manifest = {it.get("id"): it for it in _local(opf, "item") if it.get("id")}
        covers = {_resolve(base, r.get("href", "")) for r in _local(opf, "reference")
                  if (r.get("type") or "").lower() == "cover"}
        book = {
            "title": _first_text(opf, "title"),
            "author": _first_text(opf, "creator", "author"),
            "date": dates.to_iso(_first_text(opf, "date")),
            "rights": _first_text(opf, "rights"),
        }
        docs = []
        read: set[str] = set()
        budget = MAX_BOOK_TEXT_BYTES
        for ref in _local(opf, "itemref")[:MAX_SPINE_ITEMS]:
            item = manifest.get(ref.get("idref"))
            if item is None or (item.get("media-type") or "") not in _XHTML_TYPES:
                continue
            if "nav" in (item.get("properties") or "").split():
                continue
            path = _resolve(base, item.get("href", ""))
            if not path or path in covers or path in read or path == opf_path or _NOT_CHAPTERS.match(path):
                continue  # a chapter listed twice is read once
            if path not in zf.namelist():
                continue
            read.add(path)
            size = zf.getinfo(path).file_size
            if size > budget:
                raise BilingualError(f"{name}: the EPUB's chapters hold more than {MAX_BOOK_TEXT_BYTES // 2**20} MB "
                                     "of text; split the book")
            budget -= size
            raw = _member(zf, path, name, max_chapter_bytes)
            if _PACKAGE_ROOTS.match(raw[:4096]):
                continue  # a package file under another name: not a chapter
            text = decode(raw, f"{name}:{path}")
            doc = html_reader.read_text(text, page=False)
            if not doc.blocks:
                continue
            doc.meta.title = doc.meta.title or book["title"]
            doc.meta.author = book["author"]
            doc.meta.date = book["date"]
            doc.meta.rights = book["rights"]
            doc.meta.source = book["title"]
            docs.append(doc)
    if not docs:
        raise BilingualError(f"{name}: the EPUB has no chapters with text")
    return docs


def _resolve(base: str, href: str) -> str:
    """Zip member name for an href relative to the OPF, or "" when it points outside the book."""
    href = unquote(href.split("#", 1)[0])
    if not href or href.startswith("/"):
        return ""
    path = posixpath.normpath(posixpath.join(base, href))
    return "" if path.startswith("../") or path == ".." else path
