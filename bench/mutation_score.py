"""The verdict engine's mutation score from mutmut's results (``make mutate-engine``).

Reads ``mutants/core/<module>.py.meta`` (mutmut 3) for the engine's modules, prints killed /
survived / not checked per module and the score, and sorts each survivor by what it changed:
only a string literal (a reason's or a diagnostic's wording: the verdict and kind are the
same) or logic (a test is owed, or the mutant is equivalent: listed for a person to judge).
``--readme`` rewrites README.md's mutation block.
"""

from __future__ import annotations

import argparse
import ast
import io
import json
import sys
import tokenize
from collections import Counter
from pathlib import Path

from core.paths import write_whole

ROOT = Path(__file__).resolve().parent.parent
ENGINE = ("sentence", "verdict", "alignment", "doubts", "labels")
KILLED, SURVIVED = {1, 3, 37}, {0}
BEGIN, END = "<!-- mutation:begin -->", "<!-- mutation:end -->"


def _functions(source: str) -> dict[str, str]:
    tree = ast.parse(source)
    return {
        node.name: ast.get_source_segment(source, node) or ""
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef)
    }


def _tokens(source: str) -> list[tuple[int, str]]:
    skip = {tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT}
    toks = tokenize.generate_tokens(io.StringIO(source).readline)
    return [(t.type, t.string) for t in toks if t.type not in skip]


def kind_of(original: str, mutant: str) -> str:
    """``string`` when only string literals differ (after the function's name), else ``logic``."""
    a, b = _tokens(original)[2:], _tokens(mutant)[2:]
    if len(a) != len(b):
        return "logic"
    changed = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    strings = {tokenize.STRING, getattr(tokenize, "FSTRING_MIDDLE", -1)}
    return "string" if all(x[0] in strings for x, _ in changed) else "logic"


def results(root: Path = ROOT) -> dict[str, dict[str, list[str]]]:
    """module -> status -> mutant keys; survivors split into ``survived:string|logic``."""
    out: dict[str, dict[str, list[str]]] = {}
    for module in ENGINE:
        meta = root / "mutants" / "core" / f"{module}.py.meta"
        if not meta.exists():
            continue
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        functions = _functions((root / "mutants" / "core" / f"{module}.py").read_text("utf-8"))
        by: dict[str, list[str]] = {}
        for key, code in codes.items():
            if code in KILLED:
                status = "killed"
            elif code in SURVIVED:
                name = key.rsplit(".", 1)[-1]
                orig = functions.get(name.rsplit("__mutmut_", 1)[0] + "__mutmut_orig", "")
                status = "survived:" + kind_of(orig, functions.get(name, ""))
            else:
                status = "not-checked" if code is None else f"other:{code}"
            by.setdefault(status, []).append(key)
        out[module] = by
    return out


def table(res: dict[str, dict[str, list[str]]]) -> str:
    lines = ["| module | mutants | killed | survived (string) | survived (logic) | score |"]
    lines.append("|---|---:|---:|---:|---:|---:|")
    total: Counter[str] = Counter()
    for module, by in res.items():
        n = Counter({k: len(v) for k, v in by.items()})
        total.update(n)
        lines.append(_row(module, n))
    lines.append(_row("**engine**", total))
    return "\n".join(lines) + "\n"


def _row(name: str, n: Counter[str]) -> str:
    judged = n["killed"] + n["survived:string"] + n["survived:logic"]
    score = n["killed"] / judged if judged else 0.0
    logic_only = n["killed"] / (judged - n["survived:string"]) if judged else 0.0
    return (
        f"| {name} | {sum(n.values())} | {n['killed']} | {n['survived:string']} | "
        f"{n['survived:logic']} | {score:.1%} (without string-only: {logic_only:.1%}) |"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--readme", action="store_true")
    parser.add_argument("--survivors", action="store_true", help="list the logic survivors")
    args = parser.parse_args(argv)
    res = results()
    print(table(res))
    if args.survivors:
        for by in res.values():
            print("\n".join(by.get("survived:logic", [])))
    if args.readme:
        readme = ROOT / "README.md"
        text = readme.read_text(encoding="utf-8")
        start, end = text.index(BEGIN) + len(BEGIN), text.index(END)
        write_whole(readme, text[:start] + "\n" + table(res) + text[end:])
    return 0


if __name__ == "__main__":
    sys.exit(main())
