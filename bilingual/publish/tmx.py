"""TMX 1.4 export of an article's segment pairs, and the reader for TMX files that come back.

Written with translate-toolkit (translate.storage.tmx). Each <tu> carries the
segment id as tuid and three variants: zh-Hans (the source the memory is keyed
by), en, and zh-Hant when converted. Props record where the English came from
(x-bilingual-origin) and, for machine output, the machine text itself
(x-bilingual-mt) so that import can tell an edit from an untouched pair.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bilingual.errors import BilingualError
from bilingual.files import write_atomic
from bilingual.model import Document
from bilingual.publish.xliff import glossary_notes, read_xml_safely, segment_source

SOURCE_LANG = "zh-Hans"
TARGET_LANG = "en"
HANT_LANG = "zh-Hant"
ORIGIN_PROP = "x-bilingual-origin"
MT_PROP = "x-bilingual-mt"
# Tags other tools write for Simplified and Traditional Chinese.
_HANS = ("zh-hans", "zh-cn", "zh-sg", "zh")
_HANT = ("zh-hant", "zh-tw", "zh-hk", "zh-mo")


@dataclass
class Pair:
    """One translation unit read back from a TMX file."""

    id: str
    source: str
    target: str
    origin: str = ""  # x-bilingual-origin when the file came from us
    machine: str = ""  # the machine text exported with it


def write_tmx(doc: Document, path: Path, *, glossary=None) -> Path:
    """Write the translated segments of `doc` as TMX 1.4 (zh-Hans, en, zh-Hant); atomic."""
    from lxml import etree
    from translate.storage import tmx

    store = tmx.tmxfile(sourcelanguage=SOURCE_LANG, targetlanguage=TARGET_LANG)
    store.addheader()
    for seg in doc.segments():
        source = segment_source(seg)
        if not seg.en or not source:
            continue  # a TM holds pairs; untranslated segments have nothing to offer
        unit = store.addsourceunit(source, SOURCE_LANG)
        unit.xmlelement.set("tuid", seg.id)
        unit.settarget(seg.en, TARGET_LANG, append=True)
        if seg.hant:
            unit.settarget(seg.hant, HANT_LANG, append=True)
        for note in glossary_notes(source, glossary):
            unit.addnote(note)
        origin = "human" if seg.origin == "human" else "mt"
        props = [(ORIGIN_PROP, origin)] + ([(MT_PROP, seg.en)] if origin == "mt" else [])
        for kind, text in props:
            prop = etree.Element("prop", type=kind)
            prop.text = text
            unit._insert_element_before(prop, "tuv")  # TMX order: note*, prop*, tuv+
    return write_atomic(Path(path), bytes(store))


def read_tmx(path: Path) -> list[tuple[str, str]]:
    """(Chinese source, English target) for every unit of a TMX file."""
    return [(p.source, p.target) for p in read_tmx_pairs(path)]


def read_tmx_pairs(path: Path) -> list[Pair]:
    """Every unit of a TMX file with its provenance props; entity declarations are refused (no XXE)."""
    raw, _ = read_xml_safely(Path(path), "TMX")
    return tmx_pairs(Path(path), raw)


def tmx_pairs(path: Path, raw: bytes) -> list[Pair]:
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
        pairs.append(Pair(id=unit.xmlelement.get("tuid", ""), source=source, target=target,
                          origin=props.get(ORIGIN_PROP, ""), machine=props.get(MT_PROP, "")))
    return pairs


def _pick(variants: dict[str, str], langs: tuple[str, ...]) -> str:
    for lang in langs:
        if lang and not lang.startswith("en") and variants.get(lang):
            return variants[lang]
    return ""
