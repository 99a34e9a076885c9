"""Seeded defects, measured: a confusion matrix of ``core.verdict.judge`` (issue 22).

Every real copy of every article version (pseudo-locales excepted) is mutated on the article
side (the unit's localized text, re-parsed with ``core.article.parse_article`` exactly as the
suite parses a copy) or the UI side (the accessible name the judge is given), and judged with
the other versions' copies as evidence, as a run judges. Writes ``reports/confusion.csv``
(``seeded,decided,count``) and ``reports/confusion.md`` (precision/recall per class, the worst
cases with their sentence and UI name); ``--readme`` rewrites README.md's confusion block.

    python -m bench.confusion [--readme] [--locale de-DE ...]
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from articles import SPECS, load_copy, with_other_versions
from core.article import Article, ArticleError, Label, parse_article
from core.labels import loose
from core.parsing import read_text
from core.paths import write_whole
from core.spec import ArticleSpec
from core.verdict import judge

ROOT = Path(__file__).resolve().parent.parent
BEGIN, END = "<!-- confusion:begin -->", "<!-- confusion:end -->"
QUOTES = {
    "de": "„“",
    "cs": "„“",
    "bg": "„“",
    "da": "»«",
    "fr": "«»",
    "ru": "«»",
    "uk": "«»",
    "el": "«»",
    "ja": "「」",
    "zh": "“”",
    "ko": "‘’",
    "pl": "„”",
    "hu": "„”",
    "nb": "«»",
}
# Seeded, but no verdict is right: a UI one word shorter than the bold is the bold's extra word
# or the UI's drift, and the sentence cannot say which.
AMBIGUOUS = "ambiguous:ui-word-less-or-extra-words"
WORD_RE = re.compile(r"\w+$")


@dataclass(frozen=True)
class Case:
    version: str
    locale: str
    slot: str
    seeded: str  # "verdict" or "verdict:kind"
    mutation: str
    sentence: str
    ui: str | None
    decided: str = ""
    reason: str = ""
    # What was judged, for the browser sample (tests/test_confusion_browser.py).
    article: Article | None = field(default=None, compare=False, repr=False)
    label: Label | None = field(default=None, compare=False, repr=False)


def decided_of(verdict) -> str:
    return f"{verdict.verdict}:{verdict.kind}" if verdict.kind else verdict.verdict


def script_of(locale: str) -> str:
    lang = locale.split("-")[0]
    return {
        "ru": "Cyrillic",
        "uk": "Cyrillic",
        "bg": "Cyrillic",
        "el": "Greek",
        "ar": "Arabic",
        "he": "Hebrew",
        "th": "Thai",
        "ja": "CJK",
        "zh": "CJK",
        "ko": "CJK",
    }.get(lang, "Latin")


def article_mutations(label: Label, unit_text: str, locale: str) -> list[tuple[str, str, str]]:
    """(mutation, seeded class, new unit text) for one bold label in its unit's text."""
    bold = f"**{label.bold}**"
    if not label.localized or label.bold != label.localized or unit_text.count(bold) != 1:
        return []
    text, out = label.localized, []
    head, _, tail = unit_text.partition(bold)

    def put(new: str) -> str:
        return head + new + tail

    words = text.split()
    if len(words) >= 2:
        out.append(
            (
                "bold-first-words",
                "article-defect:partial",
                put(f"**{' '.join(words[:-1])}** {words[-1]}"),
            )
        )
    before = WORD_RE.search(head.rstrip()) if head.endswith(" ") else None
    if before:
        out.append(
            (
                "bold-widened",
                "article-defect:extra-words",
                head[: before.start()] + f"**{before.group()} {text}**" + tail,
            )
        )
    if before:
        out.append(
            (
                "bold-on-neighbour",
                "article-defect:verb",
                head[: before.start()] + f"**{before.group()}** {text}" + tail,
            )
        )
    q = QUOTES.get(locale.split("-")[0], "“”")
    out.append(("quoted", "article-defect:quoted", put(f"**{q[0]}{text}{q[1]}**")))
    if len(words) >= 2:
        out.append(("spaces", "article-defect:spelling", put(f"**{''.join(words)}**")))
    elif text.upper() != text:
        out.append(("case", "article-defect:spelling", put(f"**{text.upper()}**")))
    out.append(("bold-dropped", "article-defect:missing", put(text)))
    if label.english and label.english.casefold() != text.casefold():
        out.append(("left-in-english", "article-defect:untranslated", put(f"**{label.english}**")))
    out.append(("bold-link", "match", put(f"**[{text}](https://go.microsoft.com/fwlink/p/)**")))
    return out


def ui_mutations(label: Label, sentence: str) -> list[tuple[str, str, str | None]]:
    """(mutation, seeded class, UI name) against the unchanged article."""
    text = label.localized
    other = "Zorblax"
    return [
        ("clean", "match", text),
        ("ui-other-word", "ui-differs", other),
        ("ui-word-more", "ui-differs", f"{text} {other}"),
        ("ui-no-control", "missing", None),
    ]


def repaired(raw: str, article: Article) -> str:
    """The copy with quote/punctuation wrapping taken out of its one-label bolds (el-GR
    '**"Αποθήκευση".**'): a clean label to seed from, when that is the label's only defect."""
    for label in article.slotted.values():
        bold = f"**{label.bold}**"
        simple = bool(label.localized) and not set(label.bold) & set("[]>")
        if simple and not label.doubts and label.bold != label.localized and raw.count(bold) == 1:
            raw = raw.replace(bold, f"**{label.localized}**")
    return raw


def judged(
    base: Article,
    label: Label,
    slot: str,
    seeded: str,
    mutation: str,
    sentence: str,
    ui: str | None,
) -> Case:
    verdict = judge(base, label, ui)
    return Case(
        base.spec.id,
        base.meta.locale,
        slot,
        seeded,
        mutation,
        sentence,
        ui,
        decided_of(verdict),
        verdict.reason,
        base,
        label,
    )


def clean_words(spec: ArticleSpec, locale: str) -> dict[str, list[tuple[str, str]]]:
    """slot -> (version, label) of the other versions' copies in ``locale``, clean labels only
    (a UI that kept another version's broken bold is no case of anything)."""
    words: dict[str, list[tuple[str, str]]] = {}
    for other in SPECS:
        if other is spec or locale not in other.locales():
            continue
        copy = load_copy(other, locale)
        for slot, label in copy.slotted.items():
            if not label.doubts and not judge(copy, label, label.localized).failed:
                words.setdefault(slot.value, []).append((other.id, label.localized))
    return words


def cases_for(spec: ArticleSpec, locale: str) -> list[Case]:
    path = spec.article_path(locale)
    raw = read_text(path)
    raw = repaired(raw, parse_article(raw, path, spec))
    base = with_other_versions(parse_article(raw, path, spec))
    cases = []
    for slot, label in base.slotted.items():
        if label.doubts or judge(base, label, label.localized).failed:
            continue  # the copy's own defect (errata, doubts): no clean label to seed from
        unit_text = base.unit(label.unit_id).localized
        mutations = ui_mutations(label, unit_text)
        for version, word in clean_words(spec, locale).get(slot.value, ()):
            if loose(word) != loose(label.localized):
                mutations.append((f"ui-word-of-{version}", "article-defect:retranslated", word))
        words = label.localized.split()
        if len(words) >= 2:  # cannot be told from extra-words: reported apart, see README
            mutations.append(("ui-word-less", AMBIGUOUS, " ".join(words[:-1])))
        for mutation, seeded, ui in mutations:
            cases.append(judged(base, label, slot.value, seeded, mutation, unit_text, ui))
        if raw.count(unit_text) != 1:
            continue
        for mutation, seeded, new_unit in article_mutations(label, unit_text, locale):
            try:
                seeded_article = parse_article(raw.replace(unit_text, new_unit), path, spec)
            except ArticleError as error:
                cases.append(
                    Case(
                        spec.id,
                        locale,
                        slot.value,
                        seeded,
                        mutation,
                        new_unit,
                        label.localized,
                        "unparsed",
                        str(error),
                    )
                )
                continue
            seeded_article.evidence = base.evidence
            new_label = seeded_article.slotted.get(slot)
            if new_label is None:
                cases.append(
                    Case(
                        spec.id,
                        locale,
                        slot.value,
                        seeded,
                        mutation,
                        new_unit,
                        label.localized,
                        "lost-slot",
                        "the seeded label has no slot",
                    )
                )
                continue
            cases.append(
                judged(
                    seeded_article,
                    new_label,
                    slot.value,
                    seeded,
                    mutation,
                    new_unit,
                    label.localized,
                )
            )
    return cases


def all_cases(locales: list[str] | None = None) -> list[Case]:
    cases = []
    for spec in SPECS:
        for locale in spec.locales():
            if locale.startswith("qps-") or (locales and locale not in locales):
                continue
            cases.extend(cases_for(spec, locale))
    return cases


def scores(cases: list[Case]) -> dict[str, tuple[float, float, int]]:
    """class -> (precision, recall, support), for every verdict and every verdict:kind."""
    out = {}
    classes = sorted({c.seeded for c in cases} | {c.decided for c in cases})
    groups = classes + sorted({c.split(":")[0] for c in classes if ":" in c})
    for cls in groups:

        def hit(value: str, cls: str = cls) -> bool:
            return value == cls or value.startswith(cls + ":")

        tp = sum(hit(c.seeded) and hit(c.decided) for c in cases)
        seeded = sum(hit(c.seeded) for c in cases)
        decided = sum(hit(c.decided) for c in cases)
        out[cls] = (tp / decided if decided else 1.0, tp / seeded if seeded else 1.0, seeded)
    return out


def markdown(all_seeded: list[Case]) -> str:
    cases = [c for c in all_seeded if c.seeded != AMBIGUOUS]
    ambiguous = Counter(c.decided for c in all_seeded if c.seeded == AMBIGUOUS)
    wrong = [c for c in cases if c.seeded != c.decided]
    by = Counter((script_of(c.locale), c.version) for c in cases)
    lines = [
        f"{len(cases)} seeded cases, {len(wrong)} decided otherwise; "
        f"{sum(c.seeded != 'match' and c.decided == 'match' for c in cases)} seeded "
        f"defects decided `match`.",
        "",
        "| script | version | cases |",
        "|---|---|---:|",
    ]
    lines += [f"| {s} | {v} | {n} |" for (s, v), n in sorted(by.items())]
    lines += ["", "| class | precision | recall | seeded |", "|---|---:|---:|---:|"]
    lines += [f"| {k} | {p:.3f} | {r:.3f} | {n} |" for k, (p, r, n) in scores(cases).items()]
    decided = ", ".join(f"`{k}` {n}" for k, n in sorted(ambiguous.items()))
    lines += [
        "",
        f"Apart, as no verdict is right: a UI one word shorter than the bold, "
        f"{sum(ambiguous.values())} cases, decided {decided}.",
    ]
    return "\n".join(lines) + "\n"


def worst(cases: list[Case], limit: int = 20) -> str:
    wrong = [c for c in cases if c.seeded not in (c.decided, AMBIGUOUS)]
    wrong.sort(key=lambda c: (c.decided != "match", c.seeded == "match", c.mutation))
    lines = ["", f"## The worst {min(limit, len(wrong))} cases", ""]
    for c in wrong[:limit]:
        lines += [
            f"- {c.version} {c.locale} {c.slot} `{c.mutation}`: seeded {c.seeded}, "
            f"decided {c.decided} ({c.reason})",
            f"  - sentence: {c.sentence}",
            f"  - UI name: {c.ui!r}",
        ]
    return "\n".join(lines) + "\n"


def write(cases: list[Case], reports: Path) -> None:
    reports.mkdir(parents=True, exist_ok=True)
    counts = Counter((c.seeded, c.decided) for c in cases if c.seeded != AMBIGUOUS)
    with (reports / "confusion.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["seeded", "decided", "count"])
        for (seeded, decided), n in sorted(counts.items()):
            writer.writerow([seeded, decided, n])
    write_whole(
        reports / "confusion.md",
        "# Confusion matrix of the triage\n\n" + markdown(cases) + worst(cases),
    )


def update_readme(block: str, readme: Path = ROOT / "README.md") -> None:
    text = readme.read_text(encoding="utf-8")
    start, end = text.index(BEGIN) + len(BEGIN), text.index(END)
    write_whole(readme, text[:start] + "\n" + block + text[end:])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--locale", action="append")
    parser.add_argument("--readme", action="store_true")
    parser.add_argument("--reports", type=Path, default=ROOT / "reports")
    args = parser.parse_args(argv)
    cases = all_cases(args.locale)
    write(cases, args.reports)
    print(markdown(cases) + worst(cases))
    if args.readme:
        update_readme(markdown(cases))
    return 0


if __name__ == "__main__":
    sys.exit(main())
