"""Ingest: files, folders and list files -> Documents (the only step that reads input).

    read_all([Path("seeds/")])  -> every article under the folder, sorted by name
    read_all([Path("book.txt")]) -> a list file: the files it names, in its order
    read(Path("book.epub"))     -> one Document per spine chapter

Formats are detected from content first (see detect.py); each has its own
reader module, and all HTML-shaped input ends in blocks.html_blocks.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from bilingual.errors import BilingualError
from bilingual.files import is_regular, read_bytes, special_kind
from bilingual.ingest import cdt, detect, epub, html, markdown, script, text
from bilingual.ingest.encoding import binary_kind, decode
from bilingual.ingest.inline import fold, strip_controls
from bilingual.ingest.sanitize import drop_closing_trailers, lift_closing_rights, rules
from bilingual.model import Document, slug

__all__ = ["read", "read_all", "read_files", "expand", "is_list_file", "article_files", "generated_here"]

MAX_FILE_BYTES = 100 * 1024 * 1024  # an EPUB (images included)
# One article as text. 10 MiB is ~3.5 million Chinese characters, more than a whole
# novel; past it a build needs minutes and gigabytes (50 MB: 7.5 min, 6.4 GB peak RSS,
# a 500 MB page), so a file that size is refused up front and the user told to split it.
MAX_ARTICLE_BYTES = 10 * 1024 * 1024
MAX_LIST_BYTES = 256 * 1024

READERS: dict[str, Callable[[str], Document]] = {
    "cdt": cdt.read_text,
    "html": html.read_text,
    "markdown": markdown.read_text,
    "text": text.read_text,
}


def read_all(inputs: list[Path], *, skipped: list[str] | None = None) -> list[Document]:
    """Every article named by `inputs` (files, folders, list files), in order, ids made unique.

    With a `skipped` list, an article that cannot be read is noted there (one
    line naming it) and the rest are still read: a collection build can go on.
    """
    return read_files(expand(inputs), skipped=skipped)


def expand(inputs: list[Path]) -> list[Path]:
    """The article files `inputs` name (folders walked, list files followed), in order."""
    return _expand(inputs, ())


def read_files(files: list[Path], *, skipped: list[str] | None = None) -> list[Document]:
    """The articles in `files` (as `expand` gives them), in order, ids made unique; `skipped` as read_all."""
    docs: list[Document] = []
    for path in files:
        try:
            docs.extend(read(path))
        except BilingualError as e:
            if skipped is None:
                raise
            skipped.append(str(e))
    _unique_ids(docs)
    return docs


# Ids that a collection's own files use: an article called index.md must not become index.html.
RESERVED_IDS = ("index",)


def _unique_ids(docs: list[Document]) -> None:
    """Give every later duplicate id the first free suffix -2, -3 ...

    Each id's first holder keeps it, and a suffix is never one another file
    already has (a-2.txt next to two a.txt): ids are output file names, so they
    are compared without letter case (A.html and a.html are one file on macOS),
    and in a collection RESERVED_IDS are taken by the collection's own pages.
    """
    used: set[str] = {r.casefold() for r in RESERVED_IDS} if len(docs) > 1 else set()
    repeats: list[Document] = []
    for doc in docs:
        if doc.id.casefold() in used:
            repeats.append(doc)
        else:
            used.add(doc.id.casefold())
    for doc in repeats:
        n = 2
        while f"{doc.id}-{n}".casefold() in used:
            n += 1
        doc.id = f"{doc.id}-{n}"
        used.add(doc.id.casefold())


def read(path: Path) -> list[Document]:
    """The article(s) in one file; an EPUB gives one Document per chapter."""
    path = Path(path)
    name = str(path)
    if not path.exists():
        raise BilingualError(f"{name}: no such file or folder")
    if path.is_dir():
        raise BilingualError(f"{name}: is a folder (pass it to read_all)")
    data = read_bytes(path, "an article", limit=MAX_FILE_BYTES)  # regular files only: no FIFO, no /dev/zero
    size = len(data)
    if generated_here(path, data):
        raise BilingualError(f"{name}: an edition this tool wrote, not an article; build from its source")
    if detect.detect_bytes(data) == "epub":
        docs = epub.read_bytes(data, name, max_chapter_bytes=MAX_ARTICLE_BYTES)
        for i, doc in enumerate(docs, 1):
            _finish(doc, f"{path.stem}-{i:02d}", "epub", path)
        return docs
    if path.suffix.lower() == ".epub":
        what = "a damaged zip archive" if data.startswith(b"PK") else "not a zip archive"
        raise BilingualError(f"{name}: not a readable EPUB ({what})")
    if size > MAX_ARTICLE_BYTES:
        raise BilingualError(f"{name}: too large for one article ({size / 2**20:.1f} MB, the limit is "
                             f"{MAX_ARTICLE_BYTES // 2**20} MB); split it into several files")
    content = decode(data, name)
    if not content.strip():
        raise BilingualError(f"{name}: the file holds only whitespace")
    fmt = detect.detect_text(content, path)
    doc = lift_closing_rights(drop_closing_trailers(READERS[fmt](content)))
    if not doc.blocks:
        why = " (only a title)" if doc.meta.title else ""
        if fmt in ("cdt", "html"):
            why += " left after removing page boilerplate"
        raise BilingualError(f"{name}: no article text{why}")
    return [_finish(doc, path.stem, fmt, path)]


def read_paragraphs(path: Path) -> list[str]:
    """The paragraphs of a translation file (plain text, Markdown or HTML): one per block."""
    return [b.text().strip() for d in read(Path(path)) for b in d.blocks if b.text().strip()]


# The generator line every page and book chapter we write carries (publish/templates).
_GENERATOR = re.compile(rb"<meta\s+name=[\"']generator[\"']\s+content=[\"']bilingual[\s\"']", re.I)


def generated_here(path: Path, data: bytes | None = None) -> bool:
    """True for a page or EPUB this tool wrote: reading it back would publish an edition of an edition.

    Pages are told by their <meta name="generator" content="bilingual ...">, EPUBs by the
    same line in their first chapter file.
    """
    suffix = path.suffix.lower()
    if suffix not in (".html", ".htm", ".xhtml", ".epub"):
        return False
    try:
        if data is None:
            if not is_regular(path):
                return False
            with open(path, "rb") as f:
                data = f.read(4096) if suffix != ".epub" else f.read(MAX_FILE_BYTES + 1)
        if suffix != ".epub":
            return bool(_GENERATOR.search(data[:4096]))
        return epub.generated_by(data, _GENERATOR)
    except OSError:
        return False


# The metadata a reader sees as text (the page's header, the book's OPF), not addresses or dates.
_SHOWN = ("title", "author", "source", "rights")


def _finish(doc: Document, stem: str, fmt: str, path: Path) -> Document:
    for name, value in vars(doc.meta).items():  # block text is cleaned by inline.fold
        if isinstance(value, str):
            setattr(doc.meta, name, strip_controls(value))
        elif isinstance(value, list):
            setattr(doc.meta, name, [strip_controls(v) if isinstance(v, str) else v for v in value])
    # whitespace folds as the blocks' does: RFA's "…身亡   反家暴法…" is one space in every column, and in the
    # book's metadata as on the page; a byline's runs of spaces the same
    for name in _SHOWN:
        setattr(doc.meta, name, fold(getattr(doc.meta, name))[0])
    doc.meta.topics = [fold(t)[0] for t in doc.meta.topics]
    doc.meta.collections = [fold(c)[0] for c in doc.meta.collections]
    doc.id = slug(stem)
    doc.meta.format = fmt
    doc.meta.path = path.name
    doc.meta.script = script.detect(doc.meta.title + "".join(b.source for b in doc.blocks))
    return doc


# --- which files ------------------------------------------------------------

def _expand(inputs: list[Path], stack: tuple[Path, ...]) -> list[Path]:
    files: list[Path] = []
    for raw in inputs:
        path = Path(raw)
        if not path.exists():
            raise BilingualError(f"{path}: no such file or folder")
        if path.is_dir():
            found = article_files(path)
            if not found:
                raise BilingualError(f"{path}: the folder holds no articles")
            files.extend(found)
        elif not path.is_file():
            raise BilingualError(f"{path}: is {special_kind(path.stat().st_mode) or 'not a regular file'}, "
                                 "not an article (only regular files are read)")
        elif is_list_file(path):
            key = path.resolve()
            if key in stack:
                raise BilingualError(f"{path}: the list file names itself (directly or through another list)")
            entries = _list_entries(path)
            for entry in entries:
                if not entry.exists():
                    raise BilingualError(f"{path}: the list file names {entry}, which does not exist")
                if not entry.is_dir() and not entry.is_file():
                    raise BilingualError(f"{path}: the list file names {entry}, which is "
                                         f"{special_kind(entry.stat().st_mode) or 'not a regular file'}")
            files.extend(_expand(entries, (*stack, key)))
        else:
            files.append(path)
    return files


def _natural(path: Path, root: Path) -> list:
    """Sort key: 'chapter 2' before 'chapter 10', folder by folder."""
    key = []
    for part in path.relative_to(root).parts:
        key.append([int(t) if t.isdigit() else t.lower() for t in re.split(r"(\d+)", part)])
    return key


def article_files(folder: Path) -> list[Path]:
    """Files under `folder` that may be articles, recursively, in name order.

    Skips hidden files and folders, files whose extension is not an article
    format (images, JSON, CSS ...), READMEs and licences, list files, anything
    that is not a regular file (FIFOs, devices), pages and books this tool
    wrote (an edition built into its own source folder), and symbolic links
    that lead out of the folder (a link to /etc/hostname is not an article).
    Folder links are not followed; a file reached twice is read once.
    """
    import os

    r = rules()
    exts, names = set(r["article_extensions"]), set(r["not_article_names"])
    root = os.path.realpath(folder)
    candidates = []
    for top, dirs, files in os.walk(folder):  # followlinks=False: no loops, no escape through a folder link
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        candidates += [Path(top) / f for f in files if not f.startswith(".")]
    found, seen = [], set()
    for p in sorted(candidates, key=lambda p: _natural(p, folder)):
        if p.suffix.lower() not in exts or p.stem.lower() in names:
            continue
        real = os.path.realpath(p)
        if real in seen or os.path.commonpath([root, real]) != root or not is_regular(p):
            continue
        if is_list_file(p) or generated_here(p):
            continue
        seen.add(real)
        found.append(p)
    return found


def is_list_file(path: Path) -> bool:
    """A small text file whose every non-blank line names a file or folder, at least one existing.

    A line naming nothing that exists still counts when it looks like a path to
    an article (an article extension, or a trailing /), so that a list with a
    typo is reported as such instead of being read as a one-paragraph article.
    Paths are relative to the list file's folder; lines starting with # are comments.
    """
    try:
        if not path.is_file() or path.stat().st_size > MAX_LIST_BYTES or path.suffix.lower() in (".epub",):
            return False
        data = path.read_bytes()
    except OSError:
        return False
    if not data.strip() or binary_kind(data):
        return False
    try:
        lines = _lines(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return False
    found = False
    for line in lines:
        try:
            exists = _target(path, line).exists()
        except (OSError, ValueError):  # a prose line too long (or odd) to be a file name
            return False
        if not exists and not _path_like(line):
            return False
        found = found or exists
    return found


def _path_like(line: str) -> bool:
    exts = {e for e in rules()["article_extensions"] if e}
    return line.endswith("/") or Path(line).suffix.lower() in exts


def _lines(content: str) -> list[str]:
    return [ln.strip() for ln in content.splitlines() if ln.strip() and not ln.strip().startswith("#")]


def _target(list_file: Path, line: str) -> Path:
    p = Path(line).expanduser()
    return p if p.is_absolute() else list_file.parent / p


def _list_entries(path: Path) -> list[Path]:
    return [_target(path, line) for line in _lines(path.read_bytes().decode("utf-8-sig"))]
