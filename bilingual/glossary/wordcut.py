"""jieba's dictionary-only word cut without loading jieba's whole dictionary.

Glossary.find asks jieba whether a short name stands as a word of its own.
jieba.Tokenizer() unmarshals its whole prefix dictionary (about 500,000 entries,
0.7 s) on first use, which was half of a `build --no-translate`. A cut without
HMM (Tokenizer.get_DAG, calc, __cut_DAG_NO_HMM) only ever looks up pieces of the
text that start at one of its characters: the character itself, then pieces that
begin with one of the text's own pairs of characters. So a FREQ holding every
one-character entry and just the longer entries whose first two characters occur
in the text cuts it the same way, as long as `total` stays the whole dictionary's
total (every log-probability divides by it). A pair loads about 5 entries where a
first character loaded 330: the seed needs 14,000 entries, not 220,000.

The entries, grouped by first character and then by second, are kept in one file
under the user cache ($BILINGUAL_WORDCUT_CACHE, else $XDG_CACHE_HOME/bilingual,
else ~/.cache/bilingual), named after jieba's dict.txt (size, mtime, jieba and
Python version) and checked by a CRC. A missing, stale or damaged file is rebuilt
from dict.txt with jieba's own parser; if it cannot be written the cut still works.
"""

from __future__ import annotations

import copy
import hashlib
import logging
import marshal
import math
import mmap
import sys
import zlib
from functools import lru_cache
from pathlib import Path

from bilingual.deferred import defer
from bilingual.settings import wordcut_dir

FORMAT = 4  # bump when the file layout changes
# Cutters with added words kept per dictionary: a process that builds again with the same glossary (the
# review workspace's rebuild, any API caller) finds jieba's entries for its text already loaded.
KEEP_CUTTERS = 2
_CRC_SIZE = 4  # the file starts with the CRC-32 of the rest: a damaged file is rebuilt, not trusted
_OFFSET = 4  # bytes of a group's index length and of each end offset in it

log = logging.getLogger(__name__)


class WordCut:
    """A jieba Tokenizer whose dictionary entries load by first character.

    `dictionary` is a file in jieba's dict.txt format (default: jieba's own);
    `folder` holds the grouped copy (default: settings.wordcut_dir()).
    """

    def __init__(self, folder: Path | None = None, dictionary: Path | None = None) -> None:
        defer("jieba.finalseg")  # jieba's HMM tables (a cut without HMM never reads them)
        import jieba

        jieba.setLogLevel(logging.WARNING)
        self.dict_path = Path(dictionary or Path(jieba.__file__).with_name(jieba.DEFAULT_DICT_NAME))
        stat = self.dict_path.stat()
        self.key = (f"{FORMAT} {jieba.__version__} {sys.version_info[:2]} {marshal.version} "
                    f"{self.dict_path.resolve()} {stat.st_size} {stat.st_mtime_ns}")
        name = f"jieba-{hashlib.sha1(self.key.encode()).hexdigest()[:16]}.marshal"
        self.path = (folder or wordcut_dir()) / name
        self.total, self._singles, self._groups = self._read() or self._build()
        # First character -> (its second characters, where each one's entries end, the entries), as read.
        self._pairs: dict[str, tuple[str, bytes, memoryview | bytes]] = {}
        self._extra: dict[tuple[str, ...], dict[str, int]] = {}
        self._with: dict[tuple[tuple[str, int], ...], WordCut] = {}
        self._start()

    def _start(self) -> None:
        import jieba

        self._freq: dict[str, int] = dict(self._singles)
        for word, count in self._extra.get((), {}).items():  # added words of one character, and first characters
            self._freq[word] = max(self._freq.get(word, 0), count)
        self._loaded: set[tuple[str, str]] = set()
        tokenizer = jieba.Tokenizer()
        tokenizer.FREQ, tokenizer.total = self._freq, self.total
        tokenizer.initialized = True  # FREQ is filled by _need before every lookup
        self._tokenizer = tokenizer
        self._block = jieba.re_han_default  # what jieba's cut hands to its DAG cut as one block

    def with_words(self, words: dict[str, int]) -> WordCut:
        """A cutter sharing this dictionary with `words` added at least at the given counts.

        The glossary's names go in, so a name jieba does not know (拜登) is cut as
        one word in 拜登上台 instead of 拜|登上|台. `total` stays the dictionary's.
        The same words give the same cutter again (the last KEEP_CUTTERS are
        kept): a cut depends only on the entries for the text's own characters,
        so what an earlier build loaded changes no result, it only saves work.
        """
        key = tuple(sorted((word, count) for word, count in words.items() if word))
        other = self._with.pop(key, None)
        if other is None:
            other = copy.copy(self)
            other._with = {}
            other._extra = {}
            for word, count in key:
                other._extra.setdefault(tuple(word[:2]) if len(word) > 1 else (), {})[word] = count
                if len(word) > 1:
                    other._extra.setdefault((), {}).setdefault(word[0], 0)  # jieba walks prefixes: keys
            other._start()
        self._with[key] = other  # the most recent last
        while len(self._with) > KEEP_CUTTERS:
            self._with.pop(next(iter(self._with)))
        return other

    def tokenize(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each word of `text`, dictionary only (jieba tokenize, HMM=False)."""
        self._need(text)
        if self._block.fullmatch(text):  # the matcher's runs: one block of jieba's, cut here at half the cost
            return self._cut_block(text)
        return [(start, end) for _word, start, end in self._tokenizer.tokenize(text, HMM=False)]

    def _cut_block(self, text: str) -> list[tuple[int, int]]:
        """jieba's get_DAG, calc and __cut_DAG_NO_HMM in one pass, without its generators and tuples.

        The same sums in the same order (log(count) - log(total) + the best route after the word),
        and on equal scores the longer word wins as in calc's max over (score, end); single ASCII
        letters and digits join into one word as jieba's re_eng buffer joins them."""
        freq, n, ln = self._freq, len(text), math.log
        logtotal = ln(self.total)
        scores, ends = [0.0] * (n + 1), [0] * (n + 1)
        for k in range(n - 1, -1, -1):
            best, end = 0.0, -1
            i, frag = k, text[k]
            while i < n and frag in freq:
                count = freq[frag]
                if count:
                    score = ln(count) - logtotal + scores[i + 1]
                    if end < 0 or score >= best:
                        best, end = score, i
                i += 1
                frag = text[k:i + 1]
            if end < 0:  # no word starts here: the character alone, counted 1 if unknown
                best, end = ln(freq.get(text[k]) or 1) - logtotal + scores[k + 1], k
            scores[k], ends[k] = best, end
        spans: list[tuple[int, int]] = []
        letters = -1  # where a run of single ASCII letters and digits started
        x = 0
        while x < n:
            y = ends[x] + 1
            if y == x + 1 and text[x] < "\x80" and text[x].isalnum():
                if letters < 0:
                    letters = x
            else:
                if letters >= 0:
                    spans.append((letters, x))
                    letters = -1
                spans.append((x, y))
            x = y
        if letters >= 0:
            spans.append((letters, n))
        return spans

    def freq(self, word: str) -> int:
        """jieba's count for `word` (0 for a mere prefix of a word or an unknown one)."""
        if not word:
            return 0
        self._need(word[:2])
        return self._freq.get(word, 0)

    def _need(self, text: str) -> None:
        """Load the entries of every pair of characters in `text` not loaded yet."""
        if self._loaded.issuperset(zip(text, text[1:], strict=False)):
            return  # most runs once a few articles are cut: no set of pairs built to find none new
        for pair in set(zip(text, text[1:], strict=False)) - self._loaded:
            first, second = pair
            entries = self._entries(first, second)
            if entries is not None:
                self._freq.update(marshal.loads(entries))
            for word, count in self._extra.get(pair, {}).items():
                self._freq[word] = max(self._freq.get(word, 0), count)
                for k in range(2, len(word)):  # jieba walks prefixes of words: they must be keys
                    self._freq.setdefault(word[:k], 0)
            self._loaded.add(pair)

    def _entries(self, first: str, second: str) -> memoryview | bytes | None:
        """The marshalled entries that start with first + second, or None.

        A group opens as two objects, its second characters and their end offsets, not as a dict of
        every second character's entries: those were 6.5 MB of objects for the 30-article throughput
        corpus, of which it reads a few pairs per first character."""
        group = self._pairs.get(first)
        if group is None:
            raw = self._groups.get(first)
            if raw is None:
                group = ("", b"", b"")
            else:
                size = int.from_bytes(raw[:_OFFSET], "big")
                seconds, ends = marshal.loads(raw[_OFFSET:_OFFSET + size])
                group = (seconds, ends, raw[_OFFSET + size:])
            self._pairs[first] = group
        seconds, ends, entries = group
        k = seconds.find(second)
        if k < 0:
            return None
        start = int.from_bytes(ends[_OFFSET * (k - 1):_OFFSET * k], "big") if k else 0
        return entries[start:int.from_bytes(ends[_OFFSET * k:_OFFSET * (k + 1)], "big")]

    def _read(self) -> tuple[int, dict, dict] | None:
        """The grouped dictionary from the cache file, or None if it is missing, damaged or not this one.

        The file is mapped, not read: the CRC pass touches every page once, without the copy (8 ms of a
        short build's start), and the groups stay slices of the mapping until a text needs them:
        unmarshalling all of them (12 MB) cost more than a short build's own cutting."""
        try:
            with self.path.open("rb") as f:
                blob = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):  # missing or unreadable; ValueError: empty (nothing to map)
            return None
        body = memoryview(blob)[_CRC_SIZE:]
        found = None
        if len(blob) >= 2 * _CRC_SIZE and zlib.crc32(body).to_bytes(_CRC_SIZE, "big") == blob[:_CRC_SIZE]:
            size = int.from_bytes(body[:_CRC_SIZE], "big")
            try:
                found = marshal.loads(body[_CRC_SIZE:_CRC_SIZE + size])
            except (ValueError, EOFError, TypeError):
                pass
        else:
            log.debug("wordcut cache %s is damaged; rebuilding", self.path)
        if not (isinstance(found, tuple) and len(found) == 4 and found[0] == self.key
                and isinstance(found[1], int) and isinstance(found[3], dict)):
            body.release()
            blob.close()  # unmapped, so the rebuilt file can replace it (Windows refuses a mapped one)
            return None
        _key, total, singles, index = found
        groups = body[_CRC_SIZE + size:]
        return total, singles, {first: groups[start:end] for first, (start, end) in index.items()}

    def _build(self) -> tuple[int, dict, dict]:
        """Parse dict.txt as jieba does, group by first and second character, and try to keep the result.

        Returns (total, every one-character entry, first character -> its group). A group: the length
        of its index, the index (marshalled: its second characters as one string, and where each one's
        entries end, 4 bytes each), then each second character's marshalled {entry: count}. The file:
        CRC-32 of the rest, the header's length, the header (key, total, one-character entries, first
        character -> (start, end) in the groups), the groups."""
        import jieba

        with self.dict_path.open("rb") as f:
            freq, total = jieba.Tokenizer.gen_pfdict(f)
        singles = {word: count for word, count in freq.items() if len(word) == 1}
        nested: dict[str, dict[str, dict[str, int]]] = {}
        for word, count in freq.items():
            if len(word) > 1:
                nested.setdefault(word[0], {}).setdefault(word[1], {})[word] = count
        groups = {first: _group(pairs) for first, pairs in nested.items()}
        index, at = {}, 0
        for first, group in groups.items():
            index[first] = (at, at + len(group))
            at += len(group)
        header = marshal.dumps((self.key, total, singles, index))
        body = len(header).to_bytes(_CRC_SIZE, "big") + header + b"".join(groups.values())
        try:
            from bilingual.files import write_atomic

            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(self.path, zlib.crc32(body).to_bytes(_CRC_SIZE, "big") + body)
        except OSError as e:
            log.debug("cannot keep the wordcut cache %s: %s", self.path, e)
        return total, singles, groups


def _group(pairs: dict[str, dict[str, int]]) -> bytes:
    """One first character's group of the file (WordCut._build says its layout)."""
    entries = [marshal.dumps(words) for words in pairs.values()]
    ends, at = [], 0
    for e in entries:
        at += len(e)
        ends.append(at.to_bytes(_OFFSET, "big"))
    index = marshal.dumps(("".join(pairs), b"".join(ends)))
    return len(index).to_bytes(_OFFSET, "big") + index + b"".join(entries)


_SHARED: WordCut | None = None


def shared() -> WordCut:
    """The process's one cutter over jieba's own dictionary, made on first use."""
    global _SHARED
    if _SHARED is None:
        _SHARED = WordCut()
    return _SHARED


@lru_cache(maxsize=4096)
def dictionary_tag(word: str) -> str:
    """jieba's dictionary part-of-speech tag of `word` ("" when the dictionary lacks it): whether a word is
    a common noun (n), a verb (v) or a name (nr, ns, nt, nz). Read from dict.txt on first use, for the few
    words a check or a suggestion asks about (jieba.posseg would load and index all 350,000 entries)."""
    text, key = _dictionary_text(), f"\n{word} "
    at = text.find(key)  # a substring search, six times faster than a multiline regex over the 5 MB
    while at >= 0:
        end = text.find("\n", at + 1)
        parts = text[at + 1:end if end >= 0 else len(text)].split(" ")
        if len(parts) == 3 and parts[1].isdigit():
            return parts[2]
        at = text.find(key, at + 1)
    return ""


@lru_cache(maxsize=1)
def _dictionary_text() -> str:
    """jieba's dict.txt ("word count tag" lines) after a newline, so every line starts after one."""
    import jieba

    return "\n" + Path(jieba.__file__).with_name(jieba.DEFAULT_DICT_NAME).read_text(encoding="utf-8")
