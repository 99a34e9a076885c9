"""Flake hunt: run the whole suite N times (optionally under CPU load) and count failures per test.

    python bench/flake_hunt.py --runs 30 [--stress] [--workers 2] [-- extra pytest args]

``--stress`` keeps both cores busy during the runs (``stress-ng --cpu 2`` when installed,
else two Python busy loops), bounded by the hunt itself. pytest-randomly shuffles the order
with a different seed per run (the run's number), so order dependence shows up too.
Exit 1 if anything failed.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import multiprocessing
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def busy_loop(stop_at: float) -> None:
    while time.time() < stop_at:
        pass


@contextlib.contextmanager
def cpu_load(enabled: bool, limit_s: float) -> Iterator[str]:
    """Both cores busy while the block runs; never longer than ``limit_s``."""
    if not enabled:
        yield "none"
        return
    if shutil.which("stress-ng"):
        load = subprocess.Popen(
            ["stress-ng", "--cpu", "2", "--timeout", f"{int(limit_s)}s", "--quiet"]
        )
        try:
            yield "stress-ng --cpu 2"
        finally:
            load.terminate()
            load.wait(timeout=10)
        return
    stop_at = time.time() + limit_s
    workers = [
        multiprocessing.Process(target=busy_loop, args=(stop_at,), daemon=True) for _ in range(2)
    ]
    for worker in workers:
        worker.start()
    try:
        yield "2 Python busy loops"
    finally:
        for worker in workers:
            worker.terminate()


def failures_in(junit: Path) -> tuple[int, list[str]]:
    """(tests run, ids of failed/errored tests) from a JUnit XML file."""
    root = ET.parse(junit).getroot()
    cases = list(root.iter("testcase"))
    failed = [
        f"{case.get('classname')}::{case.get('name')}"
        for case in cases
        if case.find("failure") is not None or case.find("error") is not None
    ]
    return len(cases), failed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--stress", action="store_true", help="keep both cores busy")
    parser.add_argument("--workers", type=int, default=2, help="pytest-xdist workers (0 = serial)")
    parser.add_argument("pytest_args", nargs="*")
    args = parser.parse_args()
    counts: collections.Counter[str] = collections.Counter()
    total_tests = 0
    xdist = ["-n", str(args.workers)] if args.workers > 1 else ["-p", "no:xdist"]
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as scratch, cpu_load(args.stress, args.runs * 180) as load:
        for run in range(1, args.runs + 1):
            junit = Path(scratch) / f"run{run}.xml"
            command = [
                sys.executable, "-m", "pytest", "features", "-q", "-p", "no:cacheprovider",
                f"--randomly-seed={run}", *xdist, f"--junitxml={junit}", *args.pytest_args,
            ]  # fmt: skip
            subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
            ran, failed = failures_in(junit)
            total_tests += ran
            counts.update(failed)
            print(f"run {run:2d}/{args.runs}: {ran} tests, {len(failed)} failed", flush=True)
    elapsed = time.perf_counter() - started
    print(f"\n{args.runs} runs, {total_tests} test executions, load: {load}, {elapsed:.0f}s")
    if not counts:
        print("no failures")
        return 0
    for test, n in counts.most_common():
        print(f"{n:3d}/{args.runs}  {test}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
