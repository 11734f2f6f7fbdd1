"""One article set measured in a fresh process: first build, raw CTranslate2, the peers, cached rebuild, peak RSS.

    python -m bench.worker SPEC.json RESULT.json

Run by bench/run.py, one process per set, so each set's peak RSS is its own
(ru_maxrss only grows) and no set warms the next. SPEC holds the inputs, a
small warm-up input, the engine options, the repeats and whether to run the
per-paragraph loop. ARGOS_PACKAGES_DIR and the XDG folders come from the
parent. The process first builds the warm-up input (imports, jieba's
dictionary, templates, the model file in the page cache), then per repeat:

1. first build: `api.build` with a fresh memory (the engine loads on its first
   sentence, inside the build), wall and CPU seconds of the process;
2. raw CTranslate2: the token lists the build sent, replayed with the same
   options through a translator loaded afresh as the engine loads it (the
   build's own is unloaded first), so both pay a new translator's first calls
   and neither runs on the other's warm one (bench/figures.py);
3. cached rebuild: `api.build` again on the same memory; it must never reach
   the engine, and the lazy engine must not even load.

After the repeats it runs the per-paragraph loop (if asked) and writes the
masked sentences per paragraph for the argostranslate peer (bench/peers.py).
"""

from __future__ import annotations

import json
import resource
import sys
from pathlib import Path
from time import perf_counter, process_time

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import figures  # noqa: E402


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def _build(inputs: list[Path], out: Path, memory: Path, options: dict, formats: tuple[str, ...]):
    from bilingual import api

    return api.build(inputs, out, memory_path=memory, engine_options=options, formats=formats)


def _fresh_translator(engine):
    """The engine's model in a new ctranslate2.Translator with the engine's settings; the build's is unloaded
    so the two never hold memory at once (each replay unloads its own when done). A direct caller's replay
    starts as cold as the build's did: on the build's warm translator the same calls took less CPU (seed,
    4 pairs: median 2 %, best 5 %)."""
    import ctranslate2

    from bilingual.translate.argos import _check_files

    engine.translator.real.unload_model()
    return ctranslate2.Translator(str(_check_files(engine.package)), device="cpu", inter_threads=1,
                                  intra_threads=engine.threads)


def masked_paragraphs(out: Path, glossary) -> list[list[str]]:
    """The masked sentences the engine was asked for, one list per paragraph (titles are paragraphs)."""
    from bilingual.interchange.jsondoc import load_document
    from bilingual.translate.protect import protect
    from bilingual.translate.run import has_chinese

    paragraphs = []
    for path in sorted(out.glob("*.json")):
        doc = load_document(path)
        title = doc.meta.title_hans or doc.meta.title
        texts = [[title]] if has_chinese(title) else []
        texts += [[s.hans or s.source for s in block.segments] for block in doc.blocks]
        for block in texts:
            masked = [protect(text, glossary).masked.strip() for text in block if has_chinese(text)]
            if masked:
                paragraphs.append(masked)
    return paragraphs


def main(spec_path: str, result_path: str) -> int:
    from bilingual import api

    spec = json.loads(Path(spec_path).read_text(encoding="utf-8"))
    inputs = [Path(p) for p in spec["inputs"]]
    work = Path(spec["work"])
    options, formats = spec["options"], tuple(spec.get("formats", ["html"]))
    rows = []
    with figures._Spy() as spy:
        start = perf_counter()
        _build([Path(p) for p in spec["warmup"]], work / "warm-out", work / "warm.sqlite", options, formats)
        warmup_s = perf_counter() - start
        for r in range(spec["repeats"]):
            memory, out = work / f"memory-{r}.sqlite", work / f"out-{r}"
            spy.reset()
            start, cpu = perf_counter(), process_time()
            built = _build(inputs, out, memory, options, formats)
            first, first_cpu = perf_counter() - start, process_time() - cpu
            peak = _peak_mib()
            first_steps, calls = dict(spy.steps), spy.calls
            ct2, target_tokens, engine = spy.ct2_seconds, spy.target_tokens, spy.engines[-1]
            translator = _fresh_translator(engine)
            raw = figures.raw_ct2(translator, calls, engine.batch_size, engine.batch_type)
            translator.unload_model()  # each replay starts cold, and the next build holds one model alone
            free = {"wall_s": float("nan"), "cpu_s": float("nan")}
            if spec.get("free"):
                translator = _fresh_translator(engine)
                free = figures.raw_free(translator, calls, engine.batch_size)
                translator.unload_model()
            spy.reset()
            start, cpu = perf_counter(), process_time()
            _build(inputs, work / f"cached-{r}", memory, options, formats)
            cached, cached_cpu = perf_counter() - start, process_time() - cpu
            if spy.calls or spy.engines:
                raise SystemExit("bench: the cached rebuild loaded or ran the engine; the memory did not serve it")
            rows.append({"first_s": first, "first_cpu_s": first_cpu, "raw_s": raw["wall_s"],
                         "raw_cpu_s": raw["cpu_s"], "raw_free_s": free["wall_s"], "raw_free_cpu_s": free["cpu_s"],
                         "ct2_in_pipeline_s": ct2, "cached_s": cached,
                         "cached_cpu_s": cached_cpu, "peak_rss_mib": peak, "steps": first_steps,
                         "cached_steps": dict(spy.steps), "sentences": len(figures.sentences_sent(calls)),
                         "source_tokens": sum(map(len, figures.sentences_sent(calls))),
                         "target_tokens": target_tokens, "engine_calls": len(calls),
                         "outputs": len(built.written)})
        names = api.glossary()
        paragraphs = masked_paragraphs(work / "out-0", names)
        tokenizer = engine.tokenizer
        loop = None
        if spec.get("paragraph_loop"):
            loop = figures.paragraph_loop(_fresh_translator(engine),
                                          [[tokenizer.encode(t) for t in p] for p in paragraphs], calls,
                                          engine.batch_size, engine.batch_type)
    (work / "paragraphs.json").write_text(json.dumps(paragraphs, ensure_ascii=False), encoding="utf-8")
    best = {key: min(row[key] for row in rows) for key in
            ("first_s", "first_cpu_s", "raw_s", "raw_cpu_s", "raw_free_s", "raw_free_cpu_s", "ct2_in_pipeline_s",
             "cached_s", "cached_cpu_s")}
    steps = {step: min(row["steps"].get(step, 0.0) for row in rows) for step in rows[0]["steps"]}
    cached_steps = {step: min(row["cached_steps"].get(step, 0.0) for row in rows) for step in rows[0]["cached_steps"]}
    first = rows[0]
    result = {
        **best, "repeats": len(rows), "warmup_s": warmup_s, "identity": engine.identity,
        "engine": {"threads": engine.threads, "batch_size": engine.batch_size, "batch_type": engine.batch_type,
                   "beam_size": engine.beam_size},
        "articles": len(json.loads(Path(spec_path).read_text(encoding="utf-8"))["inputs"]),
        "documents": sum(1 for p in (work / "out-0").glob("*.json")),
        **{key: first[key] for key in ("sentences", "source_tokens", "target_tokens", "engine_calls", "outputs")},
        "paragraphs": len(paragraphs),
        # the first repeat's: a later one's peak holds the replays' fresh translators (freed memory stays with
        # the process), not the build's own
        "peak_rss_mib": rows[0]["peak_rss_mib"],
        "first_steps_s": steps, "cached_steps_s": cached_steps,
        "paragraph_loop": loop, "memory": str(work / "memory-0.sqlite"), "runs": rows,
    }
    Path(result_path).write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
