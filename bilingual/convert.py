"""Simplified and Traditional columns: OpenCC, with the glossary's names kept out of its reach.

OpenCC gets most text right but not names: every config turns the surname 余
into 餘 (余华 -> 餘華), and s2twp keeps 普京 where Taiwan writes 普丁. So each
segment is cut into runs at mark and glossary-match boundaries; plain runs go
through OpenCC, names are written in the glossary's form for the region, and
marks move with the new offsets (a conversion may change a run's length).
Which OpenCC config makes which column is data: bilingual/data/opencc.toml.
"""

from __future__ import annotations

import bisect
import copy
from typing import TYPE_CHECKING

from bilingual import hant
from bilingual.glossary.match import heads_longer_name
from bilingual.model import Document, Mark, Segment
from bilingual.variants import converter, region_config, variant_info

if TYPE_CHECKING:
    from bilingual.glossary import Names

# A rewrite of a name this short (韩国 -> 南韓) is checked for running on into a person's name.
SHORT_NAME = 2
# Provenance key: the glossary files beyond the shipped ones a document was converted with.
GLOSSARY_FILES_KEY = "glossary_files"


def document_region(doc: Document) -> str:
    """Whose Traditional name forms a converted document uses: as recorded, else its variant's, else zh-TW."""
    if doc.provenance.get("region"):
        return doc.provenance["region"]
    variant = doc.provenance.get("variant")
    return variant_info(variant)["region"] if variant else "zh-TW"


def convert(doc: Document, *, variant: str = "s2twp", glossary: Names | None = None) -> Document:
    """A new Document whose segments and title have both Chinese columns filled."""
    info = {**variant_info(variant), "variant": variant}
    out = doc.copy()
    script = out.meta.script or "hans"
    for block in out.blocks:  # a Simplified preamble in a Traditional article is converted as Simplified
        block_script = hant.script_of("".join(s.source for s in block.segments), script)
        for seg in block.segments:
            _convert_segment(seg, info, glossary, block_script == "hant")
    title = out.meta.title
    if hant.script_of(title, script) == "hant":
        out.meta.title_hant = title
        out.meta.title_hans = convert_text(title, [], info["to_hans"], glossary, None)[0]
    else:
        out.meta.title_hans = title
        out.meta.title_hant = convert_text(title, [], info["variant"], glossary, info["region"])[0]
    source_hant = script == "hant"
    out.meta.converted = {"hans" if source_hant else "hant": _byline(out.meta, info, glossary, source_hant)}
    out.provenance["variant"] = variant
    out.provenance["region"] = info["region"]
    out.provenance["glossary"] = glossary.version if glossary is not None else ""
    if glossary is not None and glossary.extra_files:
        out.provenance[GLOSSARY_FILES_KEY] = "|".join(str(f.resolve()) for f in glossary.extra_files)
    return out


def _byline(meta, info: dict[str, str], glossary: Names | None, hant_source: bool) -> dict:
    """Author, source, rights, topics and collections in the script the source was not written in."""
    config, region = (info["to_hans"], None) if hant_source else (info["variant"], info["region"])

    def cv(text: str) -> str:
        return convert_text(text, [], config, glossary, region)[0] if text else ""

    return {"author": cv(meta.author), "source": cv(meta.source), "rights": cv(meta.rights),
            "topics": [cv(t) for t in meta.topics], "collections": [cv(c) for c in meta.collections]}


def _convert_segment(seg: Segment, info: dict[str, str], glossary: Names | None, hant_source: bool) -> None:
    marks = seg.marks.get("source", [])
    same = [copy.copy(m) for m in marks] + _term_marks(seg.source, glossary)
    if hant_source:
        seg.hant, seg.marks["hant"] = seg.source, same
        seg.hans, seg.marks["hans"] = convert_text(seg.source, marks, info["to_hans"], glossary, None)
    else:
        seg.hans, seg.marks["hans"] = seg.source, same
        seg.hant, seg.marks["hant"] = convert_text(seg.source, marks, info["variant"], glossary, info["region"])


def _term_marks(text: str, glossary: Names | None) -> list[Mark]:
    if glossary is None:
        return []
    return [Mark(m.start, m.end, "term", ref=m.term.id) for m in glossary.find(text)]


def convert_text(text: str, marks: list[Mark], config: str, glossary: Names | None,
                 region: str | None) -> tuple[str, list[Mark]]:
    """Convert `text` run by run; return the new text and the marks moved onto it plus term marks.

    `region` set: Simplified -> Traditional, `config` a variant (bilingual.hant), names in the region's form.
    `region` None: Traditional -> Simplified, `config` an OpenCC config, names in their Simplified spelling.
    """
    matches = glossary.find(text) if glossary is not None else []
    cc = hant.writer(config) if region is not None else converter(config)
    if not matches and not marks and text:  # most sentences: one run, no offsets to keep
        return cc.convert(text), []
    inside = {i for m in matches for i in range(m.start + 1, m.end)}
    cuts = {0, len(text)} | {i for m in matches for i in (m.start, m.end)}
    cuts |= {_clamp(i, len(text)) for mk in marks for i in (mk.start, mk.end)} - inside
    by_start = {m.start: m for m in matches}
    pieces: list[str] = []
    at: dict[int, int] = {}
    length = 0
    ordered = sorted(cuts)
    for a, b in zip(ordered, ordered[1:] + [None], strict=True):
        at[a] = length
        if b is None:
            break
        match = by_start.get(a)
        if match is not None:
            piece = _name_form(match, glossary, config, region, text)
        else:
            piece = cc.convert(text[a:b])
        pieces.append(piece)
        length += len(piece)

    starts = [m.start for m in matches]  # sorted, and names never overlap

    def move(i: int, snap_end: bool) -> int:
        i = _clamp(i, len(text))
        k = bisect.bisect_right(starts, i) - 1  # the one name that could hold i: found, not searched for
        if k >= 0 and matches[k].start < i < matches[k].end:  # a mark edge inside a name moves to its edge
            i = matches[k].end if snap_end else matches[k].start
        return at[i]

    moved = [Mark(move(mk.start, False), move(mk.end, True), mk.tag, mk.href, mk.ref) for mk in marks]
    terms = [Mark(at[m.start], at[m.end], "term", ref=m.term.id) for m in matches]
    return "".join(pieces), moved + terms


def _name_form(match, glossary: Names, config: str, region: str | None, text: str) -> str:
    if region is None:
        return match.hans or match.term.hans
    if not match.hans or match.hans == match.term.hans:
        form = glossary.hant_form(match.term, region)
        short = len(match.surface) <= SHORT_NAME
        if short and form != match.surface and heads_longer_name(text, match.start, match.end):
            plain = hant.writer(config).convert(match.surface)
            if form != plain:  # a rewrite (南韓 for 韩国) never breaks a longer name: 韩国瑜 stays 韓國瑜
                return plain
        return form
    return hant.writer(region_config(region)).convert(match.hans)  # an alias: written as the writer chose


def _clamp(i: int, n: int) -> int:
    return max(0, min(i, n))
