"""The saved document data: the JSON written next to each page, read back by export, check and import.

Schema: docs/document-schema.md (the dict form of bilingual.model.Document).
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from bilingual.errors import BilingualError
from bilingual.files import read_bytes, write_atomic
from bilingual.model import READABLE_SCHEMAS, SCHEMA_VERSION, Document


def write_document(doc: Document, path: Path) -> Path:
    """Write the document data as UTF-8 JSON (readable Chinese, no indentation), atomically.

    The JSON is `doc.to_dict()`'s, encoded straight from the dataclasses by
    json's C encoder: dataclasses.asdict plus Python's indenting encoder cost
    about eight times as much, and a rebuild writes one file per article.
    `python -m json.tool --no-ensure-ascii FILE` shows it indented.
    """
    data = {"schema": SCHEMA_VERSION, **_fields(doc)}
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=_fields) + "\n"
    return write_atomic(Path(path), text)


_FIELDS: dict[type, tuple[str, ...]] = {}


def _fields(obj) -> dict:
    """A model dataclass as the dict asdict() would give, one level deep (json recurses)."""
    names = _FIELDS.get(type(obj))
    if names is None:
        if not dataclasses.is_dataclass(obj):
            raise TypeError(f"not JSON serializable: {type(obj).__name__}")
        names = _FIELDS[type(obj)] = tuple(f.name for f in dataclasses.fields(obj))
    return {name: getattr(obj, name) for name in names}


def load_document(path: Path) -> Document:
    """Read a saved document JSON; anything unreadable or foreign is one BilingualError line."""
    path = Path(path)
    raw = read_bytes(path, "a document JSON file")
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise BilingualError(f"{path}: not a document JSON file (not UTF-8 text)") from None
    except json.JSONDecodeError as e:
        raise BilingualError(f"{path}: not a document JSON file (invalid JSON at line {e.lineno}, "
                             f"column {e.colno}: {e.msg})") from None
    if not isinstance(data, dict) or "blocks" not in data or "id" not in data:
        raise BilingualError(f"{path}: not a bilingual document JSON file (no 'id' and 'blocks')")
    if data.get("schema") not in READABLE_SCHEMAS:
        readable = " or ".join(map(str, READABLE_SCHEMAS))
        raise BilingualError(f"{path}: document schema {data.get('schema')!r} is not supported "
                             f"(this version reads schema {readable}); rebuild the article")
    data = _strip_controls(data)
    try:
        doc = Document.from_dict(data)
    except (TypeError, ValueError, KeyError, AttributeError) as e:
        raise BilingualError(f"{path}: malformed document JSON ({type(e).__name__}: {e})") from None
    _check_types(doc, path)
    return doc


def _strip_controls(value):
    """Every string in the loaded JSON without control characters.

    A file we write holds none (ingest drops them), but a hand-edited one may,
    and they are illegal in the XML of XLIFF, TMX and EPUB: dropped here, once,
    rather than found out as a traceback deep inside an export.
    """
    from bilingual.ingest.inline import strip_controls

    if isinstance(value, str):
        return strip_controls(value)
    if isinstance(value, list):
        return [_strip_controls(v) for v in value]
    if isinstance(value, dict):
        return {k: _strip_controls(v) for k, v in value.items()}
    return value


def _check_types(doc: Document, path: Path) -> None:
    """from_dict trusts field types; a hand-edited file may not deserve that trust."""
    if not isinstance(doc.id, str) or not doc.id:
        raise BilingualError(f"{path}: malformed document JSON (document id must be a non-empty string)")
    for block in doc.blocks:
        if not isinstance(block.src, str) or (block.cell is not None and not all(
                isinstance(getattr(block.cell, k), int) for k in ("table", "row", "col", "rowspan", "colspan"))):
            raise BilingualError(f"{path}: malformed document JSON (a block's src must be a string and "
                                 "its cell's table, row, col and spans whole numbers)")
        for seg in block.segments:
            for name in ("id", "source", "hans", "hant", "en", "origin"):
                if not isinstance(getattr(seg, name), str):
                    raise BilingualError(f"{path}: malformed document JSON (segment {seg.id!r}: "
                                         f"{name} must be a string)")
            if not isinstance(seg.notes, list) or not all(isinstance(n, str) for n in seg.notes):
                raise BilingualError(f"{path}: malformed document JSON (segment {seg.id!r}: "
                                     "notes must be a list of strings)")
