"""Command line: generate, check or report the per-locale Gherkin features from the articles.

    python -m features.generate [--article ID ...] [--articles DIR] [--out DIR]
                                [--locale L ...] [--check] [--strict] [--report]

For every article version (``articles/<version>/``, see ``articles.SPECS``), every
``<locale>.md`` in its ``locales/`` folder becomes ``<out>/<locale>/<its feature name>``
(``--articles`` reads another folder, for one ``--article``).
Files are written atomically (temp file + rename). ``--check`` writes nothing and fails on a
missing, stale or extra feature; ``--strict`` fails on alignment diagnostics; ``--report``
prints each locale's label table and flags locales translated from another English source.
An unusable article is reported by name and the other locales still generate.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from articles import SPECS, spec_for
from core.article import Article, ArticleError, ArticleSpec, load_article
from core.paths import FEATURES, ROOT, split_locales
from features.gherkin import render_feature

PROJECT_ROOT = ROOT
DEFAULT_OUT = FEATURES


@dataclass
class Outcome:
    """What happened to one article."""

    locale: str
    spec: ArticleSpec
    article: Article | None = None
    feature: str | None = None
    error: str | None = None


def display_path(path: Path) -> str:
    """The path for messages: relative to the project when inside it, else as given."""
    try:
        return path.resolve().relative_to(PROJECT_ROOT).as_posix()
    except ValueError:
        return str(path)


def source_name(path: Path) -> str:
    """The article's name in a feature header: machine-independent, so output is stable."""
    try:
        return path.resolve().relative_to(PROJECT_ROOT).as_posix()
    except ValueError:
        return path.name


def discover(articles: Path, locales: Sequence[str], strict: bool = True) -> list[Path]:
    """The article files to process, sorted; only ``locales`` when given (``strict``: each
    of them must be there; otherwise a version not published in a locale is skipped)."""
    if not articles.is_dir():
        raise SystemExit(f"error: articles folder {articles} does not exist")
    paths = sorted(articles.glob("*.md"))
    if locales:
        found = {path.stem for path in paths}
        missing = [locale for locale in locales if locale not in found]
        if missing and strict:
            raise SystemExit(f"error: no article for locale(s) {', '.join(missing)} in {articles}")
        paths = [path for path in paths if path.stem in locales]
    if not paths and strict:
        raise SystemExit(f"error: no <locale>.md articles in {articles}")
    return paths


def build(path: Path, spec: ArticleSpec) -> Outcome:
    """Parse one article and render its feature, capturing an unusable article's error."""
    try:
        article = load_article(path, spec)
        if article.meta.locale != path.stem:
            raise ArticleError(
                f"{path}: file is named for locale {path.stem!r} but its front matter field "
                f"'ms.contentlocale' is {article.meta.locale!r}"
            )
        feature = render_feature(article, source_name(path))
    except ArticleError as error:
        return Outcome(path.stem, spec, error=str(error))
    return Outcome(path.stem, spec, article, feature)


def write_atomically(target: Path, text: str) -> bool:
    """Write ``text`` to ``target`` through a temp file and rename; False if unchanged."""
    data = text.encode("utf-8")
    if target.exists() and target.read_bytes() == data:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(handle, "wb") as temp:
            temp.write(data)
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return True


def feature_path(out: Path, locale: str, spec: ArticleSpec) -> Path:
    """Where the feature of ``spec``'s article in ``locale`` lives."""
    return out / locale / spec.feature_name


def check(outcomes: list[Outcome], out: Path, whole_set: bool) -> list[str]:
    """Problems that make the committed features differ from what would be generated."""
    problems = []
    for outcome in outcomes:
        if outcome.feature is None:
            continue
        target = feature_path(out, outcome.locale, outcome.spec)
        if not target.exists():
            problems.append(f"missing: {display_path(target)}")
        elif target.read_text(encoding="utf-8") != outcome.feature:
            problems.append(f"stale: {display_path(target)}")
    if whole_set:
        for spec in {outcome.spec.id: outcome.spec for outcome in outcomes}.values():
            known = {outcome.locale for outcome in outcomes if outcome.spec is spec}
            for existing in sorted(out.glob(f"*/{spec.feature_name}")):
                if existing.parent.name not in known:
                    problems.append(f"extra (no article): {display_path(existing)}")
    return problems


def report(outcomes: list[Outcome]) -> str:
    """Per-locale label tables and the English source version each was translated from."""
    articles = [outcome.article for outcome in outcomes if outcome.article is not None]
    hashes = {
        spec: Counter(a.meta.openlocfilehash for a in articles if a.spec.id == spec)
        for spec in {a.spec.id for a in articles}
    }
    majority = {spec: counts.most_common(1)[0][0] for spec, counts in hashes.items()}
    lines = []
    for article in articles:
        meta = article.meta
        usual = majority[article.spec.id] in (meta.openlocfilehash, "source")
        flag = (
            ""
            if usual or meta.openlocfilehash == "source"
            else "  <-- older/different English source"
        )
        lines.append(
            f"{meta.locale}  {article.spec.id}  {meta.title}  ({meta.translationtype or '?'})"
        )
        lines.append(f"  source: ms.openlocfilehash {meta.openlocfilehash}{flag}")
        lines.append(f"  handoff {meta.lasthandoff}, locfileid {meta.locfileid}")
        width = max((len(label.english) for label in article.labels), default=0)
        for label in article.labels:
            shown = label.localized or "(missing)"
            doubt = f"   ?? {'; '.join(label.doubts)}" if label.doubts else ""
            lines.append(f"  step {label.step}  {label.english.ljust(width)}  ->  {shown}{doubt}")
        lines.append(f"  diagnostics: {len(article.diagnostics)}")
        lines.append("")
    return "\n".join(lines)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m features.generate",
        description="Generate per-locale Gherkin features from localized help articles.",
    )
    parser.add_argument(
        "--article",
        action="append",
        default=[],
        metavar="ID",
        help=f"only this article version ({', '.join(spec.id for spec in SPECS)}; repeatable)",
    )
    parser.add_argument(
        "--articles",
        type=Path,
        metavar="DIR",
        help="read the copies from DIR instead of the version's locales/ (one --article)",
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, metavar="DIR")
    parser.add_argument(
        "--locale",
        action="append",
        default=[],
        metavar="L",
        help="only this locale (repeatable or comma-separated)",
    )
    parser.add_argument("--check", action="store_true", help="write nothing; fail if stale")
    parser.add_argument("--strict", action="store_true", help="fail on alignment diagnostics")
    parser.add_argument("--report", action="store_true", help="print the label tables")
    args = parser.parse_args(argv)
    args.locale = split_locales(args.locale)
    try:
        args.specs = [spec_for(a) for a in split_locales(args.article)] or list(SPECS)
    except KeyError as error:
        parser.error(str(error.args[0]))
    if args.articles is not None and len(args.specs) != 1:
        parser.error("--articles DIR needs exactly one --article ID")
    return args


def outcomes_of(args: argparse.Namespace) -> list[Outcome]:
    """Every (version, copy) to build; with --locale, a version without that copy is skipped
    unless no version has it."""
    found = []
    for spec in args.specs:
        folder = args.articles or spec.articles
        found += [build(path, spec) for path in discover(folder, args.locale, strict=False)]
    missing = [loc for loc in args.locale if loc not in {outcome.locale for outcome in found}]
    if missing or not found:
        folders = ", ".join(display_path(args.articles or s.articles) for s in args.specs)
        what = f"locale(s) {', '.join(missing)}" if missing else "<locale>.md articles"
        raise SystemExit(f"error: no article for {what} in {folders}")
    return found


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    outcomes = outcomes_of(args)
    failed = False
    for outcome in outcomes:
        if outcome.error:
            print(f"error: {outcome.error}", file=sys.stderr)
            failed = True
        for diagnostic in outcome.article.diagnostics if outcome.article else ():
            print(f"diagnostic: {diagnostic}", file=sys.stderr)
            failed = failed or args.strict
    if args.report:
        print(report(outcomes))
    elif args.check:
        problems = check(outcomes, args.out, whole_set=not args.locale)
        for problem in problems:
            print(f"check: {problem}", file=sys.stderr)
        if problems:
            print("run `python -m features.generate` and commit the result", file=sys.stderr)
        failed = failed or bool(problems)
    else:
        for outcome in outcomes:
            if outcome.feature is not None:
                target = feature_path(args.out, outcome.locale, outcome.spec)
                changed = write_atomically(target, outcome.feature)
                print(f"{'wrote' if changed else 'unchanged'}: {display_path(target)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
