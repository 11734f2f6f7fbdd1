"""The importable API: the pipeline as plain function calls.

    docs = api.load([Path("seeds/")])
    doc = api.prepare(docs[0], variant="s2twp")
    doc = api.translate(doc, engine)
    api.publish(doc, Path("out/"))

`build` is the whole pipeline; the CLI is a thin layer over it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bilingual.model import COLUMNS, Document, slug

ALL_COLUMNS = tuple(COLUMNS)

Progress = Callable[[int, int, str], None]


def load(inputs: list[Path], *, skipped: list[str] | None = None) -> list[Document]:
    """Ingest: read every article named by `inputs` (files, folders, list files).

    With a `skipped` list, unreadable articles are noted there instead of stopping the load.
    """
    from bilingual import ingest

    return ingest.read_all(inputs, skipped=skipped)


def prepare(doc: Document, *, variant: str = "s2twp", glossary=None) -> Document:
    """Segment into sentences and fill the Simplified and Traditional columns."""
    from bilingual.convert import convert
    from bilingual.segment import segment

    return convert(segment(doc), variant=variant, glossary=glossary)


def glossary(extra: list[Path] | None = None, *, shipped: bool = True):
    """The termbase for a build: the shipped glossary/ files, then `extra` files on top (later wins)."""
    from bilingual.glossary import Glossary

    return Glossary.default(extra=list(extra or [])) if shipped else Glossary.load(list(extra or []))


def translate(doc: Document, engine, *, glossary=None, memory=None, progress: Progress | None = None) -> Document:
    """Fill the English column (memory first, then the engine), glossary-protected."""
    from bilingual.translate.run import translate_document

    return translate_document(doc, engine, glossary=glossary, memory=memory, progress=progress)


def publish(doc: Document, out_dir: Path, *, glossary=None, columns: tuple[str, ...] = ALL_COLUMNS) -> list[Path]:
    """Write the article's HTML page and its document data JSON side by side (the folder is created)."""
    from bilingual.publish.html import write_html
    from bilingual.publish.jsondoc import write_document

    _make_folder(out_dir)
    return [
        write_html(doc, out_dir / f"{doc.id}.html", glossary=glossary, columns=columns),
        write_document(doc, out_dir / f"{doc.id}.json"),
    ]


@dataclass
class Built:
    """What a build wrote, and the articles it skipped (only with keep_going)."""

    written: list[Path] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def build(
    inputs: list[Path],
    out_dir: Path,
    *,
    variant: str = "s2twp",
    english: bool = True,
    glossaries: list[Path] | None = None,
    memory_path: Path | None = None,
    engine_options: dict | None = None,
    formats: tuple[str, ...] = ("html",),
    layout: str = "interleaved",
    columns: tuple[str, ...] = ALL_COLUMNS,
    title: str | None = None,
    keep_going: bool = False,
    progress: Progress | None = None,
) -> Built:
    """The whole pipeline; english=False leaves the English column empty.

    Everything that can fail on input or setup fails before the first write:
    articles are read, the glossary and the engine loaded, all of it translated
    (each result saved in the translation memory as it comes, so an interrupted
    build resumes), and only then are the editions written. HTML gives a page
    and document data per article (and an index page for a collection); EPUB
    gives one book of all the articles, in input order.
    """
    from bilingual.errors import BilingualError

    unknown = set(formats) - {"html", "epub"}
    if unknown or not formats:
        raise BilingualError(f"unknown output format {', '.join(sorted(unknown)) or '(none)'}: choose html, epub")
    _check_output(out_dir)  # before hours of translation, not after
    result = Built()
    docs = load(inputs, skipped=result.skipped if keep_going else None)
    if not docs:
        raise BilingualError("no article could be read: " + "; ".join(result.skipped))
    names = glossary(glossaries)
    docs = [prepare(doc, variant=variant, glossary=names) for doc in docs]
    if "epub" in formats:
        from bilingual.publish.epub import check_options

        check_options(docs, layout, columns)
    if english:
        from bilingual.translate.argos import load_engine
        from bilingual.translate.memory import Memory
        from bilingual.translate.run import translate_documents

        engine = load_engine(**(engine_options or {}))
        with Memory(memory_path) as memory:
            # One call for all articles: engine batches mix sentences from every article.
            docs = translate_documents(docs, engine, glossary=names, memory=memory, progress=progress)
    _make_folder(out_dir)  # checked at the start; an EPUB-only build has no publish() to create it
    if "html" in formats:
        pages = []
        for doc in docs:
            page, data = publish(doc, out_dir, glossary=names, columns=columns)
            pages.append(page)
            result.written += [page, data]
        if len(docs) > 1:
            from bilingual.publish.index import write_index

            result.written.append(write_index(docs, pages, out_dir / "index.html", title=title or ""))
    if "epub" in formats:
        from bilingual.publish.epub import write_epub

        name = docs[0].id if len(docs) == 1 else slug(title or out_dir.resolve().name or "book")
        result.written.append(write_epub(docs, out_dir / f"{name}.epub", layout=layout, columns=columns,
                                         title=title, glossary=names))
    return result


def _check_output(out_dir: Path) -> None:
    """Fail now if `out_dir` can never be written: an existing file, or under a file or an unwritable folder."""
    import os

    from bilingual.errors import BilingualError

    if out_dir.exists() and not out_dir.is_dir():
        raise BilingualError(f"output path is not a folder: {out_dir}")
    parent = out_dir.absolute()
    while not parent.exists():
        parent = parent.parent
    if not parent.is_dir():
        raise BilingualError(f"cannot create output folder {out_dir}: {parent} is a file")
    if not os.access(parent, os.W_OK):
        raise BilingualError(f"output folder is not writable: {parent}")


def _make_folder(out_dir: Path) -> None:
    """Create the output folder (and its parents); build checked it can be written before starting."""
    from bilingual.errors import BilingualError

    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise BilingualError(f"cannot create output folder {out_dir}: {e.strerror or e}") from None
