"""Real parallel data (WMT19 newstest zh->en, human references) as Documents, and a small real glossary file."""

from __future__ import annotations

from pathlib import Path

from bilingual.model import Block, Document, Segment, segment_id

PARALLEL = Path(__file__).resolve().parent.parent / "fixtures" / "parallel"

# A glossary file in the shipped format, naming people and places of these sentences,
# with known misspellings (banned) and an adjective form (en_adj).
GLOSSARY_TSV = """id\tkind\thans\taliases\ten\ten_long\ten_adj\tbanned\tzh_hant\tzh_tw\tzh_hk\tnote\ten_alt
moscow\tplace\t莫斯科\t\tMoscow\t\t\tMoskow\t\t\t\t
venus\tother\t金星\t\tVenus\t\t\t\t\t\t\tthe planet
fife\tplace\t法夫\t\tFife\t\t\t\t\t\t\t
tian-liang\tperson\t田亮\t\tTian Liang\t\t\t\t\t\t\tdiver
rbs\torg\t苏格兰皇家银行\t\tRBS\tRoyal Bank of Scotland\t\t\t\t\t\t
heathrow\tplace\t希思罗机场\t\tHeathrow\tHeathrow Airport\t\t\t\t\t\t
toucan\tother\t巨嘴鸟\t\ttoucan\t\t\t\t\t\t\t
zhang-binbin\tperson\t张彬彬\t\tZhang Binbin\t\t\t\t\t\t\t
putin\tperson\t普京\t\tPutin\tVladimir Putin\t\tPujing\t\t普丁\t普京\t
united-states\tplace\t美国\t\tthe US\tthe United States\tAmerican\t\t\t\t\t\tU.S.|USA|America|Washington
"""


def parallel_lines() -> tuple[list[str], list[str]]:
    zh = (PARALLEL / "zh.txt").read_text(encoding="utf-8").splitlines()
    en = (PARALLEL / "en.txt").read_text(encoding="utf-8").splitlines()
    assert len(zh) == len(en) == 150
    return zh, en


def sentence_document(zh: list[str], en: list[str], doc_id: str = "wmt19") -> Document:
    """One block per line, its one segment the line, English from the human reference."""
    blocks = [Block("paragraph", [Segment(id=segment_id(doc_id, i, 0, z), source=z, hans=z, en=e,
                                          origin="human" if e else "")], source=z)
              for i, (z, e) in enumerate(zip(zh, en, strict=True))]
    return Document(id=doc_id, blocks=blocks)


def paragraph_document(zh: list[str], size: int = 3, doc_id: str = "wmt19p") -> Document:
    """Blocks of `size` consecutive sentences each (a segmented Chinese article), no English yet."""
    blocks = []
    for b, start in enumerate(range(0, len(zh), size)):
        lines = zh[start:start + size]
        segs = [Segment(id=segment_id(doc_id, b, k, z), source=z, hans=z) for k, z in enumerate(lines)]
        blocks.append(Block("paragraph", segs, source="".join(lines)))
    return Document(id=doc_id, blocks=blocks)
