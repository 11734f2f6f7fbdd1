"""Regional variants as data: which OpenCC config makes each column, and whose name forms it uses.

bilingual/data/opencc.toml says, per `--variant`, which config writes the
Traditional column, which writes the Simplified one, and which region's
glossary forms apply. The converters themselves are cached here, once per
process, for every step that converts (convert, glossary, script detection).
"""

from __future__ import annotations

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


def converter(config: str):
    """A cached OpenCC converter: building one reads its dictionaries, which is slow."""
    cc = _CONVERTERS.get(config)
    if cc is None:
        import opencc

        from bilingual.opencc_merge import merged_config

        merged = merged_config(config)
        try:
            cc = opencc.OpenCC(merged) if merged else None
        except Exception:  # a kept copy that no longer loads: OpenCC's own config below
            cc = None
        try:
            cc = cc or opencc.OpenCC(config)
        except Exception as e:  # the binding raises a bare RuntimeError/ValueError for unknown configs
            raise BilingualError(f"OpenCC has no config {config!r}: {e}") from None
        _CONVERTERS[config] = cc
    return cc

