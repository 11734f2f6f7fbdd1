"""Names in every OpenCC config, remembered across runs: a build builds only the converter its text needs.

A glossary spells each name in every Traditional config in use (s2t, s2tw,
s2twp, s2hk) to know every way it may appear in a text. Building an OpenCC
converter reads its dictionaries, so those spellings cost three or four
converter loads per process although the text itself needs one. They are kept
in a JSON file in the user cache named after the OpenCC build (its version and
its compiled library), filled as names are met and written back at exit; a
file that cannot be read or written only costs the loads.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

from bilingual import datafiles
from bilingual.hant import writer
from bilingual.opencc_merge import opencc_stamp
from bilingual.settings import cache_home
from bilingual.variants import converter

# config -> {name: its conversion}; None until read from the cache file.
_NAMES: dict[str, dict[str, str]] | None = None
_ADDED = False


def convert_name(config: str, text: str) -> str:
    """`converter(config).convert(text)` for a short text (a name), remembered across runs."""
    return _remembered(config, text, lambda: converter(config).convert(text))


def write_name(variant: str, text: str) -> str:
    """`hant.writer(variant).convert(text)` (OpenCC plus our rule data) for a name, remembered across runs."""
    return _remembered(f"writer:{variant}", text, lambda: writer(variant).convert(text))


def _remembered(table_name: str, text: str, compute) -> str:
    global _ADDED
    table = _names().setdefault(table_name, {})
    out = table.get(text)
    if out is None:
        out = table[text] = compute()
        if not _ADDED:
            import atexit

            atexit.register(_keep)
            _ADDED = True
    return out


def cache_file() -> Path:
    """The file for this OpenCC build and these rules: named after OpenCC's version, its library's files'
    mtimes, and the content of the variants table and the regional rule files (bilingual/data/hant)."""
    import hashlib

    rules = "".join(datafiles.text(f"hant/{p.name}") for p in sorted(datafiles.path("hant").glob("*.tsv")))
    rules += datafiles.text("opencc.toml")
    key = hashlib.sha1(f"{opencc_stamp()} {rules}".encode()).hexdigest()[:16]
    return cache_home() / "bilingual" / f"opencc-names-{key}.json"


def _names() -> dict[str, dict[str, str]]:
    global _NAMES
    if _NAMES is None:
        try:
            data = json.loads(cache_file().read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
        ok = isinstance(data, dict) and all(isinstance(t, dict) for t in data.values())
        _NAMES = data if ok else {}
    return _NAMES


def _keep() -> None:
    """Write the remembered spellings back, atomically; a cache that cannot be written is skipped."""
    if not _NAMES:
        return
    path = cache_file()
    tmp = path.with_name(f"{path.name}.{os.getpid()}.part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(json.dumps(_NAMES, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
