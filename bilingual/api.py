"""The importable API: the pipeline as plain function calls.

    docs = api.load([Path("seeds/")])
    doc = api.prepare(docs[0], variant="s2twp")
    doc = api.translate(doc, engine)
    api.publish(doc, Path("out/"))

`build` is the whole pipeline; the CLI is a thin layer over it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from bilingual.edition import (  # noqa: F401 - re-exported: a build, and the two steps users call alone
    ALL_COLUMNS,
    BuildOptions,
    Built,
    Progress,
    build,
    build_documents,
    glossary,
    make_output_folder,
    prepare,
)
from bilingual.errors import BilingualError, UsageError
from bilingual.model import Document

if TYPE_CHECKING:
    from bilingual.check import Finding
    from bilingual.glossary import Glossary


def load(inputs: list[Path], *, skipped: list[str] | None = None) -> list[Document]:
    """Ingest: read every article named by `inputs` (files, folders, list files).

    With a `skipped` list, unreadable articles are noted there instead of stopping the load.
    """
    from bilingual import ingest

    return ingest.read_all(inputs, skipped=skipped)


def engine(**options):
    """The installed zh→en translation engine (Argos package run by CTranslate2); `options`
    are load_engine's (threads, batch_size ...). One clear error when no model is installed."""
    from bilingual.translate.argos import load_engine

    return load_engine(**options)


def translate(doc: Document, engine, *, glossary=None, memory=None, progress: Progress | None = None) -> Document:
    """Fill the English column (memory first, then the engine), glossary-protected."""
    from bilingual.translate.run import translate_document

    return translate_document(doc, engine, glossary=glossary, memory=memory, progress=progress)


def publish(doc: Document, out_dir: Path, *, glossary=None, columns: tuple[str, ...] = ALL_COLUMNS) -> list[Path]:
    """Write the article's HTML page and its document data JSON side by side (the folder is created)."""
    from bilingual.interchange.jsondoc import write_document
    from bilingual.publish.html import write_html

    make_output_folder(out_dir)
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
    name forms the zh-Hant column must use (and, for a Traditional source, says it is
    that region's writing); by default the document's.
    `output`, where the report will go, is refused now if it is one of the inputs.
    """
    from bilingual.check import check_document
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
        if region:  # the Traditional column written as the region asked for is checked against; a Traditional
            from bilingual.variants import region_config  # source is taken to be that region's writing

            doc = prepare(docs[0], variant=region_config(region), glossary=names, source_region=region)
        else:
            doc = prepare(docs[0], glossary=names)
    align_findings: list[Finding] = []
    if translation is not None:
        from bilingual.check.align import align_translation
        from bilingual.ingest import read_paragraphs

        english = read_paragraphs(Path(translation))
        if not english:
            raise BilingualError(f"{translation}: no English paragraphs found")
        doc, align_findings = align_translation(doc, english)
    region = region or document_region(doc, path)
    return doc, check_document(doc, glossary=names, region=region, extra=[*notes, *align_findings])


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
    from bilingual.convert import GLOSSARY_FILES_KEY

    recorded = doc.provenance.get("glossary", "")
    files = [Path(f) for f in doc.provenance.get(GLOSSARY_FILES_KEY, "").split("|") if f]
    missing = [f for f in files if not f.is_file()]
    if extra:
        names, given = glossary(extra), "the glossary given"
    elif missing:
        names = glossary()
        given = f"the shipped glossary ({missing[0]}, recorded at build time, is gone)"
    else:
        names = glossary(files)
        given = "the shipped glossary" + (" and the recorded files" if files else "")
    if not recorded or recorded == names.version:
        return names, []
    message = (f"this edition was built with glossary version {recorded}; checked against {given}, "
               f"version {names.version}")
    return names, [Finding(segment="", kind="provenance.glossary", severity="info", message=message)]


def document_region(doc: Document, path: Path) -> str:
    """The region whose Traditional forms the document uses, with the file named when it is unknown."""
    from bilingual.convert import document_region

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
    """Write a saved document JSON's segments as XLIFF ("xliff"), TMX ("tmx") or an OmegaT project folder
    ("omegat") for a CAT tool.

    `output` defaults to the document's path with .xlf or .tmx; glossary terms
    found in a segment become notes on it unless glossary_notes is False.
    """
    from bilingual.interchange.jsondoc import load_document

    if fmt not in ("xliff", "tmx", "omegat"):
        raise UsageError(f"unknown export format {fmt!r}: choose xliff, tmx, omegat")
    from bilingual.outputs import refuse_inputs

    doc_path = Path(doc_path)
    suffix = {"xliff": ".xlf", "tmx": ".tmx", "omegat": ".omegat"}[fmt]
    output = Path(output) if output else doc_path.with_suffix(suffix)
    refuse_inputs([output], [doc_path, *map(Path, glossaries)])
    doc = load_document(doc_path)
    names = glossary(list(glossaries)) if glossary_notes else None
    if fmt == "omegat":  # a project folder: OmegaT translates an XLIFF's <target>, see interchange/omegat.py
        from bilingual.interchange.omegat import write_omegat_project

        return write_omegat_project(doc, output, glossary=names, name=doc_path.stem)
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


def suggest_names(article: Path, *, glossaries: list[Path] | tuple[Path, ...] = (), limit: int | None = None) -> list:
    """Proper-name candidates the glossary lacks in one article, best evidenced first (glossary/suggest.py).

    The article is read like a build reads it (any encoding ingest accepts;
    markup, archive cards and footers removed), so only its title, byline and text are mined.
    """
    from bilingual.glossary.suggest import DEFAULT_LIMIT, suggest

    docs = load([Path(article)])
    if len(docs) != 1:
        raise BilingualError(f"{article}: holds {len(docs)} articles; give one")
    doc = docs[0]
    byline = [doc.meta.author, doc.meta.source]  # names the reader reads above the text
    text = "\n".join([doc.meta.title, *filter(None, byline)] + [block.text("source") for block in doc.blocks])
    return suggest(text, glossary(list(glossaries)), limit=DEFAULT_LIMIT if limit is None else limit)


def explain_names(article: Path, *, glossaries: list[Path] | tuple[Path, ...] = (),
                  only: str = "") -> list[tuple[str, object]]:
    """(context, decision) for every place a glossary surface occurs in one article: matched or not, and why.

    The article is read and segmented as a build reads it; `only` keeps the
    decisions about one term id or surface. Context is the text around the span.
    """
    from bilingual.errors import BilingualError
    from bilingual.segment import segment

    docs = load([Path(article)])
    if len(docs) != 1:
        raise BilingualError(f"{article}: holds {len(docs)} articles; give one")
    names = glossary(list(glossaries))
    out = []
    texts = [docs[0].meta.title] + [s.source for s in segment(docs[0]).segments()]
    for text in texts:
        for d in names.explain(text):
            if only and only not in (d.term.id, d.surface, d.term.hans):
                continue
            context = text[max(0, d.start - 8):d.start] + "[" + d.surface + "]" + text[d.end:d.end + 8]
            out.append((" ".join(context.split()), d))
    return out


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


def about_models() -> str:
    """Where zh→en models come from (the Argos index, sizes, licences) and where they are installed."""
    from bilingual.translate.sources import about

    return about()


def installed_models() -> tuple[Path, list[str]]:
    """(package folder, one line per installed package: version, size, licence, folder, the one in use)."""
    from bilingual.settings import packages_dir
    from bilingual.translate.sources import describe_installed

    return packages_dir(), describe_installed()


def install_model(source: Path, *, source_prefix: str = "", source_suffix: str = "", target_prefix: str = ""):
    """Install a model offline: an .argosmodel file, or a CTranslate2 + SentencePiece model folder (the
    prefixes/suffix are the tokens such a model expects, e.g. NLLB's language codes). Its PackageInfo."""
    source = Path(source)
    if source.is_dir():
        from bilingual.translate.model_folder import install_folder

        return install_folder(source, source_prefix=source_prefix, source_suffix=source_suffix,
                              target_prefix=target_prefix)
    from bilingual.translate import packages

    return packages.install_file(source)


def engine_threads(threads: int) -> int:
    """The engine threads `threads` means (0: every core this process may use); BilingualError if absurd."""
    from bilingual.translate.threads import engine_threads as resolve

    return resolve(threads)


def download_model(from_code: str, to_code: str, *, progress: Callable[[int, int], None] | None = None):
    """Download and install the index's package for a language pair (the one network use)."""
    from bilingual.translate import packages

    return packages.download(from_code, to_code, progress=progress)


