"""Numbers and dates: the accepted English forms of the source's numbers."""

from __future__ import annotations

import pytest

from bilingual.check import check_document
from bilingual.check.numbers import source_numbers, target_values
from tests.check.helpers import sentence_document

ACCEPTED = [
    ("他1961年出生。", "He was born in 1961."),
    ("他工作了30年。", "He worked for 30 years."),
    ("来了6个人。", "Six people came."),
    ("来了6个人。", "6 people came."),
    ("增长百分之十。", "It grew by 10%."),
    ("增长百分之十。", "It grew by 10 percent."),
    ("增长百分之十。", "It grew by ten percent."),
    ("6月19日开会。", "The meeting was on June 19."),
    ("6月19日开会。", "The meeting was on 19 June."),
    ("六十年代的事。", "It happened in the 1960s."),
    ("六十年代的事。", "It happened in the sixties."),
    ("他等了二十年。", "He waited twenty years."),
    ("他等了二十年。", "He waited 20 years."),
    ("2024.6.20发布。", "Released on June 20, 2024."),
    ("总值13.21万亿元。", "A total of 13.21 trillion yuan."),
    ("引进资金220亿元。", "Funds of 22 billion yuan."),
    ("每年16万人。", "160,000 people a year."),
    ("周四发布。", "Released on Thursday."),
    ("三四天后。", "Three days later."),
    ("自2018财年起。", "From FY18 onwards."),
    ("第六位骑师。", "The sixth jockey."),
    ("两家工厂关闭。", "Both plants close."),
    ("十分紧张。", "Very nervous."),  # 十分 is "very", not ten minutes
]

REJECTED = [
    ("他1961年出生。", "He was born in 1962."),
    ("他工作了30年。", "He worked for three years."),
    ("增长百分之十。", "It grew by 11%."),
    ("6月19日开会。", "The meeting was on July 19."),
    ("六十年代的事。", "It happened in the 1970s."),
    ("总值13.21万亿元。", "A total of 13.21 billion yuan."),
    ("周四发布。", "Released on Tuesday."),
]


@pytest.mark.parametrize("zh,en", ACCEPTED)
def test_accepted_forms(zh, en):
    numbers = source_numbers(zh)
    values = target_values(en)
    assert all(n.accepted & values for n in numbers), [(n.text, n.accepted) for n in numbers]


@pytest.mark.parametrize("zh,en", REJECTED)
def test_wrong_renderings_are_reported(zh, en):
    doc = sentence_document([zh], [en])
    findings = [f for f in check_document(doc, glossary=None) if f.kind in ("number.missing", "unit.scale")]
    assert findings, (zh, en)
    assert findings[0].source_mark in zh


def test_digits_are_errors_and_chinese_numerals_warnings():
    doc = sentence_document(["他30岁，有三个孩子。"], ["He has children."])
    found = {f.source_mark: f.severity for f in check_document(doc, glossary=None)
             if f.kind == "number.missing"}
    assert found == {"30": "error", "三": "warning"}


def test_full_width_digits_and_grouping():
    # the mark is the text as written (full-width digits), the value the number it stands for
    numbers = source_numbers("重３０,０００公吨，占１０％")
    assert {n.text for n in numbers} >= {"３０,０００", "１０"}
    assert {v for n in numbers for v in n.accepted} >= {30000, 10}
    assert [n.text for n in source_numbers("1，2和3")] == ["1", "2", "3"]  # a Chinese comma separates
