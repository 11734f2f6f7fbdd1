"""Issue 16's promises that can be checked without a clock: a cached rebuild only reads (no model load, no
checksum, no tokenizer, no rewritten file); a sentence's English does not depend on its batch; --threads
means what it says."""

from __future__ import annotations

import json
import os

import pytest

from bilingual import api
from bilingual.errors import SetupError
from bilingual.translate import argos, checksum, threads
from tests.clirun import run_cli
from tests.conftest import FIXTURES, SEED

OTHERS = [*sorted(FIXTURES.glob("*_*.md")), FIXTURES / "parallel" / "zh.txt"]


def _english(out, stem: str) -> list[str]:
    data = json.loads((out / f"{stem}.json").read_text(encoding="utf-8"))
    return [s["en"] for block in data["blocks"] for s in block["segments"]]


def test_an_article_gets_the_same_english_alone_and_in_a_collection(tmp_path, argos_home, monkeypatch):
    """The tiny random model often runs to its decoding bound: a bound taken from the longest sentence of a
    batch gave 19 of the seed's 109 sentences other English inside a collection than alone."""
    calls: list[int] = []
    real = argos.ArgosEngine._decode
    monkeypatch.setattr(argos.ArgosEngine, "_decode",
                        lambda self, tokens: calls.append(len(tokens)) or real(self, tokens))
    api.build([SEED], tmp_path / "alone", memory_path=tmp_path / "alone.sqlite", engine_options={"threads": 1})
    alone_calls = len(calls)
    api.build([*OTHERS, SEED], tmp_path / "together", memory_path=tmp_path / "together.sqlite",
              engine_options={"threads": 1})
    assert sum(calls[alone_calls:]) > sum(calls[:alone_calls]), "the collection sent more sentences per run"
    alone, together = _english(tmp_path / "alone", SEED.stem), _english(tmp_path / "together", SEED.stem)
    assert len(alone) == len(together) > 100 and all(alone)
    assert alone == together


def test_the_decoding_bound_is_the_sentences_own():
    assert argos.decoding_bound(1) == argos.decoding_bound(argos.BUCKET) < argos.decoding_bound(argos.BUCKET + 1)
    assert all(argos.decoding_bound(n) >= 3 * n + 16 for n in range(1, 300))
    assert argos.decoding_bound(10_000) == 1024


def test_a_cached_rebuild_loads_no_model_hashes_nothing_and_rewrites_nothing(tmp_path, argos_home, monkeypatch):
    memory = tmp_path / "tm.sqlite"
    out = tmp_path / "out"
    api.build([SEED, OTHERS[0]], out, memory_path=memory)
    before = {p.name: (p.stat().st_mtime_ns, p.stat().st_ino) for p in out.iterdir()}
    assert len(before) == 5  # two pages, two JSON files, the index

    def refuse(*args, **kwargs):
        raise AssertionError("a cached rebuild reached the model")

    monkeypatch.setattr(argos.ArgosEngine, "__init__", refuse)
    monkeypatch.setattr(argos, "load_sentencepiece", refuse)  # the tokenizer that loaded before is trusted
    monkeypatch.setattr(checksum, "sha256", refuse)
    monkeypatch.setattr(checksum, "_KNOWN", {})  # as in a new process: the sidecar must serve
    api.build([SEED, OTHERS[0]], out, memory_path=memory)
    again = {p.name: (p.stat().st_mtime_ns, p.stat().st_ino) for p in out.iterdir()}
    # The pages show memory hits as machine output; the JSON records that they came from the memory.
    assert {name for name in before if again[name] != before[name]} == {f"{SEED.stem}.json",
                                                                         f"{OTHERS[0].stem}.json"}
    api.build([SEED, OTHERS[0]], out, memory_path=memory)
    assert {p.name: (p.stat().st_mtime_ns, p.stat().st_ino) for p in out.iterdir()} == again


def test_a_changed_input_rewrites_only_its_outputs(tmp_path, argos_home):
    out = tmp_path / "out"
    sources = tmp_path / "in"
    sources.mkdir()
    for path in (SEED, OTHERS[0]):
        (sources / path.name).write_bytes(path.read_bytes())
    for _ in range(2):  # the second build's JSON says its English came from the memory
        api.build([sources], out, memory_path=tmp_path / "tm.sqlite")
    before = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    edited = sources / OTHERS[0].name
    edited.write_text(edited.read_text(encoding="utf-8") + "\n\n新的一段话。\n", encoding="utf-8")
    api.build([sources], out, memory_path=tmp_path / "tm.sqlite")
    changed = {p.name for p in out.iterdir() if p.stat().st_mtime_ns != before[p.name]}
    # The index lists every article with the collection's provenance line (sentences, edits), so it
    # changes with the edited article; the other article's page and data are left alone.
    assert changed == {f"{edited.stem}.html", f"{edited.stem}.json", "index.html"}


def test_the_checksum_sidecar_follows_the_model_file(tmp_path, monkeypatch):
    package = tmp_path / "pkg"
    (package / "model").mkdir(parents=True)
    model = package / "model" / "model.bin"
    model.write_bytes(b"weights one")
    reads = []
    real = checksum.sha256
    monkeypatch.setattr(checksum, "sha256", lambda path: reads.append(path) or real(path))
    first = checksum.file_checksum(model, package)
    assert (package / checksum.SIDECAR).is_file() and len(reads) == 1
    monkeypatch.setattr(checksum, "_KNOWN", {})  # a new process reads the sidecar, not the model
    assert checksum.file_checksum(model, package) == first and len(reads) == 1
    model.write_bytes(b"weights tw0")  # same size, new mtime: hashed again
    stat = model.stat()
    os.utime(model, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert checksum.file_checksum(model, package) != first and len(reads) == 2


def test_a_read_only_package_keeps_its_checksum_in_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    package = tmp_path / "pkg"
    (package / "model").mkdir(parents=True)
    model = package / "model" / "model.bin"
    model.write_bytes(b"weights")
    monkeypatch.setattr(checksum, "_keep", lambda sidecar, name, record, real=checksum._keep:
                        False if sidecar.parent == package else real(sidecar, name, record))
    digest = checksum.file_checksum(model, package)
    monkeypatch.setattr(checksum, "_KNOWN", {})
    monkeypatch.setattr(checksum, "sha256", lambda path: pytest.fail("hashed again"))
    assert checksum.file_checksum(model, package) == digest
    assert list((tmp_path / "cache" / "bilingual" / "checksums").glob("*.json"))


def test_the_sidecar_keeps_every_files_record(tmp_path):
    package = tmp_path / "pkg"
    (package / "model").mkdir(parents=True)
    (package / "model" / "model.bin").write_bytes(b"weights")
    (package / "sentencepiece.model").write_bytes(b"pieces")
    first = checksum.file_checksum(package / "model" / "model.bin", package)
    checksum.file_checksum(package / "sentencepiece.model", package)
    kept = json.loads((package / checksum.SIDECAR).read_text(encoding="utf-8"))
    assert set(kept) == {"model/model.bin", "sentencepiece.model"} and kept["model/model.bin"]["sha256"] == first


def test_installing_a_model_keeps_its_checksum(argos_home):
    sidecar = json.loads((argos_home / "translate-zh_en-tiny" / checksum.SIDECAR).read_text(encoding="utf-8"))
    model = argos_home / "translate-zh_en-tiny" / "model" / "model.bin"
    assert sidecar["model/model.bin"]["sha256"] == checksum.sha256(model)


def test_threads_zero_means_every_usable_core(argos_home, monkeypatch):
    import ctranslate2

    cores = threads.usable_cores()
    assert cores == len(os.sched_getaffinity(0))
    assert threads.engine_threads(0) == cores and threads.engine_threads(1) == 1
    asked = []
    real = ctranslate2.Translator
    monkeypatch.setattr(ctranslate2, "Translator", lambda *a, **kw: asked.append(kw["intra_threads"]) or real(*a, **kw))
    argos.load_engine(threads=0)
    assert asked == [cores], "CTranslate2's own 0 would mean 4 threads whatever the machine"


@pytest.mark.parametrize("count", ["-1", "100000"])
def test_absurd_thread_counts_are_one_line_and_exit_2(capsys, tmp_path, count):
    result = run_cli(capsys, "build", SEED, "-o", tmp_path / "out", "--no-translate", "--threads", count)
    assert result.code == 2
    lines = result.err.splitlines()  # the error, then click's usage hint ("Try 'bilingual build --help'")
    assert len(lines) == 2 and "--threads" in lines[0] and "core" in lines[0] and lines[1].startswith("Try ")
    assert not (tmp_path / "out").exists()


def test_names_are_spelled_as_opencc_spells_them_and_remembered(tmp_path, monkeypatch):
    from bilingual import variants
    from bilingual.glossary import Glossary, namecache, regional

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(namecache, "_NAMES", None)
    glossary = Glossary.default()
    term = next(t for t in glossary.terms if t.aliases)
    direct = {variants.converter(c).convert(s) for s in [term.hans, *term.aliases] for c in variants.name_configs()}
    assert direct <= set(regional.surface_map(term))
    namecache._keep()  # what exit does
    assert namecache.cache_file().is_file()
    # A new process: the glossary's spellings come from the file, no converter is built for them.
    monkeypatch.setattr(namecache, "_NAMES", None)
    monkeypatch.setattr(variants, "_CONVERTERS", {})
    assert {t.id: regional.surface_map(t) for t in Glossary.default().terms} == \
        {t.id: regional.surface_map(t) for t in glossary.terms}
    assert variants._CONVERTERS == {}


def test_a_tokenizer_changed_since_it_last_loaded_is_checked_again(tmp_path, argos_home, monkeypatch):
    """The check that passes over a package whose tokenizer broke after install still runs when the file
    changes; an unchanged one that loaded before is not loaded again (75 ms for the real model's)."""
    api.build([SEED], tmp_path / "out", memory_path=tmp_path / "tm.sqlite")
    loads: list[str] = []
    real = argos.load_sentencepiece
    monkeypatch.setattr(argos, "load_sentencepiece", lambda model: loads.append(model.name) or real(model))
    monkeypatch.setattr(checksum, "_KNOWN", {})  # as in a new process
    api.build([SEED], tmp_path / "out", memory_path=tmp_path / "tm.sqlite")
    assert loads == []
    (package,) = [p for p in argos_home.iterdir() if (p / "sentencepiece.model").is_file()]
    tokenizer = package / "sentencepiece.model"
    tokenizer.write_bytes(tokenizer.read_bytes())  # same bytes, a new file: checked again
    api.build([SEED], tmp_path / "out", memory_path=tmp_path / "tm.sqlite")
    assert loads == ["sentencepiece.model"]
    tokenizer.write_bytes(b"garbage")
    with pytest.raises(SetupError, match="cannot read the SentencePiece tokenizer"):
        api.build([SEED], tmp_path / "out2", memory_path=tmp_path / "tm.sqlite")
