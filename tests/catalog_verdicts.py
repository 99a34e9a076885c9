"""The verdict of each label of a real article against the words the portal's own catalog shows
for it: what a browser run finds, read offline (the accessible names are the catalog's
strings). Shared by the errata and README checks."""

from __future__ import annotations

from babel.messages.pofile import read_po

from articles import SETTLE_BALANCE_2021, load_copy, with_other_versions
from core.article import ArticleSpec, Label
from core.verdict import Verdict, judge
from mock_portal.i18n import PACKAGE_TRANSLATIONS


def portal_words(locale: str) -> dict[str, str]:
    """What the portal's catalog shows for each English msgid of ``locale``."""
    po = PACKAGE_TRANSLATIONS / locale.replace("-", "_") / "LC_MESSAGES" / "messages.po"
    with po.open("rb") as handle:
        return {str(message.id): str(message.string) for message in read_po(handle) if message.id}


def catalog_verdicts(
    locale: str, spec: ArticleSpec = SETTLE_BALANCE_2021
) -> list[tuple[Label, str, Verdict]]:
    """Each label the copy of ``spec`` in ``locale`` names, the portal's words for it, and
    the verdict (with the other versions' copies as evidence, as a run judges)."""
    article = with_other_versions(load_copy(spec, locale))
    words = portal_words(locale)
    return [
        (label, words[label.english], judge(article, label, words[label.english]))
        for label in article.slotted.values()
    ]
