"""Benchmark: how close the suite runs to the floor of raw Playwright, serially and with -n 2.

    python bench/benchmark.py [--runs 3] [--locale L ...] [--json PATH] [--readme] [--full]

Measured side by side in one run, each a fresh process, ``--runs`` times, medians compared:
(a) ``bench/raw_playwright.py``, the floor: the same clicks, the same reads and assertions
(``bench/raw_checks.py``) and the same localization audit (axe and the layout probes once per
locale and page state, as the suite's default ``--l10n-checks auto`` for whole locales),
without a test framework; (a0) the bare clicks alone, for comparison;
(a2) the floor in two processes (locales split between them); (b) the suite serially with
``--evidence-rerun`` (what ``make e2e`` runs: evidence on failure, no trace for passes);
(b0) the suite serially without any evidence; (c) the suite with ``-n 2`` and
``--evidence-rerun``. Targets: b/a <= 1.10, c/a2 <= 1.15. ``--full`` adds one run of the whole
21-locale suite, serial and ``-n 2``, with seconds per scenario; ``--json`` writes every
number (with the machine's load average around each run: above ~0.5 per core the absolute
times are contended, the ratios less so); ``--readme`` rewrites README.md's marked speed block.
Also the generator's time per article and the portal's page latency (p50/p99).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from articles import SETTLE_BALANCE_2021  # noqa: E402
from bench.report import TARGETS, markdown, ratios, update_readme  # noqa: E402
from bench.side_stats import generator_ms_per_article, portal_latency  # noqa: E402

ARTICLES = SETTLE_BALANCE_2021.articles

SUITE = [sys.executable, "-m", "pytest", "features", "-q", "-p", "no:randomly"]
SUITE += ["-p", "no:cacheprovider"]
EVIDENCE = ["--evidence-rerun"]
Measure = Callable[[], float]


def timed(command: list[str]) -> float:
    """Wall time of one fresh process; a failing run aborts the benchmark."""
    started = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        output = result.stdout[-2000:] + result.stderr[-2000:]
        sys.exit(f"benchmark run failed: {' '.join(command)}\n{output}")
    return elapsed


def timed_together(commands: list[list[str]]) -> float:
    """Wall time of several fresh processes started at once (until the last one ends)."""
    started = time.perf_counter()
    running = [
        subprocess.Popen(c, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for c in commands
    ]
    if any(process.wait() != 0 for process in running):
        sys.exit(f"benchmark run failed: {commands}")
    return time.perf_counter() - started


def rows_for(locales: list[str], selected: list[str]) -> dict[str, tuple[str, Measure]]:
    """key -> (label, measurement) for a, a2, b, b0, c over ``locales``."""
    locale_args = [f"--locale={loc}" for loc in selected]
    raw = [sys.executable, "-m", "bench.raw_playwright"]
    halves = [raw + half for half in (locales[0::2], locales[1::2]) if half]
    serial = [*SUITE, "-p", "no:xdist", *locale_args]
    return {
        "a": ("(a) raw Playwright floor (same checks, same audit)", lambda: timed(raw + locales)),
        "a0": ("(a0) raw clicks only", lambda: timed([*raw, "--clicks-only", *locales])),
        "a2": ("(a2) raw floor, 2 processes", lambda: timed_together(halves)),
        "b": ("(b) suite, serial, evidence re-run on failure", lambda: timed(serial + EVIDENCE)),
        "b0": ("(b0) suite, serial, no evidence", lambda: timed(serial)),
        "c": (
            "(c) suite, -n 2, evidence re-run on failure",
            lambda: timed([*SUITE, "-n", "2", *EVIDENCE, *locale_args]),
        ),
    }


def measure(rows: dict[str, tuple[str, Measure]], runs: int) -> dict[str, dict[str, object]]:
    """Round-robin over the rows (a, a2, b, b0, c, a, a2, …): a burst of load from elsewhere
    hits every row alike instead of one row's runs."""
    samples: dict[str, list[float]] = {key: [] for key in rows}
    loads: dict[str, list[float]] = {key: [] for key in rows}
    for _ in range(runs):
        for key, (_, run) in rows.items():
            loads[key].append(os.getloadavg()[0])
            samples[key].append(run())
    return {
        key: {
            "label": rows[key][0],
            "median": statistics.median(samples[key]),
            "runs": samples[key],
            "load_1min_before": loads[key],
        }
        for key in rows
    }


def full_suite() -> dict[str, object]:
    """The whole suite (every locale) once serially and once with -n 2."""
    scenarios = len(list((ROOT / "features").glob("*/*.feature"))) * 10
    serial = timed([*SUITE, "-p", "no:xdist", *EVIDENCE])
    parallel = timed([*SUITE, "-n", "2", *EVIDENCE])
    return {
        "scenarios": scenarios,
        "serial_s": serial,
        "n2_s": parallel,
        "serial_s_per_scenario": serial / scenarios,
        "n2_s_per_scenario": parallel / scenarios,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--locale", action="append", default=[])
    parser.add_argument("--json", type=Path, default=None, help="write every number here")
    parser.add_argument("--readme", action="store_true", help="rewrite README.md's block")
    parser.add_argument("--full", action="store_true", help="also the whole suite, once")
    args = parser.parse_args()
    locales = args.locale or sorted(path.stem for path in ARTICLES.glob("*.md"))
    load_before = os.getloadavg()
    results = measure(rows_for(locales, args.locale), args.runs)
    data: dict[str, object] = {
        "date": time.strftime("%Y-%m-%d %H:%M"),
        "machine": {"cores": os.cpu_count(), "python": sys.version.split()[0]},
        "runs": args.runs,
        "locales": locales,
        "load_avg_before": load_before,
        "medians": {key: row["median"] for key, row in results.items()},
        "rows": results,
        "ratios": ratios({key: float(row["median"]) for key, row in results.items()}),  # type: ignore[arg-type]
        "targets": TARGETS,
    }
    if args.full:
        data["full_suite"] = full_suite()
    data["generator_ms_per_article"] = generator_ms_per_article(ARTICLES)
    data["portal_products_ms"] = dict(zip(("p50", "p99"), portal_latency(), strict=True))
    data["load_avg_after"] = os.getloadavg()
    text = markdown(data)
    print(text)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    if args.readme:
        update_readme(ROOT / "README.md", text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
