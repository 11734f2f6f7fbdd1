"""XLIFF export for post-editing in a CAT tool (OmegaT, Trados, memoQ ...) and the reader for what comes back.

Written with translate-toolkit (translate.storage.xliff / xliff2). One
trans-unit per segment, its id the segment id; source is the Simplified text
(what the engine translated and what the memory is keyed by), target the
English. Blocks become <group> elements so the proofreader sees paragraphs.
Machine targets are marked as needing review (1.2: state
"needs-review-translation", state-qualifier "mt-suggestion"; 2.0: state
"translated"), human ones as final. The machine text also travels in the
file (1.2: <alt-trans origin="bilingual-mt">, 2.0: a note of category
"bilingual-mt") so that import can tell an edit from an untouched unit.
"""

from __future__ import annotations

from pathlib import Path

from bilingual.errors import BilingualError
from bilingual.files import write_atomic
from bilingual.interchange.units import ReturnedUnit, glossary_notes, segment_source
from bilingual.interchange.xmlsafe import read_xml_safely
from bilingual.model import Document

VERSIONS = ("1.2", "2.0")
SOURCE_LANG = "zh-Hans"
TARGET_LANG = "en"
MT_ORIGIN = "bilingual-mt"  # marks the machine text carried along with a unit
GLOSSARY_ORIGIN = "bilingual-glossary"
NOTES_ORIGIN = "bilingual"
PO_HEADER = "x-gettext-domain-header"  # restype po2xliff gives a PO header it turns into a unit

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_NS12 = "urn:oasis:names:tc:xliff:document:1.2"
_SKELETON_12 = f"""<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="{_NS12}">
<file original="NoName" source-language="{SOURCE_LANG}" target-language="{TARGET_LANG}" datatype="plaintext">
<body/>
</file>
</xliff>"""
_APPROVED_12 = {"final", "signed-off"}
_APPROVED_20 = {"reviewed", "final"}


def write_xliff(doc: Document, path: Path, *, version: str = "1.2", glossary=None) -> Path:
    """Write every segment of `doc` as an XLIFF 1.2 or 2.0 file for a proofreader; atomic."""
    if version not in VERSIONS:
        raise BilingualError(f"XLIFF version {version!r} is not supported (choose one of {', '.join(VERSIONS)})")
    store = _build_12(doc, glossary) if version == "1.2" else _build_20(doc, glossary)
    return write_atomic(Path(path), bytes(store))


def _build_12(doc: Document, glossary):
    from lxml import etree
    from translate.storage import xliff

    store = xliff.xlifffile.parsestring(_SKELETON_12.encode("utf-8"))
    filenode = next(store.document.getroot().iterchildren(store.namespaced("file")))
    filenode.set("original", doc.id)
    body = store.body
    for b, block in enumerate(doc.blocks):
        if not block.segments:
            continue
        group = etree.SubElement(body, store.namespaced("group"))
        group.set("id", f"b{b}")
        group.set("restype", f"x-{block.role}")
        for seg in block.segments:
            unit = store.UnitClass(segment_source(seg))
            unit.setid(seg.id)
            store.addunit(unit, new=False)  # moves the unit into the file's namespace
            if seg.en:
                unit.target = seg.en
                target = unit.get_target_dom()
                if seg.origin == "human":
                    target.set("state", "final")
                    unit.markapproved(True)
                else:
                    target.set("state", "needs-review-translation")
                    target.set("state-qualifier", "mt-suggestion")
                    unit.xmlelement.attrib.pop("approved", None)
                    unit.addalttrans(seg.en, origin=MT_ORIGIN, lang=TARGET_LANG)
            for note in glossary_notes(segment_source(seg), glossary):
                unit.addnote(note, origin=GLOSSARY_ORIGIN)
            for note in seg.notes:
                unit.addnote(note, origin=NOTES_ORIGIN)
            group.append(unit.xmlelement)
    etree.cleanup_namespaces(store.document.getroot())
    return store


def _build_20(doc: Document, glossary):
    from lxml import etree
    from translate.storage import xliff2

    store = xliff2.Xliff2File(sourcelanguage=SOURCE_LANG, targetlanguage=TARGET_LANG)
    store.body.set("id", doc.id)
    for b, block in enumerate(doc.blocks):
        if not block.segments:
            continue
        group = etree.SubElement(store.body, store.namespaced("group"))
        group.set("id", f"b{b}")
        group.set("type", f"bilingual:{block.role}")
        for seg in block.segments:
            unit = store.UnitClass(segment_source(seg))
            store.addunit(unit, new=False)
            unit_element = unit.getunitelement()
            unit_element.set("id", seg.id)
            # translate-toolkit puts xml:space on <segment>, where the 2.0 schema does not allow it;
            # on <unit> it means the same for the source and target inside.
            space = unit.xmlelement.attrib.pop(XML_SPACE, None)
            if space:
                unit_element.set(XML_SPACE, space)
            # Unit-level <notes> before the segment (translate-toolkit would nest them in <segment>).
            notes = [(GLOSSARY_ORIGIN, n) for n in glossary_notes(segment_source(seg), glossary)]
            notes += [(NOTES_ORIGIN, n) for n in seg.notes]
            if seg.en:
                unit.target = seg.en
                if seg.origin == "human":
                    unit.xmlelement.set("state", "final")
                else:
                    unit.xmlelement.set("state", "translated")
                    notes.append((MT_ORIGIN, seg.en))
            if notes:
                container = etree.Element(store.namespaced("notes"))
                for category, text in notes:
                    etree.SubElement(container, store.namespaced("note"), category=category).text = text
                unit_element.insert(0, container)
            group.append(unit_element)
    return store


def read_xliff_units(path: Path) -> list[ReturnedUnit]:
    """Every unit of a returned XLIFF file, refusing entity declarations (no XXE)."""
    raw, root = read_xml_safely(Path(path), "XLIFF")
    return xliff_units(Path(path), raw, root)


def xliff_units(path: Path, raw: bytes, root) -> list[ReturnedUnit]:
    """The units of XLIFF `raw` (already checked by read_xml_safely, `root` its parsed root element)."""
    from lxml import etree

    if etree.QName(root).localname != "xliff":
        raise BilingualError(f"{path}: not an XLIFF file (root element <{etree.QName(root).localname}>)")
    version = root.get("version", "")
    namespace = etree.QName(root).namespace or ""
    try:
        if version.startswith("2.") or ":2." in namespace:
            return _units_20(raw)
        return _units_12(raw)
    except (ValueError, AssertionError, StopIteration, AttributeError) as e:
        raise BilingualError(f"{path}: malformed XLIFF ({e or type(e).__name__})") from None


def _units_12(raw: bytes) -> list[ReturnedUnit]:
    from translate.storage import xliff

    units = []
    for unit in xliff.xlifffile.parsestring(raw).units:
        if unit.xmlelement.get("restype") == PO_HEADER:
            continue  # a PO file's header, come back through po2xliff: not a segment
        target_node = unit.get_target_dom()
        state = target_node.get("state", "") if target_node is not None else ""
        machine = next((alt.target for alt in unit.getalttrans(origin=MT_ORIGIN) if alt.target), "")
        units.append(ReturnedUnit(id=unit.xmlelement.get("id", ""), source=unit.source or "",
                          target=unit.target or "", state=state,
                          approved=unit.isapproved() or state in _APPROVED_12, machine=machine or ""))
    return units


def _units_20(raw: bytes) -> list[ReturnedUnit]:
    from translate.storage import xliff2

    units = []
    store = xliff2.Xliff2File.parsestring(raw)
    for unit in store.units:
        state = unit.xmlelement.get("state", "")
        # Unit-level notes (where the 2.0 schema puts them), then segment-level ones.
        machine = [n.text or "" for el in (unit.getunitelement(), unit.xmlelement)
                   for n in el.iterfind(f"{store.namespaced('notes')}/{store.namespaced('note')}")
                   if n.get("category") == MT_ORIGIN]
        units.append(ReturnedUnit(id=unit.getid() or "", source=unit.source or "", target=unit.target or "",
                          state=state, approved=state in _APPROVED_20,
                          machine=machine[0] if machine else ""))
    return units
