"""How fast the word-aware matcher finds names, as a ratio to jieba's own dictionary cut of the same text.

    python -m bench.match_speed

Every sentence of the seed and the fixture articles (tune, rich, mixed; about
2,000 sentences) goes through Glossary.find with a cold sentence cache, three
times; the baseline cuts the same sentences with the same jieba dictionary
(WordCut.tokenize, what a matcher that cut every whole sentence would pay).
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def sentences() -> list[str]:
    from bilingual import api
    from bilingual.segment import segment

    paths = [ROOT / "seeds"] + sorted((ROOT / "tests" / "fixtures").glob("*.md"))
    for part in ("articles/tune", "rich", "mixed"):
        paths += sorted((ROOT / "tests" / "fixtures" / part).glob("*.md"))
    out = []
    for doc in api.load(paths):
        out += [s.source for s in segment(doc).segments() if s.source.strip()]
    return out


def main() -> None:
    from bilingual.glossary import Glossary
    from bilingual.glossary.wordcut import shared

    texts = sentences()
    names = Glossary.default()
    names.find(texts[0])
    cut = shared()
    cut.tokenize(texts[0])
    find_times, cut_times = [], []
    for _ in range(3):
        names._matcher._found.clear()
        start = time.perf_counter()
        found = sum(len(names.find(t)) for t in texts)
        find_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        for t in texts:
            cut.tokenize(t)
        cut_times.append(time.perf_counter() - start)
    f, c = statistics.median(find_times), statistics.median(cut_times)
    chars = sum(map(len, texts))
    print(f"{len(texts)} sentences, {chars} characters, {found} names found")
    print(f"Glossary.find {f:.3f} s, jieba dictionary cut of every sentence {c:.3f} s: ratio {f / c:.2f}")


if __name__ == "__main__":
    main()
