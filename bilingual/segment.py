"""Paragraph -> sentence splitting for Chinese (and the Latin text mixed into it).

Sentences are the unit that is converted, translated, cached and exported, so
the split must be stable and lossless: the pieces of a paragraph join back to
it exactly. Written by hand because no maintained splitter knows the Chinese
conventions (closing quotes after 。, short quoted speech after ：, 《titles》)
and also reports exact character offsets; the word lists and limits are data
in bilingual/data/segment.toml. docs/segmentation.md states the rules.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from dataclasses import dataclass

from bilingual import datafiles
from bilingual.chars import CJK_START, HAN
from bilingual.errors import BilingualError
from bilingual.model import Block, Document, Mark, Segment, segment_id

# Characters that may end a sentence; which of them really do is decided per run.
_ASCII_ENDS = ".!?;"
_URL = re.compile(r"(?:https?|ftp)://[!-~]+")
_URL_TAIL = ".,;:!?)]}'\""
_WORD_BEFORE = re.compile(r"[A-Za-z][A-Za-z.]*\Z")
_DOTTED_INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]")
_LIST_MARKER = re.compile(r"\s*(?:\d+|[A-Za-z]|[ivxlcIVXLC]+)")
_URL_CHAR_AFTER = set("=&/%_#-.")
_VISIBLE = re.compile(r"\S")


@dataclass(frozen=True)
class _Rules:
    quote_max: int
    title_max: int
    sentence_max: int
    hard_max: int
    terminators: frozenset[str]
    ellipses: frozenset[str]
    closers: frozenset[str]
    openers: frozenset[str]
    quote_pairs: tuple[tuple[str, str], ...]
    colons: frozenset[str]
    no_start: frozenset[str]
    continuations: frozenset[str]
    abbreviations: frozenset[str]
    candidate: re.Pattern[str]
    soft_pattern: re.Pattern[str]
    cut_after: frozenset[str]


@functools.cache
def _rules() -> _Rules:
    """The rule data, read once from the package's segment.toml."""
    data = datafiles.toml("segment.toml")
    lim, punct = data["limits"], data["punctuation"]
    ends = punct["terminators"] + punct["ellipses"] + _ASCII_ENDS
    return _Rules(
        quote_max=int(lim["quote_max"]),
        title_max=int(lim["title_max"]),
        sentence_max=int(lim["sentence_max"]),
        hard_max=int(lim["hard_max"]),
        terminators=frozenset(punct["terminators"]),
        ellipses=frozenset(punct["ellipses"]),
        closers=frozenset(punct["closers"]),
        openers=frozenset(punct["openers"]),
        quote_pairs=tuple((p[0], p[1]) for p in punct["quote_pairs"]),
        colons=frozenset(punct["colons"]),
        no_start=frozenset(punct["no_start"]),
        continuations=frozenset(punct["ellipsis_continuations"]),
        abbreviations=frozenset(w.lower() for w in data["abbreviations"]["words"]),
        candidate=re.compile("[" + re.escape(ends) + "]+"),
        soft_pattern=re.compile("[" + re.escape(punct["soft_breaks"]) + "]"),
        cut_after=frozenset(punct["hard_cut_after"]),
    )


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences; the pieces join back to `text` exactly.

    Whitespace after a sentence stays with it. Text with no visible character
    has no sentences (returns []).
    """
    return [text[a:b] for a, b in sentence_spans(text)]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The sentences of `text` as [start, end) offsets: what split_sentences cuts."""
    return [(a, b) for a, b, _ in _spans(text)]


# A piece of an over-long sentence cut without punctuation: (its number, pieces, the sentence's length).
Forced = tuple[int, int, int]


def _spans(text: str) -> list[tuple[int, int, Forced | None]]:
    """(start, end, forced): forced set on the pieces of a sentence cut where no punctuation allowed it."""
    if not text.strip():
        return []
    rules = _rules()
    blocked = _blocked(text, rules)
    cuts = _breaks(text, rules, blocked)
    bounds = [0, *cuts, len(text)]
    spans: list[tuple[int, int, Forced | None]] = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        spans.extend(_cut_long(text, a, b, rules, blocked))
    return spans


# --- where a sentence may not end -------------------------------------------------


def _blocked(text: str, rules: _Rules) -> bytearray:
    """Positions where no break may fall: inside titles, URLs and short quoted speech."""
    blocked = bytearray(len(text) + 1)

    def protect(start: int, end: int) -> None:
        blocked[start + 1 : end] = b"\x01" * max(0, end - start - 1)

    for start, end in _pairs(text, "《", "》"):
        if end - start - 1 <= rules.title_max:
            protect(start, end + 1)
    for opener, closer in rules.quote_pairs:
        for start, end in _pairs(text, opener, closer):
            if end - start - 1 <= rules.quote_max and _introduces_speech(text, start, rules):
                protect(start, end + 1)
    for m in _URL.finditer(text):
        url = m.group().rstrip(_URL_TAIL)
        protect(m.start(), m.start() + len(url))
    return blocked


def _pairs(text: str, opener: str, closer: str) -> list[tuple[int, int]]:
    """Matched (open, close) index pairs of a bracket pair, nesting allowed."""
    if opener not in text:  # most paragraphs hold few of the pairs: a scan in C instead of a regex per pair
        return []
    stack: list[int] = []
    found = []
    for m in re.finditer("[" + re.escape(opener + closer) + "]", text):
        if m.group() == opener:
            stack.append(m.start())
        elif stack:
            found.append((stack.pop(), m.start()))
    return found


def _introduces_speech(text: str, start: int, rules: _Rules) -> bool:
    """A quote opens speech when it follows a colon or begins a sentence."""
    i = start - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    if i < 0:
        return True
    ch = text[i]
    return ch in rules.colons or ch in rules.terminators or ch in rules.ellipses or ch in "!?"


# --- where a sentence does end ----------------------------------------------------


def _breaks(text: str, rules: _Rules, blocked: bytearray) -> list[int]:
    """Offsets where a new sentence starts, found from each run of end punctuation."""
    n = len(text)
    cuts: list[int] = []
    done = 0
    for m in rules.candidate.finditer(text):
        if m.start() < done:
            continue
        cut = _sentence_end(text, m.start(), m.end(), cuts[-1] if cuts else 0, rules)
        if cut is None:
            continue
        done = cut
        if cut < n and not blocked[cut]:
            cuts.append(cut)
    return cuts


@functools.lru_cache(maxsize=512)
def _kind(run: str) -> str:
    """Which rule decides whether this run of end punctuation ends a sentence."""
    rules = _rules()
    if any(c in rules.terminators for c in run):
        return "stop"
    if "!" in run or "?" in run:
        return "ascii_stop"
    if any(c in rules.ellipses for c in run) or run.count(".") >= 2:
        return "ellipsis"
    if ";" in run:
        return "semicolon"
    return "period"


def _sentence_end(text: str, start: int, end: int, last: int, rules: _Rules) -> int | None:
    """Where the next sentence starts if the run text[start:end] ends one, else None."""
    n = len(text)
    kind = _kind(text[start:end])
    j = end
    while j < n and (text[j] in rules.closers or text[j] in rules.terminators):
        if text[j] == '"' and text.count('"', last, j) % 2 == 0:
            break  # an even count before it in this sentence: this " opens the next quote
        if text[j] == "'" and j + 1 < n and text[j + 1].isalnum():
            break
        j += 1
    closed = j > end
    k = j
    while k < n and text[k].isspace():
        k += 1
    if k == n:
        return n
    spaced = k > j
    nxt = text[k]
    prev = text[start - 1] if start else ""
    if nxt in rules.no_start or not _VISIBLE.search(text, last, start):
        return None  # nothing before the run (a "![image]"), or a comma after it
    if kind == "ascii_stop":
        if not spaced and not closed and (nxt.isascii() and nxt.isalnum() or nxt in _URL_CHAR_AFTER):
            return None
    elif kind == "semicolon":
        if not (_is_cjk(nxt) or spaced and HAN.search(text, last, start)):
            return None  # ASCII ; splits Chinese clauses, not English ones
    elif kind == "ellipsis":
        if (prev.isdigit() and nxt.isdigit()) or nxt in rules.continuations:
            return None
        if nxt.isascii() and nxt.isalpha() and nxt.islower():
            return None
    elif kind == "period" and not _period_ends(text, start, k, spaced, closed, last, rules):
        return None
    return k


def _period_ends(text: str, dot: int, k: int, spaced: bool, closed: bool, last: int, rules: _Rules) -> bool:
    """An ASCII '.' ends a sentence before whitespace + capital/CJK, or between CJK characters."""
    word = _WORD_BEFORE.search(text, max(0, dot - 40), dot)
    if word:
        token = word.group().strip(".").lower()
        if token in rules.abbreviations or _DOTTED_INITIALS.fullmatch(token):
            return False
        if len(token) == 1 and word.group()[-1].isupper():
            return False  # an initial: J. K. Rowling
    if _LIST_MARKER.fullmatch(text, last, dot):
        return False  # "1." or "a." opening a list item
    prev = text[dot - 1] if dot else ""
    if spaced:
        while k < len(text) - 1 and text[k] in rules.openers:
            k += 1
        return text[k].isupper() or _is_cjk(text[k])
    return _is_cjk(text[k]) and (closed or _is_cjk(prev))


def _is_cjk(ch: str) -> bool:
    """Han, kana, hangul or CJK punctuation: text that starts a Chinese sentence."""
    return bool(CJK_START.match(ch))


def _cut_long(text: str, a: int, b: int, rules: _Rules, blocked: bytearray) -> list[tuple[int, int, Forced | None]]:
    """Cut a sentence longer than sentence_max after commas, so MT does not truncate it.

    No comma within hard_max characters (a 300,000-character run without
    punctuation): the piece is cut at the best boundary near sentence_max
    (see _forced_cut), and every piece of that sentence says which part it is.
    """
    limit = rules.sentence_max
    if b - a <= limit:
        return [(a, b, None)]
    cuts = []
    for m in rules.soft_pattern.finditer(text, a, b - 1):
        i = m.start()
        k = i + 1
        while k < b and text[k].isspace():
            k += 1
        if k >= b or blocked[k] or text[k] in rules.no_start or text[k] in rules.closers:
            continue
        if text[i].isascii() and k == i + 1 and not _is_cjk(text[k]):
            continue  # 1,000 and 10:30 are not breaks
        cuts.append(k)
    bounds = [a]
    any_forced = False
    while b - bounds[-1] > limit:
        cur = bounds[-1]
        # The last comma that fits under the limit, else the first one after it (within hard_max).
        at = bisect.bisect_right(cuts, cur + limit)
        if at and cuts[at - 1] > cur:
            bounds.append(cuts[at - 1])
        elif at < len(cuts) and cuts[at] - cur <= rules.hard_max:
            bounds.append(cuts[at])
        elif b - cur <= rules.hard_max:
            break
        else:
            bounds.append(_forced_cut(text, cur, cur + limit, blocked, rules))
            any_forced = True
    bounds.append(b)
    parts = len(bounds) - 1
    return [(x, y, (n, parts, b - a) if any_forced else None)
            for n, (x, y) in enumerate(zip(bounds, bounds[1:], strict=False), 1)]


def _forced_cut(text: str, start: int, end: int, blocked: bytearray, rules: _Rules) -> int:
    """Where to cut text[start:end] when no comma allows it: the best boundary in its second half.

    Best: after whitespace or CJK punctuation (、 …); then after a particle (的 了 …:
    data) at a word boundary; then between two words (jieba, dictionary only), so
    that 普京 is not cut in two; then between any two CJK characters. Never inside a
    Latin word or number, before a combining mark or joiner, or inside a title, URL
    or short quotation if avoidable. The cut is at least half the limit from
    `start`, so every piece makes progress and the work stays linear.
    """
    low = start + (end - start) // 2
    words = _word_bounds(text, low, end)
    best, best_score = end, -1
    for i in range(end, low, -1):
        before, after = text[i - 1], text[i]
        if _glued(before, after):
            continue
        cjk_pair = _is_cjk(before) and _is_cjk(after) and after not in rules.no_start \
            and after not in rules.closers
        if before.isspace() and not after.isspace():
            score = 6
        elif cjk_pair and _is_cjk_punctuation(before) and not _is_cjk_punctuation(after):
            score = 5
        elif cjk_pair and i in words:
            score = 4 if before in rules.cut_after else 3
        elif cjk_pair:
            score = 2
        elif before.isascii() and before.isalnum() and after.isascii() and after.isalnum():
            score = 0
        else:
            score = 1
        if not blocked[i]:
            score += 10
        if score > best_score:
            best, best_score = i, score
            if score == 16:
                break
    while best < len(text) and _glued(text[best - 1], text[best]):
        best += 1  # nothing better: at least never split a character from its combining marks
    return best


def _is_cjk_punctuation(ch: str) -> bool:
    o = ord(ch)
    return 0x3000 <= o <= 0x303F or 0xFF01 <= o <= 0xFF0F or 0xFF1A <= o <= 0xFF20


_WORDCUT = None


def _word_bounds(text: str, low: int, end: int) -> set[int]:
    """Offsets in [low, end] where a word starts, by jieba's dictionary cut (a few characters of
    context either side, so the cut inside the window is the one the whole text would get)."""
    global _WORDCUT
    from bilingual.glossary.wordcut import WordCut

    if _WORDCUT is None:
        _WORDCUT = WordCut()
    a, b = max(0, low - 8), min(len(text), end + 8)
    return {a + s for s, _ in _WORDCUT.tokenize(text[a:b]) if low <= a + s <= end}


def _glued(before: str, after: str) -> bool:
    """A boundary that would split one visible character (a base and its marks, a joined emoji)."""
    return (unicodedata.combining(after) > 0 or unicodedata.category(after) in ("Mn", "Me")
            or after in "\u200d\ufe0e\ufe0f" or before == "\u200d" or 0xE0100 <= ord(after) <= 0xE01EF
            or 0x1F3FB <= ord(after) <= 0x1F3FF)


# --- Document step -----------------------------------------------------------------


def segment(doc: Document) -> Document:
    """Fill every block's segments from its source text (a new Document).

    Re-running it re-segments from block.source, so ids are the same each time.
    """
    out = doc.copy()
    for index, block in enumerate(out.blocks):
        block.segments = _segments(out.id, index, block)
    return out


FORCED_NOTE = ("segmentation: a sentence of {length} characters with too little punctuation was cut "
               "where none allowed it; this is part {part} of {parts}: read it with its neighbours")


def _segments(doc_id: str, index: int, block: Block) -> list[Segment]:
    source = block.source
    for mark in block.source_marks:
        if not 0 <= mark.start <= mark.end <= len(source):
            raise BilingualError(
                f"block {index}: <{mark.tag}> mark [{mark.start}, {mark.end}) lies outside "
                f"its text ({len(source)} characters)"
            )
    segments = []
    placed: set[int] = set()
    # Marks by start, swept once: a sentence looks only at the marks still open, not at all of them.
    order = sorted(range(len(block.source_marks)), key=lambda i: block.source_marks[i].start)
    ahead, active = 0, []
    spans = _spans(source)
    for number, (a, b, forced) in enumerate(spans):
        piece = source[a:b]
        s0 = a + len(piece) - len(piece.lstrip())
        s1 = b - (len(piece) - len(piece.rstrip()))
        text = source[s0:s1]
        while ahead < len(order) and block.source_marks[order[ahead]].start <= s1:
            active.append(order[ahead])
            ahead += 1
        active = [i for i in active if block.source_marks[i].end >= s0]
        marks = []
        for m_index in sorted(active):
            m = block.source_marks[m_index]
            lo, hi = max(m.start, s0), min(m.end, s1)
            empty_here = m.start == m.end and s0 <= m.start <= s1 and m_index not in placed
            if lo < hi or empty_here:
                placed.add(m_index)
                marks.append(Mark(lo - s0, hi - s0 if lo < hi else lo - s0, m.tag, m.href, m.ref))
        segment = Segment(id=segment_id(doc_id, index, number, text), source=text, marks={"source": marks})
        if forced:
            part, parts, length = forced
            segment.notes.append(FORCED_NOTE.format(length=length, part=part, parts=parts))
        segments.append(segment)
    return segments
