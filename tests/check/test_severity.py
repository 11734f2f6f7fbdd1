"""Severity by evidence (bilingual/check/severity.py), on real sentences of the tuning corpora.

Weak evidence alone becomes info with a reason; corroborated by another family it stays a warning;
strong evidence keeps its severity and says why.
"""

from __future__ import annotations

import pytest

from bilingual.check import check_document, severity
from bilingual.check.base import Finding, Unit
from bilingual.publish.report import render_text, summarize
from tests.check import planting
from tests.check.helpers import sentence_document


def _line_findings(corpus: str, line: int) -> list[Finding]:
    """The findings on one line (1-based) of a whole tuning corpus checked as one document (the length
    model needs the corpus around the line)."""
    zh, en = planting.corpus(corpus)
    doc = sentence_document(zh, en, doc_id="sev")
    seg = doc.blocks[line - 1].segments[0].id
    return [f for f in check_document(doc, glossary=None) if f.segment == seg]


def test_a_long_faithful_rendering_alone_is_info():
    # parallel2/tune5:74 renders every clause of its source, at 2.2x the expected length
    [f] = [f for f in _line_findings("parallel2/tune5", 74) if f.kind == "length-ratio"]
    assert f.severity == "info"
    assert "2.2×" in f.message  # the message still says what was seen
    assert f.reason.startswith("weak evidence alone (a length difference alone")


def test_a_length_outlier_with_a_missing_number_stays_a_warning():
    # parallel2/tune:8, a known-bad line (the English runs on into the next sentence): twice as long, and the
    # numbers of 两个一百年 not where the check looks for them
    found = {f.kind: f for f in _line_findings("parallel2/tune", 8)}
    assert found["length-ratio"].severity == "warning"
    assert "corroborated by number.missing" in found["length-ratio"].reason
    assert found["number.missing"].severity == "warning" and not found["number.missing"].reason


def _unit(corpus: str, line: int) -> Unit:
    zh, en = planting.corpus(corpus)
    return Unit(id=f"{corpus}:{line}", source=zh[line - 1], en=en[line - 1])


def _negation(u: Unit, word: str) -> Finding:
    """The finding negation.py gave before the word was listed (its form, unchanged)."""
    return Finding(u.id, "negation.missing", "warning", u.source, u.en,
                   f"the source negates ('{word}') but the English has no negation", source_mark=word)


@pytest.mark.parametrize("corpus, line, word, tag", [
    ("parallel2/tune3", 76, "不菲", "a"),   # 售价自然也是不菲 -> "a hefty price tag"
    ("parallel2/tune3", 73, "不愧", "a"),   # 不愧是爱时尚的国度 -> "worthy of being called a nation of fashion lovers"
    ("parallel2/tune5", 106, "不丹", "ns"),  # 不丹也声称拥有该地区 -> "claimed by Bhutan"
    ("parallel2/tune5", 1, "不停", "d"),    # 局势在不停地变换 -> "The landscape constantly shifts."
])
def test_a_negator_inside_a_word_of_its_own_alone_is_info(monkeypatch, corpus, line, word, tag):
    u = _unit(corpus, line)
    monkeypatch.setattr("bilingual.check.negation.source_polarity",
                        lambda text: _polarity([word]))  # as the word was read before it was listed
    [f] = severity.weigh([u], [_negation(u, word)])
    assert f.severity == "info"
    assert f"{word} ({tag}" in f.reason and f.reason.startswith("weak evidence alone")
    assert word in f.message


def _polarity(words: list[str]):
    from bilingual.check.negation import Polarity

    return Polarity(strong=words, weak=False, negates=True, clauses=1)


def test_two_weak_signals_of_different_families_corroborate(monkeypatch):
    u = _unit("parallel2/tune3", 76)
    monkeypatch.setattr("bilingual.check.negation.source_polarity", lambda text: _polarity(["不菲"]))
    length = Finding(u.id, "length-ratio", "warning", message="the English is 2.0× the expected length")
    weighed = {f.kind: f for f in severity.weigh([u], [_negation(u, "不菲"), length])}
    assert weighed["negation.missing"].severity == "warning"
    assert "corroborated by length-ratio" in weighed["negation.missing"].reason
    assert weighed["length-ratio"].severity == "warning"


@pytest.mark.parametrize("word, lexical", [
    ("不菲", True), ("不愧", True), ("不丹", True), ("不停", True), ("不断", True),
    ("不会", False), ("不是", False), ("不要", False), ("不能", False), ("不可", False),
    ("不再", False), ("不必", False),  # a negated adverb negates the verb after it
    ("不", False), ("没有", False),    # a one-character negator, a listed strong word
    ("不鸣", False),                  # not in jieba's dictionary: no evidence either way
])
def test_which_negator_words_are_lexical(word, lexical):
    assert severity._lexical(word) is lexical


def test_a_dropped_negation_of_a_verb_stays_a_warning():
    # parallel2/tune2:46 with its "no longer" dropped, as tests/check/planting.py plants it
    zh, en = planting.corpus("parallel2/tune2")
    damaged = en[45].replace("is no longer the", "is the")
    assert damaged != en[45]
    doc = sentence_document([zh[45]], [damaged])
    [f] = [f for f in check_document(doc, glossary=None) if f.kind == "negation.missing"]
    assert f.severity == "warning"
    assert f.reason.startswith("strong evidence: the source negates a verb or clause")


def test_the_reason_is_in_the_json_and_the_text_report():
    [f] = [f for f in _line_findings("parallel2/tune5", 74) if f.kind == "length-ratio"]
    assert f.to_dict()["reason"] == f.reason
    text = render_text([f], summarize([f], []))
    assert "why info: weak evidence alone" in text


def test_kinds_of_one_family_do_not_corroborate_each_other():
    assert severity.family("unit.percent") == severity.family("number.missing")
    assert severity.family("negation.added") == severity.family("negation.missing")
    assert severity.family("length-ratio") != severity.family("number.missing")


@pytest.mark.parametrize("corpus, line, weak, plain, why", [
    # parallel2/tune6:118: 要表演好没那么容易 ("not that easy") -> "the burden to get her performance right"
    ("parallel2/tune6", 118, "没那么容易", "没有成功", "degree word"),
    # parallel2/tune8:39: 并没有不合时宜 ("not inappropriate") -> "it's appropriate"
    ("parallel2/tune8", 39, "不合时宜", "合时宜", "negative word of its own"),
])
def test_a_litotes_or_a_double_negative_rendered_by_one_word_alone_is_info(corpus, line, weak, plain, why):
    zh, en = planting.corpus(corpus)
    doc = sentence_document([zh[line - 1]], [en[line - 1]])
    [f] = [f for f in check_document(doc, glossary=None) if f.kind == "negation.missing"]
    assert f.severity == "info" and why in f.reason
    # the same sentence with a plainly negated verb: strong evidence, still a warning
    assert weak in zh[line - 1]
    doc = sentence_document([zh[line - 1].replace(weak, plain)], [en[line - 1]])
    [f] = [f for f in check_document(doc, glossary=None) if f.kind == "negation.missing"]
    assert f.severity == "warning" and f.reason.startswith("strong evidence")


@pytest.mark.parametrize("source, double", [
    ("所以彰显这一点当然并没有不合时宜。", True), ("他没有不安。", True),
    ("他没有成功，不合时宜。", False),  # the negator negates a verb; the lexical negative stands apart
    ("我不同意。", False),
])
def test_which_negations_are_double_negatives(source, double):
    from bilingual.check.negation import source_polarity

    assert severity._double_negative(source, source_polarity(source).strong) is double


@pytest.mark.parametrize("source, litotes", [
    ("要表演好没那么容易。", True), ("我不太清楚。", True),
    ("我不清楚。", False), ("他没那么做。", False),  # 那么做: "do it so", a verb
    ("要表演好没那么容易，也不会去。", False),  # 不会 negates a verb of its own
    # parallel2/tune11:30: a one-character adjective ending the predicate ("low industrial economic benefit")
    ("对于工业经济效益不高，专家说。", True), ("价格不贵的。", True),
    ("这件事不好说。", False),  # an adjective before a verb: the saying is negated
    ("他不高兴。", False),  # 高兴 is a word of its own, no graded adjective
])
def test_which_negations_are_litotes(source, litotes):
    from bilingual.check.negation import source_polarity

    assert severity._litotes(source, source_polarity(source).strong) is litotes


