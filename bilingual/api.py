"""The importable API: the pipeline as plain function calls.

    docs = api.load([Path("seeds/")])
    doc = api.prepare(docs[0], variant="s2twp")
    doc = api.translate(doc, engine)
    api.publish(doc, Path("out/"))

`build` is the whole pipeline; the CLI is a thin layer over it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bilingual.errors import BilingualError, UsageError
from bilingual.model import COLUMNS, Document, slug

if TYPE_CHECKING:
    from bilingual.check import Finding
    from bilingual.glossary import Glossary

ALL_COLUMNS = tuple(COLUMNS)
# Below this share of Han characters among its letters an article is (nearly) English: it builds,
# with a warning, since its three columns will barely differ.
NEARLY_ENGLISH = 0.2

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
    provenance (by convert), so a later check of the document uses the same names.
    """
    from bilingual.convert import convert
    from bilingual.segment import segment

    return convert(segment(doc), variant=variant, glossary=glossary)


def glossary(extra: list[Path] | None = None, *, shipped: bool = True) -> Glossary:
    """The termbase for a build: the shipped glossary/ files, then `extra` files on top (later wins)."""
    from bilingual.glossary import Glossary

    return Glossary.default(extra=list(extra or [])) if shipped else Glossary.load(list(extra or []))


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
        if region:  # the Traditional column written as the region asked for is checked against
            from bilingual.variants import region_config

            doc = prepare(docs[0], variant=region_config(region), glossary=names)
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
    markup, archive cards and footers removed), so only its title and text are mined.
    """
    from bilingual.glossary.suggest import DEFAULT_LIMIT, suggest

    docs = load([Path(article)])
    if len(docs) != 1:
        raise BilingualError(f"{article}: holds {len(docs)} articles; give one")
    doc = docs[0]
    text = "\n".join([doc.meta.title] + [block.text("source") for block in doc.blocks])
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


@dataclass
class Built:
    """What a build wrote, the articles it skipped (only with keep_going), and what the user should know
    (an English-only article, a broken model package passed over)."""

    written: list[Path] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def language_warnings(docs: list[Document]) -> list[str]:
    """One line per article that is English or nearly so (see NEARLY_ENGLISH): built, but worth a word."""
    from bilingual.chars import han_share

    out = []
    for doc in docs:
        share = han_share(" ".join([doc.meta.title, *(b.source for b in doc.blocks)]))
        if share < NEARLY_ENGLISH:
            name = doc.meta.path or doc.id
            out.append(f"{name}: little or no Chinese ({share:.0%} of its letters are Chinese characters); "
                       "its three columns will barely differ")
    return out


@dataclass(frozen=True)
class Edition:
    """What a build makes of its articles: every option of `build` and `build_documents` but the inputs.

    variant: the Traditional column's OpenCC variant; english: False leaves the
    English column empty; glossaries: termbases on top of the shipped one;
    memory_path: the translation memory (default: settings.memory_path());
    engine_options: ArgosEngine's (threads, batch_size …); formats: html, epub;
    layout and columns: the book's; title: the collection's or book's.
    """

    variant: str = "s2twp"
    english: bool = True
    glossaries: Sequence[Path] = ()
    memory_path: Path | None = None
    engine_options: dict | None = None
    formats: tuple[str, ...] = ("html",)
    layout: str = "interleaved"
    columns: tuple[str, ...] = ALL_COLUMNS
    title: str | None = None

    def checked(self) -> Edition:
        """Usage errors before any work: the formats, the title (stripped), the engine's threads."""
        unknown = set(self.formats) - {"html", "epub"}
        if unknown or not self.formats:
            raise UsageError(f"unknown output format {', '.join(sorted(unknown)) or '(none)'}: choose html, epub")
        if self.english and self.engine_options and "threads" in self.engine_options:
            engine_threads(self.engine_options["threads"])
        return replace(self, title=check_title(self.title), glossaries=tuple(self.glossaries or ()))


def build(inputs: list[Path], out_dir: Path, *, keep_going: bool = False, progress: Progress | None = None,
          **options: Any) -> Built:
    """The whole pipeline, from files to editions; `options` are the fields of Edition.

    Everything that can fail on input or setup fails before the first write:
    options checked, articles read (keep_going: an unreadable one is skipped and
    named in Built.skipped), every output name checked (none may clash with
    another or be one of the inputs), the glossary loaded, the engine's package
    and settings checked, all of it translated (the model loaded on the first
    sentence the memory lacks; each result saved in the memory as it comes, so
    an interrupted build resumes), and only then are the editions written, all
    together or not at all (bilingual/outputs.py); an output whose bytes would
    not change is left as it is. HTML gives a page and document data per
    article (and an index page for a collection); EPUB gives one book of all
    the articles, in input order.
    """
    from bilingual.outputs import refuse_inputs

    edition = Edition(**options).checked()
    _check_output(out_dir)  # before hours of translation, not after
    skipped: list[str] = []
    files = _input_files(inputs)
    docs = _load_files(files, skipped=skipped if keep_going else None)
    if not docs:
        raise BilingualError("no article could be read: " + "; ".join(skipped))
    memory = [Path(edition.memory_path)] if edition.memory_path else []
    refuse_inputs([out_dir / n for n in _output_names(docs, out_dir, edition)],
                  [*files, *edition.glossaries, *memory])
    result = _pipeline(docs, out_dir, edition, progress)
    result.skipped = skipped
    result.warnings += language_warnings(docs)
    return result


def build_documents(docs: list[Document], out_dir: Path, *, progress: Progress | None = None,
                    **options: Any) -> Built:
    """`build` after reading: the steps from prepare to publish for documents already loaded.

    The one path every edition takes, so a rebuild from saved document data
    (the review workspace, which rewrites the JSON it read) writes exactly what
    `bilingual build` writes.
    """
    edition = Edition(**options).checked()
    _check_output(out_dir)
    return _pipeline(docs, out_dir, edition, progress)


def _pipeline(docs: list[Document], out_dir: Path, edition: Edition, progress: Progress | None) -> Built:
    """Prepare, translate (memory first), publish: what build and build_documents share."""
    from bilingual.outputs import refuse_clashes

    result = Built()
    names = _output_names(docs, out_dir, edition)
    refuse_clashes(names, out_dir)  # known before any work: no two outputs may share a name
    terms = glossary(list(edition.glossaries))
    docs = [prepare(doc, variant=edition.variant, glossary=terms) for doc in docs]
    if "epub" in edition.formats:
        from bilingual.publish.epub import check_options

        check_options(docs, edition.layout, edition.columns)
    if edition.english:
        from bilingual.translate.argos import lazy_engine
        from bilingual.translate.memory import Memory
        from bilingual.translate.run import translate_documents

        # Loaded on the first sentence the memory lacks: a cached rebuild never loads the model.
        mt = lazy_engine(warnings=result.warnings, **(edition.engine_options or {}))
        with Memory(edition.memory_path) as memory:
            # One call for all articles: engine batches mix sentences from every article.
            docs = translate_documents(docs, mt, glossary=terms, memory=memory, progress=progress)
    created = not out_dir.exists()
    _make_folder(out_dir)  # checked at the start; an EPUB-only build has no publish() to create it
    try:
        _write_editions(docs, out_dir, result, edition, terms=terms,
                        book=names[-1] if "epub" in edition.formats else "")
    except BaseException:
        if created and not any(out_dir.iterdir()):
            out_dir.rmdir()  # an interrupted or failed build leaves nothing, not even the folder it made
        raise
    return result


def _output_names(docs: list[Document], out_dir: Path, edition: Edition) -> list[str]:
    """Every file a build of `docs` writes, the book last."""
    html = "html" in edition.formats
    names = [f"{d.id}{ext}" for d in docs for ext in (".html", ".json")] if html else []
    names += ["index.html"] if html and len(docs) > 1 else []
    if "epub" in edition.formats:
        names.append((docs[0].id if len(docs) == 1 else slug(edition.title or out_dir.resolve().name or "book"))
                     + ".epub")
    return names


def _write_editions(docs: list[Document], out_dir: Path, result: Built, edition: Edition, *, terms,
                    book: str) -> None:
    """Write every output of a build: to a hidden folder first, moved in once all are written."""
    from bilingual.outputs import Staged

    columns = edition.columns
    with Staged(out_dir) as stage:
        if "html" in edition.formats:
            from bilingual.interchange.jsondoc import write_document
            from bilingual.publish.html import write_html

            pages = []
            for doc in docs:
                pages.append(write_html(doc, stage.path(f"{doc.id}.html"), glossary=terms, columns=columns))
                write_document(doc, stage.path(f"{doc.id}.json"))
            if len(docs) > 1:
                from bilingual.publish.index import write_index

                write_index(docs, pages, stage.path("index.html"), title=edition.title or "", columns=columns)
        if "epub" in edition.formats:
            from bilingual.publish.epub import write_epub

            write_epub(docs, stage.path(book), layout=edition.layout, columns=columns, title=edition.title,
                       glossary=terms)
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
