"""Localized screenshots for the docs team: baseline comparison and the contact sheet.

``compare`` checks a fresh PNG against its baseline with pixelmatch (byte-identical files are
equal at once) and writes the diff image beside the PNG. ``python -m tests.screenshot_sheet
[DIR]`` writes ``DIR/index.html`` (default ``reports/screenshots``): per locale, each article
step's localized text beside its screenshot, for a linguist's review.
"""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

from PIL import Image
from pixelmatch.contrib.PIL import pixelmatch

from articles import SETTLE_BALANCE_2021
from core.article import load_article
from core.labels import unlink
from core.paths import ROOT

ARTICLES = SETTLE_BALANCE_2021.articles

SHOTS = ROOT / "reports" / "screenshots"
BASELINES = ROOT / "tests" / "snapshots"
BOLD_RE = re.compile(r"\*\*(.*?)\*\*", re.S)


def compare(actual: Path, expected: Path, diff: Path) -> int:
    """Pixels that differ (pixelmatch, threshold 0.1); a size change counts every pixel."""
    if actual.read_bytes() == expected.read_bytes():
        return 0
    with Image.open(actual) as new, Image.open(expected) as old:
        if new.size != old.size:
            return max(new.size[0] * new.size[1], old.size[0] * old.size[1])
        output = Image.new("RGBA", new.size)
        mismatched = pixelmatch(old, new, output, threshold=0.1)
    if mismatched:
        output.save(diff)
    return mismatched


def step_html(text: str) -> str:
    """A unit's Markdown as HTML: links to their text, bold kept, everything else escaped."""
    escaped = html.escape(unlink(text))
    return BOLD_RE.sub(r"<b>\1</b>", escaped)


def contact_sheet(folder: Path) -> str:
    """The HTML page: one section per locale with screenshots, each step's text beside it."""
    sections = []
    for locale_dir in sorted(path for path in folder.iterdir() if path.is_dir()):
        article = ARTICLES / f"{locale_dir.name}.md"
        if not article.exists():
            continue
        parsed = load_article(article, SETTLE_BALANCE_2021)
        rows = []
        for step in parsed.steps:
            png = locale_dir / f"step-{step.number}.png"
            if not png.exists():
                continue
            local = " ".join(step_html(unit.localized) for unit in step.units)
            english = " ".join(step_html(unit.english) for unit in step.units)
            rows.append(
                f'<tr><td class="n">{step.number}</td>'
                f'<td lang="{locale_dir.name}" dir="auto"><p>{local}</p>'
                f'<p class="en">{english}</p></td>'
                f'<td><a href="{locale_dir.name}/{png.name}"><img src="{locale_dir.name}/'
                f'{png.name}" alt="step {step.number}" loading="lazy"></a></td></tr>'
            )
        sections.append(
            f'<section id="{locale_dir.name}"><h2>{locale_dir.name} — '
            f"{html.escape(parsed.meta.title)}</h2><table>{''.join(rows)}</table></section>"
        )
    nav = " · ".join(
        f'<a href="#{d.name}">{d.name}</a>' for d in sorted(folder.iterdir()) if d.is_dir()
    )
    style = (
        "body{font:14px system-ui,sans-serif;margin:24px}td{vertical-align:top;padding:8px;"
        "border-top:1px solid #ddd}td.n{font-weight:600}td p{max-width:38em}.en{color:#666}"
        "img{width:640px;border:1px solid #ccc}"
    )
    return (
        '<!doctype html><html lang="en"><meta charset="utf-8"><title>Settle an outstanding '
        f"balance — screenshots per locale</title><style>{style}</style>"
        f"<h1>Settle an outstanding balance — one screenshot per article step</h1>"
        f"<p>{nav}</p>{''.join(sections)}</html>\n"
    )


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else SHOTS
    if not folder.is_dir():
        print(f"{folder}: no screenshots yet (make screenshots)", file=sys.stderr)
        return 1
    (folder / "index.html").write_text(contact_sheet(folder), encoding="utf-8")
    print(f"contact sheet: {folder / 'index.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
