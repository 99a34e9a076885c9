"""Who is wrong when the article's label and the UI's control name differ.

``judge`` compares a label the article names with the accessible name the UI shows at that
control's place, and reads the article's own localized sentence to decide:

* ``match``: the same label (compared with ``core.labels.comparable``);
* ``article-defect`` with a kind — the sentence holds what the UI shows, the bold does not:
  ``partial`` (the bold is part of the UI label), ``extra-words`` (the bold holds the UI label
  plus other words), ``quoted`` (quote marks inside the bold), ``verb`` (the UI label stands in
  the sentence outside the bold, usually beside a bolded verb), ``spelling`` (same letters,
  other spaces/case/hyphens), ``missing`` (the article names no usable label there);
* ``ui-differs``: the sentence does not hold what the UI shows — the UI or the translation
  changed, and the article's label looks like a real label;
* ``missing``: no control where it belongs; ``not-run``: never checked.

No list of known words: only the sentence, the bold and the UI name. Inflected languages are
read with a stem match (a UI word is found when a sentence word starts with most of it).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from core.article import Article, Label
from core.labels import LINK_RE, comparable, explain_lookalike, fold, loose

MATCH, ARTICLE_DEFECT, UI_DIFFERS, MISSING, NOT_RUN = (
    "match",
    "article-defect",
    "ui-differs",
    "missing",
    "not-run",
)
VERDICTS = (MATCH, ARTICLE_DEFECT, UI_DIFFERS, MISSING, NOT_RUN)
PARTIAL, EXTRA_WORDS, QUOTED, VERB, SPELLING, NO_LABEL = (
    "partial",
    "extra-words",
    "quoted",
    "verb",
    "spelling",
    "missing",
)
KINDS = (PARTIAL, EXTRA_WORDS, QUOTED, VERB, SPELLING, NO_LABEL)
WORD_RE = re.compile(r"\w+", re.U)
# Two word forms share a stem when their common prefix is this share of the shorter one.
STEM_SHARE = 0.6
MIN_STEM = 4


@dataclass(frozen=True)
class Verdict:
    """The verdict of one label check, with its kind and a sentence that explains it."""

    verdict: str
    kind: str = ""
    reason: str = ""

    @property
    def failed(self) -> bool:
        """Anything but a match is a finding (errata decide whether it is a known one)."""
        return self.verdict != MATCH


def judge(article: Article, label: Label, ui: str | None) -> Verdict:
    """The verdict for ``label`` when the UI shows ``ui`` at its place (None: no control)."""
    if ui is None:
        return Verdict(MISSING, reason="no control where the article's control belongs")
    if label.localized and comparable(label.localized) == comparable(ui):
        if label.quoted:
            return Verdict(ARTICLE_DEFECT, QUOTED, "the bold holds quote marks around the label")
        return Verdict(MATCH)
    sentence = Sentence(article.unit(label.unit_id).localized)
    return _defect_in_sentence(label, ui, sentence) or _defect_elsewhere(article, label, ui)


def _defect_in_sentence(label: Label, ui: str, sentence: Sentence) -> Verdict | None:
    """The UI label stands in the article's own sentence: where is the bold, then?"""
    bold, shown = loose(label.localized), loose(ui)
    lookalike = explain_lookalike(label.localized, ui)
    if not bold:
        if sentence.holds(ui):
            return Verdict(ARTICLE_DEFECT, NO_LABEL, "no bold label; the sentence names it plainly")
        return None
    if bold == shown:
        if label.quoted:
            return Verdict(ARTICLE_DEFECT, QUOTED, "quote marks inside the bold" + lookalike)
        return Verdict(ARTICLE_DEFECT, SPELLING, "same letters, other spaces/case" + lookalike)
    if bold in shown and sentence.holds(ui):
        return Verdict(ARTICLE_DEFECT, PARTIAL, "the bold holds only part of the UI label")
    if shown in bold:
        return Verdict(ARTICLE_DEFECT, EXTRA_WORDS, "the bold holds the UI label and more words")
    span = sentence.find(ui)
    if span is not None:
        if sentence.overlaps_bold(span, label.bold):
            return Verdict(ARTICLE_DEFECT, PARTIAL, "the bold covers part of the UI label")
        return Verdict(ARTICLE_DEFECT, VERB, "the UI label stands outside the bold")
    if _words_found(ui, label.localized):
        return Verdict(
            ARTICLE_DEFECT, EXTRA_WORDS, "the bold holds the UI label's words, inflected"
        )
    if sentence.holds(ui):
        return Verdict(ARTICLE_DEFECT, VERB, "the UI label's words stand outside the bold")
    return None


def _defect_elsewhere(article: Article, label: Label, ui: str) -> Verdict:
    """The sentence does not hold the UI label: a lost label, or a UI that changed."""
    if not comparable(label.localized):
        return Verdict(ARTICLE_DEFECT, NO_LABEL, "the article names no label here")
    if label.doubts:
        return Verdict(
            ARTICLE_DEFECT, NO_LABEL, "the bold does not name a control: " + label.doubts[0]
        )
    elsewhere = [unit.id for unit in article.units if Sentence(unit.localized).holds(ui)]
    if elsewhere:
        return Verdict(
            ARTICLE_DEFECT,
            NO_LABEL,
            f"the article uses the UI's words in unit {elsewhere[0]} but bolds something else",
        )
    return Verdict(
        UI_DIFFERS,
        reason="the article's sentence does not contain what the UI shows"
        + explain_lookalike(label.localized, ui),
    )


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

    def find(self, ui: str) -> tuple[int, int] | None:
        """Where the UI label stands in the raw sentence (case-insensitive), if it does."""
        needle = fold(comparable(ui)).casefold()
        haystack = self.raw.casefold()
        position = haystack.find(needle) if needle else -1
        if position < 0:
            squeezed = _squeeze(needle)
            return _find_squeezed(haystack, squeezed) if squeezed else None
        return position, position + len(needle)

    def overlaps_bold(self, span: tuple[int, int], run: str) -> bool:
        """Whether the bold run ``run`` overlaps the span (the bold covers part of the label)."""
        for text, start, end in self.bolds:
            if comparable(text) == comparable(run) and start < span[1] and span[0] < end:
                return True
        return False

    def holds(self, ui: str) -> bool:
        """Whether the sentence holds the UI label, exactly or by the stems of its words."""
        return self.find(ui) is not None or _words_found(ui, self.raw)


def _squeeze(text: str) -> str:
    return "".join(text.split())


def _find_squeezed(haystack: str, needle: str) -> tuple[int, int] | None:
    """Find ``needle`` ignoring spaces in ``haystack`` (Thai writes no spaces inside a label)."""
    positions = [index for index, char in enumerate(haystack) if not char.isspace()]
    squeezed = "".join(haystack[index] for index in positions)
    found = squeezed.find(needle)
    if found < 0:
        return None
    return positions[found], positions[found + len(needle) - 1] + 1


def _words_found(ui: str, text: str) -> bool:
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
