"""The names list both editions share: glossary forms per the document's variant, marked text without one."""

from __future__ import annotations

from bilingual.glossary import Glossary, Term
from bilingual.model import Block, Document, Mark, Segment
from bilingual.publish.names import names_used

GLOSSARY = Glossary([
    Term(id="putin", hans="普京", hant={"zh-TW": "普丁", "zh-HK": "普京"}, en="Putin", en_long="Vladimir Putin",
         kind="person"),
    Term(id="pyongyang", hans="平壤", en="Pyongyang", kind="place"),
])


def _doc(variant: str) -> Document:
    seg = Segment(id="d:0.0:x", source="普京访问平壤。", hans="普京访问平壤。", hant="普丁訪問平壤。",
                  en="Vladimir Putin visits Pyongyang.",
                  marks={"hans": [Mark(0, 2, "term", ref="putin"), Mark(4, 6, "term", ref="pyongyang")],
                         "en": [Mark(0, 14, "term", ref="putin")]})
    return Document(id="d", blocks=[Block(role="paragraph", segments=[seg])], provenance={"variant": variant})


def test_forms_follow_the_glossary_and_the_documents_region():
    taiwan = names_used([_doc("s2twp")], GLOSSARY)
    assert [n.id for n in taiwan] == ["putin", "pyongyang"]
    putin = taiwan[0]
    assert (putin.hans, putin.hant, putin.en, putin.kind) == ("普京", "普丁", "Vladimir Putin", "person")
    assert names_used([_doc("s2hk")], GLOSSARY)[0].hant == "普京"


def test_without_a_glossary_the_marked_text_is_the_form():
    names = names_used([_doc("s2twp")])
    assert [(n.id, n.hans, n.en) for n in names] == [("putin", "普京", "Vladimir Putin"), ("pyongyang", "平壤", "")]
