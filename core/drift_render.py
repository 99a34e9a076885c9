"""The drift matrix for people: a fixed-width terminal table and a standalone HTML page."""

from __future__ import annotations

import html
import unicodedata

from core.drift import Cell, DriftMatrix
from core.verdict import MATCH, NOT_RUN

STYLE = (
    "body{font:14px system-ui,sans-serif;margin:16px}table{border-collapse:collapse}"
    "td,th{border:1px solid #ccc;padding:6px 10px;text-align:start;vertical-align:top}"
    ".match{background:#dff6dd}.article-defect{background:#fff4ce}"
    ".ui-differs{background:#fde7e9}.missing{background:#f4c7c7}"
    ".not-run{background:#f3f2f1;color:#777}.known{outline:2px dashed #8a6d00}"
)


def width(text: str) -> int:
    """Terminal columns of ``text``: wide and full-width characters take two, marks none."""
    return sum(
        0 if unicodedata.combining(char) else 2 if unicodedata.east_asian_width(char) in "WF" else 1
        for char in text
    )


def pad(text: str, columns: int) -> str:
    return text + " " * (columns - width(text))


def shown_verdict(cell: Cell) -> str:
    """Drift stands out in the terminal; a known defect says so."""
    if cell.verdict in (MATCH, NOT_RUN):
        return cell.verdict
    text = cell.verdict.upper() + (f" ({cell.kind})" if cell.kind else "")
    return text + (" known" if cell.known else "")


def as_text(matrix: DriftMatrix) -> str:
    """A fixed-width table (CJK counted as two columns)."""
    header = ("article", "locale", "step", "English source", "article label", "UI label", "verdict")
    body = [
        (
            c.version,
            c.locale,
            str(c.step),
            c.english,
            c.article or "—",
            c.ui or "—",
            shown_verdict(c),
        )
        for c in matrix.rows()
    ]
    widths = [max(width(row[i]) for row in [header, *body]) for i in range(len(header))]
    return "\n".join(
        "  ".join(pad(value, widths[i]) for i, value in enumerate(row)).rstrip()
        for row in [header, *body]
    )


def _cell_html(cell: Cell | None) -> str:
    if cell is None:
        return "<td></td>"
    shown = html.escape(cell.article or "(no label)")
    if cell.drifted:
        shown += f"<br><small>UI: {html.escape(cell.ui or 'nothing found')}</small>"
        shown += f"<br><small>{html.escape(shown_verdict(cell))}</small>"
    css = cell.verdict + (" known" if cell.known else "")
    title = html.escape(cell.reason or cell.verdict, quote=True)
    return f'<td class="{css}" title="{title}">{shown}</td>'


def as_html(matrix: DriftMatrix) -> str:
    """A standalone page: one row per article version's label, locales side by side, drift
    highlighted."""
    cells = {(c.version, c.locale, c.step, c.english): c for c in matrix.rows()}
    locales = sorted({c.locale for c in matrix.rows()})
    labels = sorted({(c.version, c.step, c.english) for c in matrix.rows()})
    head = "".join(f"<th>{html.escape(loc)}</th>" for loc in locales)
    rows = [
        f"<tr><th>{html.escape(version)} step {step}: {html.escape(english)}</th>"
        + "".join(_cell_html(cells.get((version, locale, step, english))) for locale in locales)
        + "</tr>"
        for version, step, english in labels
    ]
    summary = "".join(f"<li>{html.escape(line)}</li>" for line in matrix.locale_summaries())
    return (
        f"<!doctype html><meta charset='utf-8'><title>Docs-vs-UI drift matrix</title>"
        f"<style>{STYLE}</style><h1>Docs-vs-UI drift matrix</h1><ul>{summary}</ul>"
        f"<table><tr><th>label (English source)</th>{head}</tr>{''.join(rows)}</table>"
    )
