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
