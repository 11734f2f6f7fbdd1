"""The HTML edition: one self-contained page per article (CSS inlined, no script, nothing fetched)."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from bilingual import __version__
from bilingual.model import COLUMNS, Document, Segment
from bilingual.publish.files import write_atomic

COLUMN_LABELS = {"hans": "简体中文", "hant": "繁體中文", "en": "English"}
# Which HTML element carries each block role's cells.
ROLE_TAGS = {"heading": "h2", "paragraph": "p", "quote": "blockquote", "list_item": "p", "caption": "p"}
SAFE_SCHEMES = ("http://", "https://", "mailto:")


@cache
def _environment():
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("bilingual.publish", "templates"),
        autoescape=True,
        trim_blocks=False,
        keep_trailing_newline=True,
    )


@cache
def _css():
    """The stylesheet, inlined: our own file, so it is marked safe (escaping would break its quotes)."""
    from markupsafe import Markup

    return Markup(resources.files("bilingual.publish").joinpath("static/edition.css").read_text(encoding="utf-8"))


def _marked(seg: Segment, column: str):
    from bilingual.publish.markup import render_marked

    return render_marked(getattr(seg, column), seg.marks.get(column, []))


def _meta_rows(doc: Document) -> list[tuple[str, str, str]]:
    """(label, value, link) rows for the header; links only with safe schemes."""
    m = doc.meta

    def link(url: str) -> str:
        return url if url.startswith(SAFE_SCHEMES) else ""

    rows = [
        ("Author", m.author, link(m.author_url)),
        ("Published", m.date, ""),
        ("Source", m.source, link(m.source_url)),
        ("Topics", ", ".join(m.topics), ""),
        ("Collections", ", ".join(m.collections), ""),
        ("Archived", m.archived_at, ""),
        ("Original", m.url, link(m.url)),
        ("Rights", m.rights, ""),
    ]
    return [r for r in rows if r[1]]


def names_used(doc: Document, glossary=None) -> list[dict]:
    """Glossary names marked anywhere in the article, in order of first appearance."""
    seen: dict[str, dict] = {}
    by_id = {t.id: t for t in glossary.terms} if glossary is not None else {}
    for seg in doc.segments():
        for column in ("hans", "hant", "en"):
            for mark in seg.marks.get(column, []):
                if mark.tag != "term" or mark.ref in seen:
                    continue
                term = by_id.get(mark.ref)
                region = doc.provenance.get("region", "zh-TW")
                seen[mark.ref] = {
                    "id": mark.ref,
                    "hans": term.hans if term else mark.ref,
                    "hant": (term.hant.get(region) or next(iter(term.hant.values()), "")) if term else "",
                    "en": term.en if term else "",
                    "kind": term.kind if term else "",
                }
    return list(seen.values())


def render_html(doc: Document, *, columns: tuple[str, ...] = ("hans", "hant", "en"), glossary=None) -> str:
    """The page as a string: the part of publishing that needs no disk."""
    template = _environment().get_template("article.html.j2")
    return template.render(
        doc=doc,
        doc_lang=COLUMNS["hant" if doc.meta.script == "hant" else "hans"],
        columns=[{"key": c, "lang": COLUMNS[c], "label": COLUMN_LABELS[c]} for c in columns],
        tags=ROLE_TAGS,
        meta_rows=_meta_rows(doc),
        names=names_used(doc, glossary),
        marked=_marked,
        css=_css(),
        version=__version__,
    )


def write_html(doc: Document, path: Path, **options) -> Path:
    return write_atomic(path, render_html(doc, **options))
