"""The Markdown tables of a benchmark run (bench/results/latest.md, copied into bench/README.md)."""

from __future__ import annotations

# Goals of issue 16 per set (ratios in one run): first build CPU ÷ raw CTranslate2 CPU, cached ÷ first.
OVERHEAD_GOALS = {"seed": 1.05, "50 articles": 1.02}
CACHED_GOALS = {"seed": 0.02, "50 articles": 0.01}


def _s(seconds: float) -> str:
    return f"{seconds:.3f}" if seconds < 1 else f"{seconds:.2f}" if seconds < 100 else f"{seconds:.0f}"


def _goal(value: float, goal: float | None, unit: str = "") -> str:
    if goal is None:
        return "—"
    return f"≤ {goal:g}{unit} ({'met' if value <= goal else '**not met**'})"


def _ratio(peer: dict | None, raw_cpu: float) -> str:
    if not peer:
        return "—"
    if "error" in peer:
        return f"did not run: {peer['error']}"
    return f"{peer['cpu_s'] / raw_cpu:.2f} ({_s(peer['cpu_s'])} s)"


def markdown(r: dict) -> str:
    """Tables: first build vs raw CTranslate2 per set, cached rebuild and peers, then the other figures."""
    m, o = r["machine"], r["engine_options"]
    lines = [f"Benchmarks{' (--quick)' if r['quick'] else ''}, {r['when']}, `{r['command']}` "
             f"({r.get('bench_minutes', 0):.0f} min): {r['model']} model; Python {m['python']}, "
             f"CTranslate2 {m['ctranslate2']}, {m['usable_cores']} usable cores, load average "
             f"{m['load_average'][0]:.1f} at start; engine threads {o['threads']} "
             f"(= {r['sets'][0]['engine']['threads']}), batch {o['batch_size']} {o['batch_type']}, "
             f"beam {r['sets'][0]['engine']['beam_size']}.", ""]
    lines += ["**First build against raw CTranslate2** (same masked sentences, same options; CPU seconds of the "
              "process, all threads; build includes the model load, raw is translate_batch alone):", "",
              "| set | sentences | tokens in → out | first build wall / CPU s | raw CT2 wall / CPU s "
              "| ratio CPU | ratio wall | goal (CPU) | sentences/s | tokens out/s | CPU ms per sentence "
              "| peak RSS | raw CT2 free batching CPU s (÷ raw) |", "|---" * 13 + "|"]
    for s in r["sets"]:
        ratio_cpu, ratio_wall = s["first_cpu_s"] / s["raw_cpu_s"], s["first_s"] / s["raw_s"]
        free = s.get("raw_free_cpu_s")
        free = f"{_s(free)} ({free / s['raw_cpu_s']:.2f})" if free is not None and free == free else "—"
        lines.append(
            f"| {s['set']} | {s['sentences']} | {s['source_tokens']} → {s['target_tokens']} "
            f"| {_s(s['first_s'])} / {_s(s['first_cpu_s'])} | {_s(s['raw_s'])} / {_s(s['raw_cpu_s'])} "
            f"| {ratio_cpu:.3f} | {ratio_wall:.3f} | {_goal(ratio_cpu, OVERHEAD_GOALS.get(s['set']))} "
            f"| {s['sentences'] / s['first_s']:.1f} | {s['target_tokens'] / s['first_s']:.0f} "
            f"| {1000 * s['first_cpu_s'] / s['sentences']:.1f} | {s['peak_rss_mib']:.0f} MiB | {free} |")
    lines += ["", "**Cached rebuild and peers** (cached: the same build again on the filled memory, in-process; "
              "fresh process: `bilingual build` as a user runs it; peers: CPU seconds ÷ raw CTranslate2's):", "",
              "| set | cached rebuild wall / CPU s | ÷ first build (wall) | goal | fresh-process cached rebuild "
              "wall / CPU s, peak RSS | per-paragraph loop ÷ raw | argostranslate's path ÷ raw |",
              "|---|---|---|---|---|---|---|"]
    for s in r["sets"]:
        cached = s["cached_s"] / s["first_s"]
        cold = s["cold_cached"]
        lines.append(
            f"| {s['set']} | {_s(s['cached_s'])} / {_s(s['cached_cpu_s'])} | {cached:.4f} "
            f"| {_goal(cached, CACHED_GOALS.get(s['set']))} "
            f"| {_s(cold['wall_s'])} / {_s(cold['cpu_s'])}, {cold['peak_rss_mib']:.0f} MiB "
            f"| {_ratio(s.get('paragraph_loop'), s['raw_cpu_s'])} "
            f"| {_ratio(s.get('argostranslate'), s['raw_cpu_s'])} |")
    lines += ["", *_growth(r["sets"]), "", *_others(r), ""]
    lines += ["Where the time goes (wall seconds, best of the repeats; *engine load* is inside *translate*):", "",
              "| step | " + " | ".join(f"{s['set']} first | {s['set']} cached" for s in r["sets"]) + " |",
              "|---|" + "---|---|" * len(r["sets"])]
    steps = list(dict.fromkeys(k for s in r["sets"] for k in s["first_steps_s"]))
    for step in steps:
        cells = [f"{s['first_steps_s'].get(step, 0.0):.3f} | {s['cached_steps_s'].get(step, 0.0):.3f}"
                 for s in r["sets"]]
        lines.append(f"| {step} | " + " | ".join(cells) + " |")
    lines.append("| CTranslate2 inside the build | " + " | ".join(
        f"{s['ct2_in_pipeline_s']:.3f} ({s['engine_calls']} calls) | —" for s in r["sets"]) + " |")
    return "\n".join(lines) + "\n"


def _growth(sets: list[dict]) -> list[str]:
    """Time and memory per sentence from the smallest generated set to the largest: linear means flat."""
    generated = [s for s in sets if s["set"] != "seed"]
    if len(generated) < 2:
        return []
    a, b = generated[0], generated[-1]
    per = [(s["first_cpu_s"] / s["sentences"]) for s in (a, b)]
    cached = [(s["cached_s"] / s["articles"]) for s in (a, b)]
    return [f"Growth from {a['set']} to {b['set']} ({b['sentences'] / a['sentences']:.1f}× the sentences): "
            f"first-build CPU per sentence ×{per[1] / per[0]:.2f}, cached rebuild per article "
            f"×{cached[1] / cached[0]:.2f}, peak RSS {a['peak_rss_mib']:.0f} → {b['peak_rss_mib']:.0f} MiB."]


def _others(r: dict) -> list[str]:
    e = r["epub"]
    one, many = e["builds"]["1 article"], e["builds"][f"{e['articles']} articles"]
    t = r["throughput"]
    s = r["startup"]
    f = s["fixed_cost"]
    rows = ["| figure | measured | baseline (same run) | ratio | goal |", "|---|---|---|---|---|",
            f"| peak RSS, {e['articles']}-article EPUB build ({e['translated_articles']} articles translated, "
            f"the rest from the memory) | {many['peak_rss_mib']:.0f} MiB "
            f"({_s(many['seconds'])} s, EPUB {many['epub_mib']:.1f} MB) | {one['peak_rss_mib']:.0f} MiB "
            f"1-article EPUB | {e['ratio_to_one_article']:.2f} "
            f"| {_goal(many['peak_rss_mib'], e['goal_mib'], ' MiB')} |",
            f"| segment + convert ({t['megabytes']:.1f} MB, shipped glossary, s2twp) | {t['mb_per_s']:.3f} MB/s "
            f"| {t['opencc_only_mb_per_s']:.2f} MB/s bare OpenCC s2twp | {t['opencc_over_ours']:.1f}× OpenCC's time "
            f"| ≤ 1.5× ({'met' if t['opencc_over_ours'] <= 1.5 else '**not met**'}; the matcher is issue 10's) |",
            f"| fixed cost of `build SEED --no-translate` (fresh process − python start − the same build again "
            f"in-process) | {_s(f['fixed_cpu_s'])} s CPU ({_s(f['fixed_wall_s'])} s wall) "
            f"| {_s(f['cold_cpu_s'])} s CPU fresh process, {_s(f['warm_cpu_s'])} s in-process, "
            f"{_s(f['python_cpu_s'])} s python | — | {_goal(f['fixed_cpu_s'], f['goal_s'], ' s')} |"]
    for c in s["commands"]:
        goal = _goal(c["seconds"], s["goal_help_seconds"], " s") if c["command"] == "bilingual --help" else "—"
        heavy = f"; imports {', '.join(c['heavy_imports'])}" if c["heavy_imports"] else ""
        rows.append(f"| start-up `{c['command']}`{heavy} | {_s(c['seconds'])} s ({_s(c['cpu_s'])} s CPU) "
                    f"| {_s(s['python_c_pass'])} s `python -c pass` | {c['over_python']:.1f} | {goal} |")
    return rows
