"""TMX 1.4 export of an article's segment pairs, and the reader for TMX files that come back.

Written with translate-toolkit (translate.storage.tmx). Each <tu> carries the
segment id as tuid and three variants: zh-Hans (the source the memory is keyed
by), en, and the Traditional column when converted, tagged with the region it was written for
(zh-Hant-TW, zh-Hant-HK; zh-Hant when none is recorded), as the published pages tag it.
Props record where the English came from (x-bilingual-origin) and, for machine output, the machine text itself
(x-bilingual-mt) so that import can tell an edit from an untouched pair.
"""

from __future__ import annotations

from pathlib import Path

from bilingual.errors import BilingualError
from bilingual.files import write_atomic
from bilingual.interchange.units import ReturnedUnit, glossary_notes, segment_source
from bilingual.interchange.xmlsafe import read_xml_safely
from bilingual.model import Document, column_lang

SOURCE_LANG = "zh-Hans"
TARGET_LANG = "en"
ORIGIN_PROP = "x-bilingual-origin"
MT_PROP = "x-bilingual-mt"
# Tags other tools write for Simplified and Traditional Chinese.
_HANS = ("zh-hans", "zh-cn", "zh-sg", "zh")
_HANT = ("zh-hant", "zh-hant-tw", "zh-hant-hk", "zh-hant-mo", "zh-tw", "zh-hk", "zh-mo")


def write_tmx(doc: Document, path: Path, *, glossary=None) -> Path:
    """Write the translated segments of `doc` as TMX 1.4 (zh-Hans, en, zh-Hant[-region]); atomic."""
    from lxml import etree
    from translate.storage import tmx

    store = tmx.tmxfile(sourcelanguage=SOURCE_LANG, targetlanguage=TARGET_LANG)
    store.addheader()
    hant_lang = column_lang("hant", doc.region)
    for seg in doc.segments():
        source = segment_source(seg)
        if not seg.en or not source:
            continue  # a TM holds pairs; untranslated segments have nothing to offer
        unit = store.addsourceunit(source, SOURCE_LANG)
        unit.xmlelement.set("tuid", seg.id)
        unit.settarget(seg.en, TARGET_LANG, append=True)
        if seg.hant:
            unit.settarget(seg.hant, hant_lang, append=True)
        for note in glossary_notes(source, glossary):
            unit.addnote(note)
        origin = "human" if seg.origin == "human" else "mt"
        props = [(ORIGIN_PROP, origin)] + ([(MT_PROP, seg.en)] if origin == "mt" else [])
        for kind, text in props:
            prop = etree.Element("prop", type=kind)
            prop.text = text
            unit._insert_element_before(prop, "tuv")  # TMX order: note*, prop*, tuv+
    return write_atomic(Path(path), bytes(store))


def read_tmx_units(path: Path) -> list[ReturnedUnit]:
    """Every unit of a TMX file with its provenance props; entity declarations are refused (no XXE).

    A unit's `state` is its x-bilingual-origin; it counts as signed off when that origin is "human"."""
    raw, _ = read_xml_safely(Path(path), "TMX")
    return tmx_units(Path(path), raw)


def tmx_units(path: Path, raw: bytes) -> list[ReturnedUnit]:
    """The units of TMX `raw`, already read and checked by read_xml_safely (`path` names it in errors)."""
    from translate.misc.xml_helpers import getText, getXMLlang
    from translate.storage import tmx

    try:
        store = tmx.tmxfile.parsestring(raw)
    except (ValueError, AssertionError, StopIteration, AttributeError) as e:
        raise BilingualError(f"{path}: not a TMX file ({e or type(e).__name__})") from None
    header_lang = (store.sourcelanguage or "").lower()
    pairs = []
    for unit in store.units:
        variants: dict[str, str] = {}
        for tuv in unit.getlanguageNodes():
            lang = (getXMLlang(tuv) or "").lower().replace("_", "-")
            seg = tuv.find("seg")
            if lang and seg is not None and lang not in variants:
                variants[lang] = getText(seg, "preserve") or ""
        source = _pick(variants, (unit.xmlelement.get("srclang", "").lower(), header_lang) + _HANS) \
            or _pick(variants, _HANT)
        target = next((text for lang, text in variants.items() if lang.split("-")[0] == "en"), "")
        props = {p.get("type"): p.text or "" for p in unit.xmlelement.iterfind("prop")}
        origin = props.get(ORIGIN_PROP, "")
        pairs.append(ReturnedUnit(id=unit.xmlelement.get("tuid", ""), source=source, target=target, state=origin,
                                  approved=origin == "human", machine=props.get(MT_PROP, "")))
    return pairs


def _pick(variants: dict[str, str], langs: tuple[str, ...]) -> str:
    for lang in langs:
        if lang and not lang.startswith("en") and variants.get(lang):
            return variants[lang]
    return ""
