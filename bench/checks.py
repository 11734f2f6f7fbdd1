"""Check figures on a held-out parallel corpus (tests/fixtures/parallel2/heldout), which no rule was tuned on.

    python -m bench.checks            # held-out figures (parallel2/heldout)
    python -m bench.checks tune6      # the same on another folder of tests/fixtures/parallel2
    python -m bench.checks tune       # the same on the tuning corpora (what tests/check/test_families.py asserts)
    python -m bench.checks tune --per-set   # each tuning corpus on its own (leave-one-set-out judgements)

For each finding family: errors planted in the human English by
tests/check/planting.py, recall (planted lines reported at warning or above)
and precision (the family's warning-or-above findings on planted lines); how
many lines the paragraph aligner of `check --translation` pairs right when the
English drops and merges some; and the share of clean lines flagged at warning
or above, the lines the corpus README lists as wrong in the reference left apart.
"""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from pathlib import Path

from tests.check import planting

FAMILIES = ("number", "untranslated", "loop", "mismatch", "units", "negation", "names", "omission")
USAGE = ("python -m bench.checks [-v] [--per-set] [SET ...]   (sets: folders of tests/fixtures/parallel2, "
         "parallel3, parallel4, or `tune` for the tuning corpora; default: heldout)")


def corpora(argv: list[str]) -> list[str]:
    """The corpora the set names stand for; none given is the held-out parallel2/heldout, as before."""
    sets = [a for a in argv if not a.startswith("-")]
    out: list[str] = []
    for name in sets or ["heldout"]:
        if name == "tune":
            out += list(planting.TUNE)
        elif name in planting.TUNE:  # a tuning corpus by its own name (parallel3, parallel4)
            out.append(name)
        elif (planting.FIXTURES / "parallel2" / name / "zh.txt").is_file():
            out.append(f"parallel2/{name}")
        else:
            raise SystemExit(f"no parallel set {name!r}\n{USAGE}")
    return out


def glossary():
    from bilingual.glossary import Glossary
    from tests.check.helpers import GLOSSARY_TSV

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "wmt.tsv"
        path.write_text(GLOSSARY_TSV, encoding="utf-8")
        return Glossary(list(Glossary.default().terms) + Glossary.load([path]).terms)


def known_bad_flagged(corpus: str, names) -> tuple[int, int]:
    """(known-bad lines flagged at warning or above, known-bad lines): the references' own errors and
    misalignments (planting.KNOWN_BAD), the one sample of real, unplanted errors the corpora hold."""
    from bilingual.check import at_or_above, check_document
    from tests.check.helpers import sentence_document

    zh, en = planting.corpus(corpus)
    bad = {n - 1 for n in planting.KNOWN_BAD.get(corpus, set())}
    doc = sentence_document(zh, en, doc_id=f"{corpus}-bad")
    line = {b.segments[0].id: i for i, b in enumerate(doc.blocks)}
    flagged = {line.get(f.segment) for f in at_or_above(check_document(doc, glossary=names), "warning")}
    return len(flagged & bad), len(bad)


def per_set(corpora: list[str], names) -> None:
    """One row per corpus: clean lines flagged, known-bad lines flagged, then recall per family (found/planted)."""
    print(f"{'corpus':17} {'clean flagged':>14} {'bad':>6}  " + "  ".join(f"{f[:8]:>8}" for f in FAMILIES))
    for corpus in corpora:
        flagged, checked, _ = planting.clean_rate(corpus, names)
        caught, bad = known_bad_flagged(corpus, names)
        cells = []
        for family in FAMILIES:
            fig = (planting.omission_figures(corpus, names) if family == "omission"
                   else planting.sentence_figures(corpus, family, names))
            cells.append(f"{fig.found}/{fig.planted}")
        print(f"{corpus:17} {flagged:>3}/{checked:<3} {flagged / max(checked, 1):5.1%} {caught:>2}/{bad:<3}  "
              + "  ".join(f"{c:>8}" for c in cells))


def main(argv: list[str]) -> None:
    if {"-h", "--help"} & set(argv):
        print(USAGE)  # and nothing run: a bare run measures the held-out set
        return
    chosen = corpora(argv)
    names = glossary()
    if "--per-set" in argv:
        per_set(chosen, names)
        return
    for family in FAMILIES:
        total = planting.Figures()
        for corpus in chosen:
            total.add(planting.omission_figures(corpus, names) if family == "omission"
                      else planting.sentence_figures(corpus, family, names))
        print(f"{family:13} recall {total.recall:6.1%} ({total.found}/{total.planted})   "
              f"precision {total.precision:6.1%} ({total.on_planted}/{total.reported})")
    paired = [planting.alignment_figures(corpus) for corpus in chosen]
    right, lines = sum(p[0] for p in paired), sum(p[1] for p in paired)
    share = f"{planting.ALIGNMENT_SHARE:.0%}".replace("%", " %")
    print(f"paragraphs    paired right {right / max(lines, 1):6.1%} ({right}/{lines}; {share} of the English lines "
          f"dropped, {share} merged into the next)")
    flagged = checked = 0
    kinds: Counter[str] = Counter()
    for corpus in chosen:
        f, n, findings = planting.clean_rate(corpus, names)
        flagged, checked = flagged + f, checked + n
        kinds.update(kind for kind, _line in {(kind, line) for line, kind, _message in findings})
        if "-v" in argv:
            print("\n".join(f"  {corpus}:{line} {kind} {message}" for line, kind, message in findings))
    # by kind, lines not shown: a held-out set's false alarms can be told apart without reading its lines
    by_kind = ", ".join(f"{kind} {count}" for kind, count in kinds.most_common())
    print(f"clean lines flagged at warning or above: {flagged}/{checked} ({flagged / max(checked, 1):.1%})"
          + (f"; lines by kind: {by_kind}" if by_kind else ""))


if __name__ == "__main__":
    main(sys.argv[1:])
