"""The HTML edition: one self-contained page per article (CSS inlined, no script, nothing fetched)."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from bilingual import __version__
from bilingual.files import write_atomic
from bilingual.model import COLUMNS, Document, Segment
from bilingual.publish.markup import render_marked
from bilingual.publish.render import environment
from bilingual.publish.view import COLUMN_LABELS, Name, byline, colophon_rows, names_used, titles

# Which HTML element carries each block role's cells.
ROLE_TAGS = {"heading": "h2", "paragraph": "p", "quote": "blockquote", "list_item": "p", "caption": "p"}


@cache
def _css():
    """The stylesheet, inlined: our own file, so it is marked safe (escaping would break its quotes)."""
    from markupsafe import Markup

    return Markup(resources.files("bilingual.publish").joinpath("static/edition.css").read_text(encoding="utf-8"))


def _marker(names: list[Name]):
    """Renders a segment's column with its marks; glossary names get their kind and a tooltip."""
    kinds = {n.id: n.kind for n in names}
    titles = {n.id: " · ".join(v for v in (n.hans, n.hant, n.en) if v) for n in names}

    def marked(seg: Segment, column: str):
        return render_marked(getattr(seg, column), seg.marks.get(column, []), kinds=kinds, titles=titles)

    return marked


def render_html(doc: Document, *, columns: tuple[str, ...] = ("hans", "hant", "en"), glossary=None) -> str:
    """The page as a string: the part of publishing that needs no disk."""
    template = environment().get_template("article.html.j2")
    names = names_used([doc], glossary)
    return template.render(
        doc=doc,
        doc_lang=COLUMNS["hant" if doc.meta.script == "hant" else "hans"],
        titles=titles(doc, columns),
        columns=[{"key": c, "lang": COLUMNS[c], "label": COLUMN_LABELS[c]} for c in columns],
        tags=ROLE_TAGS,
        byline=byline(doc),
        provenance=colophon_rows([doc]),
        names=names,
        marked=_marker(names),
        css=_css(),
        version=__version__,
    )


def write_html(doc: Document, path: Path, **options) -> Path:
    return write_atomic(path, render_html(doc, **options))
