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

from bilingual.model import Document

Progress = Callable[[int, int, str], None]


def load(inputs: list[Path]) -> list[Document]:
    """Ingest: read every article named by `inputs` (files or folders)."""
    from bilingual import ingest

    return ingest.read_all(inputs)


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

    out = translate_document(doc, engine, glossary=glossary, memory=memory, progress=progress)
    out.provenance.update(engine=engine.name, model=engine.identity)
    return out


def publish(doc: Document, out_dir: Path, *, glossary=None) -> list[Path]:
    """Write the article's HTML page and its document data JSON side by side."""
    from bilingual.publish.html import write_html
    from bilingual.publish.jsondoc import write_document

    return [
        write_html(doc, out_dir / f"{doc.id}.html", glossary=glossary),
        write_document(doc, out_dir / f"{doc.id}.json"),
    ]


def build(
    inputs: list[Path],
    out_dir: Path,
    *,
    variant: str = "s2twp",
    english: bool = True,
    glossaries: list[Path] | None = None,
    memory_path: Path | None = None,
    engine_options: dict | None = None,
    progress: Progress | None = None,
) -> list[Path]:
    """The whole pipeline; english=False leaves the English column empty.

    Everything that can fail on input or setup fails before the first write:
    articles are read, the glossary and the engine loaded, all of it translated
    (each result saved in the translation memory as it comes, so an interrupted
    build resumes), and only then are the editions written.
    """
    docs = load(inputs)
    names = glossary(glossaries)
    docs = [prepare(doc, variant=variant, glossary=names) for doc in docs]
    if english:
        from bilingual.translate.argos import load_engine
        from bilingual.translate.memory import Memory
        from bilingual.translate.run import translate_documents

        engine = load_engine(**(engine_options or {}))
        with Memory(memory_path) as memory:
            # One call for all articles: engine batches mix sentences from every article.
            docs = translate_documents(docs, engine, glossary=names, memory=memory, progress=progress)
        for doc in docs:
            doc.provenance.update(engine=engine.name, model=engine.identity)
    _ensure_writable(out_dir)
    written: list[Path] = []
    for doc in docs:
        written += publish(doc, out_dir, glossary=names)
    return written


def _ensure_writable(out_dir: Path) -> None:
    import os

    from bilingual.errors import BilingualError

    if out_dir.exists() and not out_dir.is_dir():
        raise BilingualError(f"output path is not a folder: {out_dir}")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise BilingualError(f"cannot create output folder {out_dir}: {e.strerror}") from None
    if not os.access(out_dir, os.W_OK):
        raise BilingualError(f"output folder is not writable: {out_dir}")
