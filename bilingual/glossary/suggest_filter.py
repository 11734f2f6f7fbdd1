"""Why a candidate `glossary suggest` found is not offered, or offered last: a piece of a longer name, a
description (中国制药公司), a surname with a title (曹先生), a case named after a person (池慎刚案), a known name
with a word the tagger took in (中国会), a cut across jieba's words (香港特|首).

Each function judges one candidate against the article and the other candidates (suggest.py decides what to do).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bilingual.glossary import rules as match_rules
from bilingual.glossary.suggest_words import HAN_WORD, Candidate, data

if TYPE_CHECKING:
    from bilingual.glossary.termbase import Glossary

# jieba's dictionary tags of words that make a name (person, place, other proper noun, abbreviation).
_NAME_TAGS = {"nr", "nrt", "nrfg", "ns", "nz", "j", "l"}  # l: a fixed term, 高等法院 of 香港高等法院


def described(name: str, glossary: Glossary) -> bool:
    """A place followed only by common words and a descriptor head (suggest.toml described_heads): 中国制药公司,
    美国实验室, 中国一家法院 describe ("a Chinese drug maker"), they are no name of their own; 中国海航集团 holds
    the name 海航, 上海第一中级法院 the ordinal of a court's name."""
    from bilingual.glossary.wordcut import dictionary_tag, shared

    if not name.endswith(tuple(data()["described_heads"])):
        return False
    found = glossary.find(name)
    if found and found[0].start == 0 and found[0].term.kind == "place":
        head = found[0].end
    else:
        spans = shared().tokenize(name)
        head = spans[0][1] if spans and dictionary_tag(name[:spans[0][1]]) == "ns" else 0
    rest = name[head:]
    if not head or not rest or not HAN_WORD.fullmatch(rest) or "第" in rest:
        return False
    words = [rest[a:b] for a, b in shared().tokenize(rest)]
    return all(dictionary_tag(w) and dictionary_tag(w) not in _NAME_TAGS for w in words)


def covered_by_known(text: str, glossary: Glossary) -> bytearray:
    """1 at every position of `text` inside a known name (matched line by line, as a build would)."""
    covered = bytearray(len(text))
    at = 0
    for line in text.split("\n"):
        for m in glossary.find(line):
            covered[at + m.start:at + m.end] = b"\x01" * (m.end - m.start)
        at += len(line) + 1
    return covered


def only_inside(name: str, text: str, covered: bytearray) -> bool:
    """Every occurrence of `name` lies inside a known name: a piece of it (严搏 of 严搏非), not news."""
    spans = [(m.start(), m.start() + len(name)) for m in re.finditer(re.escape(name), text)]
    return bool(spans) and all(all(covered[a:b]) for a, b in spans)


def piece_of_another(c: Candidate, found: dict[str, Candidate], text: str) -> bool:
    """A candidate written only inside one longer candidate, never more often alone (严搏 of 严搏非).
    Written on its own even once, it is a name of its own (纽约市 beside 纽约市警察局)."""
    return any(c.text != o.text and c.text in o.text
               and (o.count >= c.count and o.score >= c.score or _person_piece(c, o))
               and not _written_alone(c.text, o.text, text) for o in found.values())


def _person_piece(c: Candidate, o: Candidate) -> bool:
    """A person the tagger cut short, more often than it found the whole (杨恒 of 杨恒均, whose 均 is also
    "all"; 郑月娥 of 林郑月娥): the whole is a Chinese name of three or four characters and the piece its start
    or its end. Written only inside it, the piece is no name of its own, however often it was tagged."""
    return (c.kind == "person" and o.kind == "person" and 3 <= len(o.text) <= 4
            and bool(HAN_WORD.fullmatch(o.text)) and (o.text.startswith(c.text) or o.text.endswith(c.text)))


def cut_across(c: Candidate, text: str) -> bool:
    """A place, organisation or other name whose every occurrence shares a word of jieba's dictionary cut
    with the text beside it (香港特 of 香港|特首, 从一 of 从|一个): the tagger cut it at the wrong place.
    A word that holds the whole name (民主党人, 美利坚合众国) is no such sign. Not for persons: jieba reads a
    name's last character with the next one as often (李强调)."""
    from bilingual.glossary.wordcut import shared

    if c.kind == "person" or not HAN_WORD.fullmatch(c.text) or c.text.endswith(match_rules.rules().org_suffixes):
        return False  # 印第安纳大学|教授: jieba's 大学教授 is the institution's own last word and the next
    seen = False
    for m in re.finditer(re.escape(c.text), text):
        at = max(0, m.start() - 8)
        words = [(at + x, at + y) for x, y in shared().tokenize(text[at:m.end() + 8])]
        if not any(m.start() < x < m.end() < y or x < m.start() < y < m.end() for x, y in words):
            return False
        seen = True
    return seen


def titled_surname(name: str, r: match_rules.Rules) -> bool:
    """A surname of one character with a title, a form of address or a kin word (梁教授, 曹先生, 潘母, 特首林):
    someone referred to, not a name (suggest.toml person_titles)."""
    titles = tuple(data()["person_titles"])
    return ((name[:1] in r.surnames and name[1:] in titles) or (name[-1:] in r.surnames and name[:-1] in titles))


def person_and_word(c: Candidate, offered: dict[str, Candidate], r: match_rules.Rules, text: str) -> bool:
    """A person of three characters tagged once, that is a person of two the article names more often and
    a function word the tagger took into the name (陈峰因公司欠款…: Chen Feng, because; the matcher's
    name_followers); or a person of four tagged once, a person of three named more often and the character
    before it (顾池慎刚 of 不顾池慎刚). A real name recurs: 杨恒均, six times, stays beside the tagger's slip 杨恒."""
    from bilingual.glossary.wordcut import shared

    head = offered.get(c.text[:2])
    if (c.kind == "person" and len(c.text) == 3 and c.text[2] in r.name_followers and c.count == 1
            and head is not None and head.kind == "person" and head.count > 1):
        return True
    # The character before a name of three taken into it, which makes a word with the text before it
    # (审判长不顾|池慎刚, 不顾 "regardless of"): found once, the name of three more often. A married
    # woman's name (林郑月娥) opens a phrase of its own.
    tail = offered.get(c.text[1:])
    return (c.kind == "person" and len(c.text) == 4 and c.count == 1
            and tail is not None and tail.kind == "person" and tail.count > 1
            and all(at > 0 and shared().freq(text[at - 1:at + 1]) > 0
                    for at in (m.start() for m in re.finditer(re.escape(c.text), text))))


def case_of(c: Candidate, offered: dict[str, Candidate]) -> bool:
    """A case named after a person the article names (池慎刚案, 湖州池慎刚案: the Chi Shengang case): no name
    of its own (tests/fixtures/names/README.md, 杨恒均案), whatever the tagger made of it."""
    if "title" in c.evidence or not c.text.endswith(tuple(data()["case_words"])):
        return False
    head = c.text[:-1]
    return any(o.kind == "person" and len(o.text) >= 2 and head.endswith(o.text) for o in offered.values())


def known_and_word(c: Candidate, known: set[str], r: match_rules.Rules) -> bool:
    """A known name and a function word after it that the tagger took in (中国会 of 相信中国会延长, China
    will): the matcher's name_followers. Titles are read as written."""
    return ("title" not in c.evidence and len(c.text) >= 3 and c.text[:-1] in known
            and c.text[-1] in r.name_followers)


def _written_alone(piece: str, whole: str, text: str) -> bool:
    """`piece` occurs somewhere in `text` outside every occurrence of `whole`."""
    inside = bytearray(len(text))
    for m in re.finditer(re.escape(whole), text):
        inside[m.start():m.end()] = b"\x01" * len(whole)
    return any(not all(inside[m.start():m.end()]) for m in re.finditer(re.escape(piece), text))
