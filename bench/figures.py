"""The in-process measurements: pipeline vs raw CTranslate2 and its peers, conversion throughput.

The pipeline is timed through the public `api.build`, with its steps wrapped
by timers (a few function calls per article, nothing per sentence), and the
engine's CTranslate2 translator wrapped by a recorder that keeps the exact
token lists and options the pipeline sent. The raw baseline replays those
same tokens through the same translator object with the same options, called
the way a careful direct caller would: every sentence at once, sorted by
length, one translate_batch per decoding bound (CTranslate2 cuts the batches).
The per-paragraph loop sends the same masked sentences one paragraph per call.
"""

from __future__ import annotations

import copy
import math
from collections import defaultdict
from pathlib import Path
from time import perf_counter, process_time


class _Recorder:
    """Stands in for ctranslate2.Translator: forwards translate_batch, keeps its inputs, outputs and time."""

    def __init__(self, real, spy: _Spy) -> None:
        self.real, self.spy = real, spy

    def translate_batch(self, tokens, **options):
        start = perf_counter()
        results = None
        try:
            results = self.real.translate_batch(tokens, **options)
            return results
        finally:
            self.spy.ct2_seconds += perf_counter() - start
            self.spy.calls.append(([list(t) for t in tokens], dict(options)))
            self.spy.target_tokens += sum(len(r.hypotheses[0]) for r in results or [])


class _Spy:
    """Times the steps of api.build and records the engine's CTranslate2 calls while active."""

    # What a build (bilingual/edition.py) calls for each step (private names: this instruments its insides).
    STEPS = (("bilingual.edition", "_load_files", "ingest"), ("bilingual.edition", "glossary", "glossary load"),
             ("bilingual.edition", "prepare", "segment + convert"),
             ("bilingual.translate.run", "translate_documents", "translate"),
             ("bilingual.edition", "_write_editions", "publish"))

    def __init__(self) -> None:
        self._undo: list[tuple[object, str, object]] = []
        self.reset()

    def reset(self) -> None:
        self.steps: dict[str, float] = defaultdict(float)
        self.calls: list[tuple[list[list[str]], dict]] = []
        self.ct2_seconds = 0.0
        self.target_tokens = 0
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
            start = perf_counter()
            try:
                real_init(engine, *args, **kwargs)
            finally:  # the model load is a step of its own (inside "translate" when it is lazy)
                spy.steps["engine load"] += perf_counter() - start
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


# Options that legitimately differ per call: the prefixes (a pacer's forces its end), the bound (per bucket)
# and max_batch_size (each call is one planned batch).
_PER_CALL = ("target_prefix", "max_decoding_length", "max_batch_size")


def _is_pacer(options: dict, k: int) -> bool:
    prefixes = options.get("target_prefix") or []
    return k < len(prefixes) and bool(prefixes[k]) and prefixes[k][-1] == "</s>"


def sentences_sent(calls: list[tuple[list[list[str]], dict]]) -> list[list[str]]:
    """The token lists of real sentences the engine sent (pacers left out)."""
    return [t for tokens, options in calls for k, t in enumerate(tokens) if not _is_pacer(options, k)]


def _template(calls: list[tuple[list[list[str]], dict]]) -> dict:
    """The options every recorded call shares; stops the bench if the engine's rules changed under it.

    Each call may differ only in its target prefixes, its batch size and its
    decoding bound, and the bound must be every one of its sentences' own
    (argos.decoding_bound).
    """
    from bilingual.translate.argos import decoding_bound

    fixed = [{k: v for k, v in options.items() if k not in _PER_CALL} for _, options in calls]
    if any(f != fixed[0] for f in fixed):
        raise SystemExit("bench: the engine sent different options per batch; update bench/figures.py")
    for tokens, options in calls:
        if any(options.get("max_decoding_length") != decoding_bound(len(t)) for t in tokens):
            raise SystemExit("bench: a batch's decoding bound is not each sentence's own; update bench/figures.py")
    prefixes = calls[0][1].get("target_prefix") or [[]]
    prefix = [] if _is_pacer(calls[0][1], 0) else list(prefixes[0])
    return {**fixed[0], "prefix": prefix}


def _translate(translator, tokens: list[list[str]], template: dict, batch_size: int, batch_type: str) -> None:
    """translate_batch on `tokens` as the engine batches them (argos.plan_batches, a pacer where needed),
    so every sentence gets the English the pipeline gave it."""
    from bilingual.translate.argos import _PACER, bucket, decoding_bound, plan_batches

    options = dict(template)
    prefix = options.pop("prefix")
    for batch in plan_batches([len(t) for t in tokens], batch_size, batch_type):
        rows = [tokens[k] for k in batch]
        top = bucket(len(rows[0]))
        paced = all(len(t) != top for t in rows)
        prefixes = [prefix] * len(rows) + ([[*prefix, "</s>"]] if paced else [])
        rows = [*rows, [_PACER] * top] if paced else rows
        translator.translate_batch(rows, target_prefix=prefixes if (prefix or paced) else None,
                                   max_batch_size=len(rows), max_decoding_length=decoding_bound(top), **options)


def _free(translator, tokens: list[list[str]], template: dict, batch_size: int) -> None:
    """translate_batch on `tokens` sorted by length, batch_size per call, bounded by each batch's longest:
    the cheapest use of CTranslate2, whose English for a sentence may change with its batch."""
    from bilingual.translate.argos import decoding_bound

    options = dict(template)
    prefix = options.pop("prefix")
    tokens = sorted(tokens, key=len)
    for start in range(0, len(tokens), batch_size):
        rows = tokens[start:start + batch_size]
        translator.translate_batch(rows, target_prefix=[prefix] * len(rows) if prefix else None,
                                   max_batch_size=batch_size, max_decoding_length=decoding_bound(len(rows[-1])),
                                   **options)


def _timed(run) -> dict:
    start, cpu = perf_counter(), process_time()
    run()
    return {"wall_s": perf_counter() - start, "cpu_s": process_time() - cpu}


def raw_ct2_seconds(translator, calls: list[tuple[list[list[str]], dict]], batch_size: int = 32,
                    batch_type: str = "examples") -> float:
    """translate_batch alone on the pipeline's token lists, all at once (wall seconds; see raw_ct2)."""
    return raw_ct2(translator, calls, batch_size, batch_type)["wall_s"]


def raw_ct2(translator, calls: list[tuple[list[list[str]], dict]], batch_size: int, batch_type: str) -> dict:
    """Wall and CPU seconds of translate_batch on every sentence the pipeline sent, as one direct caller
    getting the same English (same batches rule)."""
    template = _template(calls)
    tokens = sentences_sent(calls)
    return _timed(lambda: _translate(translator, tokens, template, batch_size, batch_type))


def raw_free(translator, calls: list[tuple[list[list[str]], dict]], batch_size: int) -> dict:
    """Wall and CPU seconds of the cheapest batching of the same sentences (English may differ, see _free)."""
    template = _template(calls)
    tokens = sentences_sent(calls)
    return _timed(lambda: _free(translator, tokens, template, batch_size))


def paragraph_loop(translator, paragraphs: list[list[list[str]]], calls: list[tuple[list[list[str]], dict]],
                   batch_size: int, batch_type: str) -> dict:
    """Wall and CPU seconds of translate_batch called paragraph by paragraph (same batches rule, same options)."""
    template = _template(calls)
    timed = _timed(lambda: [_translate(translator, p, template, batch_size, batch_type) for p in paragraphs])
    return {**timed, "paragraphs": len(paragraphs)}


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
        # One glossary, as in a build (its word cut loads jieba's entries once), but its sentence cache
        # emptied each round: the corpus repeats, and the repeats must not become free work (within a
        # round the cache helps only as it helps a real build).
        names.forget_sentences()
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
