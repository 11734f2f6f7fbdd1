"""What never reaches a Document: executable content, unsafe URLs, page chrome.

URLs are checked by publish.markup.safe_href, the same check publish applies,
so a link the model holds is a link the editions keep.

The lists live in bilingual/data/ingest/boilerplate.json (data, not code).
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

# The one URL check, shared with publish (markup imports only markupsafe and the model).
from bilingual.publish.markup import safe_href

__all__ = ["META_URL_SCHEMES", "is_boilerplate_class", "rules", "safe_href", "safe_meta_url"]

# Metadata URLs (the original article, its author, its source) are pages: no mailto.
META_URL_SCHEMES = ("http", "https")


@cache
def rules() -> dict:
    """The boilerplate rules, loaded once."""
    text = resources.files("bilingual").joinpath("data/ingest/boilerplate.json").read_text(encoding="utf-8")
    return json.loads(text)


def safe_meta_url(url: str | None) -> str:
    """A URL fit for metadata: what safe_href passes, http/https only."""
    return safe_href(url, META_URL_SCHEMES)


def is_boilerplate_class(classes: list[str] | str | None) -> bool:
    """True for share buttons, related-post widgets and similar page chrome."""
    if not classes:
        return False
    joined = " ".join(classes) if isinstance(classes, list) else classes
    joined = joined.lower()
    return any(p in joined for p in rules()["drop_class_patterns"])
