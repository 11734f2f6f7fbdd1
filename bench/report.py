"""The Markdown table of a benchmark run (bench/results/latest.md, copied into the READMEs)."""

from __future__ import annotations


def _s(seconds: float) -> str:
    return f"{seconds:.3f} s" if seconds < 1 else f"{seconds:.2f} s"


def _goal(value: float, goal: float, unit: str = "") -> str:
    return f"≤ {goal:g}{unit} ({'met' if value <= goal else 'not met'})"


def markdown(r: dict) -> str:
    """One table of every figure (measured | baseline in the same run | ratio | goal), then details."""
    rows = ["| figure | measured | baseline (same run) | ratio | goal |", "|---|---|---|---|---|"]
    for p in r["pipeline"]:
        model = f"{p['model']} model, {p['sentences_to_engine']} sentences"
        rows.append(f"| 1. pipeline overhead ({model}): first build − engine load ÷ raw CTranslate2 "
                    f"| {_s(p['first_build_s'] - p['engine_load_s'])} (+ {_s(p['engine_load_s'])} load) "
                    f"| {_s(p['raw_ct2_s'])} translate_batch | {p['overhead_ratio']:.2f} "
                    f"| {_goal(p['overhead_ratio'], p['overhead_goal'])} |")
        rows.append(f"| 1. the same in CPU seconds of the process (steadier on a busy machine; load included) "
                    f"| {_s(p['first_build_cpu_s'])} | {_s(p['raw_ct2_cpu_s'])} translate_batch "
                    f"| {p['overhead_ratio_cpu']:.2f} | {_goal(p['overhead_ratio_cpu'], p['overhead_goal'])} |")
        rows.append(f"| 2. cached rebuild ÷ first build ({p['model']} model) | {_s(p['cached_build_s'])} "
                    f"| {_s(p['first_build_s'])} first build | {p['cached_ratio']:.3f} "
                    f"| {_goal(p['cached_ratio'], p['cached_goal'])} |")
    t = r["throughput"]
    rows.append(f"| 3. segment + convert throughput ({t['megabytes']:.1f} MB, shipped glossary, s2twp) "
                f"| {t['mb_per_s']:.3f} MB/s | {t['opencc_only_mb_per_s']:.2f} MB/s bare OpenCC s2twp "
                f"| {t['opencc_over_ours']:.0f}× OpenCC's time | — |")
    s = r["startup"]
    for c in s["commands"]:
        goal = _goal(c["seconds"], s["goal_help_seconds"], " s") if c["command"] == "bilingual --help" else "—"
        heavy = f"; imports {', '.join(c['heavy_imports'])}" if c["heavy_imports"] else ""
        rows.append(f"| 4. start-up `{c['command']}`{heavy} | {_s(c['seconds'])} "
                    f"| {_s(s['python_c_pass'])} `python -c pass` | {c['over_python']:.1f} | {goal} |")
    m = r["memory"]
    one, many = m["builds"]["1 article"], m["builds"][f"{m['articles']} articles"]
    rows.append(f"| 5. peak RSS, {m['articles']}-article {m['format'].upper()} build (tiny model) "
                f"| {many['peak_rss_mib']:.0f} MiB ({_s(many['seconds'])}) | {one['peak_rss_mib']:.0f} MiB 1-article "
                f"build | {m['ratio_to_one_article']:.2f} | — |")

    lines = [f"Benchmarks{' (--quick)' if r['quick'] else ''}, {r['when']}: Python {r['machine']['python']}, "
             f"CTranslate2 {r['machine']['ctranslate2']}, {r['machine']['cpus']} CPUs, load average "
             f"{r['machine']['load_average'][0]:.1f} at start; engine threads {r['engine_options']['threads']}, "
             f"batch size {r['engine_options']['batch_size']}.", "", *rows, ""]
    for p in r["pipeline"]:
        lines += [f"Where the time goes ({p['model']} model; seconds, best of {p['repeats']}; CTranslate2 inside "
                  f"the pipeline: {_s(p['ct2_in_pipeline_s'])} in {p['engine_calls']} calls):", "",
                  "| step | first build | cached rebuild |", "|---|---|---|"]
        for step, seconds in p["first_build_steps_s"].items():
            lines.append(f"| {step} | {seconds:.3f} | {p['cached_build_steps_s'].get(step, 0.0):.3f} |")
        other_first = p["first_build_s"] - sum(p["first_build_steps_s"].values())
        other_cached = p["cached_build_s"] - sum(p["cached_build_steps_s"].values())
        lines += [f"| other (memory open and close, output checks) | {other_first:.3f} | {other_cached:.3f} |", ""]
    return "\n".join(lines)
