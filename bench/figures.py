"""The in-process measurements: pipeline vs raw CTranslate2, cached rebuild, conversion throughput.

The pipeline is timed through the public `api.build`, with its steps wrapped
by timers (a few function calls per article, nothing per sentence), and the
engine's CTranslate2 translator wrapped by a recorder that keeps the exact
token lists and options the pipeline sent. The raw baseline replays those
same tokens through the same translator object with the same options, batched
the ideal way (all sentences sorted by length, `batch_size` per call).
"""

from __future__ import annotations

import copy
import math
from collections import defaultdict
from pathlib import Path
from time import perf_counter, process_time


class _Recorder:
    """Stands in for ctranslate2.Translator: forwards translate_batch, keeps its inputs and time."""

    def __init__(self, real, spy: _Spy) -> None:
        self.real, self.spy = real, spy

    def translate_batch(self, tokens, **options):
        start = perf_counter()
        try:
            return self.real.translate_batch(tokens, **options)
        finally:
            self.spy.ct2_seconds += perf_counter() - start
            self.spy.calls.append(([list(t) for t in tokens], dict(options)))


class _Spy:
    """Times the steps of api.build and records the engine's CTranslate2 calls while active."""

    STEPS = (("bilingual.api", "load", "ingest"), ("bilingual.api", "glossary", "glossary load"),
             ("bilingual.api", "prepare", "segment + convert"), ("bilingual.translate.argos", "load_engine",
                                                                  "engine load"),
             ("bilingual.translate.run", "translate_documents", "translate"), ("bilingual.api", "publish", "publish"),
             ("bilingual.publish.index", "write_index", "publish"))

    def __init__(self) -> None:
        self._undo: list[tuple[object, str, object]] = []
        self.reset()

    def reset(self) -> None:
        self.steps: dict[str, float] = defaultdict(float)
        self.calls: list[tuple[list[list[str]], dict]] = []
        self.ct2_seconds = 0.0
        self.engines: list = []

    def __enter__(self) -> _Spy:
        import importlib

        for module_name, name, step in self.STEPS:
            try:
                module = importlib.import_module(module_name)
            except ImportError:  # a step this version of the pipeline does not have
                continue
            self._set(module, name, self._timed(getattr(module, name), step))
        from bilingual.translate.argos import ArgosEngine

        real_init, spy = ArgosEngine.__init__, self

        def init(engine, *args, **kwargs) -> None:
            real_init(engine, *args, **kwargs)
            engine.translator = _Recorder(engine.translator, spy)
            spy.engines.append(engine)

        self._set(ArgosEngine, "__init__", init)
        return self

    def __exit__(self, *exc) -> None:
        for obj, name, value in reversed(self._undo):
            setattr(obj, name, value)
        self._undo.clear()

    def _set(self, obj, name: str, value) -> None:
        self._undo.append((obj, name, getattr(obj, name)))
        setattr(obj, name, value)

    def _timed(self, real, step: str):
        def timed(*args, **kwargs):
            start = perf_counter()
            try:
                return real(*args, **kwargs)
            finally:
                self.steps[step] += perf_counter() - start

        return timed


def _bound(tokens: list[list[str]]) -> int:
    """The engine's decoding bound for a batch (bilingual.translate.argos.ArgosEngine._decode)."""
    return min(1024, 3 * max(len(t) for t in tokens) + 16)


def _template(calls: list[tuple[list[list[str]], dict]]) -> dict:
    """The options every recorded call shares; stops the bench if the engine's rules changed under it."""
    fixed = [{k: v for k, v in options.items() if k not in ("target_prefix", "max_decoding_length")}
             for _, options in calls]
    if any(f != fixed[0] for f in fixed):
        raise SystemExit("bench: the engine sent different options per batch; update bench/figures.py")
    for tokens, options in calls:
        if options.get("max_decoding_length") != _bound(tokens):
            raise SystemExit("bench: the engine's max_decoding_length rule changed; update bench/figures._bound")
    prefixes = calls[0][1].get("target_prefix")
    return {**fixed[0], "prefix": prefixes[0] if prefixes else None}


def raw_ct2_seconds(translator, calls: list[tuple[list[list[str]], dict]]) -> float:
    """translate_batch alone on the pipeline's token lists: sorted by length, batch_size per call."""
    template = _template(calls)
    prefix = template.pop("prefix")
    batch_size = template["max_batch_size"]
    tokens = sorted((t for batch, _ in calls for t in batch), key=len)
    start = perf_counter()
    for i in range(0, len(tokens), batch_size):
        batch = tokens[i:i + batch_size]
        translator.translate_batch(batch, target_prefix=[prefix] * len(batch) if prefix else None,
                                   max_decoding_length=_bound(batch), **template)
    return perf_counter() - start


def pipeline(corpus: list[Path], work: Path, *, options: dict, repeats: int) -> dict:
    """1 and 2: first build (fresh memory) ÷ raw CTranslate2, cached rebuild ÷ first build; best of `repeats`."""
    from bilingual import api

    work.mkdir(parents=True, exist_ok=True)
    rows = []
    with _Spy() as spy:
        # Warm-up: imports, jieba's dictionary, templates, the model file in the page cache.
        api.build(corpus, work / "warm-out", memory_path=work / "warm.sqlite", engine_options=options)
        spy.reset()
        for r in range(repeats):
            memory = work / f"memory-{r}.sqlite"
            spy.reset()
            start, cpu = perf_counter(), process_time()
            built = api.build(corpus, work / f"out-{r}", memory_path=memory, engine_options=options)
            first, first_cpu = perf_counter() - start, process_time() - cpu
            first_steps, calls, ct2 = dict(spy.steps), spy.calls, spy.ct2_seconds
            engine = spy.engines[-1]
            cpu = process_time()
            raw = raw_ct2_seconds(engine.translator.real, calls)
            raw_cpu = process_time() - cpu
            spy.reset()
            start = perf_counter()
            api.build(corpus, work / f"cached-{r}", memory_path=memory, engine_options=options)
            cached = perf_counter() - start
            if spy.calls:
                raise SystemExit("bench: the cached rebuild ran the engine; the memory did not serve it")
            rows.append({"first": first, "raw": raw, "ct2_in_pipeline": ct2, "cached": cached,
                         "first_cpu": first_cpu, "raw_cpu": raw_cpu,
                         "load": first_steps.get("engine load", 0.0), "steps": first_steps,
                         "cached_steps": dict(spy.steps), "sentences": sum(len(b) for b, _ in calls),
                         "engine_calls": len(calls), "outputs": len(getattr(built, "written", built))})
    # The fastest of the repeats: what other work on the machine added is noise, not the pipeline's cost.
    keys = ("first", "raw", "ct2_in_pipeline", "cached", "load", "first_cpu", "raw_cpu")
    med = {key: min(row[key] for row in rows) for key in keys}
    steps = {step: min(row["steps"].get(step, 0.0) for row in rows) for step in rows[0]["steps"]}
    cached_steps = {step: min(row["cached_steps"].get(step, 0.0) for row in rows) for step in rows[0]["cached_steps"]}
    return {
        "identity": engine.identity,
        "repeats": repeats,
        "sentences_to_engine": rows[0]["sentences"],
        "engine_calls": rows[0]["engine_calls"],
        "outputs": rows[0]["outputs"],
        "first_build_s": med["first"],
        "engine_load_s": med["load"],
        "raw_ct2_s": med["raw"],
        "ct2_in_pipeline_s": med["ct2_in_pipeline"],
        "overhead_ratio": (med["first"] - med["load"]) / med["raw"],
        "overhead_ratio_with_load": med["first"] / med["raw"],
        # CPU seconds of this process (all threads): steadier than wall time on a busy machine.
        "first_build_cpu_s": med["first_cpu"],
        "raw_ct2_cpu_s": med["raw_cpu"],
        "overhead_ratio_cpu": med["first_cpu"] / med["raw_cpu"],
        "overhead_goal": 1.05,
        "cached_build_s": med["cached"],
        "cached_ratio": med["cached"] / med["first"],
        "cached_goal": 0.02,
        "first_build_steps_s": steps,
        "cached_build_steps_s": cached_steps,
        "runs": rows,
    }


def _source_bytes(doc) -> int:
    return sum(len(block.source.encode("utf-8")) for block in doc.blocks)


def throughput(corpus: list[Path], *, megabytes: float) -> dict:
    """3: segment() + convert() (shipped glossary, s2twp) in MB/s of UTF-8 source, next to bare OpenCC."""
    import opencc

    from bilingual import api
    from bilingual.convert import convert
    from bilingual.model import Document
    from bilingual.segment import segment

    docs = api.load(corpus)
    names = api.glossary()
    api.prepare(docs[0], glossary=names)  # warm-up: jieba's dictionary, OpenCC's tables
    rounds = math.ceil(megabytes * 2**20 / sum(_source_bytes(d) for d in docs))
    size = seg_s = conv_s = opencc_s = 0.0
    segments = 0
    cc = opencc.OpenCC("s2twp")
    for r in range(rounds):
        # A fresh glossary per round: the corpus repeats, and Glossary.find's sentence cache must not
        # turn the repeats into free work (within a round it helps only as it helps a real build).
        names = api.glossary()
        for doc in docs:
            big = Document(id=f"{doc.id}-{r}", meta=copy.deepcopy(doc.meta), blocks=copy.deepcopy(doc.blocks))
            size += _source_bytes(big)
            start = perf_counter()
            split = segment(big)
            middle = perf_counter()
            convert(split, variant="s2twp", glossary=names)
            seg_s += middle - start
            conv_s += perf_counter() - middle
            segments += len(split.segments())
            start = perf_counter()
            for block in big.blocks:
                cc.convert(block.source)
            opencc_s += perf_counter() - start
    mb = size / 2**20
    return {"megabytes": mb, "documents": rounds * len(docs), "segments": segments,
            "segment_s": seg_s, "convert_s": conv_s, "mb_per_s": mb / (seg_s + conv_s),
            "segment_mb_per_s": mb / seg_s, "convert_mb_per_s": mb / conv_s,
            "opencc_only_mb_per_s": mb / opencc_s, "opencc_over_ours": (seg_s + conv_s) / opencc_s}


def many_articles(corpus: list[Path], folder: Path, count: int) -> list[Path]:
    """`count` article files cycled from the corpus's single-article files, each under its own name."""
    singles = [p for p in corpus if p.suffix in (".txt", ".md") and p.parent.name != "parallel"]
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for i in range(count):
        source = singles[i % len(singles)]
        target = folder / f"{i:03d}_{source.name}"
        target.write_bytes(source.read_bytes())
        made.append(target)
    return made
