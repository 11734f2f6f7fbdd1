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

        quick = quick_config(config)
        try:
            cc = opencc.OpenCC(quick) if quick else None
        except Exception:  # a kept copy that no longer loads: OpenCC's own config below
            cc = None
        try:
            cc = cc or opencc.OpenCC(config)
        except Exception as e:  # the binding raises a bare RuntimeError/ValueError for unknown configs
            raise BilingualError(f"OpenCC has no config {config!r}: {e}") from None
        _CONVERTERS[config] = cc
    return cc


def quick_config(config: str) -> str | None:
    """The path of `config` rewritten to segment with the first dictionary of its segmentation group, or None
    to load OpenCC's own.

    OpenCC 1.4's Simplified->Traditional configs segment with the union of STPhrases and the 556 phrases
    generated from the regional tables, and building that union merges 50,000 entries at every start: about
    60 ms of the 0.4 s a one-article `build --no-translate` costs. Conversion keeps the union, so for a config
    without a regional phrase step only a generated phrase that crossed a segment boundary of STPhrases could
    be written otherwise; opencc.toml's `quick_segmentation` lists the configs where none is, in the project's
    620,000 characters of fixtures and bench text (tests/test_variants.py compares the two). The
    rewritten config, its dictionaries named by absolute path, is kept in the user cache under the OpenCC
    build's stamp; if it cannot be kept, OpenCC's own config is used.
    """
    import hashlib
    import json
    from pathlib import Path

    import opencc

    from bilingual.settings import wordcut_dir

    if config not in _table().get("quick_segmentation", []):
        return None
    key = hashlib.sha1(f"{opencc_stamp()} {config}".encode()).hexdigest()[:16]
    path = wordcut_dir() / f"opencc-{config}-{key}.json"
    if path.is_file():
        return str(path)
    share = Path(opencc.__file__).parent / "clib" / "share" / "opencc"
    try:
        data = json.loads((share / f"{config}.json").read_text(encoding="utf-8"))
        group = data["segmentation"]["dict"]
        if group.get("type") != "group" or not group.get("dicts"):
            return None
        data["segmentation"]["dict"] = group["dicts"][0]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None  # not a stock config, or not one that segments with a group

    def absolute(node):
        if isinstance(node, dict):
            node = {k: absolute(v) for k, v in node.items()}
            if isinstance(node.get("file"), str):
                node["file"] = str(share / node["file"])
            return node
        return [absolute(v) for v in node] if isinstance(node, list) else node

    try:
        from bilingual.files import write_atomic

        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, json.dumps(absolute(data), ensure_ascii=False))
    except (OSError, BilingualError):
        return None
    return str(path)
