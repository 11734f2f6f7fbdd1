"""TBX, the termbase exchange format CAT tools read: the glossary to and from OmegaT, Trados, memoQ."""

from __future__ import annotations

import io
import re
from pathlib import Path

from bilingual.errors import BilingualError
from bilingual.files import write_atomic
from bilingual.glossary import Names, Term
from bilingual.glossary.terms import KINDS, MATCH_FLAGS, split_list

# TBX language tags <-> glossary fields.
_HANS_TAGS = ("zh-hans", "zh-cn", "zh-sg", "zh")
_REGION_TAGS = {"zh-hant": "zh-Hant", "zh-tw": "zh-TW", "zh-hk": "zh-HK", "zh-mo": "zh-HK"}


KIND_TYPE = "x-bilingual-kind"  # <admin type=…> holding a term's kind (person, place, org ...)
MATCH_TYPE = "x-bilingual-match"  # <admin type=…> holding the glossary's `match` flags (e.g. bare)


def export_tbx(glossary: Names, path: Path) -> None:
    """Write the termbase as TBX: zh-Hans (name + aliases), regional zh-Hant, en (short, long)."""
    from translate.storage import tbx

    store = tbx.tbxfile(sourcelanguage="zh-Hans", targetlanguage="en")
    for term in glossary.terms:
        unit = store.addsourceunit(term.hans)
        unit.setid(term.id)
        unit.set_source_terms([term.hans, *term.aliases], "zh-Hans")
        _set_english(unit, term)
        for region, form in sorted(term.hant.items()):
            unit.set_target_terms([form], region)
        if term.note:
            unit.set_common_note(term.note, source=True)
        # Concept-level data goes before the language sets (the TBX core DTD's order); <note> has no
        # `from` in TBX, so the kind and the match flags are typed <admin>s.
        first_langset = next(unit.xmlelement.iterchildren(unit.namespaced("langSet")), None)
        for kind, text in ((KIND_TYPE, term.kind), (MATCH_TYPE, "|".join(term.match))):
            if not text:
                continue
            admin = unit.xmlelement.makeelement(unit.namespaced("admin"), type=kind)
            admin.text = text
            if first_langset is not None:
                first_langset.addprevious(admin)
            else:
                unit.xmlelement.append(admin)
    buffer = io.BytesIO()
    store.serialize(buffer)
    write_atomic(path, buffer.getvalue())


def import_tbx(path: Path) -> list[Term]:
    """Read a TBX termbase (ours, OmegaT's, Trados', memoQ's) into glossary terms.

    translate-toolkit parses with its safe XML parser: no external entities, no
    network, so a hostile file cannot read local files through XXE.
    """
    from translate.storage import tbx

    try:
        store = tbx.tbxfile.parsefile(str(path))
    except FileNotFoundError:
        raise BilingualError(f"no such file: {path}") from None
    except Exception as e:  # lxml and the toolkit raise many types for a broken file
        raise BilingualError(f"{path}: not a readable TBX file ({type(e).__name__}: {e})") from None
    terms = []
    for n, unit in enumerate(store.units, 1):
        langs = {(_lang(node)): node for node in unit.getlanguageNodes()}
        hans = _texts(unit, langs, _HANS_TAGS)
        en, en_long, en_adj, banned, en_alt = _english(_terms(unit, langs, _EN_TAGS))
        if not hans or not en:
            continue  # a concept without Chinese or English says nothing to this glossary
        hant = {}
        for tag, region in _REGION_TAGS.items():
            forms = _texts(unit, langs, (tag,))
            if forms:
                hant.setdefault(region, forms[0])
        admins = {d.get("type"): d.text or "" for d in unit.xmlelement.iterchildren(unit.namespaced("admin"))}
        kind = (admins.get(KIND_TYPE) or unit.getnotes(origin="kind") or "").strip()  # older files: <note from>
        match = split_list(admins.get(MATCH_TYPE, "").strip())
        note = " ".join(n.text for n in unit.get_common_notes(source=True) if n.origin == "definition")
        terms.append(Term(id=_term_id(unit, en, n), hans=hans[0], aliases=hans[1:], hant=hant,
                          en=en, en_long=en_long, en_adj=en_adj, banned=banned, en_alt=en_alt,
                          match=[f for f in match if f in MATCH_FLAGS],
                          kind=kind if kind in KINDS else "other", note=note, file=str(path), line=n))
    return terms


# How each English form is marked on its <tig> (TBX-Basic data categories).
_EN_TAGS = ("en", "en-us", "en-gb")
_PREFERRED = ("administrativeStatus", "preferredTerm-admn-sts")
_LONG = ("termType", "fullForm")
_ADJ = ("partOfSpeech", "adjective")
_DEPRECATED = ("administrativeStatus", "deprecatedTerm-admn-sts")


_ADMITTED = ("administrativeStatus", "admittedTerm-admn-sts")  # en_alt: accepted, never written


_BANNED_STATUS = {"deprecated", "deprecatedterm-admn-sts", "deprecatedtermadmnsts", "superseded",
                  "supersededterm-admn-sts"}


def _set_english(unit, term: Term) -> None:
    """The en language set: rendering, long form, adjective forms, banned spellings, each marked."""
    forms = [(term.en, _PREFERRED)] + ([(term.en_long, _LONG)] if term.en_long else [])
    forms += [(a, _ADJ) for a in term.en_adj] + [(b, _DEPRECATED) for b in term.banned]
    forms += [(a, _ADMITTED) for a in term.en_alt]
    unit.set_target_terms([text for text, _ in forms], "en")
    from lxml import etree

    tigs = unit.get_target_dom("en").findall(unit.namespaced("tig"))
    for tig, (_text, (category, value)) in zip(tigs, forms, strict=True):
        note = etree.SubElement(tig, unit.namespaced("termNote"), type=category)
        note.text = value


def _english(terms: list) -> tuple[str, str, list[str], list[str], list[str]]:
    """(en, en_long, en_adj, banned, en_alt) from an en language set's terms, ours or another tool's.

    Unmarked terms count in order: the first is the rendering, the second the long form.
    """
    plain, long, adj, banned, alt = [], [], [], [], []
    for t in terms:
        text = t.text.strip()
        marks = {(n.category, n.text.strip()) for n in t.notes if n.scope == "term"}
        if not text:
            continue
        status = (t.administrative_status or "").strip().lower()
        if status in _BANNED_STATUS:
            banned.append(text)
        elif status.startswith("admitted"):
            alt.append(text)
        elif _ADJ in marks:
            adj.append(text)
        elif _LONG in marks:
            long.append(text)
        else:
            plain.append(text)
    if not plain:
        return "", "", adj, banned, alt
    return plain[0], (long + plain[1:2] + [""])[0], adj, banned, alt


def _terms(unit, langs: dict, tags: tuple[str, ...]) -> list:
    for tag in tags:
        node = langs.get(tag)
        if node is not None:
            return unit._get_terms(node)
    return []


def _lang(node) -> str:
    from translate.misc.xml_helpers import getXMLlang

    return (getXMLlang(node) or "").replace("_", "-").lower()


def _texts(unit, langs: dict, tags: tuple[str, ...]) -> list[str]:
    for tag in tags:
        node = langs.get(tag)
        if node is not None:
            return [t.text.strip() for t in unit._get_terms(node) if t.text.strip()]
    return []


def _term_id(unit, en: str, n: int) -> str:
    raw = unit.xmlelement.get("id") or en
    slug = re.sub(r"[^a-z0-9._-]+", "-", raw.lower()).strip("-._")
    return slug or f"term-{n}"
