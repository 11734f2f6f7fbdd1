"""Regional variants as data: which OpenCC config makes each column, and whose name forms it uses.

bilingual/data/opencc.toml says, per `--variant`, which config writes the
Traditional column, which writes the Simplified one, and which region's
glossary forms apply. The converters themselves are cached here, once per
process, for every step that converts (convert, glossary, script detection).
"""

from __future__ import annotations

from functools import cache

from bilingual import datafiles
from bilingual.errors import BilingualError

_CONVERTERS: dict[str, object] = {}


def _table() -> dict:
    return datafiles.toml("opencc.toml")


def variants() -> dict[str, dict[str, str]]:
    """Variant name -> {to_hant, to_hans, region}, as listed in opencc.toml."""
    return _table()["variants"]


def variant_info(name: str) -> dict[str, str]:
    try:
        return variants()[name]
    except KeyError:
        raise BilingualError(f"unknown variant {name!r}; choose one of {', '.join(variants())}") from None


def region_config(region: str) -> str:
    """The variant that writes a name in `region` when the glossary gives no form (bilingual.hant.writer)."""
    try:
        return _table()["regions"][region]
    except KeyError:
        raise BilingualError(f"unknown region {region!r}; choose one of {', '.join(_table()['regions'])}") \
            from None


def name_configs() -> list[str]:
    """Every OpenCC Simplified->Traditional config in use: a Traditional source may be written in any of them."""
    configs = {v["to_hant"] for v in variants().values()} | set(_table()["regions"].values())
    return sorted(configs)


@cache
def opencc_stamp() -> str:
    """What names the installed OpenCC build: its version and its compiled library's files' mtimes. Data derived
    from its tables and kept across runs (hant.changed_chars, glossary/namecache.py) is named after it. Read
    once per process: the installed build does not change under it."""
    from pathlib import Path

    import opencc

    library = Path(opencc.__file__).parent / "clib"
    stamp = max((p.stat().st_mtime_ns for p in library.iterdir()), default=0) if library.is_dir() else 0
    return f"{getattr(opencc, '__version__', '')} {library} {stamp}"


def converter(config: str):
    """A cached OpenCC converter: building one reads its dictionaries, which is slow."""
    cc = _CONVERTERS.get(config)
    if cc is None:
        import opencc

        try:
            cc = opencc.OpenCC(config)
        except Exception as e:  # the binding raises a bare RuntimeError/ValueError for unknown configs
            raise BilingualError(f"OpenCC has no config {config!r}: {e}") from None
        _CONVERTERS[config] = cc
    return cc
