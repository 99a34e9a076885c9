"""Benchmark: how close the suite runs to the floor of raw Playwright, serially and with -n 2.

    python bench/benchmark.py [--runs 3] [--locale L ...]

(a) ``bench/raw_playwright.py``: the same clicks, no test framework (the floor);
(b) the suite serially; (c) the suite with ``-n 2``. Each is a fresh process, run ``--runs``
times; medians are compared (targets: b/a <= 1.3, b/c >= 1.5). Also the generator's time per
article and the portal's page latency (p50/p99). Prints a Markdown table for the README.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import logging
import os
import platform
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.article import load_article  # noqa: E402
from core.portal_client import PortalClient  # noqa: E402
from features.gherkin import render_feature  # noqa: E402
from mock_portal import create_app  # noqa: E402
from mock_portal.server import start_in_thread  # noqa: E402

ARTICLES = ROOT / "fixtures" / "articles"
SUITE = [
    sys.executable,
    "-m",
    "pytest",
    "features",
    "-q",
    "-p",
    "no:randomly",
    "-p",
    "no:cacheprovider",
]


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


def median_of(measure, runs: int) -> tuple[float, list[float]]:
    samples = [measure() for _ in range(runs)]
    return statistics.median(samples), samples


def generator_ms_per_article(repeats: int = 50) -> float:
    paths = sorted(ARTICLES.glob("*.md"))
    started = time.perf_counter()
    for _ in range(repeats):
        for path in paths:
            render_feature(load_article(path), path.name)
    return (time.perf_counter() - started) * 1000 / (repeats * len(paths))


def portal_latency(requests: int = 400) -> tuple[float, float]:
    """p50 and p99 (ms) of the products page, over real HTTP on loopback."""
    logging.getLogger("mock_portal.access").setLevel(logging.WARNING)
    running = start_in_thread(create_app())
    try:
        tenant = PortalClient(running.url).create_tenant({})
        opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )
        opener.open(tenant.signin_url).read()
        samples = []
        for _ in range(requests):
            started = time.perf_counter()
            opener.open(running.url + "/billing/products").read()
            samples.append((time.perf_counter() - started) * 1000)
    finally:
        running.stop()
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.99) - 1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--locale", action="append", default=[])
    args = parser.parse_args()
    locale_args = [f"--locale={loc}" for loc in args.locale]
    locales = args.locale or sorted(path.stem for path in ARTICLES.glob("*.md"))
    raw = [sys.executable, "-m", "bench.raw_playwright"]
    halves = [raw + locales[0::2], raw + locales[1::2]]
    rows = [
        ("(a) raw Playwright floor", lambda: timed(raw + locales)),
        ("(a2) raw floor, 2 processes", lambda: timed_together(halves)),
        (
            "(b) suite, serial, --tracing retain-on-failure",
            lambda: timed(
                [*SUITE, "-p", "no:xdist", "--tracing", "retain-on-failure", *locale_args]
            ),
        ),
        (
            "(b0) suite, serial, no tracing",
            lambda: timed([*SUITE, "-p", "no:xdist", *locale_args]),
        ),
        ("(c) suite, -n 2", lambda: timed([*SUITE, "-n", "2", *locale_args])),
    ]
    results = {name: median_of(measure, args.runs) for name, measure in rows}
    a, a2, b, b0, c = (results[name][0] for name, _ in rows)
    per_article = generator_ms_per_article()
    p50, p99 = portal_latency()
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    print(f"\nBenchmark ({args.runs} runs each, medians; {machine}; {time.strftime('%Y-%m-%d')})\n")
    print("| run | median | runs (s) |")
    print("|---|---|---|")
    for name, (median, samples) in results.items():
        print(f"| {name} | {median:.1f} s | {', '.join(f'{s:.1f}' for s in samples)} |")
    print("\n| ratio | value | target |\n|---|---|---|")
    print(f"| b/a (framework overhead, traces kept for failures) | {b / a:.2f} | <= 1.3 |")
    print(f"| b0/a (framework overhead, no tracing) | {b0 / a:.2f} | <= 1.3 |")
    print(f"| b/c (parallel speed-up of the suite) | {b / c:.2f} | >= 1.5 |")
    print(f"| a/a2 (parallel speed-up of the floor itself) | {a / a2:.2f} | (machine limit) |")
    print(f"\ngenerator: {per_article:.2f} ms per article")
    print(f"portal /billing/products over HTTP: p50 {p50:.2f} ms, p99 {p99:.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
