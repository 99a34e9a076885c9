"""Every script the suite runs renders with real glyphs, so failure screenshots are readable.

Per locale, each label the article names is drawn by the suite's Chromium and compared with
the same number of characters of a code point no font has (drawn as .notdef boxes). A label
that renders exactly like the boxes has no font on this machine: install the setup's fonts
(``make fonts``: Debian's fonts-noto-cjk and fonts-noto-core). The browser is
pytest-playwright's, launched with the suite's resolved Chromium.
"""

from __future__ import annotations

import html

import pytest
from playwright.sync_api import Browser, Page

from articles import SETTLE_BALANCE_2021
from core.article import load_article

ARTICLES = SETTLE_BALANCE_2021.articles


NO_GLYPH = "\U0010fffd"  # a private-use code point: no font on any machine draws it
LOCALES = sorted(path.stem for path in ARTICLES.glob("*.md"))


def rendering(page: Page, text: str, locale: str) -> bytes:
    """A screenshot of ``text`` alone, in the locale's language, on a fixed canvas."""
    page.set_content(
        f'<html lang="{locale}"><body style="margin:0">'
        f'<span id="t" style="font:32px sans-serif;white-space:pre">{html.escape(text)}</span>'
        "</body></html>"
    )
    return page.locator("#t").screenshot()


@pytest.mark.parametrize("locale", LOCALES)
def test_labels_render_with_real_glyphs(browser: Browser, locale: str) -> None:
    article = load_article(ARTICLES / f"{locale}.md", SETTLE_BALANCE_2021)
    page = browser.new_page(locale=locale, viewport={"width": 1200, "height": 80})
    for label in article.slotted.values():
        text = "".join(char for char in label.localized if not char.isspace())
        if not text:
            continue  # a label the article lost: nothing to draw
        boxes = rendering(page, NO_GLYPH * len(text), locale)
        assert rendering(page, text, locale) != boxes, (
            f"{locale}: {label.localized!r} renders as boxes: no font for this script "
            "(run `make fonts`)"
        )


def test_the_box_baseline_is_really_boxes(browser: Browser) -> None:
    """The comparison can fail: two strings of missing glyphs render the same boxes."""
    page = browser.new_page()
    assert rendering(page, "\U0010fffd" * 3, "en-US") == rendering(page, "\U000ffffd" * 3, "en-US")
