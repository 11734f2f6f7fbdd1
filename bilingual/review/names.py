"""The glossary at hand while reviewing: what a marked name stands for, and adding a new one.

A new name goes into the project glossary file the user named (`--glossary`),
as one more TSV row in that file's own column order. The whole new file is
written to a temporary file beside it and checked with `glossary check`'s own
code together with the glossaries in force; only a clean file is renamed over
the old one, so a bad row never reaches the glossary and a crash never leaves
half a file.
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from pathlib import Path

from bilingual.chars import HAN
from bilingual.errors import BilingualError
from bilingual.model import Document

# What the add-name form may hold: one line of text per field, no tabs (the TSV separator).
_BAD_CELL = re.compile(r"[\t\r\n\x00-\x1f\x7f]")


def name_info(doc: Document, glossary, region: str) -> dict[str, dict]:
    """term id -> its renderings, for every name marked in the article (the page's hover cards).

    From the glossary in force when it knows the term, else from the marked text
    itself (a term since removed from the glossary still shows what the page says).
    """
    from bilingual.publish.view import names_used

    out: dict[str, dict] = {}
    for name in names_used([doc], glossary):
        term = glossary.get(name.id) if glossary is not None else None
        if term is None:
            out[name.id] = {"id": name.id, "kind": name.kind, "hans": name.hans, "hant": name.hant, "en": name.en}
            continue
        out[name.id] = {
            "id": term.id, "kind": term.kind, "hans": term.hans, "hant": glossary.hant_form(term, region),
            "en": term.en, "en_long": term.en_long, "en_adj": term.en_adj, "aliases": term.aliases,
            "banned": term.banned, "note": term.note, "file": f"{Path(term.file).name}:{term.line}",
        }
    return out


def term_id(english: str, taken: set[str]) -> str:
    """A glossary id from the English (Xi Jinping -> xi-jinping), unique among `taken`."""
    ascii_text = unicodedata.normalize("NFKD", english).encode("ascii", "ignore").decode().lower()
    base = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:40].strip("-") or "name"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def _cell(value: str, what: str) -> str:
    value = " ".join(str(value).split()) if not _BAD_CELL.search(str(value).strip()) else ""
    if not value:
        raise BilingualError(f"give the {what} (one line, no tabs)")
    return value


def add_name(path: Path, glossary, *, hans: str, kind: str, english: str, shipped: list[Path],
             new_id: str = "") -> str:
    """Append one name to the project glossary `path` (created with a header if missing); its id.

    `glossary` is the termbase in force (to refuse a name it already has and to
    keep ids unique); `shipped` are the files the new one is checked against.
    """
    from bilingual.glossary.lint import lint as check
    from bilingual.glossary.terms import COLUMNS

    hans, english = _cell(hans, "Chinese name"), _cell(english, "English rendering")
    kind = _cell(kind, "kind")
    if not HAN.search(hans):
        raise BilingualError(f"{hans!r} has no Chinese characters: select the name in a Chinese column")
    if len(hans) > 40 or len(english) > 200:
        raise BilingualError("that is too long for a name: select just the name")
    for match in glossary.find(hans):
        if match.surface == hans:
            raise BilingualError(f"{hans} is already in the glossary as {match.term.id} ({match.term.en}, "
                                 f"{Path(match.term.file).name}:{match.term.line})")
    taken = {t.id for t in glossary.terms}
    new_id = new_id.strip() or term_id(english, taken)
    if new_id in taken:
        raise BilingualError(f"the id {new_id} is taken; leave the id empty to get a free one")
    path = Path(path)
    try:
        old = path.read_text(encoding="utf-8-sig") if path.exists() else ""
    except (OSError, UnicodeDecodeError) as e:
        raise BilingualError(f"cannot read the project glossary {path}: {getattr(e, 'strerror', None) or e}") from None
    header = _header(old) or list(COLUMNS)
    row = {column: "" for column in header}
    row.update(id=new_id, kind=kind, hans=hans, en=english)
    missing = [c for c in ("id", "kind", "hans", "en") if c not in header]
    if missing:
        raise BilingualError(f"{path}: its header lacks {', '.join(missing)}; run `bilingual glossary check {path}`")
    text = (old if old.endswith("\n") or not old else old + "\n") or "\t".join(header) + "\n"
    text += "\t".join(row[c] for c in header) + "\n"
    _write_checked(path, text, shipped, check)
    return new_id


def _header(text: str) -> list[str]:
    for line in text.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            return [c.strip() for c in line.split("\t")]
    return []


def _write_checked(path: Path, text: str, shipped: list[Path], check) -> None:
    """Write `text` beside `path`, run the glossary check on it with `shipped`, rename it into place if clean."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tsv", dir=folder)
    except OSError as e:
        raise BilingualError(f"cannot write the project glossary {path}: {e.strerror or e}") from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        errors = [p for p in check([*shipped, tmp]) if p.level == "error" and Path(p.file) == tmp]
        if errors:
            first = str(errors[0]).replace(str(tmp), str(path))
            more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
            raise BilingualError(f"not added: {first}{more}")
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
