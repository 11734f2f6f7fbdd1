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


def check(input_path: Path, translation: Path | None = None, *, glossaries: list[Path] | tuple[Path, ...] = (),
          region: str | None = None):
    """(document, findings): a translation checked against its source and the glossary.

    `input_path` is a build's document JSON, a Chinese source (with
    `translation`, an external English to align), or an XLIFF/TMX file from a
    CAT tool. `region` picks whose Traditional name forms the zh-Hant column
    must use; by default the document's variant's region, else zh-TW.
    """
    from bilingual.check import check_document, merge
    from bilingual.check.inputs import document_region, load_for_check

    doc, align_findings = load_for_check(Path(input_path), translation)
    region = region or document_region(doc, Path(input_path))
    return doc, merge(align_findings, check_document(doc, glossary=glossary(list(glossaries)), region=region))


def check_report(doc: Document, findings: list, fmt: str = "text", *, output: Path | None = None) -> str:
    """The check report as text, json or html; with `output`, written there (atomically) and a
    short summary naming the file returned instead."""
    from bilingual.check import report

    text = report.render(doc, findings, fmt)
    if output is None:
        return text
    from bilingual.publish.files import write_atomic

    write_atomic(Path(output), text)
    return report.render(doc, findings, "summary", title_suffix=f" -> {output}")


def export(doc_path: Path, fmt: str, output: Path | None = None, *, xliff_version: str = "1.2",
           glossaries: list[Path] | tuple[Path, ...] = (), glossary_notes: bool = True) -> Path:
    """Write a saved document JSON's segments as XLIFF ("xliff"), TMX ("tmx") or an OmegaT project folder
    ("omegat") for a CAT tool.

    `output` defaults to the document's path with .xlf or .tmx; glossary terms
    found in a segment become notes on it unless glossary_notes is False.
    """
    from bilingual.errors import BilingualError
    from bilingual.publish.jsondoc import load_document

    if fmt not in ("xliff", "tmx", "omegat"):
        raise BilingualError(f"unknown export format {fmt!r}: choose xliff, tmx, omegat")
    doc_path = Path(doc_path)
    doc = load_document(doc_path)
    names = glossary(list(glossaries)) if glossary_notes else None
    if fmt == "omegat":  # a project folder: OmegaT translates an XLIFF's <target>, see publish/omegat.py
        from bilingual.publish.omegat import write_omegat_project

        return write_omegat_project(doc, Path(output) if output else doc_path.with_suffix(".omegat"),
                                    glossary=names, name=doc_path.stem)
    output = Path(output) if output else doc_path.with_suffix(".xlf" if fmt == "xliff" else ".tmx")
    if fmt == "xliff":
        from bilingual.publish.xliff import write_xliff

        return write_xliff(doc, output, version=xliff_version, glossary=names)
    from bilingual.publish.tmx import write_tmx

    return write_tmx(doc, output, glossary=names)


def import_edits(file: Path, memory_path: Path | None = None, doc_path: Path | None = None):
    """Store the post-edits of a returned XLIFF/TMX file in the translation memory as human; an ImportReport.

    `doc_path` (the article's document JSON) tells edits from untouched machine
    output when the file no longer carries it. A bad file is refused before the
    memory is opened (and maybe created).
    """
    from bilingual.publish.jsondoc import load_document
    from bilingual.publish.xliff import read_returned
    from bilingual.translate import memory

    doc = load_document(doc_path) if doc_path else None
    units = read_returned(Path(file))
    with memory.Memory(memory_path) as store:
        return memory.import_edits(units, store, doc=doc, path=file)


def suggest_names(article: Path, *, glossaries: list[Path] | tuple[Path, ...] = (), limit: int = 50) -> list:
    """Proper-name candidates the glossary lacks in one article, most frequent first.

    The article is read like a build reads it (any encoding ingest accepts;
    markup, archive cards and footers removed), so only its title and text are mined.
    """
    from bilingual.errors import BilingualError
    from bilingual.glossary_tools import suggest

    docs = load([Path(article)])
    if len(docs) != 1:
        raise BilingualError(f"{article}: holds {len(docs)} articles; give one")
    doc = docs[0]
    text = "\n".join([doc.meta.title] + [block.text("source") for block in doc.blocks])
    return suggest(text, glossary(list(glossaries)), limit=limit)


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
