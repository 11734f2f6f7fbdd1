"""TMX 1.4 export with translate-toolkit, the reader, and TMX post-edits into the memory."""

from __future__ import annotations

import pytest
from lxml import etree
from translate.storage import tmx as tt_tmx

from bilingual.errors import BilingualError
from bilingual.interchange.returned import import_edits, read_returned
from bilingual.interchange.tmx import read_tmx_units, write_tmx
from bilingual.translate.memory import Memory
from tests.interchange.catdoc import SubstringGlossary, Term, make_doc


def import_file(path, memory, doc=None):
    """What `bilingual import` does: read the returned file, then store its edits."""
    return import_edits(read_returned(path), memory, doc=doc, path=path)

ENGINE = "translate-zh_en 1.9 sha256:test"


def test_one_tu_per_translated_segment_with_three_variants(tmp_path):
    doc = make_doc()
    segs = doc.segments()
    segs[-1].en = ""  # nothing to pair: left out of the TM
    segs[0].origin = "human"
    path = write_tmx(doc, tmp_path / "a.tmx")
    root = etree.parse(str(path)).getroot()
    assert root.get("version") == "1.4" and root.find("header").get("srclang") == "zh-Hans"
    tus = root.findall("body/tu")
    assert [tu.get("tuid") for tu in tus] == [s.id for s in segs[:-1]]
    for tu, seg in zip(tus, segs, strict=False):
        variants = {tuv.get("{http://www.w3.org/XML/1998/namespace}lang"): tuv.findtext("seg")
                    for tuv in tu.findall("tuv")}
        assert variants == {"zh-Hans": seg.hans, "en": seg.en, "zh-Hant": seg.hant}
        props = {p.get("type"): p.text for p in tu.findall("prop")}
        assert props["x-bilingual-origin"] == ("human" if seg.origin == "human" else "mt")
        assert props.get("x-bilingual-mt") == (None if seg.origin == "human" else seg.en)
    store = tt_tmx.tmxfile.parsestring(path.read_bytes())
    assert [u.source for u in store.units] == [s.hans for s in segs[:-1]]


def test_the_traditional_variant_carries_the_region_it_was_written_for(tmp_path):
    """A Hong Kong build's Traditional column is zh-Hant-HK in its TMX, as in its pages; read back, a unit
    whose only Chinese is that variant still has its source."""
    doc = make_doc()
    doc.provenance["region"] = "zh-HK"
    path = write_tmx(doc, tmp_path / "hk.tmx")
    root = etree.parse(str(path)).getroot()
    langs = {tuv.get("{http://www.w3.org/XML/1998/namespace}lang") for tuv in root.iter("tuv")}
    assert langs == {"zh-Hans", "en", "zh-Hant-HK"}
    for tu in root.iter("tu"):
        tu.remove(tu.find("tuv"))  # the zh-Hans variant: the header's srclang names none left
    only_hant = tmp_path / "only-hant.tmx"
    only_hant.write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
    units = read_tmx_units(only_hant)
    assert [u.source for u in units] == [s.hant for s in doc.segments() if s.en]


def test_glossary_notes_and_reader(tmp_path):
    doc = make_doc()
    glossary = SubstringGlossary([Term("中国", "China", "place")])
    path = write_tmx(doc, tmp_path / "a.tmx", glossary=glossary)
    store = tt_tmx.tmxfile.parsestring(path.read_bytes())
    notes = [u.getnotes() for u in store.units]
    assert notes == ["中国 → China (place)" if "中国" in s.hans else "" for s in doc.segments()]
    assert _pairs(path) == [(s.hans, s.en) for s in doc.segments()]


def test_reads_a_tmx_from_another_tool(tmp_path):
    path = tmp_path / "other.tmx"
    path.write_text("""<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="OmegaT" srclang="zh-CN" adminlang="EN-US" datatype="plaintext"
 segtype="sentence" o-tmf="OmegaT TMX"/><body>
<tu><tuv xml:lang="EN-US"><seg>To me, his enthusiasm implied the opposite.</seg></tuv>
<tuv xml:lang="ZH-CN"><seg>但是，我认为他的热情暗示了某些相反的东西。</seg></tuv></tu>
<tu><tuv xml:lang="zh-TW"><seg>對於莫斯科來說，此次訪問也具有額外的政治價值。</seg></tuv>
<tuv lang="en"><seg>ignored: pre-1.4 attribute</seg></tuv>
<tuv xml:lang="en-GB"><seg>For Moscow, the visit also has extra political value.</seg></tuv></tu>
</body></tmx>""", encoding="utf-8")
    assert _pairs(path) == [
        ("但是，我认为他的热情暗示了某些相反的东西。", "To me, his enthusiasm implied the opposite."),
        ("對於莫斯科來說，此次訪問也具有額外的政治價值。", "For Moscow, the visit also has extra political value."),
    ]


def test_tmx_post_edit_round_trip(tmp_path):
    doc = make_doc()
    segs = doc.segments()
    path = write_tmx(doc, tmp_path / "a.tmx")
    tree = etree.parse(str(path))
    edited = "Precise, because the tolerances were only millimetres."
    for tu in tree.iter("tu"):
        if tu.get("tuid") == segs[0].id:
            en = [t for t in tu.findall("tuv") if t.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"]
            en[0].find("seg").text = edited
    tree.write(str(path), encoding="UTF-8", xml_declaration=True)
    with Memory(tmp_path / "m.sqlite") as mem:
        report = import_file(path, mem)
        assert (report.new, report.machine) == (1, len(segs) - 1)
        assert mem.lookup(segs[0].hans, ENGINE, "") == (edited, "human")
        assert all(mem.lookup(s.hans, ENGINE, "") is None for s in segs[1:])
    # A TMX from elsewhere carries no machine marker: every pair is a human translation.
    other = tmp_path / "other.tmx"
    other.write_text('<tmx version="1.4"><header srclang="zh-CN"/><body><tu>'
                     f'<tuv xml:lang="zh-CN"><seg>{segs[2].hans}</seg></tuv>'
                     '<tuv xml:lang="en"><seg>Human text.</seg></tuv></tu></body></tmx>', encoding="utf-8")
    with Memory(tmp_path / "m.sqlite") as mem:
        assert import_file(other, mem).new == 1
        assert mem.lookup(segs[2].hans, ENGINE, "x") == ("Human text.", "human")


def test_entities_refused(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    path = tmp_path / "evil.tmx"
    path.write_text(f"""<?xml version="1.0"?>
<!DOCTYPE tmx [ <!ENTITY xxe SYSTEM "file://{secret}"> ]>
<tmx version="1.4"><header srclang="zh-Hans"/><body><tu><tuv xml:lang="zh-Hans"><seg>你好</seg></tuv>
<tuv xml:lang="en"><seg>&xxe;</seg></tuv></tu></body></tmx>""", encoding="utf-8")
    with pytest.raises(BilingualError, match="entities") as info:
        read_tmx_units(path)
    assert "TOP-SECRET" not in str(info.value)


def test_billion_laughs_refused(tmp_path):
    path = tmp_path / "bomb.tmx"
    lol = "".join(f'<!ENTITY l{i} "&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};">' for i in range(1, 9))
    path.write_text(f'<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY l0 "lol">{lol}]>'
                    '<tmx version="1.4"><header/><body><tu><tuv xml:lang="en"><seg>&l8;</seg></tuv></tu>'
                    '</body></tmx>', encoding="utf-8")
    with pytest.raises(BilingualError, match="entities"):
        _pairs(path)


def test_not_a_tmx(tmp_path):
    path = tmp_path / "a.tmx"
    path.write_text("<?xml version='1.0'?><html/>", encoding="utf-8")
    with Memory(tmp_path / "m.sqlite") as mem, pytest.raises(BilingualError, match="not an XLIFF or TMX"):
        import_file(path, mem)


def _pairs(path):
    """(Chinese source, English target) of every unit."""
    return [(u.source, u.target) for u in read_tmx_units(path)]
