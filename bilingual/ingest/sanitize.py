"""What never reaches a Document: executable content, unsafe URLs, page chrome.

The lists live in bilingual/data/ingest/boilerplate.json (data, not code).
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

_CONTROL = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


@cache
def rules() -> dict:
    """The boilerplate rules, loaded once."""
    text = resources.files("bilingual").joinpath("data/ingest/boilerplate.json").read_text(encoding="utf-8")
    return json.loads(text)


def safe_url(url: str | None, schemes: tuple[str, ...] | list[str] | None = None) -> str:
    """`url` when it is an absolute link with an allowed scheme, else "".

    Browsers ignore control characters and spaces inside a scheme ("java\\tscript:"),
    so they are removed before the scheme is read.
    """
    if not url:
        return ""
    allowed = schemes if schemes is not None else rules()["safe_link_schemes"]
    cleaned = _CONTROL.sub("", url)
    m = _SCHEME.match(cleaned)
    if not m or m.group(1).lower() not in allowed:
        return ""
    return url.strip()


def safe_meta_url(url: str | None) -> str:
    """A URL fit for metadata (http/https only)."""
    return safe_url(url, rules()["safe_meta_url_schemes"])


def is_boilerplate_class(classes: list[str] | str | None) -> bool:
    """True for share buttons, related-post widgets and similar page chrome."""
    if not classes:
        return False
    joined = " ".join(classes) if isinstance(classes, list) else classes
    joined = joined.lower()
    return any(p in joined for p in rules()["drop_class_patterns"])
