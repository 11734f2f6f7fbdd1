"""OpenCC configs with each dictionary group merged into one file, kept in the user cache.

OpenCC builds every dictionary group of a config (STPhrases with STCharacters,
the Taiwan variants …) into one lexicon in memory each time a converter is
made: 90–120 ms of the start of a one-article build. Merged once into an .ocd2
file by OpenCC's own `opencc_dict` tool, the same dictionary loads in about
20 ms. A group is merged only where one dictionary matches exactly as the group
does: OpenCC takes the longest key at each position, so for `short_circuit`
every key of a later member must be no longer than every key of an earlier one
(STPhrases' 2–12 characters before STCharacters' one: an earlier member's match
is always the longest), and for `union` the members must agree on every key
they share. Any other group is left for OpenCC to read as it is; any failure
(no `opencc_dict`, a cache that cannot be written) gives None, and OpenCC's
own config is used.

A merged config comes in two forms. OpenCC 1.4 builds a fast prefix matcher
over any group of two or more dictionaries, and that build is what its own
configs spend their load time on; a lone dictionary loads without it and
converts 2–2.5 times slower. The plain form (each group one file) starts a
build fast; the `grouped` form (each merged file read as a group with its
source group's last member, whose keys it already holds, so that member never
decides a match) converts as fast as OpenCC's own config, for long work
(bilingual.variants switches once enough text has gone through).
"""

from __future__ import annotations

import hashlib
import json
import logging
import subprocess
import tempfile
from functools import cache
from pathlib import Path

FORMAT = 1  # bump when what is written changes
log = logging.getLogger(__name__)


@cache
def opencc_stamp() -> str:
    """What names the installed OpenCC build: its version and its compiled library's files' mtimes. Data derived
    from its tables and kept across runs (hant.changed_chars, glossary/namecache.py) is named after it. Read
    once per process: the installed build does not change under it. The merged configs are named after it too."""
    import opencc

    library = _clib()
    stamp = max((p.stat().st_mtime_ns for p in library.iterdir()), default=0) if library.is_dir() else 0
    return f"{getattr(opencc, '__version__', '')} {library} {stamp}"


def _clib() -> Path:
    """The installed OpenCC package's compiled part: its library, its tools (bin/) and its tables (share/)."""
    import opencc

    return Path(opencc.__file__).parent / "clib"


def merged_config(config: str, *, grouped: bool = False) -> str | None:
    """The path of OpenCC's `config` with its groups merged (built on first use), or None to use OpenCC's own.
    `grouped`: the form that loads slower and converts faster (above)."""
    from bilingual.settings import wordcut_dir

    folder = wordcut_dir() / "opencc"
    key = hashlib.sha1(f"{FORMAT} {opencc_stamp()} {config}".encode()).hexdigest()[:16]
    paths = {form: folder / f"{config}-{key}{'-grouped' if form else ''}.json" for form in (False, True)}
    if paths[grouped].is_file():
        return str(paths[grouped])
    clib = _clib()
    try:
        stock = json.loads((clib / "share" / "opencc" / f"{config}.json").read_text(encoding="utf-8"))
        merger = _Merger(clib / "bin" / "opencc_dict", clib / "share" / "opencc", folder, opencc_stamp())
        # both forms at once: the dictionaries are read once, and a long build's switch finds its form made
        written = {form: merger.config(stock, grouped=form) for form in (False, True)}
        if not merger.merged:
            return None  # nothing to gain: OpenCC's own config
        from bilingual.files import write_atomic

        for form, path in paths.items():
            write_atomic(path, json.dumps(written[form], ensure_ascii=False))
    except Exception as e:  # no tool, an odd config, a full disk: OpenCC's own config still works
        log.debug("OpenCC config %s left as it is: %s", config, e)
        return None
    return str(paths[grouped])


class _Merger:
    """Rewrites a config's dictionaries: groups merged where exact, every file named by absolute path."""

    def __init__(self, tool: Path, share: Path, folder: Path, stamp: str) -> None:
        self.tool, self.share, self.folder, self.stamp = tool, share, folder, stamp
        self.merged = 0
        self._dumped: dict[Path, dict[str, str]] = {}

    def config(self, node, *, grouped: bool = False):
        if isinstance(node, list):
            return [self.config(v, grouped=grouped) for v in node]
        if not isinstance(node, dict):
            return node
        if node.get("type") == "group":
            entries = self._entries(node)
            if entries is not None:
                self.merged += 1
                merged = {"type": "ocd2", "file": self._write(node, entries)}
                return {**node, "dicts": [merged, self.config(node["dicts"][-1])]} if grouped else merged
        out = {k: self.config(v, grouped=grouped) for k, v in node.items()}
        if isinstance(out.get("file"), str):
            out["file"] = str(self.share / out["file"])
        return out

    def _entries(self, node: dict) -> dict[str, str] | None:
        """Key -> values (as opencc_dict writes them) of one dictionary or group, or None if not exactly one."""
        if node.get("type") == "ocd2":
            return self._dump(self.share / node["file"])
        if node.get("type") != "group":
            return None
        members = [self._entries(m) for m in node.get("dicts", [])]
        if not members or any(m is None for m in members):
            return None
        policy = node.get("match_policy", "short_circuit")
        merged: dict[str, str] = {}
        if policy == "union":
            for entries in members:
                if any(merged.get(k, v) != v for k, v in entries.items()):
                    return None  # members disagree on a key: OpenCC's choice between them is its own
                merged.update(entries)
            return merged
        if policy != "short_circuit":
            return None
        filled = [m for m in members if m]
        for earlier, later in zip(filled, filled[1:], strict=False):
            if max(map(len, later)) > min(map(len, earlier)):
                return None  # a later member could match longer than an earlier one
        for entries in reversed(members):
            merged.update(entries)  # an earlier member wins a key both hold
        return merged

    def _dump(self, path: Path) -> dict[str, str]:
        if path not in self._dumped:
            with tempfile.TemporaryDirectory() as tmp:
                text = Path(tmp) / "dict.txt"
                self._run(path, text, "ocd2", "text")
                lines = text.read_text(encoding="utf-8").splitlines()
            self._dumped[path] = dict(line.split("\t", 1) for line in lines if "\t" in line)
        return self._dumped[path]

    def _write(self, node: dict, entries: dict[str, str]) -> str:
        name = hashlib.sha1(f"{FORMAT} {self.stamp} {json.dumps(node, sort_keys=True)}".encode()).hexdigest()[:16]
        path = self.folder / f"merged-{name}.ocd2"
        if not path.is_file():
            self.folder.mkdir(parents=True, exist_ok=True)
            with tempfile.TemporaryDirectory(dir=self.folder) as tmp:
                text, built = Path(tmp) / "dict.txt", Path(tmp) / "dict.ocd2"
                text.write_text("".join(f"{k}\t{v}\n" for k, v in sorted(entries.items())), encoding="utf-8")
                self._run(text, built, "text", "ocd2")
                built.replace(path)  # whole or not at all: a reader never sees half a dictionary
        return str(path)

    def _run(self, source: Path, target: Path, source_format: str, target_format: str) -> None:
        subprocess.run([str(self.tool), "-i", str(source), "-o", str(target), "-f", source_format,
                        "-t", target_format], check=True, capture_output=True, timeout=120)
