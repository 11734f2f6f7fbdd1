"""The Argos engine on the tiny real-format package: CTranslate2 + SentencePiece run directly."""

from __future__ import annotations

import subprocess
import sys

import pytest

from bilingual.errors import BilingualError
from bilingual.translate.argos import ArgosEngine, load_engine
from tests.argos_extra import requires_argostranslate
from tests.conftest import FIXTURES

ZH = [line.strip() for line in (FIXTURES / "parallel" / "zh.txt").read_text(encoding="utf-8").splitlines()][:12]


def test_batch_gives_one_output_per_input_deterministically(tiny_engine):
    first = tiny_engine.translate(ZH)
    assert len(first) == len(ZH)
    assert all(isinstance(e, str) and e for e in first), "every Chinese sentence gets some English"
    assert not any(ch in "".join(first) for ch in "▁"), "SentencePiece markers are decoded away"
    assert tiny_engine.translate(ZH) == first
    # A sentence's translation does not depend on where it sits in the batch.
    assert tiny_engine.translate(list(reversed(ZH))) == list(reversed(first))


def test_a_sentences_english_does_not_depend_on_its_batch(tiny_engine):
    """CTranslate2's result depends on the length a batch is padded to: the engine pads every batch to its
    length bucket's top (argos.plan_batches), so each sentence alone gets what it gets among others."""
    from bilingual.translate.argos import bucket

    sentences = ZH + [z + z for z in ZH]  # several buckets, several sentences each
    assert len({bucket(tiny_engine.length(z)) for z in sentences}) > 2
    together = tiny_engine.translate(sentences)
    assert together == [tiny_engine.translate([z])[0] for z in sentences]


def test_batches_hold_one_bucket_and_leave_room_for_the_pacer():
    from bilingual.translate.argos import bucket, plan_batches

    lengths = [3, 40, 17, 16, 1, 33, 18, 5, 20, 31] * 4
    for batch_type, size in (("examples", 4), ("tokens", 100)):
        batches = plan_batches(lengths, size, batch_type)
        assert sorted(i for b in batches for i in b) == list(range(len(lengths)))
        for b in batches:
            assert len({bucket(lengths[i]) for i in b}) == 1
            rows = len(b) + 1
            assert (rows if batch_type == "examples" else rows * bucket(lengths[b[0]])) <= size or len(b) == 1


def test_empty_and_blank_sentences_pass_through(tiny_engine):
    out = tiny_engine.translate(["", ZH[0], "   ", ZH[1]])
    assert out[0] == "" and out[2] == ""
    assert out[1] == tiny_engine.translate([ZH[0]])[0] and out[3]
    assert tiny_engine.translate([]) == []


def test_small_batches_give_the_same_sentences(argos_home, tiny_engine):
    small = ArgosEngine(argos_home / "translate-zh_en-tiny", batch_size=2, beam_size=2, threads=1)
    assert len(small.translate(ZH)) == len(ZH)
    assert small.translate([ZH[3]]) == tiny_engine.translate([ZH[3]])


def test_identity_names_package_version_and_checksum(argos_home, tiny_engine):
    import hashlib

    name, version, digest = tiny_engine.identity.split(" ")
    assert (name, version) == ("translate-zh_en-tiny", "0.0.1")
    model_bin = argos_home / "translate-zh_en-tiny" / "model" / "model.bin"
    assert digest == hashlib.sha256(model_bin.read_bytes()).hexdigest()[:12]
    assert load_engine().identity == tiny_engine.identity
    assert tiny_engine.name == "argos"


def test_identity_changes_with_the_weights(argos_home, tiny_engine):
    model_bin = argos_home / "translate-zh_en-tiny" / "model" / "model.bin"
    data = bytearray(model_bin.read_bytes())
    data[len(data) // 2] ^= 0x01  # flip one bit inside the weights
    model_bin.write_bytes(bytes(data))
    assert load_engine().identity != tiny_engine.identity


def test_target_prefix_is_sent_and_stripped(tmp_path, monkeypatch, tiny_argosmodel):
    from bilingual.translate import packages as models
    from tests.tinymodel import build_tiny_argosmodel

    prefixed = build_tiny_argosmodel(tmp_path / "build", metadata={"target_prefix": "__en__"})
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "packages"))
    models.install_file(prefixed)
    engine = load_engine()
    assert engine.package.target_prefix == "__en__"
    out = engine.translate(ZH[:4])
    assert len(out) == 4 and all(out)
    assert not any("__en__" in e for e in out)


def test_load_engine_without_a_package_says_how_to_install(tmp_path, monkeypatch):
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "empty"))
    with pytest.raises(BilingualError) as err:
        load_engine("zh", "en")
    message = str(err.value)
    assert "\n" not in message
    assert "bilingual models install zh en" in message and "FILE.argosmodel" in message
    assert "--no-translate" in message


def test_package_without_tokenizer_is_refused(argos_home):
    folder = argos_home / "translate-zh_en-tiny"
    (folder / "sentencepiece.model").unlink()
    with pytest.raises(BilingualError, match="tokenizer"):
        ArgosEngine(folder)


def test_help_does_not_import_the_engine_libraries():
    code = ("import sys; from bilingual.cli import cli\n"
            "try:\n    cli.main(['--help'], standalone_mode=False)\nexcept SystemExit:\n    pass\n"
            "heavy = [m for m in ('ctranslate2', 'sentencepiece', 'argostranslate', 'torch', 'stanza')"
            " if m in sys.modules]\nprint('HEAVY', heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "HEAVY []" in out


@requires_argostranslate
def test_older_bpe_packages_are_supported(tmp_path, monkeypatch):
    from bilingual.translate import packages as models
    from tests.tinymodel import build_tiny_argosmodel

    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "packages"))
    models.install_file(build_tiny_argosmodel(tmp_path / "build", tokenizer="bpe"))
    engine = load_engine()
    assert engine.package.tokenizer == "bpe"
    assert engine.tokenizer.encode("普京访问平壤") == ["普@@", "京@@", "访@@", "问@@", "平@@", "壤"]
    out = engine.translate([ZH[0], "", ZH[1]])
    assert len(out) == 3 and out[0] and out[1] == "" and out[2]
    assert not any("@@" in e for e in out), "BPE joiners are removed"


@requires_argostranslate
def test_broken_bpe_model_is_one_line(tmp_path, monkeypatch):
    from bilingual.translate import packages as models
    from tests.tinymodel import build_tiny_argosmodel

    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "packages"))
    info = models.install_file(build_tiny_argosmodel(tmp_path / "build", tokenizer="bpe"))
    (info.path / "bpe.model").write_text("#version: 0.2\nthree parts here\n", encoding="utf-8")
    with pytest.raises(BilingualError, match="cannot read the BPE tokenizer"):
        load_engine()


def test_a_measured_sentence_is_tokenized_once(argos_home, tiny_engine):
    """length() then translate() (what the run does for every sentence) encodes each sentence once,
    and the kept tokens are let go once translated."""
    engine = ArgosEngine(argos_home / "translate-zh_en-tiny")
    encoded: list[str] = []
    real = engine.tokenizer.encode

    def counting(text):
        encoded.append(text)
        return real(text)

    engine.tokenizer.encode = counting
    lengths = [engine.length(s) for s in ZH[:5]]
    english = engine.translate(ZH[:5])
    assert sorted(encoded) == sorted(ZH[:5]), "one encoding per sentence, none again in translate"
    assert lengths == [len(real(s)) for s in ZH[:5]]
    assert english == tiny_engine.translate(ZH[:5])
    assert engine._measured == {}
    engine.translate([ZH[0]])  # not measured this time: encoded afresh
    assert encoded.count(ZH[0]) == 2


def test_bpe_package_without_argostranslate_is_one_clear_line(tmp_path, monkeypatch, capsys):
    """The default install has no argostranslate: a BPE package says which extra it needs, nothing more."""
    from bilingual.translate import packages as models
    from tests.clirun import run_cli
    from tests.tinymodel import build_tiny_argosmodel

    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "packages"))
    models.install_file(build_tiny_argosmodel(tmp_path / "build", tokenizer="bpe"))
    for name in [m for m in sys.modules if m == "argostranslate" or m.startswith("argostranslate.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "argostranslate", None)  # import argostranslate -> ImportError
    with pytest.raises(BilingualError, match=r"BPE-tokenised package.*pip install 'bilingual\[argos\]'"):
        load_engine()
    zh = tmp_path / "a.txt"
    zh.write_text("普京访问平壤。\n", encoding="utf-8")
    result = run_cli(capsys, "build", zh, "-o", tmp_path / "out", "-q")
    assert result.code == 3 and "Traceback" not in result.err  # the environment's exit code (issue 15)
    assert result.err.strip().count("\n") == 0 and "bilingual[argos]" in result.err
