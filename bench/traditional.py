"""Round-trip benchmark of the Traditional column on text Taiwanese and Hong Kong writers wrote.

Native Traditional text (bench/data/traditional/{tw,hk}/{tune,heldout}) is
turned into Simplified with OpenCC's variant-aware config for its region
(tw2s, hk2s: characters only, no vocabulary), then back into Traditional by
each converter; every word that comes back different from what the writer
wrote is a wrong word. Counted per 10,000 Han characters of the original.

    python bench/traditional.py            # table on stdout and bench/results/traditional.md
    python bench/traditional.py --no-write  # table only

How a wrong word is counted (bench/README.md says the same): the round-tripped
paragraph is aligned to the original character by character (difflib); each
differing character is marked on the original; the Simplified intermediate is
cut into words by jieba (dictionary only, the project's own cutter); a word is
wrong when any of its characters is marked. Differences outside Han text
(punctuation, Latin) are not counted.

Also measured: conversion throughput with the shipped glossary (the project's
convert() over a document of these paragraphs in Simplified, repeated to about
2 MB) against bare OpenCC on the same paragraphs, in MB/s of UTF-8 source.
zhconv-rs (MediaWiki's tables, GPL) is measured when it is installed; the
project never imports it.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import sys
import time
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DATA = ROOT / "bench" / "data" / "traditional"
RESULTS = ROOT / "bench" / "results" / "traditional.md"
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
TO_HANS = {"tw": "tw2s", "hk": "hk2s"}  # native text -> Simplified, characters only
GOALS = {"tw": ("project (default)", 0.8), "hk": ("project --variant s2hk", 0.85)}
THROUGHPUT_BYTES = 2_000_000


def paragraphs(region: str, split: str) -> list[str]:
    """Non-empty lines of every file of one region and split, in file-name order."""
    out: list[str] = []
    for path in sorted((DATA / region / split).glob("*.txt")):
        out.extend(line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return out


def converters() -> dict[str, Callable[[list[str]], list[str]]]:
    """Name -> function turning Simplified paragraphs into Traditional ones."""
    from bilingual.variants import converter

    def opencc(config: str) -> Callable[[list[str]], list[str]]:
        cc = converter(config)
        return lambda texts: [cc.convert(t) for t in texts]

    out = {
        "project (default)": project("s2twp"),
        "project --variant s2hk": project("s2hk"),
        "project --variant s2t": project("s2t"),
        "OpenCC s2tw": opencc("s2tw"),
        "OpenCC s2twp": opencc("s2twp"),
        "OpenCC s2hk": opencc("s2hk"),
        "OpenCC s2t": opencc("s2t"),
    }
    try:
        import zhconv_rs
    except ImportError:
        return out
    out["zhconv-rs zh-tw"] = lambda texts: [zhconv_rs.zhconv(t, "zh-tw") for t in texts]
    out["zhconv-rs zh-hk"] = lambda texts: [zhconv_rs.zhconv(t, "zh-hk") for t in texts]
    return out


def project(variant: str) -> Callable[[list[str]], list[str]]:
    """The project's Traditional column: convert() with the shipped glossary, as `build` runs it."""
    from bilingual.glossary import Glossary

    glossary = Glossary.default()

    def run(texts: list[str]) -> list[str]:
        from bilingual.convert import convert

        out = convert(document(texts), variant=variant, glossary=glossary)
        return [s.hant for s in out.segments()]

    return run


def document(texts: list[str], script: str = "hans"):
    from bilingual.model import Block, Document, Meta, Segment

    blocks = [Block("paragraph", [Segment(id=f"b:{i}.0:x", source=t, marks={"source": []})])
              for i, t in enumerate(texts)]
    return Document(id="bench", meta=Meta(title="", script=script), blocks=blocks)


def wrong_words(original: str, simplified: str, back: str, cut) -> list[str]:
    """Words of `original` that `back` does not reproduce (see the module docstring)."""
    marked = [False] * len(original)
    matcher = difflib.SequenceMatcher(None, original, back, autojunk=False)
    for op, i1, i2, _j1, _j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        for i in range(i1, max(i2, i1 + 1)):
            if i < len(original):
                marked[i] = True
    if not any(marked):
        return []
    spans = cut(simplified) if len(simplified) == len(original) else [(i, i + 1) for i in range(len(original))]
    words = []
    for a, b in spans:
        if any(marked[a:b]) and HAN.search(original[a:b]):
            words.append(original[a:b])
    return words


def measure(region: str, split: str, names: list[str], funcs, cut) -> dict[str, tuple[int, float, list]]:
    """name -> (wrong words, per 10,000 Han characters, [(writer's word, converter's)]); "_han" -> size."""
    from bilingual.variants import converter

    native = paragraphs(region, split)
    simplified = [converter(TO_HANS[region]).convert(p) for p in native]
    han = sum(len(HAN.findall(p)) for p in native)
    out = {}
    for name in names:
        back = funcs[name](simplified)
        wrong = []
        for o, s, b in zip(native, simplified, back, strict=True):
            wrong.extend((w, b_word(o, b, w)) for w in wrong_words(o, s, b, cut))
        out[name] = (len(wrong), 10_000 * len(wrong) / han, wrong)
    out["_han"] = (han, 0.0, [])
    return out


def b_word(original: str, back: str, word: str) -> str:
    """What a converter wrote where the writer wrote `word` (for the examples list)."""
    at = original.find(word)
    if at < 0 or len(back) != len(original):
        return "?"
    return back[at:at + len(word)]


def throughput(repeats: int = 3) -> tuple[float, float, int]:
    """MB/s of the project's convert() (shipped glossary, default variant) and of bare OpenCC s2twp.

    CPU seconds of this process, best of `repeats` for each: on a shared machine other
    work stretches wall time but not the CPU time this work takes.
    """
    from bilingual.convert import convert
    from bilingual.glossary import Glossary
    from bilingual.variants import converter

    base = [converter(TO_HANS[r]).convert(p) for r in ("tw", "hk") for s in ("tune", "heldout")
            for p in paragraphs(r, s)]
    size = sum(len(p.encode()) for p in base)
    texts = base * max(1, THROUGHPUT_BYTES // size)
    total = sum(len(p.encode()) for p in texts)
    glossary = Glossary.default()
    convert(document(base), glossary=glossary)  # warm: jieba, OpenCC, data files
    doc = document(texts)
    import opencc

    cc = opencc.OpenCC("s2twp")  # OpenCC's own config, as installed: not the project's merged one
    ours = bare = float("inf")
    for _ in range(repeats):
        t0 = time.process_time()
        convert(doc, glossary=glossary)
        ours = min(ours, time.process_time() - t0)
        t0 = time.process_time()
        for t in texts:
            cc.convert(t)
        bare = min(bare, time.process_time() - t0)
    return total / ours / 1e6, total / bare / 1e6, total


def mainland(funcs) -> list[str]:
    """Where s2twp and s2tw differ on mainland news, which word the project writes (the needed-vocabulary check)."""
    from bilingual.variants import converter

    seed = re.sub(r"<[^>]+>", "\n", (ROOT / "seeds" / "000_e53f636a1fba136f.txt").read_text(encoding="utf-8"))
    lines = (ROOT / "tests" / "fixtures" / "parallel" / "zh.txt").read_text(encoding="utf-8").splitlines()
    lines += [line for line in seed.splitlines() if len(HAN.findall(line)) >= 5]
    tw, twp = converter("s2tw"), converter("s2twp")
    ours = funcs["project (default)"](lines)
    rows, follows = [], 0
    for line, mine in zip(lines, ours, strict=True):
        a, b = tw.convert(line), twp.convert(line)
        if a == b:
            continue
        for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
            if op == "equal":
                continue
            lo, hi = max(0, i1 - 2), i2 + 2
            s2twp_word = b[max(0, j1 - (i1 - lo)):j2 + (hi - i2)]
            took = s2twp_word in mine
            follows += took
            rows.append(f"{line[lo:hi]} → s2tw {a[lo:hi]} / s2twp {s2twp_word}: project "
                        f"{'follows s2twp' if took else 'keeps s2tw'}")
    return [f"On mainland news ({len(lines)} lines: the seed and WMT19 zh), s2twp differs from s2tw in "
            f"{len(rows)} places; the project writes s2twp's word in {follows}:", "",
            *(f"- {r}" for r in rows)]


def table(results, names) -> list[str]:
    lines = ["| converter | " + " | ".join(f"{r.upper()} {s}" for r, s in results) + " |",
             "|---|" + "---:|" * len(results)]
    for name in names:
        cells = []
        for key in results:
            n, rate, _ = results[key][name]
            cells.append(f"{rate:.1f} ({n})")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    chars = " | ".join(str(results[k]["_han"][0]) for k in results)
    lines.append(f"| *Han characters* | {chars} |")
    return lines


def glyph_note(results) -> list[str]:
    """The Taiwan figures again with 台/臺-only differences not counted: how much of the gain is that glyph."""
    out = ["Taiwan with words that differ only in 台/臺 not counted (per 10,000; count):", ""]
    for split in ("tune", "heldout"):
        res = results[("tw", split)]
        han = res["_han"][0]
        cells = []
        for name in ("project (default)", "OpenCC s2tw", "OpenCC s2twp", "zhconv-rs zh-tw"):
            if name not in res:
                continue
            n = sum(1 for o, b in res[name][2] if b == "?" or o.replace("臺", "台") != b.replace("臺", "台"))
            cells.append(f"{name} {10_000 * n / han:.1f} ({n})")
        out.append(f"- TW {split}: " + "; ".join(cells))
    return out


def goal_lines(results) -> list[str]:
    out = []
    for (region, split), res in results.items():
        name, limit = GOALS[region]
        ratio = res[name][1] / res["OpenCC s2tw"][1] if res["OpenCC s2tw"][1] else 0.0
        verdict = "met" if ratio <= limit else "NOT met"
        out.append(f"- {region.upper()} {split}: {name} makes {ratio:.2f}× the wrong words of OpenCC s2tw "
                   f"(goal ≤ {limit}): {verdict}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-write", action="store_true", help="print only; do not write bench/results/traditional.md")
    parser.add_argument("--examples", type=int, default=0, metavar="N",
                        help="also list N wrong words per converter on the tuning sets (never the held-out ones)")
    args = parser.parse_args(argv)

    from bilingual.glossary.wordcut import WordCut

    wc = WordCut()
    funcs = converters()
    names = list(funcs)
    results = {}
    for region in ("tw", "hk"):
        for split in ("tune", "heldout"):
            results[(region, split)] = measure(region, split, names, funcs, wc.tokenize)
    mbs, bare, size = throughput()

    stamp = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    out = [f"Traditional round trip, {stamp}, load average {os.getloadavg()[0]:.1f} at end.",
           "", "Command: `python bench/traditional.py`", "",
           "Wrong words per 10,000 Han characters of the original (count in brackets); native text → "
           "Simplified (OpenCC tw2s for Taiwan, hk2s for Hong Kong) → back with each converter.", ""]
    out += table(results, names)
    out += ["", *goal_lines(results), "",
            f"Throughput, Simplified → Traditional, {size / 1e6:.1f} MB: project convert() with the shipped "
            f"glossary (default variant) {mbs:.2f} MB/s; bare OpenCC s2twp {bare:.2f} MB/s "
            f"(CPU time, best of 3; ratio {bare / mbs:.1f}× OpenCC's time; "
            f"goal ≥ 2 MB/s: {'met' if mbs >= 2 else 'NOT met'}).",
            "", *glyph_note(results), "", *mainland(funcs)]
    text = "\n".join(out) + "\n"
    print(text)
    if args.examples:
        for (region, split), res in results.items():
            if split != "tune":
                continue
            for name in names:
                words = res[name][2][:args.examples]
                print(f"{region} {name}: " + "  ".join(f"{o}→{b}" for o, b in words))
    if not args.no_write:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
