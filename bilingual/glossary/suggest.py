"""Name candidates for a new article: what the glossary lacks, for a curator to add.

Kept apart from matching because it pulls in jieba's POS tagger, which a build does not need.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from bilingual.glossary.termbase import Glossary

# jieba POS tags for proper names: person, place, organisation, other proper noun.
NAME_TAGS = {"nr": "person", "nrfg": "person", "nrt": "person", "ns": "place", "nt": "org", "nz": "other"}

_TITLE = re.compile(r"《([^《》\n]{1,40})》")


@dataclass
class Candidate:
    """A proper-name candidate the glossary lacks: how often, and what it probably is."""

    text: str
    count: int
    kind: str


def suggest(text: str, glossary: Glossary, *, limit: int = 50) -> list[Candidate]:
    """Names in `text` the glossary lacks, most frequent first: jieba nr/ns/nt/nz words and 《…》 titles."""
    import logging

    import jieba
    import jieba.posseg

    from bilingual.variants import converter

    jieba.setLogLevel(logging.WARNING)
    simple = converter("t2s").convert(text)  # jieba's dictionary is Simplified
    # Known names leave the text first, so their pieces (严搏 of 严搏非) are not offered as new.
    for m in reversed(glossary.find(simple)):
        simple = simple[:m.start] + "\n" + simple[m.end:]
    known = {s for t in glossary.terms for s in glossary.surfaces(t)}
    counts: Counter[str] = Counter()
    kinds: dict[str, str] = {}
    for title in _TITLE.findall(simple):
        counts[title] += 1
        kinds.setdefault(title, "work")
    for word, flag in jieba.posseg.cut(simple):
        if flag in NAME_TAGS and len(word) >= 2:
            counts[word] += 1
            kinds.setdefault(word, NAME_TAGS[flag])
    # A candidate the glossary already names (even inside a longer name) is not news.
    fresh = [(w, n) for w, n in counts.items() if w not in known and not glossary.find(w)]
    fresh.sort(key=lambda wn: (-wn[1], wn[0]))
    return [Candidate(w, n, kinds[w]) for w, n in fresh[:limit]]
