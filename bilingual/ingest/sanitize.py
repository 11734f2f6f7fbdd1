"""What never reaches a Document: executable content, unsafe URLs, page chrome.

URLs are checked by bilingual.urls (the one URL policy, which publish applies too),
so a link the model holds is a link the editions keep.

The lists live in bilingual/data/ingest/boilerplate.json (data, not code).
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

__all__ = ["is_boilerplate_class", "rules"]


@cache
def rules() -> dict:
    """The boilerplate rules, loaded once."""
    text = resources.files("bilingual").joinpath("data/ingest/boilerplate.json").read_text(encoding="utf-8")
    return json.loads(text)


def is_boilerplate_class(classes: list[str] | str | None) -> bool:
    """True for share buttons, related-post widgets and similar page chrome."""
    if not classes:
        return False
    joined = " ".join(classes) if isinstance(classes, list) else classes
    joined = joined.lower()
    return any(p in joined for p in rules()["drop_class_patterns"])
