"""translate_document: every Chinese segment gets English, memory before engine, resumable, progress."""

from __future__ import annotations

import re
import sys
import types

import pytest

from bilingual.errors import BilingualError
from bilingual.model import Block, Document, Mark, Meta, Segment, segment_id
from bilingual.translate.run import translate_document
from tests.conftest import FIXTURES

ZH = [line.strip() for line in (FIXTURES / "parallel" / "zh.txt").read_text(encoding="utf-8").splitlines()]


def _doc(paragraphs: list[list[str]], title: str = "俄罗斯与朝鲜结盟，东北亚局势巨变") -> Document:
    blocks = []
    for b, sentences in enumerate(paragraphs):
        segments = [Segment(id=segment_id("t", b, i, s), source=s, hans=s, hant=s) for i, s in enumerate(sentences)]
        blocks.append(Block(role="heading" if b == 0 else "paragraph", segments=segments, source="".join(sentences)))
    return Document(id="t", meta=Meta(title=title, title_hans=title), blocks=blocks)


class CountingEngine:
    """Wraps the real engine and records what it was asked (a spy, not a fake translator)."""

    def __init__(self, engine, fail_after: int | None = None):
        self.engine, self.calls, self.fail_after = engine, [], fail_after
        self.name, self.identity = engine.name, engine.identity

    def translate(self, sentences):
        if self.fail_after is not None and len(self.calls) >= self.fail_after:
            raise KeyboardInterrupt("killed mid-build")
        self.calls.append(list(sentences))
        return self.engine.translate(sentences)


class DictMemory:
    """In-memory storage with the Memory interface (a test double of the storage, not of translation)."""

    def __init__(self):
        self.rows: dict[tuple[str, str, str], tuple[str, str]] = {}
        self.lookups: list[tuple[str, str, str]] = []

    def lookup_many(self, requests, identity):
        self.lookups += [(source, identity, context) for source, context in requests]
        return [self.rows.get((source, identity, context)) for source, context in requests]

    def store(self, source, identity, context, english, origin="mt"):
        self.rows[(source, identity, context)] = (english, origin)


def test_every_segment_filled_ids_and_order_kept(tiny_engine):
    doc = _doc([ZH[:2], ZH[2:6], ["2024", ZH[6]]])
    before = doc.to_dict()
    out = translate_document(doc, tiny_engine)
    assert doc.to_dict() == before, "the input document is not mutated"
    assert [s.id for s in out.segments()] == [s.id for s in doc.segments()]
    assert [s.source for s in out.segments()] == [s.source for s in doc.segments()]
    assert [b.role for b in out.blocks] == [b.role for b in doc.blocks]
    chinese = [s for s in out.segments() if s.source != "2024"]
    assert all(s.en and s.origin == "mt" and s.marks["en"] == [] for s in chinese)
    assert [s.en for s in chinese] == tiny_engine.translate([s.hans for s in chinese])
    number = next(s for s in out.segments() if s.source == "2024")
    assert number.en == "2024" and number.origin == "source"  # no Chinese: the text itself, said so
    assert out.meta.title_en and out.meta.title_en == tiny_engine.translate([doc.meta.title_hans])[0]


def test_hans_is_translated_not_the_traditional_source(tiny_engine):
    seg = Segment(id="t:0.0:x", source="俄羅斯總統普京訪問平壤。", hans="俄罗斯总统普京访问平壤。")
    doc = Document(id="t", blocks=[Block(role="paragraph", segments=[seg])])
    spy = CountingEngine(tiny_engine)
    out = translate_document(doc, spy)
    assert spy.calls == [["俄罗斯总统普京访问平壤。"]]
    assert out.segments()[0].en == tiny_engine.translate(["俄罗斯总统普京访问平壤。"])[0]


def test_repeated_sentences_are_translated_once(tiny_engine):
    spy = CountingEngine(tiny_engine)
    out = translate_document(_doc([[ZH[0], ZH[1]], [ZH[0]]], title=""), spy)
    assert sorted(s for call in spy.calls for s in call) == sorted([ZH[0], ZH[1]])
    assert out.segments()[0].en == out.segments()[2].en


def test_memory_is_consulted_before_the_engine(tiny_engine):
    memory = DictMemory()
    doc = _doc([ZH[:3], ZH[3:5]])
    memory.store(ZH[1], tiny_engine.identity, "", "Cached English.", "mt")
    memory.store(ZH[3], tiny_engine.identity, "", "A person wrote this.", "human")
    spy = CountingEngine(tiny_engine)
    out = translate_document(doc, spy, memory=memory)
    asked = {s for call in spy.calls for s in call}
    assert ZH[1] not in asked and ZH[3] not in asked
    by_source = {s.source: s for s in out.segments()}
    assert (by_source[ZH[1]].en, by_source[ZH[1]].origin) == ("Cached English.", "memory")
    assert (by_source[ZH[3]].en, by_source[ZH[3]].origin) == ("A person wrote this.", "human")
    assert all(by_source[z].origin == "mt" for z in (ZH[0], ZH[2], ZH[4]))
    # Everything the engine produced is now in the memory, under this engine's identity.
    for z in (ZH[0], ZH[2], ZH[4]):
        assert memory.rows[(z, tiny_engine.identity, "")] == (by_source[z].en, "mt")
    # A second run asks the engine nothing and gives the same English.
    again = CountingEngine(tiny_engine)
    second = translate_document(doc, again, memory=memory)
    assert again.calls == []
    assert [s.en for s in second.segments()] == [s.en for s in out.segments()]
    assert {s.origin for s in second.segments()} == {"memory", "human"}


def test_a_killed_build_resumes_from_the_real_memory(tiny_engine, tmp_path):
    from bilingual.translate.memory import Memory

    doc = _doc([ZH[:10], ZH[10:20]], title="")
    with Memory(tmp_path / "tm.sqlite") as memory:
        dying = CountingEngine(tiny_engine, fail_after=1)
        with pytest.raises(KeyboardInterrupt):
            translate_document(doc, dying, memory=memory, chunk=4)
        finished = set(dying.calls[0])
        assert len(finished) == 4
        resumed = CountingEngine(tiny_engine)
        out = translate_document(doc, resumed, memory=memory, chunk=4)
    asked = [s for call in resumed.calls for s in call]
    assert not finished & set(asked), "no finished segment is translated twice"
    assert sorted(asked) == sorted(set(ZH[:20]) - finished)
    assert all(s.en for s in out.segments())
    assert {s.origin for s in out.segments() if s.source in finished} == {"memory"}


def test_progress_reports_each_batch(tiny_engine):
    calls = []
    doc = _doc([ZH[:5], ZH[5:9]])  # 9 segments + the title
    translate_document(doc, CountingEngine(tiny_engine), chunk=4,
                       progress=lambda d, t, label: calls.append((d, t, label)))
    assert calls == [(4, 10, "translating"), (8, 10, "translating"), (10, 10, "translating")]


def test_an_engine_that_plans_its_batches_gets_one_batch_per_call(argos_home):
    """The Argos engine cuts its own batches (one length bucket each): the run sends them one per call, so
    every memory store and progress step is one CTranslate2 batch."""
    from itertools import accumulate

    from bilingual.translate.argos import ArgosEngine

    engine = ArgosEngine(argos_home / "translate-zh_en-tiny", batch_size=4)

    class Planned(CountingEngine):
        def batches(self, sentences):
            return engine.batches(sentences)

    spy, calls = Planned(engine), []
    doc = _doc([ZH[:5], ZH[5:9]], title="")
    translate_document(doc, spy, progress=lambda d, t, label: calls.append(d))
    texts = [s.hans for s in doc.segments()]
    planned = [sorted(texts[i] for i in batch) for batch in engine.batches(texts)]
    assert [sorted(c) for c in spy.calls] == planned and len(planned) > 2
    assert calls == list(accumulate(len(b) for b in planned))


def test_progress_counts_memory_hits_first(tiny_engine):
    memory = DictMemory()
    memory.store(ZH[0], tiny_engine.identity, "", "Known.", "mt")
    calls = []
    translate_document(_doc([ZH[:3]], title=""), CountingEngine(tiny_engine), memory=memory,
                       progress=lambda d, t, label: calls.append((d, t)))
    assert calls == [(1, 3), (3, 3)]


def test_existing_human_translation_is_kept(tiny_engine):
    doc = _doc([ZH[:2]], title="")
    doc.blocks[0].segments[0].en, doc.blocks[0].segments[0].origin = "Edited by hand.", "human"
    out = translate_document(doc, tiny_engine)
    assert (out.segments()[0].en, out.segments()[0].origin) == ("Edited by hand.", "human")
    assert out.segments()[1].origin == "mt"


def test_engine_returning_the_wrong_count_is_an_error(tiny_engine):
    class Short:
        name, identity = "short", "short 1 x"

        def translate(self, sentences):
            return tiny_engine.translate(sentences)[:-1]

    with pytest.raises(BilingualError, match="returned 1 translations for 2"):
        translate_document(_doc([ZH[:2]], title=""), Short())


def test_glossary_protection_plugs_in(tiny_engine, monkeypatch):
    """The protect/restore contract: masked text to the engine and as the machine row's key, the real
    source with its fingerprint for the human lookup, restore's text, marks and notes into the segment.
    protect.py is replaced by a minimal implementation of its interface so this tests the orchestration
    alone."""

    class Protected:
        def __init__(self, text, glossary):
            self.masked = text
            self.terms = [t for t in glossary if t in text]
            for n, term in enumerate(self.terms):
                self.masked = self.masked.replace(term, f"⟦{n}⟧")
            self.fingerprint = ",".join(self.terms)

    def restore(english, protected, first_mentions=None, slot_spans=None):
        text = english + " " + " ".join(f"[{protected_term}]" for protected_term in protected.terms)
        marks = [Mark(len(english) + 1, len(text), "term", ref=protected.terms[0])] if protected.terms else []
        return text.strip(), marks, ["restored"] if protected.terms else []

    fake = types.ModuleType("bilingual.translate.protect")
    fake.protect = Protected
    fake.restore = restore
    monkeypatch.setitem(sys.modules, "bilingual.translate.protect", fake)

    memory = DictMemory()
    spy = CountingEngine(tiny_engine)
    sentence = "同时普京声明：俄罗斯不排除与朝鲜发展军事技术合作的可能。"
    out = translate_document(_doc([[sentence, ZH[0]]], title=""), spy, glossary=["普京", "朝鲜"], memory=memory)
    assert "同时⟦0⟧声明：俄罗斯不排除与⟦1⟧发展军事技术合作的可能。" in spy.calls[0]
    assert (sentence, tiny_engine.identity, "普京,朝鲜") in memory.lookups
    masked = "同时⟦0⟧声明：俄罗斯不排除与⟦1⟧发展军事技术合作的可能。"
    assert (masked, tiny_engine.identity, "") in memory.lookups
    assert set(memory.rows) == {(masked, tiny_engine.identity, ""), (ZH[0], tiny_engine.identity, "")}
    seg = out.segments()[0]
    raw = tiny_engine.translate(["同时⟦0⟧声明：俄罗斯不排除与⟦1⟧发展军事技术合作的可能。"])[0]
    assert seg.en == f"{raw} [普京] [朝鲜]" and seg.marks["en"][0].ref == "普京" and seg.notes == ["restored"]
    # The memory holds the raw engine output and a hit is restored the same way.
    again = translate_document(_doc([[sentence, ZH[0]]], title=""), CountingEngine(tiny_engine),
                               glossary=["普京", "朝鲜"], memory=memory)
    assert again.segments()[0].en == seg.en and again.segments()[0].origin == "memory"
    assert again.segments()[0].marks["en"] == seg.marks["en"]


def test_shipped_glossary_names_reach_the_english(tiny_engine, tmp_path):
    """With the real protect/restore and the shipped glossary: every name's English is in its segment,
    the first mention of a name takes the long form once, and a cached rebuild gives the same result."""
    from bilingual.glossary import Glossary
    from bilingual.translate.memory import Memory

    glossary = Glossary.default()
    sentences = ["普京为什么要签这个协议？", "但普京还是留有余地，那就是没有签正式的军事同盟。",
                 "那么，如若这一趋势持续，那普京武装朝鲜，就有可能从威慑变为现实。"]
    doc = _doc([sentences], title="普京与金正恩")
    with Memory(tmp_path / "tm.sqlite") as memory:
        out = translate_document(doc, tiny_engine, glossary=glossary, memory=memory)
        cached = translate_document(doc, CountingEngine(tiny_engine), glossary=glossary, memory=memory)
    for seg in out.segments():
        for match in glossary.find(seg.hans):
            assert match.term.en in seg.en, (seg.hans, seg.en)
        assert "<" not in seg.en and ">" not in seg.en
        assert [m.tag for m in seg.marks["en"]] == ["term"] * len(glossary.find(seg.hans))
    english = [s.en for s in out.segments()]
    assert "Vladimir Putin" in english[0] and not any("Vladimir" in e for e in english[1:])
    assert "Vladimir" not in out.meta.title_en and "Putin" in out.meta.title_en
    assert [s.en for s in cached.segments()] == english
    assert [s.marks["en"] for s in cached.segments()] == [s.marks["en"] for s in out.segments()]
    assert {s.origin for s in cached.segments()} == {"memory"}


# --- translate_documents: one engine pass over many articles ---


def test_documents_batch_across_articles_and_match_one_by_one(tiny_engine):
    from bilingual.translate.run import translate_documents

    docs = [_doc([ZH[:3], ZH[3:5]], title=""), _doc([ZH[5:7]], title="普京与金正恩"), _doc([[ZH[7]]], title="")]
    docs[1].id, docs[2].id = "u", "v"
    spy = CountingEngine(tiny_engine)
    outs = translate_documents(docs, spy, chunk=64)
    # Eight sentences and one title from three articles go to the engine in one call.
    assert len(spy.calls) == 1 and sorted(spy.calls[0]) == sorted(ZH[:8] + ["普京与金正恩"])
    assert [o.id for o in outs] == ["t", "u", "v"]
    # Each article gets the English the engine gave its sentences in that shared call.
    english = dict(zip(spy.calls[0], tiny_engine.translate(spy.calls[0]), strict=True))
    assert all(s.en == english[s.hans] and s.origin == "mt" for o in outs for s in o.segments())
    assert outs[1].meta.title_en == english["普京与金正恩"] and outs[0].meta.title_en == ""
    # Apart from the English text (a batch's decoding bound depends on its longest sentence),
    # the result is what one-by-one translation gives.
    singles = [translate_document(d, tiny_engine) for d in docs]
    strip = [[(s.id, s.origin, bool(s.en), s.notes) for s in o.segments()] for o in outs]
    assert strip == [[(s.id, s.origin, bool(s.en), s.notes) for s in o.segments()] for o in singles]
    assert all(d.segments()[0].en == "" for d in docs), "the inputs are not mutated"


def test_documents_share_repeated_sentences_and_chunk(tiny_engine):
    from bilingual.translate.run import translate_documents

    a, b = _doc([ZH[:4]], title=""), _doc([ZH[2:6]], title="")
    b.id = "b"
    spy = CountingEngine(tiny_engine)
    outs = translate_documents([a, b], spy, chunk=4)
    asked = [s for call in spy.calls for s in call]
    assert sorted(asked) == sorted(ZH[:6]), "a sentence in two articles is translated once"
    assert [len(c) for c in spy.calls] == [4, 2]
    assert outs[0].segments()[2].en == outs[1].segments()[0].en


def test_documents_share_one_row_for_sources_that_mask_to_one_text(tiny_engine):
    """Two sentences that differ only in their names mask to one text: one engine call, one memory row
    (keyed by what the engine saw), and each gets its own names back, fresh or from memory."""
    from bilingual.glossary import Glossary
    from bilingual.translate.run import translate_documents

    glossary = Glossary.default()
    a, b = _doc([["普京访问平壤。"]], title=""), _doc([["金正恩访问平壤。"]], title="")
    b.id = "b"
    memory = DictMemory()
    spy = CountingEngine(tiny_engine)
    first = translate_documents([a, b], spy, glossary=glossary, memory=memory)
    masked = [s for call in spy.calls for s in call]
    assert len(masked) == 1, masked
    assert set(memory.rows) == {(masked[0], tiny_engine.identity, "")}
    again = CountingEngine(tiny_engine)
    second = translate_documents([a, b], again, glossary=glossary, memory=memory)
    assert again.calls == []
    assert [d.segments()[0].en for d in second] == [d.segments()[0].en for d in first]
    assert "Putin" in first[0].segments()[0].en and "Kim Jong" in first[1].segments()[0].en
    assert {d.segments()[0].origin for d in second} == {"memory"}


def test_documents_progress_and_article_notes(tiny_engine):
    from bilingual.translate.run import translate_documents

    class Reporter:
        def __init__(self):
            self.counts, self.lines = [], []

        def __call__(self, done, total, label):
            self.counts.append((done, total, label))

        def note(self, line):
            self.lines.append(line)

    memory = DictMemory()
    memory.store(ZH[0], tiny_engine.identity, "", "Known.", "mt")
    a, b = _doc([ZH[:3]], title=""), _doc([ZH[3:8]], title="")
    b.id = "b"
    reporter = Reporter()
    translate_documents([a, b], CountingEngine(tiny_engine), memory=memory, progress=reporter, chunk=4)
    assert reporter.counts == [(1, 8, "translating"), (5, 8, "translating"), (8, 8, "translating")]
    assert reporter.lines == ["t: 3 sentences, 1 from memory, 2 new", "b: 5 sentences, 0 from memory, 5 new"]


def test_documents_empty_list(tiny_engine):
    from bilingual.translate.run import translate_documents

    spy = CountingEngine(tiny_engine)
    assert translate_documents([], spy) == [] and spy.calls == []


def test_batches_follow_the_engines_length_measure(tiny_engine):
    """An engine with length() (tokens) decides the order, so chunks split into tight batches."""
    from bilingual.translate.run import translate_documents

    class Measured(CountingEngine):
        def length(self, sentence):
            return tiny_engine.length(sentence)

    spy = Measured(tiny_engine)
    translate_documents([_doc([ZH[:12]], title="")], spy, chunk=4)
    sent = [s for call in spy.calls for s in call]
    lengths = [tiny_engine.length(s) for s in sent]
    assert lengths == sorted(lengths) and sorted(sent) == sorted(ZH[:12])
    assert tiny_engine.length("普京") == len(tiny_engine.tokenizer.encode("普京")) > 0
    plain = CountingEngine(tiny_engine)  # no length(): characters decide
    translate_documents([_doc([ZH[:12]], title="")], plain, chunk=4)
    chars = [len(s) for call in plain.calls for s in call]
    assert chars == sorted(chars)


# --- memory keys: a machine row is keyed by the masked text the engine saw ---


class PlaceholderEcho:
    """A test double of an engine, not a translator: it answers each sentence with the placeholders it
    was given, in reverse order, so a test can see which name went into which slot."""

    name, identity = "placeholder-echo", "placeholder-echo 1 test"

    def __init__(self):
        self.calls: list[list[str]] = []

    def translate(self, sentences):
        self.calls.append(list(sentences))
        return [" ".join(reversed(re.findall(r"<\d+>", s))) for s in sentences]


def _glossary(*terms):
    from bilingual.glossary import Glossary, Term

    return Glossary([Term(id=i, hans=h, aliases=list(a), en=e, kind="person") for i, h, a, e in terms])


PUTIN, ZELENSKY = ("putin", "普京", (), "Putin"), ("zel", "泽连斯基", (), "Zelensky")
PUTIN_ALIAS = ("putin", "普京", ("普大帝",), "Putin")


def test_adding_an_alias_never_restores_cached_output_into_the_wrong_slots(tmp_path):
    """The reviewer's case: 普大帝 becomes an alias of putin, which renumbers the placeholders. The old
    key (source + fingerprint) served the old output and swapped Putin and Zelensky."""
    from bilingual.translate.memory import Memory

    doc = _doc([["普大帝会见了泽连斯基，普京说。", "泽连斯基说。"]], title="")
    with Memory(tmp_path / "tm.sqlite") as memory:
        before = translate_document(doc, PlaceholderEcho(), glossary=_glossary(PUTIN, ZELENSKY), memory=memory)
        assert before.segments()[0].en == "Putin Zelensky"
        engine = PlaceholderEcho()
        after = translate_document(doc, engine, glossary=_glossary(PUTIN_ALIAS, ZELENSKY), memory=memory)
    # The masked text changed (a new slot), so the sentence went back to the engine; the other did not.
    assert engine.calls == [["<1>会见了<2>，<3>说。"]]
    first, other = after.segments()
    assert (first.en, first.origin, first.notes) == ("Putin Zelensky Putin", "mt", [])
    assert [m.ref for m in first.marks["en"]] == ["putin", "zel", "putin"]
    assert (other.en, other.origin) == ("Zelensky", "memory")
    # The same as a build with that glossary and no memory.
    fresh = translate_document(doc, PlaceholderEcho(), glossary=_glossary(PUTIN_ALIAS, ZELENSKY))
    assert [s.en for s in fresh.segments()] == [s.en for s in after.segments()]


def test_a_new_english_rendering_needs_no_engine(tmp_path):
    """Only the English of a term changed: the masked texts are the same, every sentence comes from the
    memory and shows the new rendering."""
    from bilingual.translate.memory import Memory

    doc = _doc([["普京会见了泽连斯基。", "泽连斯基说。", "普京说。"]], title="")
    with Memory(tmp_path / "tm.sqlite") as memory:
        translate_document(doc, PlaceholderEcho(), glossary=_glossary(PUTIN, ZELENSKY), memory=memory)
        engine = PlaceholderEcho()
        renamed = ("zel", "泽连斯基", (), "Volodymyr Zelensky")
        after = translate_document(doc, engine, glossary=_glossary(PUTIN, renamed), memory=memory)
    assert engine.calls == []
    assert [(s.en, s.origin) for s in after.segments()] == [
        ("Volodymyr Zelensky Putin", "memory"), ("Volodymyr Zelensky", "memory"), ("Putin", "memory")]


def test_a_human_edit_of_a_sentence_with_names_wins_over_the_machine_row(tiny_engine, tmp_path):
    """Human rows stay keyed by the real sentence (as import stores them) and come first."""
    from bilingual.glossary import Glossary
    from bilingual.translate.memory import Memory

    glossary = Glossary.default()
    sentence = "普京访问平壤。"
    doc = _doc([[sentence, "金正恩访问平壤。"]], title="")
    with Memory(tmp_path / "tm.sqlite") as memory:
        translate_document(doc, tiny_engine, glossary=glossary, memory=memory)
        memory.store(sentence, "", "", "Putin went to Pyongyang.", origin="human")
        spy = CountingEngine(tiny_engine)
        out = translate_document(doc, spy, glossary=glossary, memory=memory)
    assert spy.calls == []
    edited, other = out.segments()
    assert (edited.en, edited.origin) == ("Putin went to Pyongyang.", "human")
    # The names the person kept are marked on their English (issue 12), where they stand.
    assert [(m.ref, edited.en[m.start:m.end]) for m in edited.marks["en"]] == [("putin", "Putin"),
                                                                             ("pyongyang", "Pyongyang")]
    # The other sentence masks to the same text and still gets the machine row, with its own name.
    assert other.origin == "memory" and "Kim Jong" in other.en and "Putin" not in other.en
