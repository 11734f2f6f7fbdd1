"""Negation: a Chinese clause that negates needs a negation in its English, and the reverse.

The Chinese side is read on jieba's word cut with the word lists of
bilingual/data/check/negation.toml: 不仅 (not only), 非常 (very), 无论
(regardless) and the like do not negate; 不满, 非法 may or may not become an
English negation; two strong negators in one clause (不能不, 没有人不知道) may
cancel out; a negative yes-no question (不该…吗) may be rendered either way.
The English side counts not, n't, no, never, none, nobody, nothing, neither,
nor, cannot; without, fail, lack, refuse, unable, "too … to" before a verb
and words with a negative prefix (unconfirmed, non-profit) may stand in for a
missing one, one each per negating clause, unless they render the source's own
content (停止 -> stop, 小女孩 -> little girl) or its lexical negatives (非保密 ->
unclassified); one that says a source negator by itself (无法 -> impossible)
stands in whatever lexical negatives the source has. An
English antonym (不忠 -> infidelity) stands in where a negator stands right before
the word it is the opposite of. Only a
clear polarity difference is reported: a negating source whose English has no
negation word and too few stand-ins (the "not used to" -> "used to" flip), or
a negating English for a source with no negator.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from bilingual import datafiles
from bilingual.check.base import Finding, Unit, excerpt


@dataclass(frozen=True)
class _Lists:
    negators: frozenset[str]
    single: frozenset[str]
    strong: frozenset[str]
    not_negation: frozenset[str]
    weak: frozenset[str]
    rhetorical: tuple[str, ...]
    prefixes: frozenset[str]
    english_strong: re.Pattern
    english_weak: re.Pattern
    english_not_negation: re.Pattern
    english_antonym: re.Pattern
    english_prefixed: re.Pattern
    english_suffixed: re.Pattern
    english_exclusive: re.Pattern
    english_content: dict[str, tuple[str, ...]]
    antonym_roots: dict[str, re.Pattern]
    english_weak_renders: dict[str, tuple[str, ...]] = field(default_factory=dict)
    not_until: tuple[str, ...] = ()
    comparison_standard: re.Pattern | None = None
    not_only: re.Pattern | None = None
    english_not_only: re.Pattern | None = None
    exclusive: frozenset[str] = frozenset()
    exclusive_with: frozenset[str] = frozenset()
    wh_question: re.Pattern | None = None
    english_rhetorical: frozenset[str] = frozenset()
    litotes: dict[str, re.Pattern] = field(default_factory=dict)
    weak_before_number: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def _lists() -> _Lists:
    data = datafiles.toml("check/negation.toml")

    def words_of(phrases: list[str]) -> re.Pattern:
        return re.compile(_phrases(phrases), re.IGNORECASE)

    def words(key: str) -> re.Pattern:
        return words_of(data[key])

    keep = "|".join(re.escape(w) for w in sorted(data["english_prefix_exceptions"], key=len, reverse=True))
    prefixes = "|".join(re.escape(w) for w in data["english_negative_prefixes"])
    prefixed = re.compile(rf"{_START}(?<!-)(?!(?:{keep}))(?:{prefixes})-?[a-z]{{4,}}", re.IGNORECASE)
    suffixes = "|".join(re.escape(w) for w in data["english_negative_suffixes"])
    other = "|".join(re.escape(w) for w in data["english_suffix_exceptions"])
    suffixed = re.compile(rf"{_START}(?<!-)(?!(?:{other}){_END}(?!-))[a-z]{{3,}}(?:{suffixes}){_END}(?!-)",
                          re.IGNORECASE)
    only = "|".join(re.escape(w) for w in data["english_exclusive"])
    exclusive = re.compile(rf"\b(?:nothing|nobody|no one|no-one|none|no)\s+(?:\w+\s+)?else\b(?=[^.!?;]*\b(?:{only})\b)",
                           re.IGNORECASE)
    content = {w.casefold(): tuple(sources) for w, sources in data["english_weak_content"].items()}
    in_context = "".join(f"|{_START}(?:{p}){_END}" for p in data.get("english_weak_patterns", []))
    weak = re.compile(_phrases(data["english_weak"]) + in_context, re.IGNORECASE)
    negator = "[" + "".join(data["prefixes"]) + "]"
    roots = {form: re.compile(negator + "(?:" + "|".join(map(re.escape, r)) + ")")
             for w, r in data["english_antonyms"].items() for form in _plurals(w.casefold())}
    return _Lists(frozenset(data["negators"]), frozenset(data["single"]), frozenset(data["strong"]),
                  frozenset(data["not_negation"]), frozenset(data["weak"]), tuple(data["rhetorical_question"]),
                  frozenset(data["prefixes"]),
                  words("english_strong"), weak, words("english_not_negation"),
                  re.compile(_phrases(roots), re.IGNORECASE), prefixed, suffixed,
                  exclusive, content, roots,
                  {w.casefold(): tuple(n) for w, n in data.get("english_weak_renders", {}).items()},
                  tuple(data.get("not_until", [])),
                  re.compile(data["comparison_standard"]) if data.get("comparison_standard") else None,
                  re.compile("|".join(map(re.escape, data["not_only"]))), words("english_not_only"),
                  frozenset(data.get("exclusive", [])), frozenset(data.get("exclusive_with", [])),
                  re.compile("(" + "|".join(map(re.escape, data["wh_not_question"])) + ")|(?:"
                             + "|".join(map(re.escape, data["wh_question"])) + r")[^，,。；;！!]*?[?？]"),
                  frozenset(data["english_rhetorical"]),
                  {zh: words_of(phrases) for zh, phrases in data["english_litotes"].items()},
                  frozenset(data.get("weak_before_number", [])))


# A count after 不到/不下 (不到5米, 不到一年, 不下100人): digits, or Chinese numerals with a unit of measure or
# time; 不下一滴 (not a drop), 不到一定规模 (not to a certain size) count nothing.
_COUNT = re.compile(r"[0-9０-９]|[一二两三四五六七八九十百千万几半]+(?:[个名人岁年月天周时分秒米里元块亿万成倍%％]"
                    r"|小时|分钟|公里|公斤|美元|英里)")

# A word's edges: an apostrophe joined to a word is part of it (can't, Xi's), one that quotes it is not ('never asked').
_START = r"(?<!\w)(?<!\w')"
_END = r"(?!\w)(?!'\w)"


def _plurals(word: str) -> tuple[str, ...]:
    """A word and its plural or third person (inequality, inequalities; injustice, injustices; disobey,
    disobeys): 不平等问题 -> "the inequalities"."""
    if " " in word:
        return (word,)
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return (word, word[:-1] + "ies")
    return (word, word + ("es" if word.endswith("s") else "s"))


def _phrases(words) -> str:
    """A pattern for any of `words` as whole words, the longest first."""
    alternatives = sorted(words, key=len, reverse=True)
    return _START + "(?:" + "|".join(re.escape(w) for w in alternatives) + ")" + _END


_CLAUSE_END = r"[，,。；;！!？?：:\n]"  # the punctuation that ends a clause


@dataclass
class Polarity:
    """What one side says about negation: the strong negators (as written) and whether any weak one is there."""

    strong: list[str]
    weak: bool
    negates: bool  # some clause has an odd number of strong negators
    clauses: int = 0  # how many clauses negate (source) / how many strong negation words there are (English)
    # English: the words that negate by meaning or prefix (unable, fail); source: the lexical words a negator
    # starts (非保密 unclassified, 不明朗 uncertain), which such an English word may render instead
    weak_words: list[str] = field(default_factory=list)


def source_polarity(text: str) -> Polarity:
    """The negators of a Chinese text, clause by clause.

    A negative yes-no question (白宫不该保护…吗？ "shouldn't the White House…?") asserts the positive, so
    an English may put it either way: its negators count as weak.
    """
    lists = _lists()
    strong: list[str] = []
    weak = False
    clauses = 0
    lexical: list[str] = []  # words a negator starts (非保密, 不明朗): an English un-word may render them
    for clause in re.split(_CLAUSE_END, text):
        count = 0
        rhetorical = clause.rstrip("”’\"' ").endswith(lists.rhetorical)
        standard = lists.comparison_standard.search(clause) if lists.comparison_standard else None
        if standard and any(c in lists.negators for c in standard.group(1)):
            weak = True  # 是未接受治疗的患者的两倍 -> "twice as likely": the standard may go unsaid
            clause = clause[:standard.start(1)] + clause[standard.end(1):]
        words = _words(clause)
        for k, word in enumerate(words):
            if word in lists.single and k + 1 < len(words) and word + words[k + 1] in _cut_apart():
                word += words[k + 1]  # 不|实 is the listed 不实, untrue
            if word in lists.not_negation or not any(c in lists.negators for c in word) or _a_not_a(words, k):
                continue
            # 不仅没有减少，甚至增加 ("not only did not fall but rose"): English may give the rise alone; 除了沉默
            #什么也没有 ("nothing but silence"): an exclusive says 'only', with or without a negation
            after_not_only = k > 0 and lists.not_only.fullmatch(words[k - 1]) is not None
            before = words[:k]
            exclusive = any(w in lists.exclusive for w in before) and any(w in lists.exclusive_with for w in before)
            counted = (word in lists.weak_before_number and k + 1 < len(words) and _COUNT.match(words[k + 1])
                       and not (k > 0 and _verb(words[k - 1])))  # 找不到3个人: can't find three people
            if word in lists.weak or rhetorical or after_not_only or exclusive or counted:
                weak = True
                if word[0] in lists.prefixes and _adjective(word):
                    lexical.append(word)  # 不安 -> uncomfortable: a negative adjective an un-word may render
            elif word in lists.strong or word in lists.single or (len(word) == 2 and word[0] in "不没"):
                strong.append(word)
                count += 1
            else:
                weak = True  # 无辜, 非正式, 不合时宜: a negator starting a lexical word or an idiom
                lexical += [word] if word[0] in lists.prefixes else []
        clauses += count % 2
    return Polarity(strong, weak, clauses > 0, clauses, lexical)


def _a_not_a(words: list[str], k: int) -> bool:
    """Whether words[k] is the negator of an A-not-A question (是不是 is it, 可不可以 and 可|不|可以 may one,
    会|不会 will it): it asks whether, negating nothing, as 是否 does. Only as jieba cuts it: in the idiom 见怪不怪
    (used to the strange) the negator stands."""
    word = words[k]
    if len(word) >= 3 and word[1] in "不没" and word[0] == word[2]:  # jieba's words 是不是, 有没有, 可不可以
        return True
    if word[0] not in "不没" or k == 0:
        return False
    before, rest = words[k - 1], word[1:]
    return rest == before if rest else k + 1 < len(words) and words[k + 1].startswith(before)


# "No" for "number" before its digits (No 1, No. 10): an abbreviation, capitalised or with its full stop.
_NUMBER_SIGN = re.compile(r"\b(?:No\.?|no\.)\s?(?=\d)")


def english_polarity(text: str) -> Polarity:
    """The negation words of an English text (not only, no doubt and the like left out)."""
    lists = _lists()
    text = lists.english_not_negation.sub(" ", text.replace("\u2019", "'"))
    text = lists.english_exclusive.sub(" ", text)  # nothing else … aside from: only
    text = _NUMBER_SIGN.sub(" ", text)  # European No 1, No. 10 Downing Street: "number", no negation
    strong = [m.group() for m in lists.english_strong.finditer(text)]
    strong += re.findall(r"\b\w+n't", text, re.IGNORECASE)  # not \b after: won'tconsider lost its space
    weak = list(lists.english_weak.finditer(text))
    for pattern in (lists.english_prefixed, lists.english_suffixed):
        weak += [m for m in pattern.finditer(text)
                 if not any(w.start() < m.end() and m.start() < w.end() for w in weak)]
    weak_words = [m.group() for m in sorted(weak, key=lambda m: m.start())]
    return Polarity(strong, bool(weak_words), bool(strong), len(strong), weak_words)


def _standing_in(en: Polarity, src: Polarity, source: str) -> int:
    """How many of the English's weak words may stand for a source negation: none that render the source's
    own content (停止 -> stop, 小女孩 -> little girl, 对外 -> outside, 没有失败 -> failed); each other one that
    says one of the source's strong negators by itself (无法 -> impossible: english_weak_renders); of the rest,
    not as many as render the source's lexical negatives (非保密 -> unclassified) that no content word renders
    already (非法 -> illegal: "deny" still stands for 否认)."""
    content, renders = _lists().english_content, _lists().english_weak_renders
    words = _words(source)
    used: set[int] = set()  # each source word renders one English word: 戛然而止 explains "stop" or "ceased", not both
    free = direct = 0
    negators = list(src.strong)
    for w in en.weak_words:
        wanted = content.get(w.casefold(), ())
        k = next((k for k, word in enumerate(words) if k not in used and any(c in word for c in wanted)), None)
        if k is not None:  # it renders the source's content: 没有失败 -> "failed" is the flip, not 没有
            used.add(k)
            continue
        said = next((n for n in negators if n in renders.get(w.casefold(), ())), None)
        if said is not None:  # "impossible" for 无法: that negation, whatever lexical negatives the source has
            negators.remove(said)
            direct += 1
        elif not any(c in source for c in wanted) or _spent(wanted, words, used):
            free += 1
    # a lexical negative already rendered by its own content word (非法 -> illegal) is not subtracted twice
    lexical = list(src.weak_words)
    for k in used:
        if words[k] in lexical:
            lexical.remove(words[k])
    return direct + max(0, free - len(lexical))


def _antonyms(english: str, source: str) -> int:
    """How many English words say a negated source word by its opposite (不忠 -> infidelity): each counts
    where a negator stands right before a word it is the opposite of (english_antonyms), one English word
    for each such place in the source (a second "at odds" renders no second 不和)."""
    roots = _lists().antonym_roots
    taken: set[int] = set()
    for m in _lists().english_antonym.finditer(english.replace("\u2019", "'")):
        at = next((r.start() for r in roots[m.group().casefold()].finditer(source) if r.start() not in taken), None)
        if at is not None:
            taken.add(at)
    return len(taken)


def _spare_not_only(english: str, source: str) -> int:
    """The English's "not only" phrases beyond the source's conjunctions English says so (不仅, 不只): each of
    those renders one, and one more says a negation (不仅是道路…不应只满足 -> "not merely roads … should not merely
    meet"). Only an answer to a source negation: a "not only" for 既…又 adds none."""
    lists = _lists()
    return max(0, len(lists.english_not_only.findall(english)) - len(lists.not_only.findall(source)))


def _spent(wanted: tuple[str, ...], words: list[str], used: set[int]) -> bool:
    """Whether every source word holding one of `wanted` already renders another English word (a content
    string jieba cut across two words, 停|止, is no word of its own: it still explains)."""
    return any(any(c in word for c in wanted) for word in words) and all(
        k in used for k, word in enumerate(words) if any(c in word for c in wanted))


def findings(units: list[Unit]) -> list[Finding]:
    """negation.missing / negation.added for units whose two sides disagree on polarity."""
    out = []
    for u in units:
        if not u.en.strip() or not u.source.strip():
            continue
        src, en = source_polarity(u.source), english_polarity(_numbered_no(u.en))
        # every negating clause needs a negation word, or a weak one (unable, fail, unconfirmed) of its own
        said = _standing_in(en, src, u.source) + _antonyms(u.en, u.source) + _spare_not_only(u.en, u.source)
        if src.negates and not en.strong and said < src.clauses:
            word = src.strong[0]
            out.append(Finding(u.id, "negation.missing", "warning", excerpt(u.source, word), excerpt(u.en),
                               f"the source negates ('{word}') but the English has no negation",
                               "check whether the English says the opposite of the source", source_mark=word))
        elif (added := _asserted(en, u.source, u.en)) and not src.strong and not src.weak:
            word = added[0]
            out.append(Finding(u.id, "negation.added", "warning", excerpt(u.source), excerpt(u.en, word),
                               f"the English negates ('{word}') but the source has no negation",
                               "check whether the English says the opposite of the source", target_mark=word))
    return out


# "Wouldn't you like …?", "Isn't it …?": a negative yes-no question that asserts the positive.
_NEGATIVE_QUESTION = re.compile(r"\b(\w+n[’']t)\s+(?:you|we|it|they|he|she|i|there|that|this)\b[^.!?]*\?",
                                re.IGNORECASE)


def _asserted(en: Polarity, source: str, text: str) -> list[str]:
    """The English's strong negations, less those of negative questions when the source asks a yes-no question
    (你想…吗？ -> "Wouldn't you like …?": the question may be put either way), those of "not … until"
    when the source has a word English renders so (才: 要到2021年才会出现 -> "won't … until 2021"), and
    an indefinite negative for each question the source asks on a question word (还有什么…？ -> "Is nothing …?";
    任何, any, asks nothing), and the negation word of a litotes for a source word of the usual (司空见惯 ->
    "nothing unusual")."""
    lists = _lists()
    asked: list[str] = []
    if any(w in source for w in lists.not_until):
        asked += [m.group(1).replace("’", "'") for m in _NOT_UNTIL.finditer(text)]
    # 还有什么神圣的东西？ -> "Is nothing sacred?": one indefinite negative for each such question
    questions = sum(1 for m in lists.wh_question.finditer(source) if m.group(1) is None)
    asked += [w for w in en.strong if w.casefold() in lists.english_rhetorical][:questions]
    if _asks(source):
        asked += [m.group(1).replace("’", "'") for m in _NEGATIVE_QUESTION.finditer(text)]
    # 司空见惯 -> "nothing unusual": a litotes, its negation word no negation; each phrase of the English once,
    # however many source words of the usual list it (常见 and 司空见惯 both: one "nothing unusual")
    litotes = {m.span(): m.group().split()[0] for zh, phrases in lists.litotes.items() if zh in source
               for m in phrases.finditer(text)}
    asked += list(litotes.values())
    if not asked:
        return en.strong
    out = list(en.strong)
    for word in asked:
        if word in out:
            out.remove(word)
    return out


# "won't be dropping on our screens until 2021": a negation, then until/till in the same sentence.
_NOT_UNTIL = re.compile(r"\b(not|never|no|\w+n[’']t)\b(?=[^.!?;]*\b(?:until|till)\b)", re.IGNORECASE)


def _asks(source: str) -> bool:
    """Whether the source asks a question: a question mark, or a rhetorical_question ending (吗, 难道不成) that
    closes a clause; 吗 inside a word (吗啡, morphine) asks nothing."""
    endings = "|".join(re.escape(w) for w in _lists().rhetorical)
    return bool(re.search(rf"[?？]|(?:{endings})[”’\"' ]*(?:{_CLAUSE_END}|$)", source))


def _numbered_no(text: str) -> str:
    """'No. 1' and 'no.3' are numbers, not negations."""
    return re.sub(r"\b[Nn]o\.\s*(?=\d)", "number ", text)


def _adjective(word: str) -> bool:
    """A listed weak word jieba's dictionary tags as an adjective (不安 a, 非法 b): a lexical negative."""
    from bilingual.glossary.wordcut import dictionary_tag

    return dictionary_tag(word) in ("a", "b")


def _verb(word: str) -> bool:
    """jieba's dictionary tags the word a verb (找, 做): a 不到 after it is the verb's complement, no bound."""
    from bilingual.glossary.wordcut import dictionary_tag

    return (dictionary_tag(word) or "").startswith("v")


def _words(text: str) -> list[str]:
    """jieba's dictionary cut of a clause (the one cutter the glossary matcher uses too)."""
    from bilingual.glossary.wordcut import shared

    return [text[a:b] for a, b in shared().tokenize(text)]


@lru_cache(maxsize=1)
def _cut_apart() -> frozenset[str]:
    """Listed words (weak, not_negation) that start with a one-character negator: jieba may cut them
    apart (不|实), and a lone negator and the next word that make one are read as that word."""
    lists = _lists()
    return frozenset(w for w in lists.weak | lists.not_negation if len(w) > 1 and w[0] in lists.single)
