"""Article sets of any size, made deterministically from the seed and fixture articles.

A production-size benchmark needs hundreds of articles whose sentences are
new to the translation memory (a build translates a repeated sentence once),
yet read like the real ones: same clause lengths, same names, same
punctuation. Each generated sentence is a real corpus sentence with one of
its clauses swapped for a clause of another real sentence; paragraphs, titles
and dates are drawn the same way from a seeded random generator, so article
k is the same file on every run and the 10-article set is the start of the
50- and 200-article sets.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from bilingual.chars import HAN

# Clause boundaries inside a sentence; the sentence's own end punctuation is kept apart.
_CLAUSE = re.compile(r"(?<=[，；：])")
_END = re.compile(r"[。！？!?…]+[”’」』]*\s*$")


def sentences(corpus: list[Path]) -> list[str]:
    """The corpus's Chinese sentences (as the pipeline segments them), in order, each once."""
    from bilingual import api
    from bilingual.segment import split_sentences
    from bilingual.variants import converter

    seen: dict[str, None] = {}
    for doc in api.load(corpus):
        to_hans = converter("t2s").convert if doc.meta.script == "hant" else str
        for block in doc.blocks:
            for sentence in split_sentences(block.source):
                text = to_hans(sentence.strip())  # one script per article, like a real one
                if len(HAN.findall(text)) >= 4 and "http" not in text:
                    seen.setdefault(text, None)
    return list(seen)


def _clauses(sentence: str) -> tuple[list[str], str]:
    """(clauses, end punctuation): 我们来了，他们走了。 -> (["我们来了，", "他们走了"], "。")."""
    end = _END.search(sentence)
    body, tail = (sentence[:end.start()], end.group().strip()) if end else (sentence.rstrip("，；：、"), "。")
    return [c for c in _CLAUSE.split(body) if c] or [body], tail


def make(corpus: list[Path], folder: Path, count: int) -> list[Path]:
    """Write articles 0..count-1 into `folder` (Markdown with a title and date); returns their paths."""
    pool = sentences(corpus)
    clauses = [c.rstrip("，；：") for s in pool for c in _clauses(s)[0] if 4 <= len(c) <= 40]
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for k in range(count):
        rng = random.Random(f"bilingual-bench-article-{k}")
        paragraphs = []
        for _ in range(rng.randint(5, 9)):
            paragraph = []
            for _ in range(rng.randint(2, 5)):
                parts, end = _clauses(rng.choice(pool))
                swap = rng.randrange(len(parts))
                tail = parts[swap][-1] if parts[swap][-1] in "，；：" and swap < len(parts) - 1 else ""
                parts[swap] = rng.choice(clauses) + tail
                if len(parts) == 1:  # one clause: add a second one so the sentence is new
                    parts = [parts[0].rstrip("，；：") + "，", rng.choice(clauses)]
                paragraph.append("".join(parts) + end)
            paragraphs.append("".join(paragraph))
        title = rng.choice(clauses)
        date = f"2024-{1 + k % 12:02d}-{1 + k % 28:02d}"
        path = folder / f"bench_{k:03d}.md"
        path.write_text(f"---\ntitle: {title}\ndate: {date}\n---\n\n" + "\n\n".join(paragraphs) + "\n",
                        encoding="utf-8")
        made.append(path)
    return made
