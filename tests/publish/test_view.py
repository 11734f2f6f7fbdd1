"""The view both editions render: the names list read from the document's marks."""

from __future__ import annotations

from bilingual.glossary import Glossary, Term
from bilingual.model import Block, Document, Mark, Segment
from bilingual.publish.view import names_used

GLOSSARY = Glossary([
    Term(id="putin", hans="普京", hant={"zh-TW": "普丁", "zh-HK": "普京"}, en="Putin", en_long="Vladimir Putin",
         kind="person"),
    Term(id="pyongyang", hans="平壤", en="Pyongyang", kind="place"),
])


def _doc(variant: str) -> Document:
    seg = Segment(id="d:0.0:x", source="普京访问平壤。", hans="普京访问平壤。", hant="普丁訪問平壤。",
                  en="Vladimir Putin visits Pyongyang.",
                  marks={"hans": [Mark(0, 2, "term", ref="putin"), Mark(4, 6, "term", ref="pyongyang")],
                         "hant": [Mark(0, 2, "term", ref="putin")],
                         "en": [Mark(0, 14, "term", ref="putin")]})
    region = {"s2twp": "zh-TW", "s2hk": "zh-HK"}[variant]
    return Document(id="d", blocks=[Block(role="paragraph", segments=[seg])],
                    provenance={"variant": variant, "region": region})


def test_forms_are_read_from_the_marks_the_glossary_adds_kind_and_long_form():
    taiwan = names_used([_doc("s2twp")], GLOSSARY)
    assert [n.id for n in taiwan] == ["putin", "pyongyang"]
    putin, pyongyang = taiwan
    assert (putin.hans, putin.hant, putin.en, putin.kind) == ("普京", "普丁", "Vladimir Putin", "person")
    # No mark in the Traditional column for 平壤: the glossary's form for the recorded region.
    assert (pyongyang.hant, pyongyang.en, pyongyang.kind) == ("平壤", "Pyongyang", "place")
    hk = _doc("s2hk")
    hk.blocks[0].segments[0].marks.pop("hant")
    assert names_used([hk], GLOSSARY)[0].hant == "普京"  # unmarked column: the region's glossary form


def test_without_a_glossary_the_marked_text_is_the_form():
    names = names_used([_doc("s2twp")])
    assert [(n.id, n.hans, n.en) for n in names] == [("putin", "普京", "Vladimir Putin"), ("pyongyang", "平壤", "")]


def test_provenance_line_names_engine_model_glossary_and_human_edits():
    from bilingual.publish.view import provenance_line
    from tests.publish.epubdocs import hk_doc, luo_doc, seed_doc

    seed = seed_doc()
    for seg in seed.segments()[:3]:
        seg.origin = "mt"
    seed.segments()[3].origin = "memory"  # cached machine output is still machine translation
    total = len(seed.segments())
    assert provenance_line([seed], ("hans", "hant", "en")) == (
        "English: machine translation by argos (translate-zh_en-1.9); glossary 2024.06-test; "
        f"{total - 4} of {total} sentences edited by a person.")
    assert provenance_line([seed], ("hans", "hant")) == ""  # no English shown, nothing to say about it
    assert provenance_line([luo_doc()], ("hans", "en")) == "English: not translated."
    assert provenance_line([hk_doc()], ("en",)) == "English: translated by a person."


def test_english_already_in_the_source_is_counted_as_such_not_as_unrecorded():
    """tests/fixtures/articles/tune8/cdt_400417 quotes an English declaration: its sentences have no Chinese and go
    to the English column as they are; the colophon called them "of unrecorded origin"."""
    from bilingual.publish.view import english_note, provenance_line

    mt = Segment(id="d:0.0:a", source="普京访问平壤。", hans="普京访问平壤。", en="Putin visits Pyongyang.",
                 origin="mt")
    quoted = Segment(id="d:1.0:b", source="Public Declaration by Wang Ruiqin", en="Public Declaration by Wang Ruiqin",
                     origin="source")  # as translate_document records it
    lost = Segment(id="d:2.0:c", source="普京。", hans="普京。", en="Putin.")  # Chinese, English of no record
    doc = Document(id="d", blocks=[Block(role="paragraph", segments=[s]) for s in (mt, quoted, lost)])
    columns = ("hans", "en")
    assert english_note([doc], columns) == (
        "1 machine-translated, 1 copied from the source (already English), 1 of unrecorded origin (of 3 sentences)")
    only_quoted = Document(id="e", blocks=[Block(role="paragraph", segments=[quoted])])
    assert provenance_line([only_quoted], columns) == "English: as in the source (no Chinese to translate)."


def test_readable_url_decodes_what_it_safely_can():
    from bilingual.publish.view import readable_url

    cdt = "https://chinadigitaltimes.net/chinese/2020/09/%e3%80%90%e5%bc%82%e9%97%bb%e8%a7%82%e6%ad%a2%e3%80%91/"
    assert readable_url(cdt) == "https://chinadigitaltimes.net/chinese/2020/09/【异闻观止】/"
    assert readable_url("https://a.example/%20x") == "https://a.example/%20x"  # a decoded space would mislead
    # ...but the rest of the URL is still read (tests/fixtures/articles/tune10/dw_1046252: one %20 in the title)
    dw = ("https://www.dw.com/zh/%E5%9C%A8%E9%A9%AC%E9%87%8C%E9%81%AD%E7%BB%91%E6%9E%B6%E7%9A%84%E5%A4%9A%E5%90%8D"
          "%E4%BA%BA%E8%B4%A8%E8%8E%B7%E9%87%8A%20%E4%B8%80%E7%91%9E%E5%A3%AB%E5%A5%B3%E6%80%A7%E9%81%87%E5%AE%B3"
          "/a-55221304")
    assert readable_url(dw) == "https://www.dw.com/zh/在马里遭绑架的多名人质获释%20一瑞士女性遇害/a-55221304"
    assert readable_url("https://a.example/%E4%B8%AD%09%0A") == "https://a.example/中%09%0A"
    # DEL, a C1 control and a right-to-left override stay escaped too: decoded, they hide or reorder the text
    assert readable_url("https://a.example/%E4%B8%AD%7F%C2%80%E2%80%AEcba") == "https://a.example/中%7F%C2%80%E2%80%AEcba"
    assert readable_url("https://a.example/%ff") == "https://a.example/%ff"  # not UTF-8: left as it is
    # tests/fixtures/articles/tune8/hkc_30050: the archive saved the URL after losing the title's characters
    lost = "https://www.hkcnews.com/article/30050/" + "%EF%BF%BD" * 6 + "-" + "%EF%BF%BD" * 4 + "-30054/"
    assert readable_url(lost) == "https://www.hkcnews.com/article/30050/…"


def _in(region: str) -> Document:
    """The seed's opening as a build for `region` records it (convert writes the region into the provenance)."""
    from tests.publish.epubdocs import seed_doc

    doc = seed_doc()
    doc.provenance["region"] = region
    doc.meta.converted = {"hant": {"author": "古老闆的老巢"}}
    return doc


def test_the_traditional_column_is_tagged_with_the_region_it_is_written_in():
    from bilingual.model import column_lang

    assert [column_lang("hant", r) for r in ("zh-HK", "zh-TW", "zh-Hant", "")] == \
        ["zh-Hant-HK", "zh-Hant-TW", "zh-Hant", "zh-Hant"]
    assert [column_lang(c, "zh-HK") for c in ("hans", "en")] == ["zh-Hans", "en"]  # only Traditional has regions


def test_titles_heads_bylines_and_names_follow_the_documents_region():
    from bilingual.publish.view import collect_names, column_heads, meta_value, titles

    for region, tag in (("zh-HK", "zh-Hant-HK"), ("zh-TW", "zh-Hant-TW"), ("zh-Hant", "zh-Hant")):
        doc = _in(region)
        assert [t["lang"] for t in titles(doc, ("hans", "hant", "en"))] == ["zh-Hans", tag, "en"]
        assert [h["lang"] for h in column_heads(("hant", "en"), doc.region)] == [tag, "en"]
        assert meta_value(doc, "author", ("hant", "en"))[1] == tag  # a byline in the Traditional-only edition
        forms = [f for n in collect_names([doc], ("hans", "hant", "en")) for f in n["forms"]]
        assert forms and {f["lang"] for f in forms if f["col"] == "hant"} == {tag}
    assert column_heads(("hant",))[0]["lang"] == "zh-Hant"  # no region known: generic


def test_a_name_is_tagged_with_the_region_of_the_document_it_is_listed_from():
    from bilingual.publish.view import collect_names, shared_region

    hk, tw = _in("zh-HK"), _in("zh-TW")
    assert shared_region([hk, tw]) == "" and shared_region([hk, _in("zh-HK")]) == "zh-HK"
    assert shared_region([hk, Document(id="old")]) == ""  # a document that records no region
    forms = collect_names([hk, tw], ("hant",))[0]["forms"]
    assert forms[0]["lang"] == "zh-Hant-HK"  # its form is the first document's, written for Hong Kong


def test_a_names_tag_follows_the_document_its_traditional_form_comes_from():
    """A name first marked only in another column of a Hong Kong document takes its Traditional form, and so
    its tag, from the Taiwan document that marks it there."""
    from bilingual.publish.view import collect_names

    hk, tw = _in("zh-HK"), _in("zh-TW")
    for seg in hk.segments():
        seg.marks["hant"] = []
    name = collect_names([hk, tw], ("hant",))[0]
    assert name["forms"][0]["lang"] == "zh-Hant-TW"


def test_an_original_link_with_chinese_in_it_is_tagged_as_the_sources_writing():
    """The browser pass found an hkcnews link's decoded title (稅單－奧巴馬) inside the English byline, drawn in
    the Japanese fallback font; an address of Latin letters only stays English."""
    from bilingual.model import SOURCE_REGION_KEY
    from bilingual.publish.view import byline

    doc = _in("zh-TW")
    doc.meta.script, doc.provenance[SOURCE_REGION_KEY] = "hant", "zh-HK"
    doc.meta.url = "https://www.hkcnews.com/article/488/%E7%A8%85%E5%96%AE"
    (link,) = [b for b in byline(doc) if b["label"] == "Original"]
    assert link["text"].endswith("/稅單") and link["lang"] == "zh-Hant-HK"
    doc.meta.url = "https://www.hkcnews.com/article/488"
    (link,) = [b for b in byline(doc) if b["label"] == "Original"]
    assert link["lang"] == "en"


def test_the_colophon_says_which_column_is_the_source_and_how_the_other_was_made():
    """The browser pass found an HK source's footer saying "OpenCC variant: s2twp · Traditional Chinese region:
    zh-TW · source_region: zh-HK": its Traditional column is the source, its Simplified one OpenCC's t2s."""
    from bilingual.model import SOURCE_REGION_KEY
    from bilingual.publish.view import colophon_rows

    def told(doc: Document) -> dict[str, str]:
        return {r["label"]: r["value"] for r in colophon_rows([doc])}

    assert told(_doc("s2twp")) == {"Source text": "Simplified Chinese", "OpenCC variant": "s2twp",
                                   "Traditional Chinese region": "zh-TW"}
    hk = _doc("s2twp")
    hk.meta.script, hk.provenance[SOURCE_REGION_KEY] = "hant", "zh-HK"
    assert told(hk) == {"Source text": "Traditional Chinese (zh-HK)", "Simplified column": "converted by OpenCC t2s"}
    both = {r["label"]: r["value"] for r in colophon_rows([_doc("s2hk"), hk])}
    assert both["Source text"] == "Simplified Chinese, Traditional Chinese (zh-HK)"
    assert both["OpenCC variant"] == "s2hk" and both["Traditional Chinese region"] == "zh-HK"


def test_the_names_list_sorts_english_as_an_index_does():
    """The browser pass found "the UK", "the WHO" filed under T."""
    from bilingual.publish.view import collect_names

    names = Glossary([Term(id=i, hans=h, en=e, kind="place") for i, h, e in
                      (("uk", "英国", "the UK"), ("japan", "日本", "Japan"), ("spain", "西班牙", "Spain"),
                       ("nl", "荷兰", "the Netherlands"), ("an", "安徽", "An Hui"))])
    seg = Segment(id="d:0.0:x", source="英国日本西班牙荷兰安徽", hans="英国日本西班牙荷兰安徽",
                  marks={"hans": [Mark(0, 2, "term", ref="uk"), Mark(2, 4, "term", ref="japan"),
                                  Mark(4, 7, "term", ref="spain"), Mark(7, 9, "term", ref="nl"),
                                  Mark(9, 11, "term", ref="an")]})
    doc = Document(id="d", blocks=[Block(role="paragraph", segments=[seg])])
    # "An Hui" stays under A: only "the" is set aside
    assert [n["id"] for n in collect_names([doc], ("hans",), names)] == ["an", "japan", "nl", "spain", "uk"]
