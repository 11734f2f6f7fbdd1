"""Where segment + convert spends its time, each part as a ratio to bare OpenCC s2twp on the same text.

    python -m bench.convert_parts

Issue 16's goal puts segment + convert within 1.5x bare OpenCC. This splits the
pipeline's time so the floor is visible: segment() alone; convert() without a
glossary (OpenCC run per segment, the region's phrase and glyph rules, the
document copy); Glossary.find once per sentence (the word-aware matcher, a cold
sentence cache); and convert() with the shipped glossary, as a build runs it.
The corpus is bench/run.py's (seed, fixture articles, EPUB, parallel text);
each figure is the best of seven runs (the matcher's sentence cache emptied before
each; the Traditional writer's memory of short runs stays warm, as in a long build).
"""

from __future__ import annotations

import time


def main() -> None:
    import opencc

    from bench.run import CORPUS
    from bilingual import api
    from bilingual.convert import convert
    from bilingual.segment import segment

    docs = api.load(CORPUS)
    names = api.glossary()
    api.prepare(docs[0], glossary=names)  # warm: jieba's dictionary, OpenCC's tables, the data files
    split = [segment(d) for d in docs]
    sentences = [s.source for d in split for s in d.segments()]
    cc = opencc.OpenCC("s2twp")

    def best(work) -> float:
        times = []
        for _ in range(7):
            names.forget_sentences()
            start = time.perf_counter()
            work()
            times.append(time.perf_counter() - start)
        return min(times)

    bare = best(lambda: [cc.convert(b.source) for d in docs for b in d.blocks])
    parts = {
        "segment()": best(lambda: [segment(d) for d in docs]),
        "convert(), no glossary": best(lambda: [convert(d, variant="s2twp") for d in split]),
        "Glossary.find, each sentence once": best(lambda: [names.find(s) for s in sentences]),
        "convert(), shipped glossary": best(lambda: [convert(d, variant="s2twp", glossary=names) for d in split]),
    }
    size = sum(len(b.source.encode("utf-8")) for d in docs for b in d.blocks) / 2**20
    print(f"{size:.2f} MB of source, {len(sentences)} sentences; bare OpenCC s2twp {bare * 1000:.1f} ms")
    for name, seconds in parts.items():
        print(f"  {name:36s} {seconds * 1000:7.1f} ms  {seconds / bare:5.2f}x OpenCC")
    total = parts["segment()"] + parts["convert(), shipped glossary"]
    print(f"  {'segment + convert (as a build)':36s} {total * 1000:7.1f} ms  {total / bare:5.2f}x OpenCC")


if __name__ == "__main__":
    main()
