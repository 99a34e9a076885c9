"""What looks wrong about an article's bold label before any UI is seen.

Machine translation moves bold markers: onto the verb ("Kaydet'e **tıklayın.**"), onto half a
label ("Vyrovnat **zůstatek.**"), onto a preposition or onto the next sentence part. These
heuristics were measured on the 21 real articles in ``fixtures/articles`` (see
``tests/test_verdict.py``). Each returns a short reason; they feed the generator's diagnostics
and, when the UI label is nowhere in the article's sentence, tell an article that lost its
label (``article-defect``) from a UI that changed (``ui-differs``).
"""

from __future__ import annotations

import re
import statistics
from typing import TYPE_CHECKING

from core.labels import comparable, unlink
from core.sentence import words_found

if TYPE_CHECKING:
    from core.article import Label, Unit

# How far a label's length may stray from the article's usual localized/English ratio.
LENGTH_SPREAD = 2.5
# Added to both lengths, so that a short English label ("Save") does not swing the ratio.
LENGTH_SMOOTHING = 3
SENTENCE_END = ".。!?！？"
FRAGMENT_START = "'’-‐–"
BOLD_AT_END_RE = re.compile(r"\*\*(?P<run>[^*]*)\*\*\s*$")


def doubts_about(label: Label, flow: list[Label], steps: list[Unit]) -> list[str]:
    """Strong reasons to doubt that ``label`` names a control, given the article's other flow
    labels and the units of its numbered steps. Each alone tells a lost label."""
    if not comparable(label.localized):
        return ["the article names no label here"]
    reasons = [
        _length_outlier(label, flow),
        _holds_another_label(label, flow),
        _starts_with_fragment(label),
        _starts_lower_case(label),
        _repeated_word(label, steps),
    ]
    return [reason for reason in reasons if reason]


def hints_about(label: Label, unit: Unit) -> list[str]:
    """Weak signs, reported as diagnostics only: common in defective machine translations,
    but also seen around correct labels ("klikněte na **Uložit.**")."""
    reason = _swallows_sentence_end(label, unit)
    return [reason] if reason else []


def broken_run(label: Label, siblings: list[Label]) -> str:
    """A path run one of whose parts is doubted is doubted as a whole ("**ve > gidin.**")."""
    for sibling in siblings:
        if sibling is not label and sibling.bold == label.bold and sibling.doubts:
            return f"the same bold run also holds {sibling.localized!r}, which is no label"
    return ""


def _ratio(label: Label) -> float:
    localized = len(comparable(label.localized)) + LENGTH_SMOOTHING
    return localized / (len(label.english) + LENGTH_SMOOTHING)


def _length_outlier(label: Label, flow: list[Label]) -> str:
    ratios = [_ratio(other) for other in flow if comparable(other.localized)]
    if len(ratios) < 3:
        return ""
    usual = statistics.median(ratios)
    ratio = _ratio(label)
    if ratio * LENGTH_SPREAD < usual:
        return "much shorter than the English label, for this article"
    if ratio > usual * LENGTH_SPREAD:
        return "much longer than the English label, for this article"
    return ""


def _holds_another_label(label: Label, flow: list[Label]) -> str:
    mine = comparable(label.localized).casefold()
    for other in flow:
        theirs = comparable(other.localized).casefold()
        if other.slot == label.slot or len(theirs) < 3 or theirs == mine:
            continue
        # "Add a new payment method" holds "Payment methods" in English too (by stem): the
        # translation holding it is then no defect.
        if theirs in mine and not words_found(other.english, label.english):
            return f"the bold also holds the label of {other.english!r} ({other.localized!r})"
    return ""


def _swallows_sentence_end(label: Label, unit: Unit) -> str:
    """The bold closes the sentence with its full stop inside, where the English bold does not."""
    local_end = BOLD_AT_END_RE.search(unlink(unit.localized))
    if not local_end or unlink(label.bold).strip() != local_end["run"].strip():
        return ""
    if not local_end["run"].rstrip().endswith(tuple(SENTENCE_END)):
        return ""
    english_end = BOLD_AT_END_RE.search(unlink(unit.english))
    if english_end and english_end["run"].rstrip().endswith(tuple(SENTENCE_END)):
        return ""
    return "the bold run swallows the end of the sentence (a bold moved by translation)"


def _starts_with_fragment(label: Label) -> str:
    if comparable(label.localized)[:1] in FRAGMENT_START:
        return "the label starts with a word fragment"
    return ""


def _starts_lower_case(label: Label) -> str:
    """A control's name starts with a capital where the script has one (the English label does
    too); a bold run that starts in lower case holds sentence words ("продуктів", a genitive)."""
    first_word = next(iter(comparable(label.localized).split()), "")
    english = next((char for char in label.english if char.isalpha()), "")
    if first_word.islower() and english.isupper():
        return "starts in lower case, as sentence words do (a control's name starts with a capital)"
    return ""


def _repeated_word(label: Label, units: list[Unit]) -> str:
    """A bold word the steps use in more sentences than the English label appears in."""
    mine = comparable(label.localized).casefold()
    english = label.english.casefold()
    local_count = sum(mine in comparable(unlink(u.localized)).casefold() for u in units)
    # By stem, as the label's words may be inflected elsewhere ("payment method(s)").
    english_count = sum(
        english in unlink(u.english).casefold() or words_found(english, unlink(u.english))
        for u in units
    )
    if local_count > max(1, english_count):
        return (
            f"the steps use these words in {local_count} sentences but the English label "
            f"in {english_count} (a verb such as 'click'?)"
        )
    return ""
