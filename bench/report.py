"""The benchmark's numbers as ratios against their targets, as Markdown, and in README.md.

README.md holds the latest run between ``<!-- bench:begin -->`` and ``<!-- bench:end -->``;
``update_readme`` replaces exactly that block (``make bench`` calls it), so the speed table is
never older than the last benchmark.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from core.paths import write_whole

BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"
# ratio -> (what it says, target as text, is it met?)
TARGETS: dict[str, str] = {
    "b/a": "<= 1.10",
    "b0/a": "(no evidence, for comparison)",
    "b/a0": "(against bare clicks: what the checks and the audit cost, for comparison)",
    "c/a2": "<= 1.15",
    "b/c": "(parallel speed-up of the suite)",
    "a/a2": "(parallel speed-up of the floor: the machine's limit)",
}
MEANING = {
    "b/a": "framework overhead, evidence on failure",
    "b0/a": "framework overhead, no evidence",
    "b/a0": "suite vs clicks without checks or audit",
    "c/a2": "parallel suite vs parallel floor",
    "b/c": "suite speed-up from -n 2",
    "a/a2": "floor speed-up from 2 processes",
}
LIMITS = {"b/a": 1.10, "c/a2": 1.15}


def ratios(medians: dict[str, float]) -> dict[str, float]:
    pairs = {"b/a": ("b", "a"), "b0/a": ("b0", "a"), "b/a0": ("b", "a0"), "c/a2": ("c", "a2")}
    pairs |= {"b/c": ("b", "c"), "a/a2": ("a", "a2")}
    return {name: round(medians[x] / medians[y], 3) for name, (x, y) in pairs.items()}


def verdict(name: str, value: float) -> str:
    if name not in LIMITS:
        return TARGETS[name]
    return f"{TARGETS[name]} {'met' if value <= LIMITS[name] else 'MISSED'}"


def markdown(data: dict[str, Any]) -> str:
    """The README's speed block: medians, ratios, the whole suite, and the machine's load."""
    before, after = data["load_avg_before"][0], data["load_avg_after"][0]
    cores = data["machine"]["cores"]
    lines = [
        f"Latest `make bench`: {data['date']}, {cores} cores, Python {data['machine']['python']}, "
        f"{data['runs']} runs each (round-robin), medians; locales {', '.join(data['locales'])}; "
        f"1-min load average {before:.1f} before, {after:.1f} after"
        + (" (contended: other work shared the cores)" if max(before, after) > cores / 4 else "")
        + ".",
        "",
        "| run | median | runs (s) | load before each |",
        "|---|---|---|---|",
    ]
    for row in data["rows"].values():
        runs = ", ".join(f"{s:.1f}" for s in row["runs"])
        loads = ", ".join(f"{s:.1f}" for s in row["load_1min_before"])
        lines.append(f"| {row['label']} | {row['median']:.1f} s | {runs} | {loads} |")
    lines += ["", "| ratio | value | target |", "|---|---|---|"]
    for name, value in data["ratios"].items():
        lines.append(f"| {name} ({MEANING[name]}) | {value:.2f} | {verdict(name, value)} |")
    full = data.get("full_suite")
    if full:
        lines += [
            "",
            f"Whole suite ({full['scenarios']} scenarios, one run each): serial "
            f"{full['serial_s']:.1f} s ({full['serial_s_per_scenario']:.2f} s per scenario), "
            f"`-n 2` {full['n2_s']:.1f} s ({full['n2_s_per_scenario']:.2f} s per scenario).",
        ]
    p50, p99 = data["portal_products_ms"]["p50"], data["portal_products_ms"]["p99"]
    lines += [
        "",
        f"Generator: {data['generator_ms_per_article']:.2f} ms per article. Portal "
        f"`/billing/products` over HTTP: p50 {p50:.2f} ms, p99 {p99:.2f} ms.",
    ]
    return "\n".join(lines)


def update_readme(path: Path, block: str) -> None:
    """Replace the marked block of ``path`` with ``block`` (the markers must be there)."""
    text = path.read_text(encoding="utf-8")
    head, sep, rest = text.partition(BEGIN)
    _, sep2, tail = rest.partition(END)
    if not (sep and sep2):
        raise SystemExit(f"{path}: no {BEGIN} … {END} block to update")
    write_whole(path, f"{head}{BEGIN}\n{block}\n{END}{tail}")
