"""Label text: what is markup around a label, and when two labels are the same.

Three jobs live here and must not be confused:

* ``strip_markup`` turns the raw text of one bold run into the label it names, removing only
  what is Markdown or typographic wrapping: links, ``[…]`` brackets, quote marks of any script,
  trailing punctuation. The result keeps its original characters for display; whether quote
  marks were removed is reported, because quotes inside the bold are an article defect.
* ``comparable`` is the equality key of two labels (article vs UI): Unicode NFC, plus the
  foldings NFC does not do (Thai/Lao SARA AM written as two code points), every kind of space
  as one plain space, invisible characters dropped.
* ``loose`` is a looser key used only to *explain* a difference (case, spaces, hyphens), never
  to call two labels equal.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# A Markdown link whose text may itself hold one level of brackets: "[[製品]](url)".
LINK_RE = re.compile(r"\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(([^()\s]*(?:\([^()]*\)[^()\s]*)*)\)")
# An HTML link as the 2022 article writes one: <a href="…" target="_blank">Payment methods</a>.
HTML_LINK_RE = re.compile(r"<a\s+href=[^>]*>(.*?)</a>", re.S)
# Separators between the parts of a navigation path: "Billing > Your products", ja-JP "、".
PATH_SEPARATOR_RE = re.compile(r"\s*(?:>|＞|›|、)\s*")
TRAILING_PUNCTUATION = ".,:;!?。、，：；！？"
MAX_WRAPPING = 4
SPACES_RE = re.compile(r"[\s\u00a0\u2007\u202f]+")
# Zero-width and bidi control characters: invisible, and RTL UIs add them around names.
INVISIBLE_RE = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff\u00ad]")
# Quote marks that wrap a label: opening -> its closings, in the scripts the articles use
# (a low-9 mark closes with the high mark in German, „…“, and with the right mark in Polish and
# Hungarian, „…”).
QUOTE_PAIRS = {
    '"': '"',
    "'": "'",
    "“": "”",
    "”": "”",
    "„": "“”",
    "‚": "‘’",
    "‘": "’",
    "«": "»",
    "»": "«",
    "「": "」",
    "『": "』",
    "‹": "›",
}
QUOTE_CHARS = frozenset(QUOTE_PAIRS) | frozenset("".join(QUOTE_PAIRS.values()))
# A lone ' or ’ at one end is an apostrophe ("'ye tıklayın"), not half of a quote pair.
STRAY_QUOTES = QUOTE_CHARS - {"'", "’"}
# Foldings NFC leaves alone: Thai and Lao SARA AM spelled as NIKHAHIT + SARA AA.
EXTRA_FOLDS = {"\u0e4d\u0e32": "\u0e33", "\u0ecd\u0eb2": "\u0eb3"}


@dataclass(frozen=True)
class Stripped:
    """A label with its wrapping removed, and whether quote marks were part of that wrapping."""

    text: str
    quoted: bool = False


def comparable(text: str) -> str:
    """Key for comparing labels: NFC, SARA AM folded, spaces as one space, no invisibles."""
    return SPACES_RE.sub(" ", fold(text)).strip()


def fold(text: str) -> str:
    """NFC plus the foldings NFC does not do, invisible characters dropped; spaces kept."""
    text = unicodedata.normalize("NFC", text)
    for decomposed, composed in EXTRA_FOLDS.items():
        text = text.replace(decomposed, composed)
    return INVISIBLE_RE.sub("", text)


def loose(text: str) -> str:
    """A key that ignores case, spaces, hyphens and quotes: for explaining, never for equality."""
    folded = comparable(text).casefold()
    return "".join(
        char for char in folded if char.isalnum() or unicodedata.category(char)[0] == "M"
    )


def unlink(text: str) -> str:
    """Replace every Markdown or HTML link by its text."""
    return HTML_LINK_RE.sub(lambda match: match.group(1), LINK_RE.sub(lambda m: m.group(1), text))


def strip_wrapping(text: str) -> Stripped:
    """Remove brackets, quote marks and trailing punctuation around a label inside the bold.

    Real articles wrap a label in at most two bracket levels ("[[製品]](url)") and one pair of
    quotes; the bound keeps hostile input ("[" * 5000 …) linear.
    """
    label = text.strip()
    quoted = False
    for _ in range(MAX_WRAPPING):
        before = label
        label = label.rstrip(TRAILING_PUNCTUATION).strip()
        if label.startswith("[") and label.endswith("]") and _brackets_balance(label[1:-1]):
            label = label[1:-1].strip()
        unquoted = _strip_quotes(label)
        if unquoted != label:
            quoted, label = True, unquoted
        if label == before:
            break
    return Stripped(label, quoted)


def _strip_quotes(label: str) -> str:
    """Quote marks around the label, or a stray one at either end (its partner lies outside)."""
    if len(label) >= 2 and label[0] in QUOTE_PAIRS and label[-1] in QUOTE_PAIRS[label[0]]:
        return label[1:-1].strip()
    if label[:1] in STRAY_QUOTES and not any(char in QUOTE_CHARS for char in label[1:]):
        return label[1:].strip()
    if label[-1:] in STRAY_QUOTES and not any(char in QUOTE_CHARS for char in label[:-1]):
        return label[:-1].strip()
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
    return len(PATH_SEPARATOR_RE.split(unlink(text))) > 1


def split_path(text: str) -> list[Stripped]:
    """Split a bold run into its navigation parts, each stripped of markup.

    Empty parts are kept in place: ``">-sivustolle"`` is an empty first part (the article lost
    that label), not a one-part path.
    """
    parts = PATH_SEPARATOR_RE.split(unlink(text))
    if parts and not parts[-1].strip(TRAILING_PUNCTUATION + " "):
        parts = parts[:-1]  # "Billing >" ends the run with a separator, not an empty label
    return [strip_wrapping(part) for part in parts]


def strip_markup(text: str) -> Stripped:
    """The label a bold run names, with links and wrapping removed (no path splitting)."""
    return strip_wrapping(unlink(text))


def codepoints(text: str) -> str:
    """The code points of ``text`` (``U+0E4D U+0E32``): for labels that look alike but differ."""
    return " ".join(f"U+{ord(char):04X}" for char in text)


def explain_lookalike(article: str, ui: str) -> str:
    """When two labels render alike but differ, the code points that tell them apart."""
    if article == ui or loose(article) != loose(ui):
        return ""
    return f" (code points: article {codepoints(article)}; UI {codepoints(ui)})"
