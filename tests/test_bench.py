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
    assert len(english) == len(ZH)
    # The replay runs the same tokens through the real translator with the recorded options.
    assert figures.raw_ct2_seconds(engine.translator.real, spy.calls, engine.batch_size, engine.batch_type) > 0
    assert sorted(map(tuple, figures.sentences_sent(spy.calls))) == sorted(tuple(engine.tokenizer.encode(z))
                                                                            for z in ZH)
    assert spy.target_tokens > 0


def test_replay_refuses_options_that_differ_per_batch(argos_home):
    from bilingual.translate import argos

    with figures._Spy() as spy:
        argos.load_engine("zh", "en").translate(ZH)
    tokens, options = spy.calls[0]
    with pytest.raises(SystemExit, match="different options"):
        figures._template([(tokens, options), (tokens, {**options, "beam_size": options["beam_size"] + 1})])
    with pytest.raises(SystemExit, match="decoding bound"):
        figures._template([(tokens, {**options, "max_decoding_length": 7})])


def test_article_sets_are_new_sentences_made_the_same_way_every_time(tmp_path):
    from bench.articles import make
    from bilingual import api
    from bilingual.segment import segment

    first = make(CORPUS, tmp_path / "a", 6)
    again = make(CORPUS, tmp_path / "b", 3)
    assert [p.read_bytes() for p in first[:3]] == [p.read_bytes() for p in again]
    sentences = [s.source for doc in api.load(first) for s in segment(doc).segments()]
    assert len(sentences) > 6 * 10 and len(set(sentences)) > 0.95 * len(sentences)
    assert all(doc.meta.title and doc.meta.script == "hans" for doc in api.load(first))


def test_the_worker_measures_a_set_and_the_report_renders(tmp_path, argos_home):
    """A smoke run of the bench machinery on the tiny model: one article, one repeat (no timing asserted)."""
    import json
    import subprocess
    import sys

    from bench.report import markdown
    from bench.run import ROOT, WARMUP
    from tests.conftest import SEED

    spec = {"inputs": [str(SEED)], "work": str(tmp_path), "options": {"threads": 1, "batch_size": 32,
            "batch_type": "examples"}, "repeats": 1, "warmup": [str(WARMUP)], "paragraph_loop": True}
    (tmp_path / "spec.json").write_text(json.dumps(spec), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "bench.worker", str(tmp_path / "spec.json"),
                           str(tmp_path / "result.json")], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    row = json.loads((tmp_path / "result.json").read_text(encoding="utf-8"))
    assert row["sentences"] > 100 and row["paragraph_loop"]["paragraphs"] == row["paragraphs"] > 10
    paragraphs = json.loads((tmp_path / "paragraphs.json").read_text(encoding="utf-8"))
    assert sum(map(len, paragraphs)) >= row["sentences"]
    row.update(set="seed", articles=1, cold_cached={"wall_s": 1.0, "cpu_s": 1.0, "peak_rss_mib": 100.0})
    results = {"when": "now", "command": "test", "quick": True, "model": "tiny", "sets": [row],
               "machine": {"python": "3", "ctranslate2": "4", "usable_cores": 2, "load_average": [0.0]},
               "engine_options": spec["options"],
               "epub": {"articles": 2, "translated_articles": 1, "goal_mib": 500, "ratio_to_one_article": 1.0,
                        "builds": {n: {"peak_rss_mib": 1.0, "seconds": 1.0, "epub_mib": 0.1}
                                   for n in ("1 article", "2 articles")}},
               "throughput": {"megabytes": 1.0, "mb_per_s": 1.0, "opencc_only_mb_per_s": 2.0, "opencc_over_ours": 2.0},
               "startup": {"python_c_pass": 0.05, "goal_help_seconds": 0.3, "commands": [],
                           "fixed_cost": {"fixed_cpu_s": 0.2, "fixed_wall_s": 0.2, "cold_cpu_s": 0.3,
                                          "warm_cpu_s": 0.05, "python_cpu_s": 0.05, "goal_s": 0.3}}}
    table = markdown(results)
    assert f"| seed | {row['sentences']} |" in table and "per-paragraph loop" in table


def test_bench_checks_names_its_corpora_by_set_and_help_runs_nothing(capsys):
    from bench import checks
    from tests.check import planting

    assert checks.corpora([]) == checks.corpora(["-v"]) == ["parallel2/heldout"]  # a bare run, as before
    assert checks.corpora(["tune6"]) == ["parallel2/tune6"]
    assert checks.corpora(["tune", "-v"]) == list(planting.TUNE)
    with pytest.raises(SystemExit, match="no parallel set 'tune99'"):
        checks.corpora(["tune99"])
    checks.main(["--help"])
    assert capsys.readouterr().out.strip() == checks.USAGE


def test_convert_parts_prints_each_part_against_bare_opencc(capsys):
    from bench import convert_parts

    convert_parts.main()
    lines = capsys.readouterr().out.splitlines()
    assert "bare OpenCC s2twp" in lines[0]
    parts = {line.split("  ")[1].strip(): float(line.rsplit(" ", 2)[-2].rstrip("x")) for line in lines[1:]}
    assert list(parts) == ["segment()", "convert(), no glossary", "Glossary.find, each sentence once",
                           "convert(), shipped glossary", "segment + convert (as a build)"]
    # the build's figure is its two parts added, and each part takes some time
    assert all(ratio > 0 for ratio in parts.values())
    assert parts["segment + convert (as a build)"] > parts["convert(), shipped glossary"]
