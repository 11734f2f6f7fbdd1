"""Benchmarks for issue 6: ratios against baselines measured in the same run, written as JSON and Markdown.

    python bench/run.py            # the full run (a few minutes)
    python bench/run.py --quick    # fewer repeats and a smaller throughput corpus

Writes bench/results/latest.json and bench/results/latest.md. Runs offline on
the tiny test package (tests/tinymodel.py); set BILINGUAL_ARGOS_MODEL to a real
.argosmodel to measure that one too. Nothing here is a test: no figure fails
the run, each is reported against its goal. bench/README.md says what each
figure means.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import figures  # noqa: E402
from bench.report import markdown  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"
SEED = ROOT / "seeds" / "000_e53f636a1fba136f.txt"
# The corpus of real articles: the seed, the fixture articles and the fixture parallel corpus's Chinese side.
CORPUS = [SEED, *sorted(FIXTURES.glob("*_*.md")), *sorted(FIXTURES.glob("*.epub")), FIXTURES / "parallel" / "zh.txt"]
HEAVY = ("argostranslate", "torch", "stanza", "ctranslate2")
DEFAULT_OUT = ROOT / "bench" / "results"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1 repeat, 2 MB throughput corpus, 3 start-up runs")
    parser.add_argument("--threads", type=int, default=0, help="engine CPU threads (0: CTranslate2's default)")
    parser.add_argument("--batch-size", type=int, default=32, help="sentences per engine batch")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder for latest.json/.md")
    args = parser.parse_args(argv)
    repeats, runs, megabytes = (1, 3, 2.0) if args.quick else (5, 7, 10.0)
    options = {"threads": args.threads, "batch_size": args.batch_size}

    with tempfile.TemporaryDirectory(prefix="bilingual-bench-") as tmp:
        work = Path(tmp)
        _private_environment(work)
        results = {
            "when": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
            "quick": args.quick,
            "machine": _machine(),
            "engine_options": options,
            "corpus": [str(p.relative_to(ROOT)) for p in CORPUS],
            "pipeline": [],
        }
        packages = [("tiny", _tiny_package(work))]
        if os.environ.get("BILINGUAL_ARGOS_MODEL"):
            packages.append(("real", Path(os.environ["BILINGUAL_ARGOS_MODEL"])))
        for label, package in packages:
            _say(f"pipeline overhead and cached rebuild: {label} model")
            _install(package, work / f"packages-{label}")
            results["pipeline"].append(
                {"model": label, **figures.pipeline(CORPUS, work / label, options=options, repeats=repeats)})
        _install(packages[0][1], work / "packages-tiny")
        _say(f"segmentation + conversion throughput on {megabytes:g} MB")
        results["throughput"] = figures.throughput(CORPUS, megabytes=megabytes)
        _say("start-up times")
        results["startup"] = _startup(work, runs=runs)
        _say("peak memory of a 200-article build")
        results["memory"] = _memory(work, articles=200)

    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "latest.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (args.out / "latest.md").write_text(markdown(results), encoding="utf-8")
    if args.out == DEFAULT_OUT:
        _update_readme(markdown(results))
    print(markdown(results))
    return 0


def _update_readme(table: str) -> None:
    """bench/README.md shows the latest table: everything after its `<!-- latest -->` line."""
    readme = ROOT / "bench" / "README.md"
    text = readme.read_text(encoding="utf-8")
    marker = "<!-- latest -->\n"
    if marker in text:
        readme.write_text(text[:text.index(marker) + len(marker)] + "\n" + table, encoding="utf-8")


def _say(text: str) -> None:
    print(f"[bench] {text}", file=sys.stderr, flush=True)


def _private_environment(work: Path) -> None:
    """Every model folder, memory and cache under the temp folder: the bench touches nothing of the user's."""
    for var, sub in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"), ("XDG_CACHE_HOME", "cache")):
        os.environ[var] = str(work / sub)
    os.environ["BILINGUAL_MEMORY"] = str(work / "default-memory.sqlite")


def _tiny_package(work: Path) -> Path:
    from tests.tinymodel import build_tiny_argosmodel

    return build_tiny_argosmodel(work / "tinymodel")


def _install(package: Path, folder: Path) -> None:
    """Point ARGOS_PACKAGES_DIR at a folder holding just this package (installed the way users do)."""
    from bilingual.translate import packages as models

    os.environ["ARGOS_PACKAGES_DIR"] = str(folder)
    if not models.list_packages():
        models.install_file(package)


def _machine() -> dict:
    import ctranslate2

    return {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count(),
            "ctranslate2": ctranslate2.__version__, "load_average": list(os.getloadavg())}


# --- 4. start-up ---


def _bilingual() -> list[str]:
    """The installed console script run by this interpreter (no shell shims), else the module."""
    script = Path(sys.executable).parent / "bilingual"
    return [sys.executable, str(script)] if script.is_file() else [sys.executable, "-m", "bilingual.cli"]


def _startup(work: Path, *, runs: int) -> dict:
    """Median wall time of short commands in fresh processes, next to `python -c pass`."""
    commands = {
        "bilingual --help": ["--help"],
        "bilingual build --help": ["build", "--help"],
        "bilingual check --help": ["check", "--help"],
        "bilingual glossary check": ["glossary", "check"],
        "bilingual build SEED --no-translate": ["build", str(SEED), "-o", str(work / "startup-out"), "--no-translate",
                                                "--quiet"],
    }
    baseline = _median_wall([sys.executable, "-c", "pass"], runs)
    rows = []
    for name, args in commands.items():
        seconds = _median_wall([*_bilingual(), *args], runs)
        rows.append({"command": name, "seconds": seconds, "over_python": seconds / baseline,
                     "heavy_imports": _heavy_imports(args)})
    return {"python_c_pass": baseline, "runs": runs, "goal_help_seconds": 0.3, "commands": rows}


def _median_wall(cmd: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(cmd, cwd=ROOT, capture_output=True)
        times.append(time.perf_counter() - start)
        if done.returncode != 0:
            raise SystemExit(f"bench: {' '.join(cmd)} failed: {done.stderr.decode(errors='replace')[-300:]}")
    return statistics.median(times)


def _heavy_imports(args: list[str]) -> list[str]:
    """Which of the MT libraries a command imports (python -X importtime): should be none."""
    code = "import sys; from bilingual.cli import main; main(sys.argv[1:])"
    done = subprocess.run([sys.executable, "-X", "importtime", "-c", code, *args], cwd=ROOT, capture_output=True,
                          text=True)
    names = {line.split("|")[-1].strip().split(".")[0] for line in done.stderr.splitlines()
             if line.startswith("import time:")}
    return sorted(names & set(HEAVY))


# --- 5. peak memory ---


def _memory(work: Path, *, articles: int) -> dict:
    """Peak RSS of `bilingual build` on 1 and on `articles` articles (tiny engine), each in a fresh process."""
    folder = work / f"articles-{articles}"
    made = figures.many_articles(CORPUS, folder, articles)
    # A book build: one EPUB of all the articles, when build can write EPUB (else the HTML pages).
    fmt = ["--format", "epub"] if _has_option("build", "--format") else []
    one = work / "one-article"
    one.mkdir()
    (one / made[0].name).write_bytes(made[0].read_bytes())
    rows = {}
    for name, source in (("1 article", one), (f"{articles} articles", folder)):
        out = work / f"out-{name.replace(' ', '-')}"
        cmd = [*_bilingual(), "build", str(source), "-o", str(out), "--quiet", "--memory",
               str(work / f"memory-{name.replace(' ', '-')}.sqlite"), *fmt]
        start = time.perf_counter()
        peak_kib = _peak_rss_kib(cmd)
        rows[name] = {"peak_rss_mib": peak_kib / 1024, "seconds": time.perf_counter() - start,
                      "outputs": sum(1 for _ in out.iterdir())}
    return {"format": "epub" if fmt else "html", "articles": articles, "builds": rows,
            "source_mib": sum(p.stat().st_size for p in made) / 2**20,
            "ratio_to_one_article": rows[f"{articles} articles"]["peak_rss_mib"] / rows["1 article"]["peak_rss_mib"]}


def _peak_rss_kib(cmd: list[str]) -> int:
    """ru_maxrss of one child, read in a fresh parent so no earlier child counts."""
    probe = ("import resource, subprocess, sys; done = subprocess.run(sys.argv[1:]); "
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(done.returncode)")
    done = subprocess.run([sys.executable, "-c", probe, *cmd], cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"bench: {' '.join(cmd)} failed: {done.stderr[-500:]}")
    return int(done.stdout.split()[-1])  # Linux: KiB


def _has_option(command: str, option: str) -> bool:
    done = subprocess.run([*_bilingual(), command, "--help"], cwd=ROOT, capture_output=True, text=True)
    return option in done.stdout


if __name__ == "__main__":
    sys.exit(main())

