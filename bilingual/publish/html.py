"""The HTML edition: one self-contained page per article (CSS inlined, no script, nothing fetched)."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from bilingual import __version__
from bilingual.files import write_atomic
from bilingual.model import Document
from bilingual.publish.render import environment
from bilingual.publish.view import (
    Marker,
    Name,
    block_html,
    byline,
    colophon_rows,
    column_heads,
    groups,
    names_used,
    provenance_line,
    titles,
)

# Which HTML element carries each block role's cells (tables and figures have their own markup).
ROLE_TAGS = {"heading": "h2", "paragraph": "p", "quote": "blockquote", "list_item": "p", "caption": "p",
             "figure": "p", "cell": "p"}


@cache
def _css():
    """The stylesheet, inlined: our own file, so it is marked safe (escaping would break its quotes)."""
    from markupsafe import Markup

    return Markup(resources.files("bilingual.publish").joinpath("static/edition.css").read_text(encoding="utf-8"))


def _marker(names: list[Name]) -> Marker:
    """Each sentence in its own span (a link can point at it); glossary names get their kind and a tooltip."""
    return Marker(kinds={n.id: n.kind for n in names},
                  titles={n.id: " · ".join(v for v in (n.hans, n.hant, n.en) if v) for n in names}, spans=True)


def render_html(doc: Document, *, columns: tuple[str, ...] = ("hans", "hant", "en"), glossary=None) -> str:
    """The page as a string: the part of publishing that needs no disk."""
    template = environment().get_template("article.html.j2")
    names = names_used([doc], glossary)
    marker = _marker(names)
    # Every column keeps its cell, empty or not: the page shows what is not translated.
    rendered = [{c: block_html(b, c, doc.meta.script, marker) for c in columns} for b in doc.blocks]
    heads = titles(doc, columns)
    return template.render(
        doc=doc,
        doc_lang=heads[0]["lang"],
        titles=heads,
        columns=column_heads(columns, doc.region),
        groups=groups(doc, columns, True, rendered),
        tags=ROLE_TAGS,
        byline=byline(doc, columns),
        colophon=colophon_rows([doc]),
        provenance=provenance_line([doc], columns),
        names=names,
        css=_css(),
        version=__version__,
    )


def write_html(doc: Document, path: Path, **options) -> Path:
    return write_atomic(path, render_html(doc, **options))
