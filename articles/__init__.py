"""Every documented version of the flow, one package each, and the registry that lists them.

An article version is a unit: its spec (``SPEC``: identity, slots, step classifier,
scenarios, UI release), its localized copies (``locales/``) and reviewed errata
(``errata/``). The generic engine (``core``) imports none of them; the generator, the page
objects and the plugins find them here, by id, never by an ``if article == …`` branch.
"""

from __future__ import annotations

from pathlib import Path

from articles.pay_subscription_2022 import SPEC as PAY_SUBSCRIPTION_2022
from articles.settle_balance_2021 import SPEC as SETTLE_BALANCE_2021
from core.article import Article, ArticleError, load_article
from core.spec import ArticleSpec

SPECS: tuple[ArticleSpec, ...] = (SETTLE_BALANCE_2021, PAY_SUBSCRIPTION_2022)
RELEASES: tuple[str, ...] = tuple(sorted({spec.release for spec in SPECS}))


def spec_for(article_id: str) -> ArticleSpec:
    """The spec whose id is ``article_id``; a clear error naming the known ids otherwise."""
    for spec in SPECS:
        if spec.id == article_id:
            return spec
    known = ", ".join(spec.id for spec in SPECS)
    raise KeyError(f"no article version {article_id!r} (known: {known})")


def recognise(path: Path) -> Article:
    """Parse ``path`` as the article version it is (each spec checks its own identity);
    an ``ArticleError`` saying what each version found wrong when none recognises it."""
    reasons = []
    for spec in SPECS:
        try:
            return load_article(path, spec)
        except ArticleError as error:
            reasons.append(f"as {spec.id}: {error}")
    raise ArticleError(f"{path}: no article version recognises it ({'; '.join(reasons)})")


def load_copy(spec: ArticleSpec, locale: str) -> Article:
    """The copy of ``spec``'s article in ``locale``."""
    return load_article(spec.article_path(locale), spec)


def with_other_versions(article: Article) -> Article:
    """``article`` with the evidence of the other versions' copies in its locale."""
    locale = article.meta.locale
    others = [
        load_copy(s, locale) for s in SPECS if s is not article.spec and locale in s.locales()
    ]
    article.add_evidence(others)
    return article


def all_locales() -> list[str]:
    """Every locale some article version is published in here, sorted."""
    return sorted({locale for spec in SPECS for locale in spec.locales()})
