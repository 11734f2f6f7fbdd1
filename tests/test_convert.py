"""Simplified and Traditional columns: OpenCC with the glossary's names and marks carried over."""

from __future__ import annotations

import pytest

from bilingual.convert import convert
from bilingual.errors import BilingualError
from bilingual.glossary import Glossary
from bilingual.hant import writer
from bilingual.model import Block, Document, Mark, Meta, Segment
from bilingual.variants import region_config, variants
from tests.conftest import FIXTURES, SEED

REGION = {"s2twp": "zh-TW", "s2tw": "zh-TW", "s2hk": "zh-HK", "s2t": "zh-Hant"}


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return Glossary.default()


@pytest.fixture(scope="module")
def seed() -> Document:
    from bilingual import api
    from bilingual.segment import segment

    return segment(api.load([SEED])[0])


@pytest.fixture(scope="module")
def jifeng() -> Document:
    from bilingual import api
    from bilingual.segment import segment

    return segment(api.load([FIXTURES / "term_2018-02-06-jifeng-rip.md"])[0])


def one(text: str, marks: list[Mark] | None = None, *, script: str = "hans", title: str = "") -> Document:
    seg = Segment(id="d:0.0:x", source=text, marks={"source": marks or []})
    return Document(id="d", meta=Meta(title=title, script=script), blocks=[Block("paragraph", [seg])])


def test_variants_are_data():
    assert set(variants()) == set(REGION)
    assert {v["region"] for v in variants().values()} == {"zh-TW", "zh-HK", "zh-Hant"}


@pytest.mark.parametrize("variant", sorted(REGION))
def test_every_glossary_name_in_the_seed_has_its_regional_form(seed, glossary, variant):
    out = convert(seed, variant=variant, glossary=glossary)
    region = REGION[variant]
    checked = 0
    for seg in out.segments():
        assert seg.hans == seg.source
        names = glossary.find(seg.source)
        terms = [m for m in seg.marks["hant"] if m.tag == "term"]
        assert [m.ref for m in terms] == [n.term.id for n in names]
        for name, mark in zip(names, terms, strict=True):
            if name.hans == name.term.hans:
                assert seg.hant[mark.start:mark.end] == glossary.hant_form(name.term, region)
            else:  # an alias (集安组织) keeps the writer's choice, in Traditional
                assert seg.hant[mark.start:mark.end] == writer(region_config(region)).convert(name.hans)
            checked += 1
        hans_terms = [(m.start, m.end, m.ref) for m in seg.marks["hans"] if m.tag == "term"]
        assert hans_terms == [(n.start, n.end, n.term.id) for n in names]
    assert checked > 150
    assert out.provenance == {**seed.provenance, "variant": variant, "region": region,
                              "glossary": glossary.version}


def test_a_name_after_anti_or_pro_takes_its_regional_form(glossary):
    """反普京 is anti-Putin: the name stands after the prefix, so Taiwan reads 反普丁 as it reads 反對普丁."""
    from bilingual.convert import convert_text

    assert convert_text("莫斯科爆发反普京示威", [], "s2twp", glossary, "zh-TW")[0] == "莫斯科爆發反普丁示威"


def test_taiwan_forms_on_the_seed(seed, glossary):
    out = convert(seed, variant="s2twp", glossary=glossary)
    hant = "".join(s.hant for s in out.segments())
    assert "普丁" in hant and "普京" not in hant
    assert "北韓" in hant and "葉爾欽" in hant and "北約" in hant
    assert out.meta.title_hans == seed.meta.title
    assert out.meta.title_hant.startswith("俄羅斯與北韓結盟，東北亞局勢")


def test_without_glossary_opencc_alone(seed):
    out = convert(seed, variant="s2twp")
    hant = "".join(s.hant for s in out.segments())
    assert "普京" in hant  # what the glossary is for
    assert out.provenance["glossary"] == ""
    assert all(not [m for m in s.marks["hant"] if m.tag == "term"] for s in out.segments())


def test_input_document_is_not_changed(seed, glossary):
    before = seed.to_dict()
    convert(seed, glossary=glossary)
    assert seed.to_dict() == before


@pytest.mark.parametrize("variant", sorted(REGION))
def test_surname_yu_is_not_reconverted(glossary, variant):
    out = convert(one("余华说，其余的人和于淼都来了。"), variant=variant, glossary=glossary)
    hant = out.segments()[0].hant
    assert hant.startswith("余華說") or hant.startswith("余華説")
    assert "其餘" in hant and "于淼" in hant


def test_alias_keeps_the_writers_spelling(glossary):
    seg = convert(one("集安组织和集体安全条约组织"), glossary=glossary).segments()[0]
    assert seg.hant == "集安組織和集體安全條約組織"
    assert [m.ref for m in seg.marks["hant"] if m.tag == "term"] == ["csto", "csto"]


def test_marks_move_with_changed_lengths(glossary):
    # s2twp changes lengths on some phrases (e.g. 哈萨克斯坦 -> 哈薩克); marks must follow.
    text = "哈萨克斯坦和俄罗斯，普京说。"
    marks = [Mark(0, 5, "strong"), Mark(6, 9, "a", href="https://example.org/"), Mark(10, 14, "em")]
    seg = convert(one(text, marks), variant="s2twp", glossary=glossary).segments()[0]
    assert seg.hant == "哈薩克和俄羅斯，普丁說。"
    got = {m.tag: seg.hant[m.start:m.end] for m in seg.marks["hant"] if m.tag != "term"}
    assert got == {"strong": "哈薩克", "a": "俄羅斯", "em": "普丁說。"}
    assert [m.href for m in seg.marks["hant"] if m.tag == "a"] == ["https://example.org/"]
    assert [(m.tag, seg.hans[m.start:m.end]) for m in seg.marks["hans"] if m.tag != "term"] == \
        [("strong", "哈萨克斯坦"), ("a", "俄罗斯"), ("em", "普京说。")]


def test_mark_edge_inside_a_name_moves_to_the_name_edge(glossary):
    seg = convert(one("普京说", [Mark(1, 3, "em")]), glossary=glossary).segments()[0]
    (em,) = [m for m in seg.marks["hant"] if m.tag == "em"]
    assert seg.hant[em.start:em.end] == "普丁說"


def test_traditional_source_gets_simplified_column_with_glossary_forms(glossary):
    text = "嚴搏非說，季風書園與于淼；普丁和北韓。"
    doc = one(text, [Mark(0, 3, "strong")], script="hant", title="季風書園")
    out = convert(doc, variant="s2twp", glossary=glossary)
    seg = out.segments()[0]
    assert seg.hant == text
    assert seg.hans == "严搏非说，季风书园与于淼；普京和朝鲜。"
    assert [(m.ref, seg.hans[m.start:m.end]) for m in seg.marks["hans"] if m.tag == "term"] == [
        ("yan-bofei", "严搏非"), ("jifeng-bookstore", "季风书园"), ("yu-miao", "于淼"),
        ("putin", "普京"), ("north-korea", "朝鲜")]
    assert [seg.hant[m.start:m.end] for m in seg.marks["hant"] if m.tag == "strong"] == ["嚴搏非"]
    assert (out.meta.title_hans, out.meta.title_hant) == ("季风书园", "季風書園")


def test_traditional_fixture(jifeng, glossary):
    assert jifeng.meta.script == "hant"
    out = convert(jifeng, glossary=glossary)
    hans = "".join(s.hans for s in out.segments())
    for seg in out.segments():
        assert seg.hant == seg.source
        for mark in seg.marks["hans"]:
            if mark.tag == "term":
                assert seg.hans[mark.start:mark.end] in {glossary.get(mark.ref).hans, *glossary.get(mark.ref).aliases}
    assert "严搏非" in hans and "季风书园" in hans and "端传媒" in hans and "于淼" in hans
    assert "嚴" not in hans and "風" not in hans


def test_unknown_variant_is_a_user_error(seed):
    with pytest.raises(BilingualError, match="unknown variant 'x2y'"):
        convert(seed, variant="x2y")


def test_document_region_recorded_else_from_variant_else_taiwan():
    from bilingual.convert import document_region
    from bilingual.model import Document

    assert document_region(Document(id="a", provenance={"region": "zh-HK", "variant": "s2twp"})) == "zh-HK"
    assert document_region(Document(id="b", provenance={"variant": "s2hk"})) == "zh-HK"
    assert document_region(Document(id="c")) == "zh-TW"
    with pytest.raises(BilingualError):
        document_region(Document(id="d", provenance={"variant": "klingon"}))


def test_byline_is_converted_for_editions_without_the_source_script(seed, glossary):
    from bilingual.publish.html import render_html
    from bilingual.publish.view import meta_value

    out = convert(seed, variant="s2twp", glossary=glossary)
    hant = out.meta.converted["hant"]
    assert (seed.meta.author, hant["author"]) == ("古老板的老巢", "古老闆的老巢")
    assert hant["topics"] == ["俄羅斯"] and hant["rights"].startswith("該作品版權歸原作者所有")
    # Simplified shown: the source's own forms; Traditional only: the converted ones, marked with the region.
    assert meta_value(out, "author", ("hans", "en")) == ("古老板的老巢", "zh-Hans")
    assert meta_value(out, "author", ("hant", "en")) == ("古老闆的老巢", "zh-Hant-TW")
    from bs4 import BeautifulSoup

    page = BeautifulSoup(render_html(out, columns=("hant", "en")), "lxml")
    assert page.html["lang"] == "zh-Hant-TW"
    author = page.select_one("header dd")
    assert (author["lang"], author.get_text()) == ("zh-Hant-TW", "古老闆的老巢")
    assert "古老板" not in page.get_text()  # (its link keeps the source's URL)


def test_a_document_converts_as_each_of_its_segments_alone(glossary):
    """convert() sends a document's runs between names through OpenCC in one call; each segment still reads as
    convert_text makes it alone, marks and names included, in both directions (mixed-script articles)."""
    from bilingual import api
    from bilingual.convert import convert_text
    from bilingual.segment import segment

    directions = {"hans": 0, "hant": 0}
    for path in [*sorted((FIXTURES / "mixed").iterdir()), FIXTURES / "term_2018-02-06-jifeng-rip.md", SEED]:
        out = convert(segment(api.load([path])[0]), variant="s2hk", glossary=glossary)
        for seg in out.segments():
            source = seg.marks["source"]
            if seg.hans == seg.source:
                alone = convert_text(seg.source, source, "s2hk", glossary, "zh-HK")
                assert (seg.hant, seg.marks["hant"]) == alone
                directions["hans"] += 1
            else:
                alone = convert_text(seg.source, source, "t2s", glossary, None)
                assert seg.hant == seg.source and (seg.hans, seg.marks["hans"]) == alone
                directions["hant"] += 1
    assert directions["hans"] > 100 and directions["hant"] > 100


@pytest.mark.parametrize("text, script, unused", [("他说头发很长。", "hans", "t2s"),
                                                  ("他說頭髮很長。", "hant", "s2tw")])
def test_a_document_in_one_script_loads_no_converter_for_the_other(text, script, unused, monkeypatch):
    """Converting a document's blocks by direction builds no converter for a direction no block takes (a
    Traditional article needs no Taiwan writer: its Traditional column is its source)."""
    from bilingual import hant
    from bilingual import variants as variants_module

    hant.script_of(text, script)  # the script tables, built once per process
    monkeypatch.setattr(variants_module, "_CONVERTERS", {})
    hant.writer.cache_clear()
    try:
        out = convert(one(text, script=script), variant="s2twp")
        assert unused not in variants_module._CONVERTERS
    finally:
        hant.writer.cache_clear()
    seg = out.segments()[0]
    assert (seg.hans, seg.hant) == ("他说头发很长。", "他說頭髮很長。")
