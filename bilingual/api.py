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


def translate(doc: Document, engine, *, glossary=None, memory=None, progress: Progress | None = None) -> Document:
    """Fill the English column (memory first, then the engine), glossary-protected."""
    from bilingual.translate.run import translate_document

    return translate_document(doc, engine, glossary=glossary, memory=memory, progress=progress)
