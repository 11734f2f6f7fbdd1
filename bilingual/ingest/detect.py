"""Which reader a file needs: decided from its content first, its extension second.

The seed is a CDT archive page saved as .txt, and Markdown often arrives as .txt
too, so the extension is only a tie-breaker for content without clear signs.
Which extension suggests which reader is data: article_extensions in
bilingual/data/ingest/boilerplate.json (the same list says what a folder build reads).
"""

from __future__ import annotations

import re
from pathlib import Path

from bilingual.ingest import cdt, epub, markdown
from bilingual.ingest.sanitize import rules

_HTML_DOC = re.compile(r"\A\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*(<!doctype\s+html|<html[\s>])", re.I | re.S)
_HTML_TAG = re.compile(r"<(p|div|br|h[1-6]|blockquote|ul|ol|li|table|article|section|span|a\s)[\s/>]", re.I)
_MD_SIGN = re.compile(r"^(#{1,6}\s|>\s|[-*+]\s|\d+\.\s|```)|\[[^\]\n]+\]\([^)\s]+\)|\*\*[^*\n]+\*\*", re.M)


def detect_bytes(data: bytes) -> str | None:
    """'epub' for EPUB bytes; None when the bytes are text to decode and detect_text."""
    return "epub" if epub.is_epub(data) else None


def detect_text(text: str, path: Path) -> str:
    """The reader for decoded text: cdt, html, markdown or text."""
    if cdt.looks_like(text):
        return "cdt"
    if markdown.has_front_matter(text):
        return "markdown"
    head = text[:4096]
    if _HTML_DOC.match(head):
        return "html"
    by_ext = rules()["article_extensions"].get(path.suffix.lower())
    if by_ext in ("html", "markdown"):
        return by_ext
    html_tags = len(_HTML_TAG.findall(head))
    md_signs = len(_MD_SIGN.findall(head))
    if html_tags >= 2 and html_tags > md_signs:
        return "html"
    if md_signs >= 2:
        return "markdown"
    return "text"
