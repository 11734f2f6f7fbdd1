"""The one small interface every translation engine implements."""

from __future__ import annotations

from typing import Protocol


class Engine(Protocol):
    """Translates a batch of plain-text Chinese sentences into English.

    `name` says which engine it is ("argos"); `identity` names the exact model
    (package name + version + checksum), so the translation memory never serves
    one model's output for another's.
    """

    name: str
    identity: str

    def translate(self, sentences: list[str]) -> list[str]:
        """One English string per input sentence, same order, same count."""
        ...
