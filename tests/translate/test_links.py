"""Links carried into the English column: over names, over the whole sentence, on the translated words, or after.

The English sentences here are TEST DATA written by hand for the placement rules
(not machine output); the end-to-end test runs the real engine path on the tiny model.
"""

from __future__ import annotations

from bilingual.glossary import Glossary, Term
from bilingual.model import Block, Document, Mark, Meta, Segment, segment_id
from bilingual.translate.links import Link, links_of, place_links
from bilingual.translate.protect import protect, restore
from bilingual.translate.run import translate_document

HREF = "https://example.org/page"


def _a(text: str, words: str, href: str = HREF) -> Mark:
    start = text.index(words)
    return Mark(start, start + len(words), "a", href=href)


def test_links_of_reads_only_links_with_a_target():
    text = "据塔斯社报道，普京到访。"
    marks = [_a(text, "塔斯社"), Mark(0, 2, "strong"), Mark(7, 9, "a", href=""), Mark(5, 99, "a", href=HREF)]
    links = links_of(text, marks)
    assert [(link.words, link.href) for link in links] == [("塔斯社", HREF), ("道，普京到访。", HREF)]


def test_link_goes_on_the_translated_words_where_they_occur():
    source = "据塔斯社19日报道，条约已签署。"
    link = Link(*_span(source, "塔斯社"), HREF, "塔斯社", english="TASS.")  # the engine's full stop is trimmed
    marks: list[Mark] = []
    english, notes = place_links("According to tass on the 19th, the treaty was signed.", marks, [link],
                                 source, [], {})
    assert notes == []
    assert [(english[m.start:m.end], m.tag, m.href) for m in marks] == [("tass", "a", HREF)]


def test_words_inside_a_longer_word_do_not_count_and_the_link_follows_the_sentence():
    source = "他提到了美国。"
    link = Link(*_span(source, "美国"), HREF, "美国", english="US")
    marks: list[Mark] = []
    english, notes = place_links("He mentioned USSR history.", marks, [link], source, [], {})
    assert english == "He mentioned USSR history. (US)"
    assert [(english[m.start:m.end], m.href) for m in marks] == [("US", HREF)]
    assert notes and "not found" in notes[0]


def test_untranslated_link_words_fall_back_to_the_site_name():
    source = "详见百度百科。"
    link = Link(*_span(source, "百度百科"), "https://baike.baidu.com/item/x", "百度百科", english="")
    marks: list[Mark] = []
    english, _ = place_links("See details.", marks, [link], source, [], {})
    assert english == "See details. (baike.baidu.com)"
    assert english[marks[0].start:marks[0].end] == "baike.baidu.com"


def test_a_link_over_the_whole_sentence_covers_the_whole_english():
    source = "“大兔：敢问酷玩实验室”"
    link = Link(0, len(source), HREF, source, english="something else entirely")
    marks: list[Mark] = []
    english, notes = place_links("Big Rabbit asks Cool Lab", marks, [link], source, [], {})
    assert (marks[0].start, marks[0].end) == (0, len(english)) and notes == []


def test_a_link_over_a_name_follows_the_name_restore_placed():
    glossary = Glossary([Term(id="ren", hans="任志强", en="Ren Zhiqiang", kind="person")])
    source = "现年69岁的任志强是红二代。"
    protected = protect(source, glossary)
    spans: dict[int, tuple[int, int]] = {}
    english, marks, _ = restore("The 69-year-old <1> is a red second generation.", protected, slot_spans=spans)
    link = Link(*_span(source, "任志强"), HREF, "任志强", english="a different rendering")
    slots = [(s.index, s.start, s.end) for s in protected.slots]
    english, notes = place_links(english, marks, [link], source, slots, spans)
    linked = [english[m.start:m.end] for m in marks if m.tag == "a"]
    assert linked == ["Ren Zhiqiang"] and notes == []


def test_every_link_reaches_the_english_through_the_real_engine_path(tiny_engine):
    """Whatever the (noise) English says, each Chinese link is an English link with the same target."""
    sentences = ["据塔斯社报道，条约已签署。", "详见百度百科。", "他在Facebook上发文。"]
    hrefs = ["https://tass.ru/", "https://baike.baidu.com/item/x", "https://www.facebook.com/x"]
    words = ["塔斯社", "百度百科", "Facebook"]
    segments = []
    for i, (s, w, h) in enumerate(zip(sentences, words, hrefs, strict=True)):
        seg = Segment(id=segment_id("l", 0, i, s), source=s, hans=s, hant=s)
        seg.marks["hans"] = [_a(s, w, h)]
        segments.append(seg)
    doc = Document(id="l", meta=Meta(title="链接", title_hans="链接"),
                   blocks=[Block(role="paragraph", segments=segments, source="".join(sentences))])
    out = translate_document(doc, tiny_engine)
    for seg, href in zip(out.segments(), hrefs, strict=True):
        links = [m for m in seg.marks["en"] if m.tag == "a"]
        assert [m.href for m in links] == [href], seg.en
        assert seg.en[links[0].start:links[0].end].strip(), "the link covers words"
    latin = out.segments()[2]
    assert "Facebook" in latin.en or "(Facebook)" in latin.en


def test_a_sentence_without_chinese_keeps_its_links():
    text = "Read more at BBC."
    seg = Segment(id=segment_id("n", 0, 0, text), source=text, hans=text, hant=text,
                  marks={"hans": [_a(text, "BBC")]})
    doc = Document(id="n", meta=Meta(title="T"), blocks=[Block(role="paragraph", segments=[seg], source=text)])

    class NoEngine:
        name = identity = "none"

        def translate(self, sentences):
            raise AssertionError("nothing here needs the engine")

    out = translate_document(doc, NoEngine())
    (mark,) = out.segments()[0].marks["en"]
    assert (out.segments()[0].en[mark.start:mark.end], mark.href) == ("BBC", HREF)


def _span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)
