"""Who is wrong when the article's label and the UI's control name differ.

``judge`` compares a label the article names with the accessible name the UI shows at that
control's place, and reads the article's own localized sentence to decide:

* ``match``: the same label (compared with ``core.labels.comparable``);
* ``article-defect`` with a kind — the sentence holds what the UI shows, the bold does not:
  ``partial`` (the bold is part of the UI label), ``extra-words`` (the bold holds the UI label
  plus other words), ``quoted`` (quote marks inside the bold), ``verb`` (the UI label stands in
  the sentence outside the bold, usually beside a bolded verb), ``spelling`` (same letters,
  other spaces/case/hyphens), ``missing`` (the article names no usable label there),
  ``untranslated`` (a localized copy leaves the label in English), ``retranslated`` (another
  version of the article in this locale uses the UI's word for this control: this version
  changed the word, the UI did not);
* ``ui-differs``: the sentence does not hold what the UI shows — the UI or the translation
  changed, and the article's label looks like a real label;
* ``missing``: no control where it belongs; ``not-run``: never checked.

No list of known words: only the sentence, the bold and the UI name. Inflected languages are
read with a stem match (a UI word is found when a sentence word starts with most of it).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from core.article import Article, Label
from core.labels import TRAILING_PUNCTUATION, comparable, explain_lookalike, loose, unlink
from core.sentence import Sentence, contains, word_count, words_found


class Judgement(StrEnum):
    """Who is wrong about one label. String-valued, so reports and CSVs keep their text."""

    MATCH = "match"
    ARTICLE_DEFECT = "article-defect"
    UI_DIFFERS = "ui-differs"
    MISSING = "missing"  # no control where the article's control belongs
    NOT_RUN = "not-run"


class DefectKind(StrEnum):
    """How an article's bold is wrong (an ``article-defect``'s kind)."""

    PARTIAL = "partial"
    EXTRA_WORDS = "extra-words"
    QUOTED = "quoted"
    VERB = "verb"
    SPELLING = "spelling"
    # Same text as ``Judgement.MISSING``, another meaning: the article names no usable label.
    NO_LABEL = "missing"
    UNTRANSLATED = "untranslated"  # a localized copy leaves the label in English
    RETRANSLATED = "retranslated"  # another version's copy uses the UI's word; this one not


# The members under their old names: callers compare with them, and a member equals its text.
MATCH, ARTICLE_DEFECT, UI_DIFFERS, MISSING, NOT_RUN = Judgement
VERDICTS = tuple(Judgement)
PARTIAL, EXTRA_WORDS, QUOTED, VERB, SPELLING, NO_LABEL, UNTRANSLATED, RETRANSLATED = DefectKind
KINDS = tuple(DefectKind)


@dataclass(frozen=True)
class Verdict:
    """The verdict of one label check, with its kind and a sentence that explains it."""

    verdict: Judgement
    kind: DefectKind | str = ""  # "" for anything but an article defect
    reason: str = ""

    @property
    def failed(self) -> bool:
        """Anything but a match is a finding (errata decide whether it is a known one)."""
        return self.verdict != MATCH


def judge(article: Article, label: Label, ui: str | None) -> Verdict:
    """The verdict for ``label`` when the UI shows ``ui`` at its place (None: no control)."""
    if ui is None:
        return Verdict(MISSING, reason="no control where the article's control belongs")
    if label.localized and same_label(label, ui):
        if label.quoted:
            return Verdict(ARTICLE_DEFECT, QUOTED, "the bold holds quote marks around the label")
        return Verdict(MATCH)
    if _left_in_english(article, label):
        return Verdict(
            ARTICLE_DEFECT,
            UNTRANSLATED,
            f"the article leaves the label in English; the UI says {ui!r}",
        )
    sentence = Sentence(article.unit(label.unit_id).localized)
    return _defect_in_sentence(article, label, ui, sentence) or _defect_elsewhere(
        article, label, ui
    )


def _left_in_english(article: Article, label: Label) -> bool:
    """A copy in another language whose label is the English source's, word for word."""
    english_copy = article.meta.locale.split("-")[0].casefold() == "en"
    return (
        not english_copy
        and bool(comparable(label.localized))
        and comparable(label.localized).casefold() == comparable(label.english).casefold()
    )


def same_label(label: Label, ui: str) -> bool:
    """The UI shows the article's label. Trailing punctuation inside a bold is taken off the
    label (it is usually the sentence's); a UI name that ends in the same punctuation as the
    bold, right after this label ("Need help?"), is still the article's label."""
    if comparable(label.localized) == comparable(ui):
        return True
    core = ui.rstrip(TRAILING_PUNCTUATION)
    tail = ui[len(core) :]
    bold = unlink(label.bold).strip()
    if not tail or not bold.endswith(tail) or comparable(core) != comparable(label.localized):
        return False
    # The punctuation must close this label, not a longer run ("Billing > Your products.").
    before_tail = comparable(bold[: -len(tail)].rstrip())
    return before_tail.endswith(comparable(label.localized))


def _defect_in_sentence(
    article: Article, label: Label, ui: str, sentence: Sentence
) -> Verdict | None:
    """The UI label stands in the article's own sentence: where is the bold, then? Read as
    written first; another version's copy with the UI's very word outweighs a reading of
    inflected words (da-DK 2022 "Afregn saldo", 2021 and UI "Afregningssaldo")."""
    bold, shown = loose(label.localized), loose(ui)
    lookalike = explain_lookalike(label.localized, ui)
    if not shown:
        return None  # a UI name without letters is no label the article could hold
    if not bold:
        if sentence.holds(ui):
            return Verdict(ARTICLE_DEFECT, NO_LABEL, "no bold label; the sentence names it plainly")
        return None
    if bold == shown:
        if label.quoted:
            return Verdict(ARTICLE_DEFECT, QUOTED, "quote marks inside the bold" + lookalike)
        return Verdict(ARTICLE_DEFECT, SPELLING, "same letters, other spaces/case" + lookalike)
    if contains(ui, label.localized) and sentence.holds(ui):
        return Verdict(ARTICLE_DEFECT, PARTIAL, "the bold holds only part of the UI label")
    if contains(label.localized, ui):
        return Verdict(ARTICLE_DEFECT, EXTRA_WORDS, "the bold holds the UI label and more words")
    span = sentence.find(ui)
    if span is not None:
        if sentence.overlaps_bold(span, label.bold):
            return Verdict(ARTICLE_DEFECT, PARTIAL, "the bold covers part of the UI label")
        return Verdict(ARTICLE_DEFECT, VERB, "the UI label stands outside the bold")
    if _other_version_says(article, label, ui):
        return None  # retranslated: the other version's word, not an inflection of this one
    if word_count(label.localized) > word_count(ui) and words_found(ui, label.localized):
        return Verdict(
            ARTICLE_DEFECT, EXTRA_WORDS, "the bold holds the UI label's words, inflected"
        )
    if sentence.holds_outside(ui):
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
    earlier = _other_version_says(article, label, ui)
    if earlier:
        version, text = earlier
        return Verdict(
            ARTICLE_DEFECT,
            RETRANSLATED,
            f"the {version} copy in this locale calls this control {text!r}, as the UI does "
            f"({ui!r}); this copy says {label.localized!r}: the word differs between the "
            "article's versions, and the UI kept the other one",
        )
    elsewhere = [unit.id for unit in article.units if Sentence(unit.localized).holds_outside(ui)]
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


def _other_version_says(article: Article, label: Label, ui: str) -> tuple[str, str] | None:
    """Another article version whose copy in this locale names this control with the UI's
    word, and how it writes it. The same letters are enough (that copy may have its own
    spelling defect, sv-SE 2021 "Betalasaldo"): it is evidence of which word stayed."""
    if label.slot is None or not loose(ui):
        return None
    for version, text in article.evidence.get(label.slot.value, ()):
        if loose(text) == loose(ui):
            return version, text
    return None
