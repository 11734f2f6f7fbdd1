"""A build: articles in, editions out (pages, document data, index, book), all or nothing.

The one path every edition takes, for `bilingual build` (from files) and the
review workspace's rebuild (from saved document data): options checked, the
articles prepared (segmented, both Chinese columns filled), translated with
the memory first, and the outputs staged and moved into place together.
bilingual.api re-exports what users call.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bilingual.errors import BilingualError, UsageError
from bilingual.model import COLUMNS, Document, slug

if TYPE_CHECKING:
    from bilingual.glossary import Glossary

ALL_COLUMNS = tuple(COLUMNS)
# Below this share of Han characters among its letters an article is (nearly) English: it builds,
# with a warning, since its three columns will barely differ.
NEARLY_ENGLISH = 0.2

Progress = Callable[[int, int, str], None]


def prepare(doc: Document, *, variant: str = "s2twp", glossary: Glossary | None = None,
            source_region: str = "") -> Document:
    """Segment into sentences and fill the Simplified and Traditional columns.

    The glossary's version and its files beyond the shipped ones are recorded in the
    provenance (by convert), so a later check of the document uses the same names.
    """
    from bilingual.convert import convert
    from bilingual.segment import segment

    return convert(segment(doc), variant=variant, glossary=glossary, source_region=source_region)


def glossary(extra: list[Path] | None = None, *, shipped: bool = True) -> Glossary:
    """The termbase for a build: the shipped glossary/ files, then `extra` files on top (later wins)."""
    from bilingual.glossary import Glossary

    return Glossary.default(extra=list(extra or [])) if shipped else Glossary.load(list(extra or []))


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
class BuildOptions:
    """Every option of `build` and `build_documents` but the inputs (both take them as keyword arguments).

    variant: the Traditional column's OpenCC variant; source_region: the region a Traditional source is
    written in, as its user states it ("": unstated); english: False leaves the
    English column empty; glossaries: termbases on top of the shipped one;
    memory_path: the translation memory (default: settings.memory_path());
    engine_options: ArgosEngine's (threads, batch_size …); formats: html, epub;
    layout and columns: the book's; title: the collection's or book's.
    """

    variant: str = "s2twp"
    source_region: str = ""
    english: bool = True
    glossaries: Sequence[Path] | None = ()
    memory_path: Path | None = None
    engine_options: dict | None = None
    formats: tuple[str, ...] = ("html",)
    layout: str = "interleaved"
    columns: tuple[str, ...] = ALL_COLUMNS
    title: str | None = None

    def checked(self) -> BuildOptions:
        """Usage errors before any work: the formats, the title (stripped), the engine's threads."""
        unknown = set(self.formats) - {"html", "epub"}
        if unknown or not self.formats:
            raise UsageError(f"unknown output format {', '.join(sorted(unknown)) or '(none)'}: choose html, epub")
        if self.english and self.engine_options and "threads" in self.engine_options:
            from bilingual.translate.threads import engine_threads

            engine_threads(self.engine_options["threads"])
        return replace(self, title=check_title(self.title), glossaries=tuple(self.glossaries or ()))


def build(inputs: list[Path], out_dir: Path, *, keep_going: bool = False, progress: Progress | None = None,
          **options: Any) -> Built:
    """The whole pipeline, from files to editions; `options` are the fields of BuildOptions.

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

    opts = BuildOptions(**options).checked()
    _check_output(out_dir)  # before hours of translation, not after
    skipped: list[str] = []
    files = _input_files(inputs)
    docs = _load_files(files, skipped=skipped if keep_going else None)
    if not docs:
        raise BilingualError("no article could be read: " + "; ".join(skipped))
    memory = [Path(opts.memory_path)] if opts.memory_path else []
    refuse_inputs([out_dir / n for n in _output_names(docs, out_dir, opts)],
                  [*files, *opts.glossaries, *memory])
    result = _pipeline(docs, out_dir, opts, progress)
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
    opts = BuildOptions(**options).checked()
    _check_output(out_dir)
    return _pipeline(docs, out_dir, opts, progress)


def _pipeline(docs: list[Document], out_dir: Path, opts: BuildOptions, progress: Progress | None) -> Built:
    """Prepare, translate (memory first), publish: what build and build_documents share."""
    from bilingual.outputs import refuse_clashes

    result = Built()
    names = _output_names(docs, out_dir, opts)
    refuse_clashes(names, out_dir)  # known before any work: no two outputs may share a name
    terms = glossary(list(opts.glossaries))
    docs = [prepare(doc, variant=opts.variant, glossary=terms, source_region=opts.source_region) for doc in docs]
    if "epub" in opts.formats:
        from bilingual.publish.epub import check_options

        check_options(docs, opts.layout, opts.columns)
    if opts.english:
        from bilingual.translate.argos import lazy_engine
        from bilingual.translate.memory import Memory
        from bilingual.translate.run import translate_documents

        # Loaded on the first sentence the memory lacks: a cached rebuild never loads the model.
        mt = lazy_engine(warnings=result.warnings, **(opts.engine_options or {}))
        with Memory(opts.memory_path) as memory:
            # One call for all articles: engine batches mix sentences from every article.
            docs = translate_documents(docs, mt, glossary=terms, memory=memory, progress=progress)
    created = not out_dir.exists()
    make_output_folder(out_dir)  # checked at the start; an EPUB-only build has no publish() to create it
    try:
        _write_editions(docs, out_dir, result, opts, terms=terms,
                        book=names[-1] if "epub" in opts.formats else "")
    except BaseException:
        if created and not any(out_dir.iterdir()):
            out_dir.rmdir()  # an interrupted or failed build leaves nothing, not even the folder it made
        raise
    return result


def _output_names(docs: list[Document], out_dir: Path, opts: BuildOptions) -> list[str]:
    """Every file a build of `docs` writes, the book last."""
    html = "html" in opts.formats
    names = [f"{d.id}{ext}" for d in docs for ext in (".html", ".json")] if html else []
    names += ["index.html"] if html and len(docs) > 1 else []
    if "epub" in opts.formats:
        names.append((docs[0].id if len(docs) == 1 else slug(opts.title or out_dir.resolve().name or "book"))
                     + ".epub")
    return names


def _write_editions(docs: list[Document], out_dir: Path, result: Built, opts: BuildOptions, *, terms: Glossary,
                    book: str) -> None:
    """Write every output of a build: to a hidden folder first, moved in once all are written."""
    from bilingual.outputs import Staged

    columns = opts.columns
    with Staged(out_dir) as stage:
        if "html" in opts.formats:
            from bilingual.interchange.jsondoc import write_document
            from bilingual.publish.html import write_html

            pages = []
            for doc in docs:
                pages.append(write_html(doc, stage.path(f"{doc.id}.html"), glossary=terms, columns=columns))
                write_document(doc, stage.path(f"{doc.id}.json"))
            if len(docs) > 1:
                from bilingual.publish.index import write_index

                write_index(docs, pages, stage.path("index.html"), title=opts.title or "", columns=columns)
        if "epub" in opts.formats:
            from bilingual.publish.epub import write_epub

            write_epub(docs, stage.path(book), layout=opts.layout, columns=columns, title=opts.title,
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


def make_output_folder(out_dir: Path) -> None:
    """Create the output folder (and its parents); build checked it can be written before starting."""
    from bilingual.errors import OutputError

    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise OutputError(f"cannot create output folder {out_dir}: {e.strerror or e}") from None
