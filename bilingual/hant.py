"""Traditional Chinese as each region's writers write it: OpenCC plus our own rules, as data.

OpenCC alone writes neither Taiwan's nor Hong Kong's press usage. s2twp swaps
the writer's everyday words for IT vocabulary (支持 -> 支援, 消息 -> 訊息), s2hk
writes government glyphs Hong Kong papers do not use (説, 户, 啓), and every
config trips on one-to-many characters in context (人生发展 -> 人生髮展,
越南回来 -> 越南迴來, 年轻人参与 -> 年輕人蔘與). A writer here is an OpenCC base
config plus rule files from bilingual/data/hant/ (listed per variant in
bilingual/data/opencc.toml):

- phrase rules: Simplified source word -> Traditional, matched on the source
  longest-first at the leftmost position (as OpenCC matches its own
  dictionaries) and written over OpenCC's output for that span;
- glyph rules (files named `*-glyphs.tsv`): one Traditional character of
  OpenCC's output -> the one the region's press writes (臺 -> 台, 説 -> 說).

Each rule file is `source<TAB>target<TAB># why`, one entry a line, a comment
required (bilingual/data/hant/README.md).
"""

from __future__ import annotations

import hashlib
import json
import re
from functools import cache
from pathlib import Path

from bilingual import datafiles
from bilingual.errors import BilingualError
from bilingual.files import write_atomic
from bilingual.opencc_merge import opencc_stamp
from bilingual.settings import cache_home
from bilingual.variants import convert_each, converter, variant_info

DATA = datafiles.path("hant")
GLYPHS = "-glyphs"
SHORT_TEXT = 12  # texts this short (names, runs between names) are remembered per writer
SHORT_CACHE = 50_000


def read_rules(path: Path) -> dict[str, str]:
    """source -> target from one rule file; a malformed line is a BilingualError naming file and line."""
    rules: dict[str, str] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 3 or not fields[0] or not fields[1] or not fields[2].startswith("# "):
            raise BilingualError(f"{path}:{n}: expected 'source<TAB>target<TAB># why'")
        if fields[0] in rules:
            raise BilingualError(f"{path}:{n}: {fields[0]!r} is listed twice")
        rules[fields[0]] = fields[1]
    return rules


class Writer:
    """Simplified -> one region's Traditional: an OpenCC config, then phrase and glyph rules."""

    def __init__(self, base: str, rule_files: list[str], folder: Path = DATA):
        self.base = base
        self._cc = converter(base)
        self.phrases: dict[str, str] = {}
        glyphs: dict[str, str] = {}
        for name in rule_files:
            rules = read_rules(folder / f"{name}.tsv")
            if name.endswith(GLYPHS):
                bad = [k for k, v in rules.items() if len(k) != 1 or len(v) != 1]
                if bad:
                    raise BilingualError(f"{folder / name}.tsv: glyph rules map one character to one: {bad[0]!r}")
                glyphs.update(rules)
            else:
                self.phrases.update(rules)  # a later file's rule for the same word wins
        self._glyphs = str.maketrans(glyphs) if glyphs else None
        lengths: dict[str, set[int]] = {}
        for key in self.phrases:
            lengths.setdefault(key[0], set()).add(len(key))
        self._lengths = {c: sorted(ns, reverse=True) for c, ns in lengths.items()}
        self._first = re.compile("[" + "".join(re.escape(c) for c in sorted(lengths)) + "]") if lengths else None
        self._short: dict[str, str] = {}

    def convert(self, text: str) -> str:
        """`text` (Simplified) in this region's Traditional."""
        if len(text) <= SHORT_TEXT:  # names and short runs between them repeat: remember them
            out = self._short.get(text)
            if out is None:
                if len(self._short) > SHORT_CACHE:
                    self._short.clear()
                out = self._short[text] = self._convert(text)
            return out
        return self._convert(text)

    def convert_many(self, texts: list[str]) -> list[str]:
        """Each of `texts` converted as convert() would, with one OpenCC call for all the longer ones."""
        out = [self.convert(t) if len(t) <= SHORT_TEXT else None for t in texts]
        longer = [t for t in texts if len(t) > SHORT_TEXT]
        bases = iter(convert_each(self._base, longer))
        return [o if o is not None else self._finish(t, next(bases)) for o, t in zip(out, texts, strict=True)]

    def _convert(self, text: str) -> str:
        return self._finish(text, self._base(text))

    def _finish(self, text: str, base: str) -> str:
        """OpenCC's `base` for `text` with the phrase rules written over it."""
        spans = self.spans(text)
        if not spans:
            return base
        if len(base) != len(text):  # the base config changed a length: convert between the spans alone
            return self._by_runs(text, spans)
        pieces: list[str] = []
        last = 0
        for a, b, value in spans:
            pieces.append(base[last:a])
            pieces.append(value)
            last = b
        pieces.append(base[last:])
        return "".join(pieces)

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """Phrase rules found in `text`: (start, end, Traditional), leftmost first, longest at each start."""
        if self._first is None:
            return []
        found = []
        phrases, lengths, last, size = self.phrases, self._lengths, 0, len(text)
        for m in self._first.finditer(text):
            i = m.start()
            if i < last:
                continue
            for n in lengths[text[i]]:
                if i + n <= size:
                    value = phrases.get(text[i:i + n])
                    if value is not None:
                        found.append((i, i + n, value))
                        last = i + n
                        break
        return found

    def _base(self, text: str) -> str:
        out = self._cc.convert(text)
        return out.translate(self._glyphs) if self._glyphs else out

    def _by_runs(self, text: str, spans: list[tuple[int, int, str]]) -> str:
        pieces: list[str] = []
        last = 0
        for a, b, value in spans:
            pieces.append(self._base(text[last:a]))
            pieces.append(value)
            last = b
        pieces.append(self._base(text[last:]))
        return "".join(pieces)


def script_of(text: str, default: str) -> str:
    """'hant' or 'hans' for one block of a document whose script as a whole is `default`.

    A source may mix scripts (a Simplified editor's note on a Traditional article):
    a block is taken for the other script only on clear evidence, at least two more
    characters that only the other script writes (t2s changes 說, s2t changes 说) and
    twice as many as those of `default`, so a short or ambiguous block keeps the document's.
    """
    traditional, simplified = evidence(text)
    ours, other = (traditional, simplified) if default == "hant" else (simplified, traditional)
    if other >= ours + 2 and other >= 2 * ours:
        return "hans" if default == "hant" else "hant"
    return default


def evidence(text: str) -> tuple[int, int]:
    """How many characters of `text` only Traditional writes (t2s changes them) and only Simplified (s2t)."""
    only_traditional, only_simplified = _telling()
    return len(only_traditional.findall(text)), len(only_simplified.findall(text))


# The CJK blocks whose characters conversion tables are read for: Extension A, the unified block, the
# compatibility ideographs.
CJK_RANGES = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00))


@cache
def changed_chars(config: str) -> dict[str, str]:
    """Each CJK character an OpenCC config changes on its own, and what it becomes (t2s: 華 -> 华).

    Found by one conversion of every character, each on a line of its own so no phrase forms, once per
    OpenCC build: the table is kept in the user cache, since building the converter (s2t reads its phrase
    dictionary) and converting the blocks cost more than a short build's own work on its text.
    """
    key = hashlib.sha1(f"{opencc_stamp()} {config}".encode()).hexdigest()[:16]
    path = cache_home() / "bilingual" / f"opencc-changed-{key}.json"
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(kept, dict) and all(isinstance(v, str) for v in kept.values()):
            return kept
    except (OSError, ValueError):
        pass
    chars = [chr(c) for a, b in CJK_RANGES for c in range(a, b)]
    out = converter(config).convert_many(chars)  # one call, each character on a line of its own
    table = {a: b for a, b in zip(chars, out, strict=True) if a != b}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, json.dumps(table, ensure_ascii=False))
    except (OSError, BilingualError):
        pass  # not kept: the next process converts again
    return table


def only_traditional() -> re.Pattern:
    """The characters only Traditional writes (t2s changes them), as one character class."""
    return _telling()[0]


@cache
def _telling() -> tuple[re.Pattern, re.Pattern]:
    """Character classes of what t2s changes (only Traditional writes it) and what s2t changes, in the
    unified block, so counting a text's evidence is one regex scan each (7 times faster than str.translate)."""
    classes = []
    for config in ("t2s", "s2t"):
        changed = "".join(ch for ch in changed_chars(config) if "\u4e00" <= ch < "\ua000")
        classes.append(re.compile("[" + re.escape(changed) + "]") if changed else re.compile("(?!)"))
    return classes[0], classes[1]


@cache
def writer(variant: str) -> Writer:
    """The cached writer of one `--variant` (its OpenCC base and rule files come from opencc.toml)."""
    info = variant_info(variant)
    return Writer(info["to_hant"], list(info.get("rules", [])))
