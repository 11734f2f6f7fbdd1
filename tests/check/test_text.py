"""Findings about the English itself (bilingual/check/text.py), one case at a time."""

from __future__ import annotations

import pytest

from bilingual.check import check_document
from tests.check.helpers import sentence_document


def cjk(en: str) -> list[tuple[str, str]]:
    doc = sentence_document(["监管风险是宿敌。"], [en])
    return [(f.severity, f.target_mark) for f in check_document(doc, glossary=None) if f.kind == "cjk-in-english"]


@pytest.mark.parametrize("en", [
    "It has to do with the 'sworn enemy'—regulation.",  # an em dash is English typography
    "It has to do with the sworn enemy… regulation.",
])
def test_single_dashes_and_ellipses_are_english(en):
    assert cjk(en) == []


@pytest.mark.parametrize("en, mark", [
    ("It has to do with the sworn enemy——regulation.", "——"),  # the Chinese double dash
    ("It has to do with the sworn enemy……", "……"),
    ("It has to do with the sworn enemy，regulation.", "，"),
])
def test_chinese_punctuation_is_a_warning(en, mark):
    assert cjk(en) == [("warning", mark)]


def test_chinese_characters_are_an_error():
    assert cjk("It has to do with the 宿敌.") == [("error", "宿敌")]


def test_a_phrase_the_source_says_in_two_clauses_is_a_note():
    # tune15:74 (round 14): the source says 表现良好 in both clauses; the English repeats across the semicolon
    zh = "投资者在其投资组合公司表现良好时实现回报；公司在员工忠诚和敬业时表现良好。"
    en = ("Investors achieve returns when their portfolio companies do well; companies do well when employees "
          "are committed and engaged.")

    def severity(zh: str, en: str) -> str:
        [f] = [f for f in check_document(sentence_document([zh], [en]), glossary=None) if f.kind == "repetition"]
        return f.severity

    assert severity(zh, en) == "info"
    # a source that says it once, and the same words repeated with no clause's edge between: a loop
    assert severity("投资者在其投资组合公司表现良好时实现回报；员工忠诚和敬业。", en) == "error"
    assert severity(zh, en.replace("do well; companies", "do well companies")) == "error"
    # a name the source repeats (特朗普 … 特朗普政府) is no phrase said twice: a loop across a comma stays a loop
    assert severity("特朗普表示，特朗普政府将继续推进这项政策。", "Trump said the administration will continue, the "
                    "administration will continue the policy.") == "error"


def test_a_repetition_the_source_makes_itself_is_a_note():
    # parallel2/tune9:125: 我中奖了！中奖了！ -> "I got it! I got it!"
    zh = "我大叫起来，‘我中奖了！中奖了！我中彩票了!'"
    en = "I started shouting, 'I got it! I got it! I hit the lottery!'"
    [f] = [f for f in check_document(sentence_document([zh], [en]), glossary=None) if f.kind == "repetition"]
    assert f.severity == "info" and "source repeats" in f.message
    # the same English for a source that says it once, and a loop of three: a machine-translation loop
    [f] = [f for f in check_document(sentence_document(["我大叫起来，‘我中奖了！我中彩票了!'"], [en]), glossary=None)
           if f.kind == "repetition"]
    assert f.severity == "error"
    # a doubled word with nothing between is one word's form (一步一步 step by step), not the source repeating
    [f] = [f for f in check_document(sentence_document(["我们一步一步地走到了今天。"], [en]), glossary=None)
           if f.kind == "repetition"]
    assert f.severity == "error"
    loop = "I started shouting, 'I got it! I got it! I got it! I hit the lottery!'"
    [f] = [f for f in check_document(sentence_document([zh], [loop]), glossary=None) if f.kind == "repetition"]
    assert f.severity == "error"
