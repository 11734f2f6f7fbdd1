"""The saved document data: the JSON written next to each page, read back by export, check and import.

Schema: docs/document-schema.md (the dict form of bilingual.model.Document).
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from pathlib import Path

from bilingual.errors import BilingualError
from bilingual.files import load_json, read_bytes, write_atomic
from bilingual.model import MEDIA, READABLE_SCHEMAS, ROLES, SCHEMA_VERSION, Block, Document

# A document JSON larger than this is not one we wrote (a 10 MB article makes about 60 MB).
MAX_DOCUMENT_BYTES = 256 * 1024 * 1024


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
    raw = read_bytes(path, "a document JSON file", limit=MAX_DOCUMENT_BYTES)
    data = load_json(raw, str(path), "a document JSON file")  # nesting bounded: no RecursionError
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
    problem = _type_problem(doc, "document")
    if problem:
        raise BilingualError(f"{path}: malformed document JSON ({problem})")
    if not doc.id:
        raise BilingualError(f"{path}: malformed document JSON (document id must be a non-empty string)")
    return doc


def _strip_controls(value):
    """Every string in the loaded JSON without control characters (or lone surrogates).

    A file we write holds none (ingest drops them), but a hand-edited one may,
    and they are illegal in the XML of XLIFF, TMX and EPUB (a lone surrogate in
    any UTF-8): dropped here, once, rather than found out as a traceback deep
    inside an export. Nesting is bounded by load_json, so this recursion is too.
    """
    from bilingual.ingest.inline import strip_controls

    if isinstance(value, str):
        return strip_controls(value)
    if isinstance(value, list):
        return [_strip_controls(v) for v in value]
    if isinstance(value, dict):
        return {strip_controls(k) if isinstance(k, str) else k: _strip_controls(v) for k, v in value.items()}
    return value


def _type_problem(value: object, where: str, hint: object = None) -> str:
    """What is wrong with the types in a loaded document ("" when nothing): from_dict trusts them,
    a hand-edited file may not deserve it (a title of 5, a segment source of null).

    Every field is checked against the model's own annotations, so a new field is checked too.
    """
    if hint is None:
        hint = type(value)
    if dataclasses.is_dataclass(hint):
        if not isinstance(value, hint):
            return f"{where} must be an object"
        for name, field_hint in typing.get_type_hints(hint).items():
            problem = _type_problem(getattr(value, name), f"{where}.{name}", field_hint)
            if problem:
                return problem
        if isinstance(value, Block) and value.role not in ROLES:
            return f"{where}.role {value.role!r} is not one of {', '.join(ROLES)}"
        if isinstance(value, Block) and value.media not in MEDIA:
            return f"{where}.media {value.media!r} is not one of {', '.join(repr(m) for m in MEDIA)}"
        return ""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):  # Optional fields: None, or what the other member says
        if value is None and type(None) in args:
            return ""
        return _type_problem(value, where, next(a for a in args if a is not type(None)))
    if origin is list:
        kind = {str: "strings", int: "whole numbers"}.get(args[0])
        if not isinstance(value, list):
            return f"{where} must be a list" + (f" of {kind}" if kind else "")
        problem = next((p for i, v in enumerate(value) if (p := _type_problem(v, f"{where}[{i}]", args[0]))), "")
        return f"{where} must be a list of {kind}" if problem and kind else problem
    if origin is dict:
        if not isinstance(value, dict) or not all(isinstance(k, str) for k in value):
            return f"{where} must be an object with string keys"
        return next((p for k, v in value.items() if (p := _type_problem(v, f"{where}.{k}", args[1]))), "")
    if hint is int:
        return "" if isinstance(value, int) and not isinstance(value, bool) else f"{where} must be a whole number"
    if hint is str:
        return "" if isinstance(value, str) else f"{where} must be a string"
    return ""
