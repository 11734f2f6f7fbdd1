"""The one small interface every translation engine implements, and the optional hook callers use."""

from __future__ import annotations

from typing import Protocol, runtime_checkable


@runtime_checkable
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


@runtime_checkable
class MeasuredEngine(Engine, Protocol):
    """An engine that can say how long a sentence is in its own units (tokens).

    Callers sort by it so each batch holds sentences of like length (less
    padding); engines without it are sorted by characters.
    """

    def length(self, sentence: str) -> int:
        """Tokens the sentence becomes."""
        ...


@runtime_checkable
class BatchingEngine(Engine, Protocol):
    """An engine that decides its own batches: callers send one batch per translate() call.

    Then every call is one unit of the engine's work, and a caller that stores
    and reports per call follows it exactly (no call splits a batch in two).
    """

    def batches(self, sentences: list[str]) -> list[list[int]]:
        """The sentences' indices, cut into the batches translate() would make of them."""
        ...
