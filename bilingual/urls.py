"""The one URL policy: which links and metadata URLs may reach a document and an edition.

Ingest keeps only URLs that pass it and publish applies it again, so the model
never holds an href an edition would drop, and nothing executable (javascript:,
data:, vbscript:) gets through either way.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection
from urllib.parse import urlsplit

SAFE_SCHEMES = ("http", "https", "mailto")
# Metadata URLs (the original article, its author, its source) are pages: no mailto.
META_URL_SCHEMES = ("http", "https")


def safe_href(href: str | None, schemes: Collection[str] = SAFE_SCHEMES) -> str:
    """The href if it is an absolute http(s) URL with a host or a mailto, with no control
    characters or whitespace inside, else ""."""
    href = (href or "").strip()
    if not href or any(c.isspace() or unicodedata.category(c) == "Cc" for c in href):
        return ""
    try:
        parts = urlsplit(href)
    except ValueError:
        return ""
    scheme = parts.scheme.lower()
    if scheme not in SAFE_SCHEMES or scheme not in schemes:
        return ""
    if not (parts.path if scheme == "mailto" else parts.netloc):
        return ""
    return href


def safe_meta_url(url: str | None) -> str:
    """A URL fit for metadata: what safe_href passes, http/https only."""
    return safe_href(url, META_URL_SCHEMES)
