"""When a glossary name found in text counts as the name: the rules of bilingual/data/names/matching.toml.

The matcher (match.py) finds every surface with one automaton; each candidate
span is then judged here against the word cut of the text around it. A name
counts only where it stands as a word or a whole compound of words: 英国 is not
found in 朱英国 (a person), 马克思 not in 马克思主义, 中共 not in 生涯中共取得.
Every verdict carries its reason, which `bilingual glossary explain` prints.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache

from bilingual import datafiles
from bilingual.glossary.wordcut import dictionary_tag

TITLE_REACH = 60  # characters searched either side of a name for the brackets of a title holding it


@dataclass(frozen=True)
class Veto:
    """A context in which a surface is not the name (matching.toml [[veto]])."""

    surface: str
    before: re.Pattern | None
    after: re.Pattern | None
    why: str

    def applies(self, text: str, start: int, end: int) -> bool:
        if self.before is not None and not self.before.search(text[max(0, start - 8):start]):
            return False
        return self.after is None or bool(self.after.search(text[end:end + 8]))


@dataclass(frozen=True)
class Rules:
    """The word lists and vetoes of matching.toml."""

    suffixes: tuple[str, ...]
    prefixes: frozenset[str]
    modifiers: frozenset[str]
    surnames: frozenset[str]
    name_followers: frozenset[str]
    keeps_name: frozenset[str]
    member_endings: frozenset[str]
    org_suffixes: tuple[str, ...]
    name_breakers: frozenset[str]
    vetoes: dict[str, tuple[Veto, ...]]
    # The brackets of a title: openers and closers in matching order (parse() says which by default).
    title_open: str
    title_close: str
    suffix_verbs: frozenset[str] = frozenset()
    edition_prefixes: frozenset[str] = frozenset()
    # Words that, right after a name, end a longer name with it (朝鲜战争, 中国内地).
    name_suffixes: frozenset[str] = frozenset()
    common_heads: frozenset[str] = frozenset()
    stationed: frozenset[str] = frozenset()
    postpositions: frozenset[str] = frozenset()
    # Last characters that make a two-character word a verb of motion (押往, 来到): a breaker.
    breaker_endings: tuple[str, ...] = ()
    # Last characters that make a word of three characters or more an adjective of kind (区域性): a breaker.
    adjective_endings: tuple[str, ...] = ()
    # Brackets a name may fill as a label (【香港】) but whose longer content is a heading or a
    # lead-in, not a title (【失踪七个月 徐晓冬透露陈秋实最新情况】): names inside it are mentions.
    label_open: str = ""
    label_close: str = ""
    # Prepositions and conjunctions jieba joins to a name's first character (对华|为): the name stands.
    prepositions: frozenset[str] = frozenset()
    # Endings of a doctrine's word (主义): a person's name beginning a doctrine named after people is no mention.
    doctrine_endings: tuple[str, ...] = ()
    # Company suffixes that end a description when the company's own name follows (中国制药公司|康希诺).
    described_by_name: tuple[str, ...] = ()
    # jieba's prepositions, adverbs, conjunctions, pronouns and particles (names/function_words.txt): breakers.
    function_words: frozenset[str] = frozenset()
    # Counts of things (很多, 多家): before a place and an institution's word, the phrase describes many.
    counts: frozenset[str] = frozenset()
    # The words a count makes a kind of institution after a place (学校, 公司); 很多北京大学学生 keeps its university.
    institution_words: frozenset[str] = frozenset()
    # Nouns that end a run a longer name could be made of (中共|媒体|环球时报) unless a suffix follows (媒体协会).
    describing_nouns: frozenset[str] = frozenset()

    def suffix_at(self, text: str) -> str:
        """The longest listed suffix `text` starts with ("" if none)."""
        return next((s for s in self.suffixes if text.startswith(s)), "")


@lru_cache(maxsize=1)
def rules() -> Rules:
    """The shipped rules, read once."""
    data = {**datafiles.toml("names/matching.toml"), "function_words": datafiles.lines("names/function_words.txt")}
    return parse(data)


def parse(data: dict) -> Rules:
    """Rules from matching.toml's structure (tests give their own)."""
    vetoes: dict[str, list[Veto]] = {}
    for v in data.get("veto", []):
        veto = Veto(v["surface"], re.compile(v["before"]) if v.get("before") else None,
                    re.compile(v["after"]) if v.get("after") else None, v.get("why", ""))
        vetoes.setdefault(veto.surface, []).append(veto)
    brackets = data.get("title_brackets", ["《》", "〈〉"])
    labels = data.get("label_brackets", [])
    return Rules(
        suffixes=tuple(sorted(data.get("suffixes", []), key=len, reverse=True)),
        prefixes=frozenset(data.get("prefixes", [])),
        modifiers=frozenset(data.get("modifiers", [])),
        surnames=frozenset(data.get("surnames", [])),
        name_followers=frozenset(data.get("name_followers", [])),
        keeps_name=frozenset(data.get("keeps_name", [])),
        member_endings=frozenset(data.get("member_endings", [])),
        org_suffixes=tuple(sorted(data.get("org_suffixes", []), key=len, reverse=True)),
        name_breakers=frozenset(data.get("name_breakers", [])),
        vetoes={k: tuple(v) for k, v in vetoes.items()},
        suffix_verbs=frozenset(data.get("suffix_verbs", [])),
        edition_prefixes=frozenset(data.get("edition_prefixes", [])),
        name_suffixes=frozenset(data.get("name_suffixes", [])),
        common_heads=frozenset(data.get("common_heads", [])),
        stationed=frozenset(data.get("stationed", [])),
        postpositions=frozenset(data.get("postpositions", [])),
        title_open="".join(b[0] for b in brackets),
        title_close="".join(b[1] for b in brackets),
        breaker_endings=tuple(data.get("breaker_endings", [])),
        adjective_endings=tuple(data.get("adjective_endings", [])),
        label_open="".join(b[0] for b in labels),
        label_close="".join(b[1] for b in labels),
        prepositions=frozenset(data.get("prepositions", [])),
        doctrine_endings=tuple(data.get("doctrine_endings", [])),
        described_by_name=tuple(data.get("described_by_name", [])),
        function_words=frozenset(data.get("function_words", [])),
        counts=frozenset(data.get("counts", [])),
        institution_words=frozenset(data.get("institution_words", [])),
        describing_nouns=frozenset(data.get("describing_nouns", [])),
    )


def in_title(text: str, start: int, end: int, r: Rules) -> bool:
    """The span fills a title's or a label's brackets (《…》, 〈…〉, 【…】) exactly."""
    if start <= 0 or end >= len(text):
        return False
    opening, closing = r.title_open + r.label_open, r.title_close + r.label_close
    return text[start - 1] in opening and opening.index(text[start - 1]) == closing.find(text[end])


def enclosing_title(text: str, start: int, end: int, r: Rules) -> str:
    """The bracketed title holding text[start:end] with more beside it (《谁来养活中国》), or ""."""
    low = max(0, start - TITLE_REACH)
    if not any(text.find(o, low, start) >= 0 for o in r.title_open):
        return ""  # most text: no bracket opens before the name
    a = start - 1
    while a >= low and text[a] not in r.title_open:
        if text[a] in r.title_close or text[a] == "\n":
            return ""
        a -= 1
    if a < low:
        return ""
    close = r.title_close[r.title_open.index(text[a])]
    b = end
    while b < min(len(text), end + TITLE_REACH) and text[b] != close:
        if text[b] in r.title_open or text[b] == "\n":
            return ""
        b += 1
    return text[a:b + 1] if b < len(text) and text[b] == close else ""


class Cut:
    """The word cut of one text, made run by run on demand: word starts and ends, and word lookups.

    `tokenize(run)` gives (start, end) of each word of a run of Han/Latin
    characters; `freq(word)` is the dictionary count (0: not a word).
    """

    def __init__(self, text: str, tokenize, freq, run_char: re.Pattern):
        self.text = text
        self._tokenize, self.freq, self._run = tokenize, freq, run_char
        # Per position: its word once its run is cut (None outside any run), _UNCUT before. A list, not a
        # dict: the rules ask about the same few positions again and again, and a cut run fills by slices.
        self._token_at: list = [_UNCUT] * len(text)

    def first_word(self, text: str) -> str:
        """The first word of `text` cut on its own (the rest of a compound after a name)."""
        spans = self._tokenize(text)
        return text[:spans[0][1]] if spans else ""

    def token(self, i: int) -> tuple[int, int] | None:
        """The word holding position i, or None for a character outside any run (punctuation, space)."""
        if i < 0 or i >= len(self.text):
            return None
        tok = self._token_at[i]
        if tok is not _UNCUT:
            return tok
        if not self._run.match(self.text[i]):
            self._token_at[i] = None
            return None
        a = b = i
        while a > 0 and self._run.match(self.text[a - 1]):
            a -= 1
        while b < len(self.text) and self._run.match(self.text[b]):
            b += 1
        for s, e in self._tokenize(self.text[a:b]):
            self._token_at[a + s:a + e] = [(a + s, a + e)] * (e - s)
        tok = self._token_at[i]
        return None if tok is _UNCUT else tok


_UNCUT = object()  # Cut._token_at: a position whose run is not cut yet


def judge(cut: Cut, start: int, end: int, kind: str, bare: bool, hans: str, r: Rules,
          name_starts: Collection[int] = frozenset()) -> tuple[bool, str]:
    """(accepted, why) for the candidate text[start:end] of a term of `kind` written `hans` in Simplified.

    `name_starts`: where other glossary names start (a name right after this one is not
    part of it: 美国 in 美国康乃尔大学 when 康乃尔大学 is a glossary name)."""
    text = cut.text
    if in_title(text, start, end, r):
        return True, "fills a 《》 title"
    if not bare:
        return False, "a title of a work outside 《》 (the row's match column lacks 'bare')"
    title = enclosing_title(text, start, end, r)
    if title:
        return False, f"part of the title '{title}'"
    registered = _registered_place(text, start, end, r)
    if registered:
        return False, f"the place in a company's registered name '{registered}'"
    for veto in r.vetoes.get(hans, ()):
        if veto.applies(text, start, end):
            return False, f"context rule: {veto.why}"
    doctrine = _doctrine(cut, start, end, r) if kind == "person" else ""
    if doctrine:
        return False, f"names the doctrine '{doctrine}'"
    ok, why = _start(cut, start, end, kind, r)
    if not ok:
        return ok, why
    ok2, why2 = _end(cut, start, end, kind, r)
    if not ok2:
        return ok2, why2
    # An institution named after a person puts its suffix right after the name (宋庆龄|基金会,
    # 邵逸夫|医学院); words between a person and a suffix are the rest of a sentence (梁一鸣|押往|机场).
    longer = _longer_name(cut, start, end, r, name_starts, words=1 if kind == "person" else 3)
    if longer and _counted(cut, start, r) and longer[end - start:] in r.institution_words:
        return True, f"'{longer}' after a count of things describes them, names none"
    if longer:
        return False, f"part of the longer name '{longer}' (it ends in a name's last word)"
    return True, "; ".join(w for w in (why, why2) if w) or "stands as a word"


def _counted(cut: Cut, start: int, r: Rules) -> bool:
    """A count of things stands right before the name (很多|美国学校, 多家|中国公司): what follows is a kind of
    institution, many of them, not one institution's name."""
    tok = cut.token(start - 1)
    return tok is not None and tok[1] == start and cut.text[tok[0]:start] in r.counts


def _doctrine(cut: Cut, start: int, end: int, r: Rules) -> str:
    """The doctrine a person's name begins, when the rest of its word or the next word ends like one and is
    named after a person too (马克思|列宁主义, Marxism-Leninism; 马克思主义 is one word of jieba's), or "".
    A doctrine of another kind after the name is the person's (特朗普|保护主义, Trump's protectionism)."""
    tok = cut.token(end - 1)
    if tok is None or tok[1] == end:
        tok = cut.token(end)
        if tok is None or tok[0] != end:
            return ""
    rest = cut.text[end:tok[1]]
    ending = next((e for e in r.doctrine_endings if rest.endswith(e)), "")
    if not ending:
        return ""
    named_after = rest[:-len(ending)]  # 列宁 in 列宁主义; "" when the ending follows the name at once
    if named_after and not dictionary_tag(named_after).startswith("nr"):  # jieba's tags for people's names
        return ""
    return cut.text[start:tok[1]]


def _registered_place(text: str, start: int, end: int, r: Rules) -> str:
    """The parentheses the name fills and the organisation's suffix after them ('（香港）有限公司'), or "": a
    company's registered name holds its place so (金域检验（香港）有限公司, KingMed Diagnostics (Hong Kong) Limited)."""
    if not (0 < start and end < len(text) and text[start - 1] in "（(" and text[end] in "）)"):
        return ""
    suffix = next((s for s in r.org_suffixes if text.startswith(s, end + 1)), "")  # the longest: they are sorted so
    return text[start - 1:end + 1 + len(suffix)] if suffix else ""


def _start(cut: Cut, start: int, end: int, kind: str, r: Rules) -> tuple[bool, str]:
    text = cut.text
    tok = cut.token(start)
    if tok is None or tok[0] == start:
        before = cut.token(start - 1)
        if before is None or before[1] != start:
            return True, ""
        prev = text[before[0]:before[1]]
        if prev in r.edition_prefixes:
            return False, f"'{prev}{text[start:end]}' is one longer name ({prev} before the name)"
        if prev in r.prefixes:  # 反中共 (anti-CCP), 亲普京 (pro-Putin: 親普丁 in Taiwan)
            return True, f"after the prefix '{prev}' ('{prev}{text[start:end]}': the name stands)"
        if prev in r.surnames and kind != "person" and end - start <= 2:
            return False, f"'{prev}{text[start:end]}' reads as a person's name (surname {prev} + given name)"
        return True, ""
    a, b = tok
    head = text[a:start]
    if b < end and (head in r.prepositions or head in r.modifiers):  # 对华|为: the word took the name's first character
        return True, f"'{text[a:b]}' takes the name's start after '{head}'"
    if b == end:  # the name ends the word: 原苏联 = 原 + 苏联, 上海复旦大学 = 上海 + 复旦大学
        if head in r.modifiers:
            return True, f"after the modifier '{head}' in '{text[a:b]}'"
        if head in r.prefixes:
            return True, f"after the prefix '{head}' in '{text[a:b]}' (the name stands)"
        if len(head) >= 2 and cut.freq(head) > 0:
            return True, f"ends the compound '{text[a:b]}' ({head} + {text[start:end]})"
    return False, f"starts inside the word '{text[a:b]}'"


def _end(cut: Cut, start: int, end: int, kind: str, r: Rules) -> tuple[bool, str]:
    text = cut.text
    tok = cut.token(end - 1)
    if tok is None or tok[1] == end:
        after = cut.token(end)
        if after is None or after[0] != end:
            return True, ""
        nxt = text[after[0]:after[1]]
        if nxt in r.suffix_verbs and _word_follows(cut, after[1]):
            return True, f"'{nxt}' is a verb here (a word follows it)"
        if nxt in r.suffixes:
            return False, f"'{text[start:end]}{nxt}' is a longer word (suffix {nxt})"
        if (kind == "person" and end - start == 2 and text[start] in r.surnames and len(nxt) == 1
                and nxt not in r.name_followers):
            return False, f"'{text[start:end]}{nxt}' reads as a longer person's name"
        return True, ""
    a, b = tok
    rest = text[end:b]
    if a != start:
        if a > start and _two_words(cut, text[a:end], rest):
            return True, f"ends at a joint of the compound '{text[a:b]}' ({text[a:end]} + {rest})"
        if kind in ("place", "org") and a == end - 1 and rest in r.keeps_name:  # 民主党|籍: jieba's 党籍 takes 党
            return True, f"'{rest}' after the name keeps it ('{text[a:b]}' takes its last character)"
        if kind not in ("person", "work") and a == end - 1 and rest in r.postpositions:  # 一战|后, 人民网|上
            return True, f"a postposition after the name: '{text[a:b]}' takes its last character"
        return False, f"ends inside the word '{text[a:b]}'"
    suffix = r.suffix_at(rest)
    if suffix and suffix != rest and cut.first_word(rest) != suffix:
        suffix = ""  # 北京人民大会堂: the rest is 人民…, not the suffix 人
    if suffix:
        return False, f"'{text[a:b]}' is a longer word (suffix {suffix})"
    if kind == "place" and rest[0] in r.keeps_name:
        return True, f"a place with '{rest[0]}' after it in '{text[a:b]}'"
    if kind == "org" and rest in r.member_endings:
        return True, f"a member of the organisation: '{text[a:b]}'"
    if len(rest) >= 2 and (cut.freq(rest) > 0 or len(cut.first_word(rest)) >= 2):
        return True, f"heads the compound '{text[a:b]}' ({text[start:end]} + {rest})"
    return False, f"ends inside the word '{text[a:b]}'"


def _two_words(cut: Cut, head: str, rest: str) -> bool:
    """A dictionary compound crossing a name's end is two words of its own, split at the name's end:
    中共中央政治局|常委 in 中共|中央政治局常委 (the name ends with 中央政治局, 常委 is a member). Both
    halves have two characters or more: 台北市长 is 台北|市长 (the mayor), not 台北市|长."""
    return len(head) >= 2 and len(rest) >= 2 and cut.freq(head) > 0 and cut.freq(rest) > 0


def _word_follows(cut: Cut, at: int) -> bool:
    """A word of the same run starts at `at`, other than the particles that close a phrase (的, 之)."""
    tok = cut.token(at)
    return tok is not None and tok[0] == at and cut.text[tok[0]:tok[1]] not in ("的", "之")


def _longer_name(cut: Cut, start: int, end: int, r: Rules, name_starts: Collection[int] = frozenset(),
                 words: int = 3) -> str:
    """The longer name text[start:x] when the words right after the name (at most `words`, none a
    breaker or a numeral) end in an organisation suffix: 香港记者协会, 德国之声, 北京市第二中级人民法院,
    美国联邦航空局, and wars and events named after a place (朝鲜战争). When the glossary names the
    institution (康乃尔大学), the place before it is a name of its own (`name_starts`), unless 驻
    joins them (北京驻香港联络办公室, Beijing's office stationed in Hong Kong) and the name after 驻 is
    not itself the institution (梵蒂冈驻欧洲委员会观察员: the Vatican's observer at the Council of Europe). One common
    noun alone after the name describes the place's institution (日本传媒, 加拿大法庭): it needs
    further words to end a longer name (中国传媒大学). Words after the name that end in the name's own
    suffix name its own act or part (民主党|创党主席, the party's founding chairman): no longer name.
    """
    if end in name_starts:
        return ""
    text = cut.text
    tok = cut.token(end - 1)
    at = tok[1] if tok is not None and tok[1] > end else end  # the rest of a compound the name heads
    if at > end and text[end:at] in r.name_breakers:
        return ""  # 美国的: the rest of the compound is a particle or a verb
    if at > end and _ends_name(text[end:at], r):
        return text[start:at]
    stationed = False
    while words > 0:
        tok = cut.token(at)
        if tok is None or tok[0] != at or (at > end and at in name_starts and not stationed):
            return ""  # punctuation, or another name begins a phrase of its own
        word = text[tok[0]:tok[1]]
        if _latin_at(text, tok[0]):
            return ""  # a Latin name after the place is a name of its own: 比利时|Proximus|电信公司
        if (word in r.name_breakers or word in r.function_words or _NUMERAL.fullmatch(word)
                or (len(word) == 2 and word.endswith(r.breaker_endings))
                or (len(word) >= 3 and word.endswith(r.adjective_endings))
                or (len(word) == 3 and word[0] in r.name_breakers and cut.freq(word[1:]) > 0)
                or (word in r.describing_nouns and not _suffix_word_at(cut, tok[1], r))):
            # 北京|和世卫|组织: jieba's dictionary holds a few conjunction + word entries (和世卫, "and the WHO")
            return ""
        if stationed and at in name_starts and word.endswith(r.org_suffixes):
            return ""  # 梵蒂冈|驻|欧洲委员会: a body with a name of its own after 驻 (the Vatican's observer at it)
        at = tok[1]
        stationed = word in r.stationed
        if not stationed:  # 驻 joins the place after it: 北京驻香港联络办公室
            words -= 1
        if _ends_name(text[end:at], r):
            suffix = next((x for x in r.org_suffixes if text.endswith(x, end, at)), None)
            own = suffix is not None and text.endswith(suffix, start, end)  # 民主党|创党主席, 民进党|建党
            return "" if own or _named_after(text, end, at, name_starts, r) else text[start:at]
    return ""


def _suffix_word_at(cut: Cut, i: int, r: Rules) -> bool:
    """The word of the cut at i is an organisation suffix by itself (协会 after 媒体)."""
    tok = cut.token(i)
    return tok is not None and tok[0] == i and cut.text[tok[0]:tok[1]] in r.org_suffixes


def _named_after(text: str, end: int, at: int, name_starts: Collection[int], r: Rules) -> bool:
    """The company's own name follows its description at once, as a glossary name or in Latin letters
    (中国制药公司|康希诺, a Chinese drug maker, CanSino; 上海咨询公司Automotive Foresight): the words before
    it describe, and the place in them stands on its own. A party or an agency followed by a name is
    followed by its member's (香港民主党涂谨申): it names itself."""
    if not text[end:at].endswith(r.described_by_name):
        return False
    return at in name_starts or _latin_at(text, at)


def _latin_at(text: str, i: int) -> bool:
    """A Latin letter starts at i: a name written in Latin letters (Proximus, Automotive Foresight)."""
    return i < len(text) and text[i].isascii() and text[i].isalpha()


def _ends_name(rest: str, r: Rules) -> bool:
    """`rest`, the words after a name, makes a longer name with it: it ends in an organisation's suffix
    and is more than one common noun (日本传媒 describes), or it is one of name_suffixes on its own
    (朝鲜战争; in 亚洲重大事件 the event word ends a phrase of its own)."""
    return (rest.endswith(r.org_suffixes) and rest not in r.common_heads) or rest in r.name_suffixes


# A count (三名, 一个, 四大: "the four big"), or an ordinal with a classifier (第一个): it counts things, it is
# no part of a name (中国四大银行, China's four big banks). An ordinal alone (第二) may be: 北京市第二中级人民法院.
_NUMERAL = re.compile(r"[0-9零〇一二两三四五六七八九十百千万亿几多数个间所家名位]+"
                      r"|[一二两三四五六七八九十几]大"
                      r"|第[0-9零〇一二两三四五六七八九十百千万亿几]+[个间所家名位次届]")
