"""Regional variants as data: which OpenCC config makes each column, and whose name forms it uses.

bilingual/data/opencc.toml says, per `--variant`, which config writes the
Traditional column, which writes the Simplified one, and which region's
glossary forms apply. The converters themselves are cached here, once per
process, for every step that converts (convert, glossary, script detection).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bilingual import datafiles
from bilingual.errors import BilingualError

_CONVERTERS: dict[str, Converter] = {}


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


def converter(config: str) -> Converter:
    """A cached OpenCC converter: building one reads its dictionaries, which is slow."""
    cc = _CONVERTERS.get(config)
    if cc is None:
        cc = _CONVERTERS[config] = Converter(config)
    return cc


class Converter:
    """OpenCC's `config` with its dictionaries merged (bilingual.opencc_merge): loaded in the form that starts
    fast, and reloaded in the form that converts fast once enough text has gone through to pay for its load."""

    # s2tw, measured on the parallel2 sentences: the fast form loads in 75 ms instead of 28 and converts 2.9
    # million characters a second instead of 1.7, so it has paid for itself after about 200,000 characters
    FAST_AFTER = 200_000

    def __init__(self, config: str) -> None:
        self.config = config
        self.converted = 0
        self._cc = _load(config, grouped=False)
        self._fast = self._cc is None
        if self._cc is None:
            self._cc = _opencc(config)

    def convert(self, text: str) -> str:
        if not self._fast:
            self.converted += len(text)
            if self.converted > self.FAST_AFTER:
                self._fast = True
                self._cc = _load(self.config, grouped=True) or self._cc
        return self._cc.convert(text)

    def convert_many(self, texts: list[str]) -> list[str]:
        """Each of `texts` converted, in one OpenCC call (convert_each)."""
        return convert_each(self.convert, texts)


def _load(config: str, *, grouped: bool):
    """OpenCC on the merged form of `config`, or None where there is none (or the kept copy no longer loads)."""
    import opencc

    from bilingual.opencc_merge import merged_config

    merged = merged_config(config, grouped=grouped)
    try:
        return opencc.OpenCC(merged) if merged else None
    except Exception:
        return None


def _opencc(config: str):
    import opencc

    try:
        return opencc.OpenCC(config)
    except Exception as e:  # the binding raises a bare RuntimeError/ValueError for unknown configs
        raise BilingualError(f"OpenCC has no config {config!r}: {e}") from None


def convert_each(convert: Callable[[str], str], texts: list[str]) -> list[str]:
    """`convert` applied to each text, as one call on the texts joined by line ends where none holds one.

    OpenCC matches no dictionary key across a line end, so each line converts as it would alone, in one call
    rather than one per sentence and run between names.
    A text holding a line end, or an ideographic description character (⿰, ⿱ …: OpenCC reads one with the
    characters after it as a unit it leaves as it is, a line end and the next text's start included), is
    converted alone.
    """
    joined = [i for i, t in enumerate(texts) if not _ALONE.search(t)]
    out: list[str | None] = [None] * len(texts)
    if len(joined) > 1:
        parts = convert("\n".join(texts[i] for i in joined)).split("\n")
        if len(parts) == len(joined):
            for i, part in zip(joined, parts, strict=True):
                out[i] = part
    return [o if o is not None else convert(t) for o, t in zip(out, texts, strict=True)]


# What keeps a text out of the joined call: a line end, or an ideographic description character (U+2FF0-2FFF,
# and U+31EF, which Unicode 15.1 added)
_ALONE = re.compile("[\n\u2ff0-\u2fff\u31ef]")
