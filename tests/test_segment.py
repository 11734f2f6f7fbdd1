"""The sentence splitter and the segment step, on real sentences and by property."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bilingual.errors import BilingualError
from bilingual.model import Block, Document, Mark, normalize
from bilingual.segment import _rules, segment, sentence_spans, split_sentences

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = FIXTURES.parent.parent / "seeds" / "000_e53f636a1fba136f.txt"

# --- table of real sentences (seed, fixtures) and their expected split -------------

XINHUA = (
    "新华社莫斯科6月19日电（记者华迪）据塔斯社19日报道，俄罗斯总统普京与朝鲜劳动党总书记、"
    "国务委员长金正恩当日在平壤签署《全面战略伙伴关系条约》。"
)
PUTIN_TREATY = (
    "普京在与金正恩会谈后表示，俄朝签署的《全面战略伙伴关系条约》是将两国协作提升至新水平的突破性文件；",
    "条约中规定，当任何缔约方遭受侵略时，另一方将向其提供援助。",
)
PM_QUOTE = (
    "正如英国首相所说：“英国并不试图阻止中国的崛起；",
    "相反，我们将在我们利益交汇的所有问题上并肩努力，无论是贸易还是气候变化。",
    "我们希望在相互尊重和承认中国在世界上地位的基础上，建立一种现代和成熟的关系。",
    "正是因为我们欢迎中国成为国际社会的主要成员，我们才希望中国遵守国际协定。”",
)

CASES = [
    # seed
    ([XINHUA], "one sentence; （…） and 《…》 inside"),
    (list(PUTIN_TREATY), "full-width semicolon splits"),
    (["2020年，有记者问，根据《中朝友好合作互助条约》规定，一方如受到进攻，另一方应给予军事援助。",
      "中方是否仍遵守上述条款？", "双方是否会在2021年续约？"], "。 and ？"),
    (["其实，俄罗斯的前身苏联和朝鲜在1961年签署了《苏朝友好合作互助条约》，这个条约是一个军事同盟条约，"
      "条约为期30年，当条约在1991年到期时，新生的俄罗斯并未选择自动续约。"], "years are not breaks"),
    (["现在直接开始援助F16了，有短程弹道导弹了，还有巡航导弹，并且允许攻击俄罗斯本土。"], "F16"),
    (["万一朝鲜打起来了，这时，吵的还是嘴炮吗？", "国门口的战争，你吵得出来吗？", "七十年前的事忘记了吗？"],
     "questions"),
    (["和平，真的很珍贵！", "值得每一个人珍惜，没有和平，就没有一切。"], "exclamation"),
    (["发表日期：2024.6.20"], "a dotted date"),
    (["新华社莫斯科6.19电，价格上涨3.5%。", "今天。"], "decimals and short dates"),
    (["“我们在考虑，如果有人认为可以向冲突地区提供这样的武器，以便对我们的领土发动攻击并给我们制造麻烦，"
      "那么为什么我们没有权利将我们同类的武器部署在世界那些可以对这些国家的敏感目标进行打击的地区？”"],
     "a whole-paragraph quotation ends with ？”"),
    # cdtv fixture: a long quotation after ： is split inside
    (list(PM_QUOTE), "long quoted speech splits inside, ” stays with the last sentence"),
    (["从2014年起，旅游产业创造的收入，占锦州市GDP10%；", "2015年更是达到了11.3%。"], "WMT: ； and 11.3%"),
    # term fixture (Traditional)
    (["「我期待一個完美的葬禮」。", "這是嚴搏非留給他親手創辦的季風書園的話。"], "」 then 。"),
    (["2008 年 9 月 10 日，上海《文匯報》頭版發表了一篇長文《「季風」將吹向何處？》，"
      "表達了對這家危在旦夕的書店的同情。", "這篇長文，直接將季風書店能否被留下的問題，變成一個公共議題。"],
     "no split inside 《…？》"),
    (["「如果不是八十年代末那場變動，你會開書店嗎？這是一件很可疑的事。」", "嚴搏非當時問道。"],
     "a short quotation opening the sentence stays whole"),
    (["店員萬川突然大喊起來：「你們滿意了嗎？這個世界會好嗎？會好嗎？會好嗎！」"], "short speech after ："),
    (["廣州的學而優書店…… ", "它們在中國大陸像雨後春筍般拔地生長。"], "…… splits, the space goes before"),
    (["相信未來…… 嗎？"], "a particle after …… continues the sentence"),
    (["「一種書，一個書店，要開到什麼時候纔可以賣到 400 本？」",
      "劉蘇里自問自答：「因為預定過程中，傳說這本書要禁掉。」",
      "另一個，是劉易斯寫在《書店的燈光》中的一個作者。"], "short speech, then the sentence after it"),
    # constructed from the contract's examples
    (["他说：“我来了。你呢？”", "她笑了。"], "short quoted speech stays whole"),
    (["真的吗？！", "是的。。。", "好吧。"], "runs of terminators stay together"),
    (["他走了。）", "然后呢?", "好的!"], "closing bracket; ASCII ? and ! in Chinese"),
    (["中文; ", "下一句"], "ASCII ; before CJK"),
    (["见 https://x.com/a?b=1&c=2. ", "然后呢？"], "no split inside a URL"),
    (["The U.S. President met Mr. Smith at No. 10 Downing St. on Jan. 5, e.g. in the morning. ",
      "He said \"Stop.\" ", "Then he left."], "Latin: abbreviations, quotes"),
    (["I am one; we all need it. ", "J. K. Rowling wrote it."], "English ; does not split; initials"),
    (["数字1…5不断。"], "an ellipsis between digits"),
    (["1. 引言"], "a list marker is not a sentence"),
]


@pytest.mark.parametrize(("expected", "why"), CASES, ids=[c[1] for c in CASES])
def test_split_real_sentences(expected: list[str], why: str) -> None:
    text = "".join(expected)
    assert split_sentences(text) == expected, why


def test_long_cry_is_long_enough_to_split() -> None:
    """The table's split-inside case really is over the quote limit (and the short one under)."""
    inner = "你們滿意了嗎？這個世界會好嗎？會好嗎？會好嗎！"
    assert len(inner) <= _rules().quote_max
    long_inner = re.search(r"“(.*)”", "".join(PM_QUOTE)).group(1)
    assert len(long_inner) > _rules().quote_max


def test_short_quote_after_colon_protected_but_not_after_comma() -> None:
    quoted = "“我来了。你呢？”"
    assert split_sentences("他说：" + quoted) == ["他说：" + quoted]
    # Mid-sentence (no colon, no sentence start) the quote is not speech: normal rules apply.
    assert split_sentences("他说，" + quoted) == ["他说，“我来了。", "你呢？”"]


def test_closing_marks_stay_with_their_sentence() -> None:
    for closer in "”’」』）)》〉】":
        pieces = split_sentences(f"第一句。{closer}第二句。")
        assert pieces == [f"第一句。{closer}", "第二句。"], closer


def test_trivial_inputs() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\t") == []
    assert split_sentences("  你好。 ") == ["  你好。 "]


def test_over_long_sentence_is_cut_after_a_comma() -> None:
    limit = _rules().sentence_max
    clause = "俄罗斯不排除根据条约与朝鲜发展军事技术合作的可能，"
    text = clause * (2 * limit // len(clause) + 1) + "结束。"
    pieces = split_sentences(text)
    assert "".join(pieces) == text
    assert len(pieces) >= 2
    assert all(len(p) <= limit for p in pieces)
    assert all(p.endswith("，") for p in pieces[:-1])


# --- every paragraph of the real fixtures -----------------------------------------

CJK = re.compile(r"[\u4e00-\u9fff]")


def _paragraphs() -> list[str]:
    """Crude paragraphs of the seed and the fixtures: tags, links and URLs removed."""
    paths = [SEED, *sorted(FIXTURES.glob("*.md")), FIXTURES / "parallel" / "zh.txt"]
    paragraphs = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"<[^>]+>", "\n", text)
        text = re.sub(r"\]\([^)]*\)|\(?https?://\S+", "", text)
        paragraphs += [p for p in text.split("\n") if CJK.search(p)]
    return paragraphs


def test_fixture_paragraphs_split_sanely() -> None:
    paragraphs = _paragraphs()
    assert len(paragraphs) > 300
    bound = _rules().sentence_max
    count = 0
    for paragraph in paragraphs:
        pieces = split_sentences(paragraph)
        assert "".join(pieces) == paragraph
        assert all(p.strip() for p in pieces)
        assert all(len(p) <= bound for p in pieces), max(pieces, key=len)
        count += len(pieces)
    assert count > len(paragraphs) * 1.3  # multi-sentence paragraphs really were split


def test_wmt_sentences_mostly_stay_whole() -> None:
    """newstest lines are sentences split by people: nearly all must stay one segment."""
    lines = (FIXTURES / "parallel" / "zh.txt").read_text(encoding="utf-8").splitlines()
    whole = sum(len(split_sentences(line)) == 1 for line in lines)
    assert whole >= 0.95 * len(lines)


# --- the Document step ------------------------------------------------------------


def _doc(*sources: str, marks: list[list[Mark]] | None = None) -> Document:
    blocks = [Block(role="paragraph", source=s, source_marks=(marks[i] if marks else [])) for i, s in
              enumerate(sources)]
    return Document(id="seed", blocks=blocks)


def test_segment_fills_segments_with_ids_and_cut_marks() -> None:
    source = "".join(PUTIN_TREATY)
    bold = source.index("当任何")
    strong = Mark(bold, len(source), "strong")
    doc = _doc(source, "", marks=[[strong], []])
    out = segment(doc)
    assert doc.blocks[0].segments == []  # the input is untouched
    first, second = out.blocks[0].segments
    assert [first.source, second.source] == list(PUTIN_TREATY)
    assert first.marks == {"source": []}
    assert second.marks["source"] == [Mark(bold - len(PUTIN_TREATY[0]), len(PUTIN_TREATY[1]), "strong")]
    assert first.id.startswith("seed:0.0:") and second.id.startswith("seed:0.1:")
    assert out.blocks[1].segments == []


def test_mark_across_a_boundary_becomes_one_per_segment() -> None:
    source = "第一句。 第二句。"
    link = Mark(2, 7, "a", href="https://example.org/")
    out = segment(_doc(source, marks=[[link]]))
    a, b = out.blocks[0].segments
    assert (a.source, b.source) == ("第一句。", "第二句。")
    assert a.marks["source"] == [Mark(2, 4, "a", href="https://example.org/")]
    assert b.marks["source"] == [Mark(0, 2, "a", href="https://example.org/")]


def test_segment_is_idempotent_and_ids_are_stable() -> None:
    doc = _doc(XINHUA + "".join(PUTIN_TREATY), "".join(PM_QUOTE))
    once = segment(doc)
    twice = segment(once)
    assert once == twice
    assert [s.id for s in segment(doc).segments()] == [s.id for s in once.segments()]


def test_bad_mark_is_a_user_error() -> None:
    with pytest.raises(BilingualError, match="outside"):
        segment(_doc("你好。", marks=[[Mark(1, 9, "em")]]))


# --- properties -------------------------------------------------------------------

ALPHABET = list("中文句子話说。！？!?；;…⋯.,，、：:“”「」『』《》（）()\"' \n\tAaBbZ019")
texts = st.text(alphabet=st.sampled_from(ALPHABET), max_size=120)
any_texts = st.one_of(texts, st.text(max_size=80))


@given(any_texts)
@settings(max_examples=400)
def test_pieces_rejoin_and_none_is_blank(text: str) -> None:
    pieces = split_sentences(text)
    if text.strip():
        assert "".join(pieces) == text
    else:
        assert pieces == []
    assert all(p.strip() for p in pieces)


@given(any_texts)
def test_spans_are_contiguous(text: str) -> None:
    spans = sentence_spans(text)
    for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
        assert end == start


@given(texts)
def test_ids_stable_across_runs(text: str) -> None:
    doc = _doc(text, text)
    first = [s.id for s in segment(doc).segments()]
    second = [s.id for s in segment(_doc(text, text)).segments()]
    assert first == second
    assert len(set(first)) == len(first)  # position keeps repeated text apart


@given(texts, texts)
def test_ids_change_when_text_changes(a: str, b: str) -> None:
    ids_a = [s.id for s in segment(_doc(a)).segments()]
    ids_b = [s.id for s in segment(_doc(b)).segments()]
    if re.sub(r"\s", "", a) != re.sub(r"\s", "", b):
        assert ids_a != ids_b
    if normalize(a) == normalize(b) and a.strip() == a and b.strip() == b:
        assert ids_a == ids_b


@st.composite
def marked_blocks(draw):
    text = draw(texts)
    marks = []
    for number in range(draw(st.integers(0, 4))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, len(text)))
        marks.append(Mark(start, end, draw(st.sampled_from(["strong", "em", "a"])), ref=f"m{number}"))
    return text, marks


@given(marked_blocks())
@settings(max_examples=300)
def test_marks_cut_correctly(block) -> None:
    text, marks = block
    segments = segment(_doc(text, marks=[marks])).blocks[0].segments
    for mark in marks:
        pieces = []
        for seg in segments:
            for m in seg.marks["source"]:
                assert 0 <= m.start <= m.end <= len(seg.source)
                if m.ref == mark.ref:
                    assert m.tag == mark.tag
                    pieces.append(seg.source[m.start : m.end])
        # The pieces, in order, make up the marked text; only whitespace between sentences is dropped.
        marked = text[mark.start : mark.end]
        pattern = r"\s*" + r"\s*".join(re.escape(p) for p in pieces) + r"\s*"
        assert re.fullmatch(pattern, marked), (marked, pieces)
        assert len(pieces) <= len(segments)


# --- joining sentences back: every column keeps the space English sentences had ---------------


@pytest.mark.parametrize("source", [
    "This is false. It is not true.",  # from the CDT embassy article: two English sentences in a Chinese column
    "他说：“不是真的。”This is false. It is not true.",
    "英国明确承认香港是中国的一部分。I'm saddened by this. 第三句。",
    "版本 1.0。下一句。",
])
def test_joined_segments_give_back_the_source_text(source):
    doc = segment(Document(id="j", blocks=[Block(role="paragraph", source=source)]))
    block = doc.blocks[0]
    assert len(block.segments) >= 2
    for seg in block.segments:
        seg.hans = seg.source
    assert block.text("hans") == source


def test_without_the_source_a_space_goes_back_only_between_narrow_characters():
    from bilingual.model import join_segments

    assert join_segments(["不是。", "Yes."], spaced=[False, True]) == "不是。 Yes."  # the source decides when known
    assert join_segments(["This is false.", "It is not true."]) == "This is false. It is not true."
    assert join_segments(["不是真的。", "It is not."]) == "不是真的。It is not."
    assert join_segments(["It is not.", "不是真的。"]) == "It is not.不是真的。"
    assert join_segments(["“Quote.”", "Next."]) == "“Quote.” Next."
    assert join_segments(["不是。", "真的。"], english=True) == "不是。 真的。"  # the English column always spaces
    assert join_segments(["a ", "b", "", "c"]) == "a b c"
