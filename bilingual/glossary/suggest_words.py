"""Names made from the tagger's words where it splits or runs on: X·Y foreign names, adjacent entities, runs
ending in an organisation's suffix, a person without the verb or title it took in, a place inside a place;
and the Candidate each name found becomes.

Part of `glossary suggest` (suggest.py): each function reads LAC's words (start, word, label) and gives the
names a curator would see in them. The suffixes, titles and other word lists are data:
bilingual/data/names/suggest.toml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from bilingual import datafiles
from bilingual.glossary import rules as match_rules

if TYPE_CHECKING:
    from bilingual.glossary.termbase import Glossary

# LAC's reading of a text: (start, word, label) in order (glossary/ner.py tag).
Words = list[tuple[int, str, str]]
HAN_WORD = re.compile(r"[\u4e00-\u9fff]{1,8}")
JOINERS = "·•‧・-－"
# A foreign name LAC kept whole up to a dash: 保拉·莫德索恩 of 保拉·莫德索恩-贝克尔 (Paula Modersohn-Becker).
_DOTTED_NAME = re.compile(r"[\u4e00-\u9fff]{1,8}(?:[·•‧・][\u4e00-\u9fff]{1,8})+")
# A Chinese numeral or ordinal that can open an event's name: 二二八事件, 第三次台海危机.
_CN_NUMERAL = re.compile(r"第?[〇零一二三四五六七八九十百千]+[次届]?|第[0-9]+")  # 第19 (修正案): an ordinal in digits


@dataclass
class Candidate:
    """A proper-name candidate the glossary lacks: how often, what it probably is, and where."""

    text: str
    count: int
    kind: str
    score: float = 0.0
    context: str = ""
    evidence: list[str] = field(default_factory=list)


def person(word: str) -> str:
    """A person's name without a verb of speech or the word for a case LAC took into it (涂谨申说 -> 涂谨申,
    陈同佳案 -> 陈同佳): a Chinese name of four characters ending in one is a name of three and the word;
    without a title of two characters or more after a name of two or more (帕罗琳枢机 -> 帕罗琳)."""
    if len(word) == 4 and HAN_WORD.fullmatch(word) and word[-1] in data()["speech_verbs"] + data()["case_words"]:
        return word[:-1]
    title = next((t for t in data()["person_titles"] if len(t) >= 2 and word.endswith(t)), "")
    if title and len(word) - len(title) >= 2 and HAN_WORD.fullmatch(word):
        return word[:-len(title)]  # 帕罗琳枢机 -> 帕罗琳: the title the tagger took into the name
    return word


def place_head(word: str, places: set[str]) -> int:
    """Length of a place the article names on its own heading a place LAC tagged as one word, when
    LAC reads the rest alone as a name too (云南 of 云南西双版纳, 台湾 of 台湾屏东县): a place in a
    place. The rest of 台湾海峡 or 香港特区 alone is a common noun: one name."""
    from bilingual.glossary.ner import tag

    head = max((p for p in places if len(p) >= 2 and word.startswith(p) and len(word) - len(p) >= 2),
               key=len, default="")
    if not head:
        return 0
    rest = tag(word[len(head):])
    return len(head) if len(rest) == 1 and rest[0][2] in ("LOC", "ORG") else 0


def place_of_description(word: str) -> str:
    """The place before a generic head the tagger took with it into one organisation (罗湖区 of 罗湖区政府,
    the Luohu district government), when the tagger reads it alone as one place and it opens with a word of
    two characters or more (not 指|特区 of 指特区政府, "refers to the SAR government"); else ""."""
    from bilingual.glossary.ner import tag
    from bilingual.glossary.wordcut import shared

    head = next((h for h in data()["generic_heads"] if word.endswith(h)), "")
    rest = word[:-len(head)] if head else ""
    if len(rest) < 2 or not HAN_WORD.fullmatch(rest) or shared().tokenize(rest)[0][1] < 2:
        return ""
    words = tag(rest)
    return rest if len(words) == 1 and words[0][2] == "LOC" else ""


def known_place_head(word: str, glossary: Glossary) -> int:
    """Length of a known place name heading a place LAC tagged as one word, with a name of two or more
    characters after it (香港 of 香港新界, 北京 of 北京人民大会堂): a place in a place, not one name."""
    found = glossary.find(word)
    head = found[0] if found else None
    if head is None or head.start != 0 or len(word) - head.end < 2 or head.term.kind != "place":
        return 0
    return head.end


def joined_names(words: Words) -> Words:
    """X·Y and X-Y foreign names as written (恩戈齐·奥孔约-伊维拉, 安德鲁•沃克): LAC cuts them at the
    joiner, often keeping the joiner with the next part ('·奥孔约'), or keeps X·Y and cuts at the dash
    (保拉·莫德索恩 | - | 贝克尔)."""
    out = []
    i = 0
    while i < len(words):
        start, word, label = words[i]
        name, j = word, i + 1
        if (HAN_WORD.fullmatch(word) or _DOTTED_NAME.fullmatch(word)) and label in ("PER", "nz", "LOC", "ORG", "n"):
            while j < len(words):
                nxt = words[j][1]
                if nxt[:1] in JOINERS and HAN_WORD.fullmatch(nxt[1:]) and (
                        nxt[0] not in "-－" or min(len(_last_part(name)), len(nxt) - 1) >= 2):
                    name, j = name + nxt, j + 1
                elif (nxt in JOINERS and j + 1 < len(words) and HAN_WORD.fullmatch(words[j + 1][1])
                      and (nxt not in "-－"  # 熊-吾臻 is a dash
                           or min(len(_last_part(name)), len(words[j + 1][1])) >= 2)):
                    name, j = name + nxt + words[j + 1][1], j + 2
                else:
                    break
        if j > i + 1:
            out.append((start, name, "joined"))
        i = j
    return out


def _last_part(name: str) -> str:
    """The part of a joined name after its last joiner (莫德索恩 of 保拉·莫德索恩)."""
    return re.split(f"[{re.escape(JOINERS)}]", name)[-1]


def merged_names(words: Words) -> Words:
    """Entities LAC split: adjacent entity words (香港 + 记者协会, 广州 + 白云机场, 林 + 郑月娥)."""
    out = []
    i = 0
    while i < len(words):
        start, word, label = words[i]
        if label not in ("PER", "LOC", "ORG", "nz"):
            i += 1
            continue
        j, name = i + 1, word
        while j < len(words):
            _s, w, lab = words[j]
            if lab == "PER" and label == "PER" and len(name) == 1 and len(w) >= 2 and name in _hant_surnames():
                name += w  # 林 + 郑月娥: a married woman's two surnames, cut apart by LAC (not 因 + 池慎刚)
                j += 1
            elif lab == "ORG" and label in ("LOC", "ORG", "nz") or (
                    lab == "LOC" and label == "LOC" and (w.endswith(data()["suffixes"]["place"])
                                                         or _one_word(name + w))):  # 美利坚 + 合众国
                name += w
                j += 1
            else:
                break
        if j > i + 1:
            out.append((start, name, "joined" if label == "PER" else "merged"))  # 林郑月娥 is one person
        i = j
    return out


def _one_word(text: str) -> bool:
    """`text` is one word of jieba's dictionary (美利坚合众国): entities LAC cut apart inside it are one name."""
    from bilingual.glossary.wordcut import shared

    return len(text) >= 4 and shared().freq(text) > 0


def suffixed_names(words: Words, suffixes: dict[str, tuple[str, ...]]) -> Words:
    """Runs of up to four nouns and names ending in a kind's suffix (香港 摄影 记者 协会, 二二八 事件),
    with at least one word LAC tags as a name, or a numeral among them (二二八事件, 第三委员会).
    A suffix may span the last two words as LAC cuts them (德国 之 声, 纽约时报 中文 网)."""
    nounish = {"n", "nz", "LOC", "ORG", "PER", "f", "s", "nw", "vn", "an", "j", "m"}
    names = {"nz", "LOC", "ORG", "PER", "nw"}
    r = match_rules.rules()
    out = []
    for k, (_start, word, label) in enumerate(words):
        if label not in nounish:
            continue
        kind, i = _suffix_kind(words, k, suffixes)
        if not kind:
            continue
        while i > 0 and k - i < 4 and (words[i - 1][2] in nounish and (
                words[i - 1][2] != "m" or _CN_NUMERAL.fullmatch(words[i - 1][1])) or _linking(words, i - 1)
                or _stationed(words, i - 1, r)):
            i -= 1
        if k - i == 1 and words[i][2] == "LOC" and words[k][1] in r.common_heads:
            continue  # a place and one common noun describe (中国使馆, 印尼海军), as the matcher reads them
        # A date names an event (二二八事件), an ordinal a body (第三委员会) or an amendment (第19修正案): numerals
        # count as evidence; so does an ordinal the tagger took whole with the suffix (第五大道, Fifth Avenue).
        evidence = names | ({"m"} if kind in ("other", "org", "work") else set())
        if (i < k and any(lab in evidence for _s, _w, lab in words[i:k])
                or i == k and label == "m" and word.startswith("第")):
            name = "".join(w for _s, w, _l in words[i:k + 1])
            out.append((words[i][0], name, kind))
    return out


def _linking(words: Words, k: int) -> bool:
    """words[k] is the 之 of an X之Y name between two nouns or names (德国 之 声 of 德国之声中文网, 美国之音)."""
    return (words[k][1] == "之" and 0 < k < len(words) - 1
            and words[k - 1][2] in {"n", "nz", "LOC", "ORG", "PER"} and words[k + 1][2] in {"n", "nz"})


def _stationed(words: Words, k: int, r: match_rules.Rules) -> bool:
    """words[k] is the 驻 of a mission's name between a place or a body and a place (美国 驻 秘鲁 使馆,
    the US Embassy in Peru), as the matcher reads it (matching.toml stationed)."""
    return (words[k][1] in r.stationed and 0 < k < len(words) - 1
            and words[k - 1][2] in {"LOC", "ORG"} and words[k + 1][2] == "LOC")


def _suffix_kind(words: Words, k: int, suffixes: dict[str, tuple[str, ...]]) -> tuple[str, int]:
    """(kind, first word of the suffix) when words[k] ends a kind's suffix, on its own or with the word
    before it (之 声, 中文 网), else ("", k)."""
    word = words[k][1]
    for kind, ends in suffixes.items():
        if word.endswith(ends):
            return kind, k
    if k > 0:
        pair = words[k - 1][1] + word
        for kind, ends in suffixes.items():
            if any(pair.endswith(e) and len(e) > len(word) for e in ends):
                return kind, k - 1
    return "", k


@lru_cache(maxsize=1)
def _hant_surnames() -> frozenset[str]:
    """Chinese surnames (data/hant/surnames.txt)."""
    return frozenset(line.split("\t")[0] for line in datafiles.lines("hant/surnames.txt"))


@lru_cache(maxsize=1)
def data() -> dict:
    data = dict(datafiles.toml("names/suggest.toml"))
    data["suffixes"] = {kind: tuple(ends) for kind, ends in data["suffixes"].items()}
    return data
