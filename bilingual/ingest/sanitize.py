"""What never reaches a Document: executable content, unsafe URLs, page chrome.

URLs are checked by bilingual.urls (the one URL policy, which publish applies too),
so a link the model holds is a link the editions keep.

The lists live in bilingual/data/ingest/boilerplate.json (data, not code).
"""

from __future__ import annotations

from functools import cache

from bilingual import datafiles
from bilingual.model import Document

__all__ = ["drop_closing_trailers", "is_boilerplate_class", "lift_closing_rights", "rules"]


@cache
def rules() -> dict:
    """The boilerplate rules, loaded once."""
    return datafiles.json_data("ingest/boilerplate.json")


def is_boilerplate_class(classes: list[str] | str | None) -> bool:
    """True for share buttons, related-post widgets and similar page chrome."""
    if not classes:
        return False
    joined = " ".join(classes) if isinstance(classes, list) else classes
    joined = joined.lower()
    return any(p in joined for p in rules()["drop_class_patterns"])


def _closing_line(doc: Document) -> str:
    """The text of the body's last block when it is a paragraph with other blocks before it, else "": a page
    that is only that line keeps it, there is no article to lift it from."""
    if len(doc.blocks) < 2 or doc.blocks[-1].role != "paragraph":
        return ""
    return doc.blocks[-1].source.strip()


def lift_closing_rights(doc: Document) -> Document:
    """A copyright line that closes the body (© 2020年 德国之声版权声明：…) leaves the body: it is metadata, not a
    paragraph for a reader or the engine. It becomes the article's rights unless the page gave its own.
    EPUB chapters are not read so: a book's copyright page is a chapter of its own."""
    line = _closing_line(doc)
    if line.startswith(tuple(rules()["rights_leads"])):
        doc.meta.rights = doc.meta.rights or line
        doc.blocks = doc.blocks[:-1]
    return doc


def drop_closing_trailers(doc: Document) -> Document:
    """A line that closes the body and points away from the article (NYT Chinese's 点击查看本文英文版。, a link
    to the English original) leaves it: a trailer of the site, not a sentence of the article to translate."""
    trailers = set(rules()["closing_trailers"])
    while _closing_line(doc).rstrip("。.").strip() in trailers:
        doc.blocks = doc.blocks[:-1]
    return doc
