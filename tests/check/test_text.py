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
