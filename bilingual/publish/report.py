"""The check report: findings as a terminal summary, as JSON (schema: docs/check-schema.md), or as an HTML page."""

from __future__ import annotations

import json
import re
from collections import Counter

from markupsafe import Markup, escape

from bilingual.chars import CHINESE_RUN
from bilingual.check import units_of
from bilingual.check.base import RANK, SEVERITIES, Finding, Unit
from bilingual.model import COLUMNS, column_lang
from bilingual.publish.render import environment

SCHEMA = "bilingual-check/1"


def summarize(findings: list[Finding], units: list[Unit]) -> dict:
    """Counts by severity and kind, and how many checked units carry a finding."""
    by_severity = Counter(f.severity for f in findings)
    return {
        "segments_checked": len(units),
        "segments_flagged": len({f.segment for f in findings} & {u.id for u in units}),
        "findings": len(findings),
        "by_severity": {s: by_severity.get(s, 0) for s in reversed(SEVERITIES)},
        "by_kind": dict(sorted(Counter(f.kind for f in findings).items())),
    }


def render(doc, findings: list[Finding], fmt: str, *, title_suffix: str = "") -> str:
    """The report on `doc` in one format: text, json, html, or summary (the text report's totals only)."""
    units = units_of(doc)
    summary = summarize(findings, units)
    title = doc.meta.title or doc.id
    if fmt == "json":
        return render_json(findings, summary, document=doc.id, title=title)
    if fmt == "html":
        return render_html(findings, summary, units, title=title, region=doc.region,
                           title_lang=doc.source_lang, source_script=doc.source_script)
    if fmt == "summary":
        return render_text([], summary, title=title + title_suffix)
    if fmt == "text":
        return render_text(findings, summary, title=title + title_suffix)
    raise ValueError(f"unknown report format {fmt!r}")


def render_text(findings: list[Finding], summary: dict, *, title: str = "") -> str:
    """One line per finding (two with a suggestion), then the totals."""
    lines = [f"check: {title}"] if title else []
    for f in findings:
        where = f.segment or "-"
        lines.append(f"{f.severity.upper():7} {f.kind:18} {where}: {f.message}")
        detail = f.suggestion
        if f.target:
            label = COLUMNS.get(f.target_column, f.target_column)
            detail = (f"{detail} | " if detail else "") + f"{label}: {f.target[:90]}"
        if detail:
            lines.append(f"        {detail}")
        if f.reason:
            lines.append(f"        why {f.severity}: {f.reason}")
    sev = summary["by_severity"]
    lines.append(f"{summary['findings']} finding(s) in {summary['segments_flagged']} of "
                 f"{summary['segments_checked']} segment(s): "
                 + ", ".join(f"{n} {s}" for s, n in sev.items()))
    if summary["by_kind"]:
        lines.append("by kind: " + ", ".join(f"{k} {n}" for k, n in summary["by_kind"].items()))
    return "\n".join(lines) + "\n"


def render_json(findings: list[Finding], summary: dict, *, document: str = "", title: str = "") -> str:
    """The stable machine-readable form; see docs/check-schema.md."""
    data = {"schema": SCHEMA, "document": document, "title": title, "summary": summary,
            "findings": [f.to_dict() for f in findings]}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def highlight(text: str, marks: list[str]) -> list[tuple[str, bool]]:
    """`text` cut into (piece, highlighted) runs at every occurrence of any mark; a mark that starts or ends
    with a Latin letter or digit only where it does not run on into a word ('out' not inside 'outserv')."""
    spans: list[tuple[int, int]] = []
    for mark in sorted({m for m in marks if m}, key=len, reverse=True):
        before = r"(?<![A-Za-z0-9])" if mark[0].isascii() and mark[0].isalnum() else ""
        after = r"(?![A-Za-z0-9])" if mark[-1].isascii() and mark[-1].isalnum() else ""
        for m in re.finditer(before + re.escape(mark) + after, text):
            if not any(a < m.end() and m.start() < b for a, b in spans):
                spans.append(m.span())
    pieces, pos = [], 0
    for a, b in sorted(spans):
        if a > pos:
            pieces.append((text[pos:a], False))
        pieces.append((text[a:b], True))
        pos = b
    if pos < len(text):
        pieces.append((text[pos:], False))
    return pieces


def _as_hant(marks: list[str], region: str) -> list[str]:
    """Marks on the Simplified source (a glossary.hant finding's surface, 朝鲜) and the same as the region's
    Traditional column writes them (朝鮮), so that they are found in that column."""
    from bilingual.errors import BilingualError
    from bilingual.hant import writer
    from bilingual.variants import region_config

    try:
        write = writer(region_config(region or "zh-Hant")).convert
    except BilingualError:  # a region opencc.toml does not list: generic Traditional
        write = writer(region_config("zh-Hant")).convert
    return [*marks, *(write(m) for m in marks if m)]


def _as_written(marks: list[str], twin: str, original: str, region: str) -> list[str]:
    """Marks found on the Simplified twin the check read (香港记者协会), as the Traditional original writes
    them at the same place (香港記者協會); by conversion when the twin is not character for character."""
    if len(twin) != len(original):
        return _as_hant(marks, region)
    return [original[m.start():m.end()] for mark in marks if mark for m in re.finditer(re.escape(mark), twin)]


def written_forms(marks: list[str], twin: str, original: str, region: str) -> dict[str, list[str]]:
    """Each mark found on the Simplified twin, as the Traditional original writes it (the form found at the
    mark's place first)."""
    return {m: [w for w in _as_written([m], twin, original, region) if w in original]
            for m in dict.fromkeys(marks) if m}


def finding_note(f: Finding, lang: str, written: list[str] | None = None) -> dict:
    """A finding's texts for a page, each run of Chinese tagged with `lang`; the source's words it quotes
    ('习近平') as the source writes them (`written`, the forms found in the original: '習近平') when the
    source is Traditional."""
    def text(part: str) -> Markup:
        value = getattr(f, part) or ""
        if written and f.source_mark:
            value = value.replace(f"'{f.source_mark}'", f"'{written[0]}'")
        return tag_chinese(value, lang)

    parts = ("message", "suggestion", "reason")
    return {"severity": f.severity, "kind": f.kind, **{part: text(part) for part in parts}}


def tag_chinese(text: str, lang: str) -> Markup:
    """`text` escaped, each run of Chinese in it wrapped in a span with `lang`, so the browser picks a
    Chinese font for it rather than the fallback of the English page around it (a Japanese one)."""
    out, pos = [], 0
    for m in CHINESE_RUN.finditer(text):
        out.append(escape(text[pos:m.start()]))
        out.append(Markup('<span lang="%s">%s</span>') % (lang, m.group()))
        pos = m.end()
    out.append(escape(text[pos:]))
    return Markup("").join(out)


def render_html(findings: list[Finding], summary: dict, units: list[Unit], *, title: str = "",
                region: str = "", title_lang: str = "zh-Hans", source_script: str = "hans") -> str:
    """A self-contained page: each flagged segment's source and English side by side, problems marked;
    the Traditional column beside them when a finding is about it. The Chinese quoted in a finding is
    tagged with its column's language (the source's, or the Traditional column's for a zh-Hant finding).
    A Traditional source is shown as it is written, though the check read its Simplified twin."""
    hans, hant = column_lang("hans"), column_lang("hant", region)
    written = source_script == "hant"
    by_id = {u.id: u for u in units}
    rows: dict[str, dict] = {}
    for f in findings:
        row = rows.setdefault(f.segment, {"id": f.segment, "findings": [], "unit": by_id.get(f.segment)})
        row["findings"].append(f)
    for row in rows.values():
        unit, fs = row["unit"], row["findings"]
        source = unit.source if unit else next((f.source for f in fs if f.source), "")
        target = unit.en if unit else next((f.target for f in fs if f.target), "")
        marks = [f.source_mark for f in fs]
        as_written = bool(written and unit and unit.hant)
        forms = written_forms(marks, unit.source, unit.hant, region) if as_written else {}
        if as_written:
            source, marks = unit.hant, [w for found in forms.values() for w in found]
        row["source"] = highlight(source, marks)
        row["target"] = highlight(target, [f.target_mark for f in fs])
        on_hant = [f for f in fs if f.target_column == "hant" and not written]
        hant_text = (unit.hant if unit and unit.hant else on_hant[0].target) if on_hant else ""
        row["hant"] = highlight(hant_text, _as_hant([f.source_mark for f in on_hant], region)) if hant_text else []
        row["worst"] = max((f.severity for f in fs), key=RANK.__getitem__)
        row["notes"] = [finding_note(f, hant if as_written or f.target_column == "hant" else hans,
                                     forms.get(f.source_mark, [])) for f in fs]
    return environment().get_template("report.html.j2").render(
        title=title, heading=tag_chinese(title or "translation", title_lang), summary=summary,
        rows=list(rows.values()), source_lang=hant if written else hans, hant=hant)
