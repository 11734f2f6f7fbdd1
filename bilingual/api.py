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
from typing import TYPE_CHECKING

from bilingual.errors import BilingualError, UsageError
from bilingual.model import COLUMNS, Document, slug

if TYPE_CHECKING:
    from bilingual.check import Finding
    from bilingual.glossary import Glossary

ALL_COLUMNS = tuple(COLUMNS)
# Provenance key: the glossary files beyond the shipped ones a document was prepared with.
GLOSSARY_FILES_KEY = "glossary_files"

Progress = Callable[[int, int, str], None]


def load(inputs: list[Path], *, skipped: list[str] | None = None) -> list[Document]:
    """Ingest: read every article named by `inputs` (files, folders, list files).

    With a `skipped` list, unreadable articles are noted there instead of stopping the load.
    """
    from bilingual import ingest

    return ingest.read_all(inputs, skipped=skipped)


def prepare(doc: Document, *, variant: str = "s2twp", glossary: Glossary | None = None) -> Document:
    """Segment into sentences and fill the Simplified and Traditional columns.

    The glossary's version and its files beyond the shipped ones are recorded in the
    provenance, so a later check of the document uses the same names.
    """
    from bilingual.convert import convert
    from bilingual.segment import segment

    doc = convert(segment(doc), variant=variant, glossary=glossary)
    if glossary is not None:
        from bilingual.settings import glossary_dir

        shipped = glossary_dir().resolve()
        extra = [str(f.resolve()) for f in glossary.files if shipped not in f.resolve().parents]
        if extra:
            doc.provenance[GLOSSARY_FILES_KEY] = "|".join(extra)
    return doc


def glossary(extra: list[Path] | None = None, *, shipped: bool = True) -> Glossary:
    """The termbase for a build: the shipped glossary/ files, then `extra` files on top (later wins)."""
    from bilingual.glossary import Glossary

    return Glossary.default(extra=list(extra or [])) if shipped else Glossary.load(list(extra or []))


def translate(doc: Document, engine, *, glossary=None, memory=None, progress: Progress | None = None) -> Document:
    """Fill the English column (memory first, then the engine), glossary-protected."""
    from bilingual.translate.run import translate_document

    return translate_document(doc, engine, glossary=glossary, memory=memory, progress=progress)


def publish(doc: Document, out_dir: Path, *, glossary=None, columns: tuple[str, ...] = ALL_COLUMNS) -> list[Path]:
    """Write the article's HTML page and its document data JSON side by side (the folder is created)."""
    from bilingual.interchange.jsondoc import write_document
    from bilingual.publish.html import write_html

    _make_folder(out_dir)
    return [
        write_html(doc, out_dir / f"{doc.id}.html", glossary=glossary, columns=columns),
        write_document(doc, out_dir / f"{doc.id}.json"),
    ]


def check(input_path: Path, translation: Path | None = None, *, glossaries: list[Path] | tuple[Path, ...] = (),
          region: str | None = None, output: Path | None = None) -> tuple[Document, list[Finding]]:
    """(document, findings): a translation checked against its source and the glossary.

    `input_path` is a build's document JSON, a Chinese source (with
    `translation`, an external English to align), or an XLIFF/TMX file from a
    CAT tool. A build's JSON is checked against the glossary it was built with
    (recorded in its provenance) unless `glossaries` are given; a difference
    between the two is reported as an info finding. A source is prepared with
    the same glossary it is checked against. `region` picks whose Traditional
    name forms the zh-Hant column must use; by default the document's.
    `output`, where the report will go, is refused now if it is one of the inputs.
    """
    from bilingual.check import check_document, merge
    from bilingual.outputs import refuse_inputs

    if output is not None:
        refuse_inputs([Path(output)], [Path(input_path), *([Path(translation)] if translation else []),
                                       *map(Path, glossaries)])
    path = Path(input_path)
    notes: list[Finding] = []
    suffix = path.suffix.lower()
    if suffix in (".xlf", ".xliff", ".xlf2", ".tmx"):
        if translation is not None:
            raise UsageError(f"{path}: a CAT file carries its own translation; drop --translation")
        from bilingual.interchange.returned import as_document, read_returned

        names = glossary(list(glossaries))
        doc = as_document(path, read_returned(path))
    elif suffix == ".json":
        from bilingual.interchange.jsondoc import load_document

        doc = load_document(path)
        names, notes = _recorded_glossary(doc, list(glossaries))
    else:
        if translation is None:
            raise UsageError(f"{path}: a Chinese source needs its English: add --translation EN_FILE")
        docs = load([path])
        if len(docs) != 1:
            raise BilingualError(f"{path}: holds {len(docs)} articles; check them one at a time")
        names = glossary(list(glossaries))
        doc = prepare(docs[0], glossary=names)
    align_findings: list[Finding] = []
    if translation is not None:
        from bilingual.check.align import align_translation
        from bilingual.ingest import read_paragraphs

        english = read_paragraphs(Path(translation))
        if not english:
            raise BilingualError(f"{translation}: no English paragraphs found")
        doc, align_findings = align_translation(doc, english)
    region = region or _document_region(doc, path)
    return doc, merge(notes, align_findings, check_document(doc, glossary=names, region=region))


def fails(findings: list[Finding], severity: str) -> bool:
    """True when a finding of `severity` or worse exists (what --fail-on gates on)."""
    from bilingual.check import at_or_above

    return bool(at_or_above(findings, severity))


def _recorded_glossary(doc: Document, extra: list[Path]) -> tuple[Glossary, list[Finding]]:
    """The glossary to check a build's JSON with, and a note when it is not the one the build used.

    Given files win (the shipped glossary plus them); otherwise the files the
    build recorded, when they can still be read.
    """
    from bilingual.check import Finding

    recorded = doc.provenance.get("glossary", "")
    files = [Path(f) for f in doc.provenance.get(GLOSSARY_FILES_KEY, "").split("|") if f]
    if extra or not all(f.is_file() for f in files):
        names = glossary(extra)
    else:
        names = glossary(files)
    if not recorded or recorded == names.version:
        return names, []
    given = "the glossary given" if extra else "the shipped glossary" + (" and the recorded files" if files else "")
    message = (f"this edition was built with glossary version {recorded}; checked against {given}, "
               f"version {names.version}")
    return names, [Finding(segment="", kind="provenance.glossary", severity="info", message=message)]


def _document_region(doc: Document, path: Path) -> str:
    """The region whose Traditional forms the document uses, with the file named when it is unknown."""
    from bilingual.variants import document_region

    try:
        return document_region(doc)
    except BilingualError:
        variant = doc.provenance.get("variant")
        raise BilingualError(f"{path}: unknown variant {variant!r} in its provenance; pass --region") from None


def check_report(doc: Document, findings: list[Finding], fmt: str = "text", *, output: Path | None = None) -> str:
    """The check report as text, json or html; with `output`, written there (atomically) and a
    short summary naming the file returned instead."""
    from bilingual.files import write_atomic
    from bilingual.publish import report

    text = report.render(doc, findings, fmt)
    if output is None:
        return text
    write_atomic(Path(output), text)
    return report.render(doc, findings, "summary", title_suffix=f" -> {output}")


def export(doc_path: Path, fmt: str, output: Path | None = None, *, xliff_version: str = "1.2",
           glossaries: list[Path] | tuple[Path, ...] = (), glossary_notes: bool = True) -> Path:
    """Write a saved document JSON's segments as XLIFF ("xliff") or TMX ("tmx") for a CAT tool.

    `output` defaults to the document's path with .xlf or .tmx; glossary terms
    found in a segment become notes on it unless glossary_notes is False.
    """
    from bilingual.interchange.jsondoc import load_document

    if fmt not in ("xliff", "tmx"):
        raise UsageError(f"unknown export format {fmt!r}: choose xliff, tmx")
    from bilingual.outputs import refuse_inputs

    doc_path = Path(doc_path)
    output = Path(output) if output else doc_path.with_suffix(".xlf" if fmt == "xliff" else ".tmx")
    refuse_inputs([output], [doc_path, *map(Path, glossaries)])
    doc = load_document(doc_path)
    names = glossary(list(glossaries)) if glossary_notes else None
    if fmt == "xliff":
        from bilingual.interchange.xliff import write_xliff

        return write_xliff(doc, output, version=xliff_version, glossary=names)
    from bilingual.interchange.tmx import write_tmx

    return write_tmx(doc, output, glossary=names)


def import_edits(file: Path, memory_path: Path | None = None, doc_path: Path | None = None):
    """Store the post-edits of a returned XLIFF/TMX file in the translation memory as human; an ImportReport.

    `doc_path` (the article's document JSON) tells edits from untouched machine
    output when the file no longer carries it. A bad file is refused before the
    memory is opened (and maybe created).
    """
    from bilingual.interchange.jsondoc import load_document
    from bilingual.interchange.returned import check_belongs, import_edits, read_returned
    from bilingual.translate.memory import Memory

    doc = load_document(doc_path) if doc_path else None
    units = read_returned(Path(file))
    foreign = check_belongs(units, doc, file, doc_path) if doc is not None else 0
    with Memory(memory_path) as store:
        report = import_edits(units, store, doc=doc, path=file)
    report.foreign = foreign
    return report


def suggest_names(article: Path, *, glossaries: list[Path] | tuple[Path, ...] = (), limit: int = 50) -> list:
    """Proper-name candidates the glossary lacks in one article, most frequent first.

    The article is read like a build reads it (any encoding ingest accepts;
    markup, archive cards and footers removed), so only its title and text are mined.
    """
    from bilingual.glossary.suggest import suggest

    docs = load([Path(article)])
    if len(docs) != 1:
        raise BilingualError(f"{article}: holds {len(docs)} articles; give one")
    doc = docs[0]
    text = "\n".join([doc.meta.title] + [block.text("source") for block in doc.blocks])
    return suggest(text, glossary(list(glossaries)), limit=limit)


def variant_names() -> list[str]:
    """The --variant choices, as listed in bilingual/data/opencc.toml."""
    from bilingual.variants import variants

    return list(variants())


def regions() -> list[str]:
    """The regions whose Traditional name forms a check can ask for."""
    from bilingual.variants import variants

    return sorted({v["region"] for v in variants().values()})


def lint_glossary(files: list[Path] | tuple[Path, ...] = ()) -> tuple[list[Path], list]:
    """(paths checked, problems) for glossary files, by default the shipped glossary."""
    from bilingual.glossary import Glossary
    from bilingual.glossary.lint import lint

    paths = list(files) or Glossary.default_paths()
    return paths, lint(paths)


def import_termbase(tbx: Path, output: Path | None = None) -> str:
    """A TBX termbase (OmegaT, Trados, memoQ) as glossary TSV text; with `output`, also written there."""
    from bilingual.glossary.terms import to_tsv
    from bilingual.interchange.tbx import import_tbx
    from bilingual.outputs import refuse_inputs

    if output is not None:
        refuse_inputs([Path(output)], [Path(tbx)])
    tsv = to_tsv(import_tbx(Path(tbx)))
    if output is not None:
        from bilingual.files import write_atomic

        write_atomic(Path(output), tsv)
    return tsv


def export_termbase(output: Path, glossaries: list[Path] | tuple[Path, ...] = ()) -> Path:
    """The glossary (shipped + `glossaries`) written as TBX for CAT tools."""
    from bilingual.glossary import Glossary
    from bilingual.interchange.tbx import export_tbx
    from bilingual.outputs import refuse_inputs

    refuse_inputs([Path(output)], [*map(Path, glossaries), *Glossary.default_paths()])

    export_tbx(glossary(list(glossaries)), Path(output))
    return Path(output)


def installed_models() -> tuple[Path, list]:
    """(package folder, installed translation packages)."""
    from bilingual.translate import packages

    return packages.packages_dir(), packages.list_packages()


def install_model(source: Path):
    """Install a model package file (offline); returns its PackageInfo."""
    from bilingual.translate import packages

    return packages.install_file(Path(source))


def download_model(from_code: str, to_code: str, *, progress: Callable[[int, int], None] | None = None):
    """Download and install the index's package for a language pair (the one network use)."""
    from bilingual.translate import packages

    return packages.download(from_code, to_code, progress=progress)


@dataclass
class Built:
    """What a build wrote, the articles it skipped (only with keep_going), and what the user should know."""

    written: list[Path] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # e.g. a broken model package passed over


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
    options checked, articles read, every output name checked (none may clash
    with another or be one of the inputs), the glossary and the engine loaded,
    all of it translated (each result saved in the translation memory as it
    comes, so an interrupted build resumes), and only then are the editions
    written, all together or not at all (bilingual/outputs.py). HTML gives a
    page and document data per article (and an index page for a collection);
    EPUB gives one book of all the articles, in input order.
    """
    from bilingual.outputs import refuse_clashes, refuse_inputs

    unknown = set(formats) - {"html", "epub"}
    if unknown or not formats:
        raise UsageError(f"unknown output format {', '.join(sorted(unknown)) or '(none)'}: choose html, epub")
    title = check_title(title)
    engine_options = _check_engine_options(engine_options or {}) if english else {}
    _check_output(out_dir)  # before hours of translation, not after
    result = Built()
    files = _input_files(inputs)
    docs = _load_files(files, skipped=result.skipped if keep_going else None)
    if not docs:
        raise BilingualError("no article could be read: " + "; ".join(result.skipped))
    # Every output name is known now, before any work: none may clash, none may be an input.
    book = (docs[0].id if len(docs) == 1 else slug(title or out_dir.resolve().name or "book")) + ".epub"
    names = [f"{d.id}{ext}" for d in docs for ext in (".html", ".json")] if "html" in formats else []
    names += ["index.html"] if "html" in formats and len(docs) > 1 else []
    names += [book] if "epub" in formats else []
    refuse_clashes(names, out_dir)
    refuse_inputs([out_dir / n for n in names],
                  [*files, *(glossaries or []), *([Path(memory_path)] if memory_path else [])])
    terms = glossary(glossaries)
    docs = [prepare(doc, variant=variant, glossary=terms) for doc in docs]
    if "epub" in formats:
        from bilingual.publish.epub import check_options

        check_options(docs, layout, columns)
    if english:
        from bilingual.translate.argos import load_engine
        from bilingual.translate.memory import Memory
        from bilingual.translate.run import translate_documents

        engine = load_engine(warnings=result.warnings, **engine_options)
        with Memory(memory_path) as memory:
            # One call for all articles: engine batches mix sentences from every article.
            docs = translate_documents(docs, engine, glossary=terms, memory=memory, progress=progress)
    created = not out_dir.exists()
    _make_folder(out_dir)  # checked at the start; an EPUB-only build has no publish() to create it
    try:
        _write_editions(docs, out_dir, result, formats=formats, layout=layout, columns=columns, title=title,
                        terms=terms, book=book)
    except BaseException:
        if created and not any(out_dir.iterdir()):
            out_dir.rmdir()  # an interrupted or failed build leaves nothing, not even the folder it made
        raise
    return result


def _write_editions(docs: list[Document], out_dir: Path, result: Built, *, formats: tuple[str, ...], layout: str,
                    columns: tuple[str, ...], title: str | None, terms, book: str) -> None:
    """Write every output of a build: to a hidden folder first, moved in once all are written."""
    from bilingual.outputs import Staged

    with Staged(out_dir) as stage:
        if "html" in formats:
            from bilingual.interchange.jsondoc import write_document
            from bilingual.publish.html import write_html

            pages = []
            for doc in docs:
                pages.append(write_html(doc, stage.path(f"{doc.id}.html"), glossary=terms, columns=columns))
                write_document(doc, stage.path(f"{doc.id}.json"))
            if len(docs) > 1:
                from bilingual.publish.index import write_index

                write_index(docs, pages, stage.path("index.html"), title=title or "")
        if "epub" in formats:
            from bilingual.publish.epub import write_epub

            write_epub(docs, stage.path(book), layout=layout, columns=columns, title=title, glossary=terms)
        result.written = stage.commit()


# A --title longer than this is a mistake (a file's contents pasted?), not a title.
MAX_TITLE_CHARS = 300


def check_title(title: str | None) -> str | None:
    """The --title, stripped; UsageError for one that is empty, too long or holds control characters."""
    if title is None:
        return None
    text = title.strip()
    if not text:
        raise UsageError("--title is empty")
    if len(text) > MAX_TITLE_CHARS:
        raise UsageError(f"--title is {len(text)} characters long; the limit is {MAX_TITLE_CHARS}")
    if any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 or 0xD800 <= ord(c) < 0xE000 for c in text):
        raise UsageError("--title holds control characters; give it on one line")
    return text


def _check_engine_options(options: dict) -> dict:
    """Engine options checked before any work (threads within what the machine can run)."""
    from bilingual.translate.argos import check_threads

    options = dict(options)
    if "threads" in options:
        options["threads"] = check_threads(options["threads"])
    return options


def _input_files(inputs: list[Path]) -> list[Path]:
    from bilingual import ingest

    return ingest.expand(inputs)


def _load_files(files: list[Path], *, skipped: list[str] | None) -> list[Document]:
    from bilingual import ingest

    return ingest.read_files(files, skipped=skipped)


def _check_output(out_dir: Path) -> None:
    """Fail now if `out_dir` can never be written: an existing file, or under a file or an unwritable folder."""
    import os

    from bilingual.errors import OutputError

    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(f"output path is not a folder: {out_dir}")
    parent = out_dir.absolute()
    while not parent.exists():
        parent = parent.parent
    if not parent.is_dir():
        raise OutputError(f"cannot create output folder {out_dir}: {parent} is a file")
    if not os.access(parent, os.W_OK):
        raise OutputError(f"output folder is not writable: {parent}")


def _make_folder(out_dir: Path) -> None:
    """Create the output folder (and its parents); build checked it can be written before starting."""
    from bilingual.errors import OutputError

    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise OutputError(f"cannot create output folder {out_dir}: {e.strerror or e}") from None
