"""Planted errors of every finding family, in real human translations, and the figures they give.

Each family damages its own copy of a parallel corpus, only on lines where the
damage is well defined (a percentage the English writes with %, a negation the
English writes with not/n't/never, a person's name the English romanizes...),
then the check runs and recall (planted lines the family reports at warning or
above) and precision (the family's warning-or-above findings that fall on a
planted line) are counted. tests/check/test_families.py asserts them on the
tuning corpora; bench/checks.py reports them on the held-out ones.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bilingual.check import at_or_above, check_document
from tests.check.helpers import sentence_document

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _opened(folder: str) -> tuple[str, ...]:
    """The parallel2 sets opened for tuning: every folder of `folder` named tune, tune2 … (a set becomes one when
    it is moved there from next/ or heldout/), in their order."""
    names = [p.name for p in (FIXTURES / folder).iterdir() if p.is_dir() and re.fullmatch(r"tune\d*", p.name)]
    return tuple(f"{folder}/{n}" for n in sorted(names, key=lambda n: int(n[4:] or 1)))


# The corpora the check's rules were tuned on (tests assert their figures; bench/checks.py reports the
# held-out parallel2/heldout beside them).
TUNE = ("wmt19", *_opened("parallel2"), "parallel3", "parallel4")
# Lines whose human reference is wrong or misaligned (tests/fixtures/parallel2/README.md; WMT19:
# test_parallel.py): a finding there is right, so they count neither as planted nor as false alarms.
KNOWN_BAD = {
    "wmt19": {55, 92, 103, 109, 124, 145},  # 145: the English stops mid-sentence (drops 在中国 and the rest)
    "parallel2/tune": {8, 21, 26, 33, 47, 49, 60, 62, 69, 83, 113, 115, 125, 141},
    # parallel3: 3 is a fragment ("take on the first"), 6 renders 94.9% as 94.4%
    "parallel3": {3, 6},
    # parallel4: the last 150 rows of each WMT CSV (tests/fixtures/parallel4/README.md says why each is bad)
    "parallel4": {11, 15, 41, 46, 48, 50, 59, 82, 88, 109, 110, 125, 133, 139, 144, 166, 196, 198, 204, 216, 254, 266,
                  297},
    "parallel2/tune2": {8, 17, 34, 42, 44, 47, 52, 78, 80, 92, 104, 118, 122, 125, 128, 130, 133},
    "parallel2/tune3": {15, 18, 20, 31, 37, 41, 51, 55, 79, 92, 126, 135, 140},
    "parallel2/tune4": {12, 28, 29, 34, 45, 49, 51, 55, 63, 67, 71, 88, 89, 91, 92, 107, 119, 124, 125, 132},
    "parallel2/tune5": {6, 7, 12, 14, 16, 17, 30, 32, 35, 38, 39, 49, 58, 69, 76, 83, 91, 140, 142},
    "parallel2/tune6": {21, 23, 24, 25, 35, 37, 38, 45, 49, 63, 77, 105, 116, 136},
    "parallel2/tune7": {10, 16, 51, 66, 75, 79, 86, 87, 88, 95, 129, 135, 143},
    "parallel2/tune8": {2, 9, 17, 45, 63, 65, 123, 124, 129, 138},
    "parallel2/tune9": {1, 4, 18, 19, 22, 25, 33, 36, 42, 49, 51, 55, 62, 79, 81, 98, 114, 117, 130, 137},
    "parallel2/tune10": {3, 5, 9, 14, 23, 30, 31, 36, 45, 60, 68, 69, 80, 96, 112, 115, 134, 137},
    "parallel2/tune11": {8, 19, 21, 31, 40, 49, 52, 62, 64, 69, 77, 82, 87, 106, 109, 120, 127, 128, 130, 143},
    "parallel2/tune12": {1, 2, 4, 7, 24, 31, 39, 64, 65, 74, 85, 91, 95, 97, 104, 107, 108, 123, 130, 140},
    "parallel2/tune13": {4, 7, 8, 9, 22, 33, 36, 37, 45, 48, 71, 72, 80, 88, 89, 91, 93, 98, 101, 108, 111, 117, 126,
                         138, 139},
    # set M: held out from 2026-12-04, measured twice, opened for tuning round 13 the same day
    "parallel2/tune14": {2, 3, 4, 13, 16, 20, 22, 35, 42, 49, 50, 55, 61, 62, 63, 66, 72, 76, 83, 98, 119, 126, 137,
                          143},
    # set N: held out from 2026-12-04, measured three times, opened for tuning round 14 the same day
    "parallel2/tune15": {6, 13, 14, 16, 18, 20, 35, 39, 43, 46, 51, 57, 65, 76, 79, 96, 99, 104, 105, 112, 117, 135,
                          137, 139},
    # set O: held out from 2026-12-04, measured once, opened for tuning round 15 the same day
    "parallel2/tune16": {20, 49, 51, 53, 68, 72, 86, 93, 95, 106, 107, 109, 113, 134, 141},
    # set P: held out from 2026-12-04, measured twice, opened for tuning round 16 on 2026-12-05
    "parallel2/tune17": {37, 45, 55, 60, 69, 79, 84, 97, 98, 99, 101, 105, 109, 110, 123, 126, 137},
    # held out (set Q, labelled 2026-12-04 as next/): report figures on it, do not tune on it or read its lines
    "parallel2/heldout": {3, 28, 31, 48, 49, 54, 66, 77, 94, 104, 109, 122, 135, 140, 141},
    # set R: labelled 2026-12-05 while set Q was held out, measured once as next/, opened for tuning round 17
    "parallel2/tune18": {5, 24, 35, 39, 46, 54, 57, 61, 71, 82, 86, 99, 102, 107, 124, 125},
    # set S: labelled 2026-12-05 beside set R, measured once as next2/, opened for tuning round 18
    "parallel2/tune19": {3, 4, 10, 15, 16, 25, 33, 52, 58, 65, 87, 88, 90, 91, 94, 100, 118, 119, 125, 140},
    # set T: labelled 2026-12-05 while set Q was held out, measured once as next/, opened for tuning round 19
    "parallel2/tune20": {4, 26, 40, 53, 76, 87, 96, 98, 100, 107, 114, 135, 140},
    # set U: labelled 2026-12-05 while set Q was held out, measured once as next/, opened for tuning round 20;
    # 81 added after that measurement: its English writes 53% as "53) %" (the unit check rightly flagged it)
    "parallel2/tune21": {21, 36, 37, 59, 69, 71, 81, 92, 94, 112, 115, 117, 123, 143},
    # set V: labelled 2026-12-05 while set Q was held out, measured once as next/, opened for tuning round 21
    "parallel2/tune22": {1, 21, 28, 32, 52, 77, 84, 104, 108, 118, 126, 139},
    # set W: labelled 2026-12-05 while set Q was held out, measured once as next/, opened for tuning round 22
    "parallel2/tune23": {3, 9, 11, 16, 26, 64, 83, 86, 103, 119, 123, 138},
    # set X: labelled 2026-12-05 while set Q was held out, measured once as next/, opened for tuning round 23
    "parallel2/tune24": {28, 67, 69, 73, 82, 87, 88, 114, 116, 130, 132, 135, 137},
    # set Y: labelled 2026-12-05 while set Q was held out, measured once as next/, opened for tuning round 24
    "parallel2/tune25": {4, 12, 16, 17, 19, 22, 26, 44, 53, 66, 77, 79, 81, 94, 101, 102, 103, 107, 126, 134},
    # set Z: labelled 2026-12-06 while set Q was held out, measured once as next/, opened for tuning round 25
    "parallel2/tune26": {6, 19, 23, 36, 56, 71, 87, 95, 97, 100, 122, 125, 138},
    # set AA: labelled 2026-12-06 while set Q was held out, measured once as next/, opened for tuning round 26
    "parallel2/tune27": {6, 11, 20, 21, 28, 35, 44, 47, 58, 64, 88, 89, 91, 112, 123, 134},
    # set AB: labelled 2026-12-06 while set Q was held out, measured once as next/, opened for tuning round 27
    "parallel2/tune28": {19, 28, 42, 45, 54, 63, 70, 74, 81, 87, 96, 97, 103, 109, 112, 122},
    # set AC: labelled 2026-12-06 while set Q was held out, measured once as next/, opened for tuning round 28
    "parallel2/tune29": {27, 43, 56, 75, 101, 109, 112, 121, 127, 132, 134},
    # set AD: labelled 2026-12-06 beside set AC while set Q was held out, measured once as next2/, opened for
    # tuning round 29
    # 84 added in round 29, after its finding was read: the English drops 两年前 (two years before)
    "parallel2/tune30": {26, 32, 41, 84, 85, 87, 93, 98, 118},
    # set AE: labelled 2026-12-06 while set Q was held out, measured once as next/, opened for tuning round 30
    # 48 added in round 30, after its finding was read: the English drops 自2013年 (since 2013)
    "parallel2/tune31": {18, 44, 48, 52, 68, 76, 82, 107, 117, 122, 129, 139},
    # set AF: labelled 2026-12-06 beside set AE while set Q was held out, measured once as next2/, opened for
    # tuning round 30
    "parallel2/tune32": {1, 16, 24, 45, 51, 52, 54, 65, 86, 94, 98, 115},
    # set AG: labelled 2026-12-06 while set Q was held out, measured once as next/, opened for tuning round 31
    "parallel2/tune33": {3, 22, 26, 33, 35, 40, 49, 52, 71, 98, 108, 119, 128, 131, 140},
    # set AH: labelled 2026-12-06 beside set AG while set Q was held out, measured once as next2/, opened for
    # tuning round 31
    "parallel2/tune34": {7, 9, 27, 36, 39, 53, 97, 124, 127, 133},
}
FAMILIES = {
    "number": ("number.missing",), "untranslated": ("cjk-in-english",), "loop": ("repetition",),
    "mismatch": ("glossary.missing", "glossary.banned"), "units": ("unit.percent", "unit.scale"),
    "negation": ("negation.missing", "negation.added"), "names": ("name.person",), "omission": ("omission",),
}
OTHER_NAMES = ["Zhou Lina", "Wang Dong", "Liu Qiang"]  # romanized names put in place of a person's


def corpus(name: str) -> tuple[list[str], list[str]]:
    folder = FIXTURES / ("parallel" if name == "wmt19" else name)
    zh = (folder / "zh.txt").read_text(encoding="utf-8").splitlines()
    en = (folder / "en.txt").read_text(encoding="utf-8").splitlines()
    assert len(zh) == len(en)
    return zh, en


@dataclass
class Figures:
    planted: int = 0
    found: int = 0
    reported: int = 0  # the family's warning-or-above findings, known-bad lines left out
    on_planted: int = 0
    missed: list[int] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.planted if self.planted else 0.0

    @property
    def precision(self) -> float:
        return self.on_planted / self.reported if self.reported else 1.0

    def add(self, other: Figures) -> None:
        self.planted += other.planted
        self.found += other.found
        self.reported += other.reported
        self.on_planted += other.on_planted
        self.missed += other.missed


# --- planting: each returns {line index: new English} --------------------------------------------

def plant_number(zh: list[str], en: list[str], glossary) -> dict[int, str]:
    from bilingual.check.numbers import source_numbers

    out = {}
    for i, (z, e) in enumerate(zip(zh, en, strict=True)):
        for n in source_numbers(z):
            if not n.digits:
                continue
            m = re.search(rf"(?<![\d.,]){re.escape(n.text)}(?![\d])", e)
            if m and n.text.isdigit():
                wrong = str(int(n.text) + (1 if int(n.text) % 10 != 9 else -1))
                out[i] = e[:m.start()] + wrong + e[m.end():]
                break
    return out


def plant_untranslated(zh: list[str], en: list[str], glossary) -> dict[int, str]:
    out = {}
    for i, (z, e) in enumerate(zip(zh, en, strict=True)):
        han = re.search(r"[\u4e00-\u9fff]{2,4}", z)
        words = e.split()
        if han and len(words) > 6 and i % 3 == 0:
            words[len(words) // 2] = han.group()
            out[i] = " ".join(words)
    return out


def plant_loop(zh: list[str], en: list[str], glossary) -> dict[int, str]:
    out = {}
    for i, e in enumerate(en):
        words = e.split()
        if len(words) > 8 and i % 3 == 1:
            k = len(words) // 2
            out[i] = " ".join(words[:k] + words[k - 3:k] * 2 + words[k:])
    return out


def plant_mismatch(zh: list[str], en: list[str], glossary) -> dict[int, str]:
    """A glossary name's English replaced by another name's: the name mismatches the source."""
    from bilingual.check.glossary import english_forms, find_english

    out = {}
    for i, (z, e) in enumerate(zip(zh, en, strict=True)):
        for m in glossary.find(z):
            spans = find_english(e, english_forms(m.term))
            if len(spans) == 1:
                a, b = spans[0]
                other = "Ruritania" if m.term.kind == "place" else "Smith"
                out[i] = e[:a] + other + e[b:]
                break
    return out


def plant_units(zh: list[str], en: list[str], glossary) -> dict[int, str]:
    """A percentage's percent word dropped (90% -> 90), or an amount's scale moved (million <-> billion)."""
    out = {}
    for i, (z, e) in enumerate(zip(zh, en, strict=True)):
        if re.search(r"[%％]|百分之|百分点", z):
            m = re.search(r"(\d)(\s*%| per ?cent| percentage points?)", e)
            if m:
                out[i] = e[:m.end(1)] + e[m.end():]
                continue
        if re.search(r"\d(?:\.\d+)?\s*[万亿]", z):
            m = re.search(r"(\d)\s*-?\s*(million|billion)\b", e)
            big = re.search(r"\b(\d{1,3}),(\d{3})\b", e)
            if m:
                swap = "billion" if m.group(2) == "million" else "million"
                out[i] = e[:m.start(2)] + swap + e[m.end(2):]
            elif big:  # 9.5万 written 95,000 becomes 9,500
                value = int(big.group(1) + big.group(2)) // 10
                out[i] = e[:big.start()] + f"{value:,}" + e[big.end():]
    return out


def plant_negation(zh: list[str], en: list[str], glossary) -> dict[int, str]:
    """A negation dropped where the source negates once (not used to -> used to); 'not' added where
    neither side negates (every fourth such line)."""
    from bilingual.check.negation import english_polarity, source_polarity

    out = {}
    added = 0
    for i, (z, e) in enumerate(zip(zh, en, strict=True)):
        src, eng = source_polarity(z), english_polarity(e)
        if src.negates and len(eng.strong) == 1:
            flipped = re.sub(r"\b(?:not|never) |n't\b|\bno\b ?|\bcannot\b", lambda m: "can" if m.group() == "cannot"
                             else "", e, count=1, flags=re.IGNORECASE)
            if flipped != e and not english_polarity(flipped).strong:
                out[i] = flipped
        elif not src.strong and not src.weak and not eng.strong and not eng.weak:
            # not before only, just, merely … makes no negation (not only = 不仅): such a place is no plant
            m = re.search(r"\b(is|was|are|were|will|can|would)\b"
                          r"(?! (?:only|just|merely|simply|solely|until|least)\b)", e)
            if m and added % 4 == 0:
                out[i] = e[:m.end()] + " not" + e[m.end():]
            added += 1 if m else 0
    return out


def plant_names(zh: list[str], en: list[str], glossary) -> dict[int, str]:
    """A Chinese person's romanized name replaced by another person's."""
    from bilingual.check.names import named, romanizations, split_name
    from bilingual.glossary.ner import entities

    out = {}
    for i, (z, e) in enumerate(zip(zh, en, strict=True)):
        known = [(m.start, m.end) for m in glossary.find(z)]
        for p in entities(z):
            parts = split_name(p.text)
            if p.kind != "person" or not parts or any(a < p.end and p.start < b for a, b in known):
                continue
            if not named(p.text, e):
                continue
            forms = romanizations(parts[0]) | romanizations(parts[1])
            # a hyphenated given name is replaced whole, whatever its case after the hyphen (Lee Hee-Beom)
            caps = [m for m in re.finditer(r"[A-Z][a-z'’]+(?:-[A-Za-z'’]+)?", e)
                    if re.sub(r"[^a-z]", "", m.group().lower()) in forms]
            if not caps:
                continue
            a = caps[0].start()
            b = caps[0].end()
            nxt = re.match(r"\s+[A-Z][a-z'’]+(?:-[A-Za-z'’]+)?", e[b:])
            b += nxt.end() if nxt else 0
            other = next(n for n in OTHER_NAMES if re.sub(r"[^a-z]", "", n.split()[0].lower()) not in forms)
            out[i] = e[:a] + other + e[b:]
            break
    return out


PLANTERS: dict[str, Callable] = {
    "number": plant_number, "untranslated": plant_untranslated, "loop": plant_loop,
    "mismatch": plant_mismatch, "units": plant_units, "negation": plant_negation, "names": plant_names,
}


def sentence_figures(name: str, family: str, glossary) -> Figures:
    """Plant one family's errors in a sentence corpus, check it, count."""
    zh, en = corpus(name)
    bad = {n - 1 for n in KNOWN_BAD.get(name, set())}
    planted = {i: e for i, e in PLANTERS[family](zh, en, glossary).items() if i not in bad}
    damaged = [planted.get(i, e) for i, e in enumerate(en)]
    doc = sentence_document(zh, damaged, doc_id=f"{name}-{family}")
    ids = [b.segments[0].id for b in doc.blocks]
    kinds = FAMILIES[family]
    findings = [f for f in at_or_above(check_document(doc, glossary=glossary), "warning") if f.kind in kinds]
    line = {s: i for i, s in enumerate(ids)}
    flagged = {line[f.segment] for f in findings if f.segment in line}
    fig = Figures(planted=len(planted), found=len(flagged & set(planted)))
    fig.missed = sorted(set(planted) - flagged)
    counted = [f for f in findings if line.get(f.segment) not in bad]
    fig.reported = len(counted)
    fig.on_planted = sum(1 for f in counted if line.get(f.segment) in planted)
    return fig


def omission_figures(name: str, glossary, size: int = 3) -> Figures:
    """Paragraphs of `size` consecutive lines aligned by paragraph; every fourth paragraph loses the English
    of its middle sentence."""
    from bilingual.check.align import align_translation
    from bilingual.check.omission import MIN_CHARS
    from bilingual.check.text import source_length
    from tests.check.helpers import paragraph_document

    zh, en = corpus(name)
    bad = {n - 1 for n in KNOWN_BAD.get(name, set())}
    keep = [i for i in range(len(zh)) if i not in bad]
    zh, en = [zh[i] for i in keep], [en[i] for i in keep]
    doc = paragraph_document(zh, size=size, doc_id=f"{name}-omission")
    paragraphs, planted = [], set()
    for b, start in enumerate(range(0, len(zh), size)):
        lines = en[start:start + size]
        if b % 4 == 1 and len(lines) == size and source_length(zh[start + 1]) >= MIN_CHARS:
            lines = [lines[0]] + lines[2:]
            planted.add(b)
        paragraphs.append(" ".join(lines))
    aligned, _ = align_translation(doc, paragraphs)
    ids = {b.segments[0].id: k for k, b in enumerate(aligned.blocks)}
    findings = [f for f in at_or_above(check_document(aligned, glossary=glossary), "warning")
                if f.kind in FAMILIES["omission"]]
    flagged = {ids[f.segment] for f in findings}
    fig = Figures(planted=len(planted), found=len(flagged & planted), reported=len(findings),
                  on_planted=sum(1 for f in findings if ids[f.segment] in planted))
    fig.missed = sorted(planted - flagged)
    return fig


ALIGNMENT_SHARE = 0.08  # of the English lines alignment_figures drops, and as many it merges into the next


def alignment_figures(name: str, share: float = ALIGNMENT_SHARE) -> tuple[int, int]:
    """(source lines paired with their own English, source lines): each line a paragraph; the English loses
    `share` of its lines and merges another `share` into the next, at random (seeded by the corpus's first
    line, so that a corpus keeps its figure when its folder is renamed)."""
    import random

    from bilingual.check.align import align_paragraphs

    zh, en = corpus(name)
    draw = random.Random(zh[0])
    english: list[str] = []
    truth: dict[int, int | None] = {}  # source line -> its English paragraph, None when dropped
    i = 0
    while i < len(zh):
        r = draw.random()
        if r < share:
            truth[i] = None
            i += 1
        elif r < 2 * share and i + 1 < len(zh):
            english.append(f"{en[i]} {en[i + 1]}")
            truth[i] = truth[i + 1] = len(english) - 1
            i += 2
        else:
            english.append(en[i])
            truth[i] = len(english) - 1
            i += 1
    paired = {s: (ens[0] if ens else None) for srcs, ens in align_paragraphs(zh, english) for s in srcs}
    return sum(1 for s, e in truth.items() if paired.get(s) == e), len(truth)


def clean_rate(name: str, glossary) -> tuple[int, int, list[tuple[int, str, str]]]:
    """(lines flagged at warning or above, lines checked, the findings) on a clean corpus, known-bad lines apart."""
    zh, en = corpus(name)
    bad = {n - 1 for n in KNOWN_BAD.get(name, set())}
    doc = sentence_document(zh, en, doc_id=f"{name}-clean")
    line = {b.segments[0].id: i for i, b in enumerate(doc.blocks)}
    findings = [f for f in at_or_above(check_document(doc, glossary=glossary), "warning")
                if line.get(f.segment) not in bad]
    flagged = {line[f.segment] for f in findings if f.segment in line}
    return len(flagged), len(zh) - len(bad), [(line[f.segment] + 1, f.kind, f.message) for f in findings]
