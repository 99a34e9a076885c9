"""Label text helpers shared by the generator and the browser steps.

Two different jobs live here and must not be confused:

* ``strip_markup`` turns the raw text of one bold run into the label(s) it names, removing
  only what is Markdown or typographic wrapping (links, ``[…]`` brackets, trailing
  punctuation, path separators). The result keeps its original characters for display.
* ``comparable`` is the equality key used whenever two labels are compared (article vs UI):
  Unicode NFC, every kind of space as one plain space, trimmed.
"""

from __future__ import annotations

import re
import unicodedata

# A Markdown link whose text may itself hold one level of brackets: "[[製品]](url)".
LINK_RE = re.compile(r"\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(([^()\s]*(?:\([^()]*\)[^()\s]*)*)\)")
# Separators between the parts of a navigation path: "Billing > Your products", ja-JP "、".
PATH_SEPARATOR_RE = re.compile(r"\s*(?:>|＞|›|、)\s*")
TRAILING_PUNCTUATION = ".,:;!?。、，：；！？"
MAX_WRAPPING = 4
SPACES_RE = re.compile(r"[\s\u00a0\u2007\u202f\u200b]+")


def comparable(text: str) -> str:
    """Key for comparing labels: NFC, any whitespace (NBSP included) as one space, trimmed."""
    return SPACES_RE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def unlink(text: str) -> str:
    """Replace every Markdown link by its text."""
    return LINK_RE.sub(lambda match: match.group(1), text)


def strip_wrapping(text: str) -> str:
    """Remove brackets around a label and punctuation that trails it inside the bold.

    Real articles wrap a label in at most two bracket levels ("[[製品]](url)"); the bound
    keeps hostile input ("[" * 5000 …) linear.
    """
    label = text.strip()
    for _ in range(MAX_WRAPPING):
        before = label
        label = label.rstrip(TRAILING_PUNCTUATION).strip()
        if label.startswith("[") and label.endswith("]") and _brackets_balance(label[1:-1]):
            label = label[1:-1].strip()
        if label == before:
            break
    return label


def _brackets_balance(text: str) -> bool:
    depth = 0
    for char in text:
        depth += {"[": 1, "]": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


def is_path(text: str) -> bool:
    """True when a bold run is a navigation path ("Billing > Your products")."""
    return len(split_path(text)) > 1


def split_path(text: str) -> list[str]:
    """Split a bold run into its navigation parts, each stripped of markup."""
    parts = PATH_SEPARATOR_RE.split(unlink(text))
    return [strip_wrapping(part) for part in parts if part.strip()]


def strip_markup(text: str) -> str:
    """The label a bold run names, with links and wrapping removed (no path splitting)."""
    return strip_wrapping(unlink(text))
