"""A unit's localized sentence as the verdict reads it: plain text, bold positions, and
whether a UI label stands in it — as whole words, or by the stems of its words for inflected
languages; anywhere for scripts written without spaces (Thai, CJK, kana…)."""

from __future__ import annotations

import math
import re
import unicodedata

from core.labels import LINK_RE, comparable, fold, unlink

WORD_RE = re.compile(r"\w+", re.U)
# Scripts written without spaces between words: a label may stand anywhere in the sentence.
NO_SPACES_RE = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
)
# Two word forms share a stem when their common prefix is this share of the shorter one.
STEM_SHARE = 0.6
MIN_STEM = 4


class Sentence:
    """A unit's localized text without Markdown, with the positions of its bold runs."""

    def __init__(self, markdown: str) -> None:
        text = LINK_RE.sub(lambda match: match.group(1), markdown)
        plain: list[str] = []
        bolds: list[tuple[int, int]] = []
        start, length, inside = 0, 0, False
        for index, piece in enumerate(text.split("**")):
            if index:  # every "**" toggles bold; positions are in the folded plain text
                if inside:
                    bolds.append((start, length))
                start = length
                inside = not inside
            folded = fold(piece)
            plain.append(folded)
            length += len(folded)
        self.raw = "".join(plain)
        self.bolds = [(self.raw[a:b], a, b) for a, b in bolds]
        outside = list(self.raw)
        for _text, start, end in self.bolds:
            outside[start:end] = " " * (end - start)
        self.outside_bold = "".join(outside)

    def find(self, ui: str) -> tuple[int, int] | None:
        """Where the UI label stands in the sentence as whole words (case-insensitive; for
        scripts written without spaces anywhere, spaces ignored), in ``raw``'s positions."""
        needle = comparable(fold(ui))
        if not needle:
            return None
        if NO_SPACES_RE.search(needle):
            return _find_squeezed(self.raw, _squeeze(needle))
        found = re.search(_whole_words(needle), self.raw, re.I)
        return found.span() if found else None

    def overlaps_bold(self, span: tuple[int, int], run: str) -> bool:
        """Whether the bold run ``run`` overlaps the span (the bold covers part of the label)."""
        key = comparable(unlink(run))
        for text, start, end in self.bolds:
            if comparable(text) == key and start < span[1] and span[0] < end:
                return True
        return False

    def holds_outside(self, ui: str) -> bool:
        """Whether the text outside the bold holds the UI label (exactly or by stems)."""
        return Sentence(self.outside_bold).holds(ui)

    def holds(self, ui: str) -> bool:
        """Whether the sentence holds the UI label, exactly or by the stems of its words."""
        return self.find(ui) is not None or words_found(ui, self.raw)


def _squeeze(text: str) -> str:
    return "".join(text.split())


def _find_squeezed(haystack: str, needle: str) -> tuple[int, int] | None:
    """Find ``needle`` ignoring spaces in ``haystack`` (Thai writes no spaces inside a label)."""
    positions = [index for index, char in enumerate(haystack) if not char.isspace()]
    squeezed = "".join(haystack[index] for index in positions)
    found = re.search(re.escape(needle), squeezed, re.I) if needle else None
    if found is None:
        return None
    return positions[found.start()], positions[found.end() - 1] + 1


def _whole_words(text: str) -> str:
    """A regex for ``text`` not glued to more letters on either side."""
    return r"(?<!\w)" + re.escape(text) + r"(?!\w)"


def _words_key(text: str) -> str:
    """Lower-case words with punctuation and quotes as spaces ("Tilaus-kohdan" = two words)."""
    folded = comparable(text).casefold()
    kept = (ch if ch.isalnum() or unicodedata.category(ch)[0] == "M" else " " for ch in folded)
    return " ".join("".join(kept).split())


def contains(outer: str, inner: str) -> bool:
    """Whether ``inner`` stands in ``outer`` as whole words ("Pay" is not in "Repayment"); in
    scripts written without spaces (Thai, CJK, kana…) anywhere, spaces ignored."""
    needle, haystack = _words_key(inner), _words_key(outer)
    if not needle:
        return False
    if NO_SPACES_RE.search(needle):
        return _squeeze(needle) in _squeeze(haystack)
    return re.search(_whole_words(needle), haystack) is not None


def word_count(text: str) -> int:
    return len(WORD_RE.findall(comparable(text)))


def words_found(ui: str, text: str) -> bool:
    """Whether every word of the UI label stands in ``text``, long words by their stem.

    Strict on purpose: a UI label with one word more than the article ("Save and pay") is a
    changed UI, not an inflection.
    """
    words = WORD_RE.findall(comparable(ui).casefold())
    others = WORD_RE.findall(comparable(text).casefold())
    return bool(words) and all(any(_same_stem(word, other) for other in others) for word in words)


def _same_stem(word: str, other: str) -> bool:
    """Two word forms of one stem: equal, or a common prefix of most of the shorter one
    ("tilaus" ~ "tilauksella", "erääntynyt" ~ "erääntyneen"); short words must be equal."""
    if word == other:
        return True
    shorter = min(len(word), len(other))
    if shorter < MIN_STEM:
        return False
    common = next(
        (index for index, (a, b) in enumerate(zip(word, other, strict=False)) if a != b), shorter
    )
    return common >= max(MIN_STEM, math.ceil(shorter * STEM_SHARE))
