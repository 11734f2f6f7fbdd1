"""What never reaches a Document: executable content, unsafe URLs, page chrome.

URLs are checked by bilingual.urls (the one URL policy, which publish applies too),
so a link the model holds is a link the editions keep.

The lists live in bilingual/data/ingest/boilerplate.json (data, not code).
"""

from __future__ import annotations

from functools import cache

from bilingual import datafiles

__all__ = ["is_boilerplate_class", "rules"]


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
