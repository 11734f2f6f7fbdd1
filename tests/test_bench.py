"""The benchmark's machinery (no timings asserted): its raw baseline replays exactly what the engine sends."""

from __future__ import annotations

import pytest

from bench import figures
from bench.run import CORPUS
from tests.conftest import FIXTURES

ZH = [line.strip() for line in (FIXTURES / "parallel" / "zh.txt").read_text(encoding="utf-8").splitlines()][:40]


def test_spy_records_the_engines_calls_and_restores_everything(argos_home):
    from bilingual.translate import argos, run

    real_init, real_translate_documents = argos.ArgosEngine.__init__, run.translate_documents
    with figures._Spy() as spy:
        engine = argos.load_engine("zh", "en")
        english = engine.translate(ZH)
    assert argos.ArgosEngine.__init__ is real_init and run.translate_documents is real_translate_documents
    assert spy.engines == [engine] and spy.steps["engine load"] > 0
    sent = [t for tokens, _ in spy.calls for t in tokens]
    assert sorted(map(tuple, sent)) == sorted(tuple(engine.tokenizer.encode(z)) for z in ZH)
    assert len(english) == len(ZH)
    # The replay runs the same tokens through the real translator with the recorded options.
    assert figures.raw_ct2_seconds(engine.translator.real, spy.calls) > 0


def test_replay_refuses_options_that_differ_per_batch(argos_home):
    from bilingual.translate import argos

    with figures._Spy() as spy:
        argos.load_engine("zh", "en").translate(ZH)
    tokens, options = spy.calls[0]
    with pytest.raises(SystemExit, match="different options"):
        figures._template([(tokens, options), (tokens, {**options, "beam_size": options["beam_size"] + 1})])
    with pytest.raises(SystemExit, match="max_decoding_length"):
        figures._template([(tokens, {**options, "max_decoding_length": 7})])


def test_many_articles_are_distinct_files_cycled_from_the_corpus(tmp_path):
    made = figures.many_articles(CORPUS, tmp_path / "a", 12)
    assert len({p.name for p in made}) == 12 and all(p.parent == tmp_path / "a" for p in made)
    sources = {p.read_bytes() for p in CORPUS if p.suffix in (".txt", ".md") and p.parent.name != "parallel"}
    assert {p.read_bytes() for p in made} == sources
