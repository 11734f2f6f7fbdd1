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
from bilingual.model import SOURCE_REGION_KEY, Document, Mark, Segment
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


def convert(doc: Document, *, variant: str = "s2twp", glossary: Names | None = None,
            source_region: str = "") -> Document:
    """A new Document whose segments and title have both Chinese columns filled. `source_region`: the region a
    Traditional source is written in, as its user states it (zh-HK), recorded for its column's tag."""
    info = {**variant_info(variant), "variant": variant}
    out = doc.copy()
    script = out.meta.script or "hans"
    written_in: dict[str, list[Segment]] = {"hans": [], "hant": []}
    for block in out.blocks:  # a Simplified preamble in a Traditional article is converted as Simplified
        written_in[hant.script_of("".join(s.source for s in block.segments), script)].extend(block.segments)
    _fill(written_in["hans"], "hans", info["variant"], glossary, info["region"])
    _fill(written_in["hant"], "hant", info["to_hans"], glossary, None)
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
    if source_hant and source_region:
        out.provenance[SOURCE_REGION_KEY] = source_region
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


def _fill(segments: list[Segment], source_script: str, config: str, glossary: Names | None,
          region: str | None) -> None:
    """Both Chinese columns of segments written in `source_script`: the source's as it is, the other converted
    (all in one batch, so OpenCC runs once over the document's plain text)."""
    converted = convert_texts([(s.source, s.marks.get("source", [])) for s in segments], config, glossary, region)
    other = "hans" if source_script == "hant" else "hant"
    for seg, (text, marks) in zip(segments, converted, strict=True):
        same = [copy.copy(m) for m in seg.marks.get("source", [])] + _term_marks(seg.source, glossary)
        setattr(seg, source_script, seg.source)
        setattr(seg, other, text)
        seg.marks[source_script], seg.marks[other] = same, marks


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
    return convert_texts([(text, marks)], config, glossary, region)[0]


def convert_texts(items: list[tuple[str, list[Mark]]], config: str, glossary: Names | None,
                  region: str | None) -> list[tuple[str, list[Mark]]]:
    """convert_text for each (text, marks), with every run between names converted in one call."""
    if not items:
        return []  # no converter built for a direction no text takes
    plans = [_Plan(text, marks, glossary, config, region) for text, marks in items]
    cc = hant.writer(config) if region is not None else converter(config)
    converted = iter(cc.convert_many([run for plan in plans for run in plan.runs()]))
    return [plan.finish(converted) for plan in plans]


class _Plan:
    """One text cut at name and mark edges: names written in their form, the runs between left to convert."""

    def __init__(self, text: str, marks: list[Mark], glossary: Names | None, config: str, region: str | None):
        self.text, self.marks = text, marks
        self.matches = glossary.find(text) if glossary is not None else []
        if not self.matches and not marks:  # most sentences: one run, no offsets to keep
            self.cuts, self.pieces = [0, len(text)], [None]
            return
        inside = {i for m in self.matches for i in range(m.start + 1, m.end)}
        cuts = {0, len(text)} | {i for m in self.matches for i in (m.start, m.end)}
        cuts |= {_clamp(i, len(text)) for mk in marks for i in (mk.start, mk.end)} - inside
        by_start = {m.start: m for m in self.matches}
        self.cuts = sorted(cuts)
        self.pieces: list[str | None] = [  # a name's form, or None for a run to convert
            _name_form(by_start[a], glossary, config, region, text) if a in by_start else None
            for a in self.cuts[:-1]]

    def runs(self) -> list[str]:
        return [self.text[a:b] for a, b, piece in zip(self.cuts[:-1], self.cuts[1:], self.pieces, strict=True)
                if piece is None]

    def finish(self, converted) -> tuple[str, list[Mark]]:
        """The text with each run taken from `converted` (in runs() order), and the marks moved onto it."""
        pieces = [next(converted) if piece is None else piece for piece in self.pieces]
        if not self.matches and not self.marks:
            return pieces[0], []
        at = {}
        length = 0
        for a, piece in zip(self.cuts, pieces + [""], strict=True):
            at[a] = length
            length += len(piece)
        matches = self.matches
        starts = [m.start for m in matches]  # sorted, and names never overlap

        def move(i: int, snap_end: bool) -> int:
            i = _clamp(i, len(self.text))
            k = bisect.bisect_right(starts, i) - 1  # the one name that could hold i: found, not searched for
            if k >= 0 and matches[k].start < i < matches[k].end:  # a mark edge inside a name moves to its edge
                i = matches[k].end if snap_end else matches[k].start
            return at[i]

        moved = [Mark(move(mk.start, False), move(mk.end, True), mk.tag, mk.href, mk.ref) for mk in self.marks]
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
