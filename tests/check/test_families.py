"""Every finding family on real human translations with planted errors: recall and precision.

The tuning corpora (WMT19 newstest, tests/fixtures/parallel; WMT18/20 pairs, then WMT19's,
tests/fixtures/parallel2/tune … tune34; tests/fixtures/parallel3 and parallel4) are damaged family by family by
tests/check/planting.py; bench/checks.py reports the same figures on the
held-out corpus (tests/fixtures/parallel2/heldout), which no rule was tuned on. (parallel2/tune2, then
tune3 … tune34, was the held-out set until it was opened for tuning.)
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from tests.check import planting

TUNE = planting.TUNE
# family -> (least recall, least precision) on the tuning corpora: issue 10's goals for recall; omission
# has none there: 75.8 % / 85.1 % on length and anchors alone, 84.2 % / 88.6 % with CC-CEDICT's glosses
# (lexicon.py; English fragments without sentence ends still cannot be aligned inside)
GOALS = {
    "number": (0.95, 0.9), "untranslated": (0.95, 0.9), "loop": (0.95, 0.9), "mismatch": (0.95, 0.9),
    "units": (0.8, 0.9), "negation": (0.8, 0.9), "names": (0.8, 0.9), "omission": (0.8, 0.85),
}


@pytest.fixture(scope="module")
def names():
    """The shipped glossary with the WMT19 fixture's names on top."""
    from bilingual.glossary import Glossary
    from tests.check.helpers import GLOSSARY_TSV

    terms = list(Glossary.default().terms)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "wmt.tsv"
        path.write_text(GLOSSARY_TSV, encoding="utf-8")
        return Glossary(terms + Glossary.load([path]).terms)


@pytest.mark.parametrize("family", sorted(GOALS))
def test_family_recall_and_precision_on_planted_errors(family, names):
    total = planting.Figures()
    for corpus in TUNE:
        figures = (planting.omission_figures(corpus, names) if family == "omission"
                   else planting.sentence_figures(corpus, family, names))
        total.add(figures)
    least_recall, least_precision = GOALS[family]
    print(f"\n{family}: recall {total.recall:.0%} ({total.found}/{total.planted}), "
          f"precision {total.precision:.0%} ({total.on_planted}/{total.reported})")
    assert total.planted >= 5, "too few lines to plant this family in"
    assert total.recall >= least_recall, total.missed
    assert total.precision >= least_precision


def test_paragraphs_pair_with_their_english_when_some_are_dropped_or_merged():
    """check --translation pairs paragraphs by length, shared anchors and CC-CEDICT glosses: 97.0 % of lines
    right on the tuning corpora (87.6 % on length and anchors alone)."""
    right = lines = 0
    for corpus in TUNE:
        r, n = planting.alignment_figures(corpus)
        right, lines = right + r, lines + n
    assert lines > 3000 and right / lines >= 0.95


def test_clean_human_translations_are_rarely_flagged(names):
    flagged = checked = 0
    for corpus in TUNE:
        f, n, findings = planting.clean_rate(corpus, names)
        flagged, checked = flagged + f, checked + n
        print(f"\n{corpus}: {f}/{n} clean lines flagged at warning or above", *findings, sep="\n  ")
    assert flagged / checked <= 0.03
