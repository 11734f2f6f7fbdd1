"""What `bilingual check` reads: a saved document JSON, a Chinese source plus an
external English translation, or an XLIFF / TMX file back from a CAT tool.

Reading is delegated to the readers that own each format (publish.jsondoc,
publish.xliff, publish.tmx, ingest); this module only turns their output into
one Document to check.
"""

from __future__ import annotations

from pathlib import Path

from bilingual.check.base import Finding
from bilingual.errors import BilingualError
from bilingual.model import Block, Document, Segment, segment_id, slug

XLIFF_SUFFIXES = (".xlf", ".xliff", ".xlf2")


def load_for_check(path: Path, translation: Path | None = None) -> tuple[Document, list[Finding]]:
    """The document to check, plus the findings that reading it produced (alignment)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in XLIFF_SUFFIXES or suffix == ".tmx":
        if translation is not None:
            raise BilingualError(f"{path}: a CAT file carries its own translation; drop --translation")
        return (_from_xliff(path) if suffix != ".tmx" else _from_tmx(path)), []
    if suffix == ".json":
        from bilingual.interchange.jsondoc import load_document

        doc = load_document(path)
    else:
        if translation is None:
            raise BilingualError(f"{path}: a Chinese source needs its English: add --translation EN_FILE")
        doc = _chinese_source(path)
    if translation is None:
        return doc, []
    from bilingual.check.align import align_translation, read_paragraphs

    english = read_paragraphs(Path(translation))
    if not english:
        raise BilingualError(f"{translation}: no English paragraphs found")
    return align_translation(doc, english)


def _chinese_source(path: Path) -> Document:
    from bilingual import api

    docs = api.load([path])
    if len(docs) != 1:
        raise BilingualError(f"{path}: holds {len(docs)} articles; check them one at a time")
    return api.prepare(docs[0])


def _document(path: Path, rows: list[tuple[str, str, str, str]]) -> Document:
    """One block per unit: a CAT file keeps segments, not our paragraphs."""
    doc_id = slug(path.stem)
    blocks = []
    for i, (uid, source, target, origin) in enumerate(rows):
        sid = uid or segment_id(doc_id, i, 0, source)
        blocks.append(Block("paragraph", [Segment(id=sid, source=source, hans=source, en=target,
                                                  origin=origin if target else "")], source=source))
    if not blocks:
        raise BilingualError(f"{path}: no translation units")
    return Document(id=doc_id, blocks=blocks)


def _from_xliff(path: Path) -> Document:
    from bilingual.interchange.xliff import read_xliff_units

    units = read_xliff_units(path)
    return _document(path, [(u.id, u.source, u.target, "human") for u in units])


def _from_tmx(path: Path) -> Document:
    from bilingual.interchange.tmx import read_tmx_units

    units = read_tmx_units(path)
    return _document(path, [(u.id, u.source, u.target, u.state or "human") for u in units])


def document_region(doc: Document, path: Path) -> str:
    """The region whose Traditional forms a build of ours used (variants.document_region), named in errors."""
    from bilingual.variants import document_region as region_of

    try:
        return region_of(doc)
    except BilingualError:
        variant = doc.provenance.get("variant")
        raise BilingualError(f"{path}: unknown variant {variant!r} in its provenance; pass --region") from None
