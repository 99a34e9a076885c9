"""Every script the suite runs renders with real glyphs, so failure screenshots are readable.

Per locale, each label the article names is drawn by the suite's Chromium and compared with
the same number of characters of a code point no font has (drawn as .notdef boxes). A label
that renders exactly like the boxes has no font on this machine: install the setup's fonts
(``make fonts``: Debian's fonts-noto-cjk and fonts-noto-core).
"""

from __future__ import annotations

import html
import os
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from core.article import load_article
from core.paths import ARTICLES
from fixtures.browser import CHROMIUM_ARGS, playwright_managed_chromium, resolve_chromium

NO_GLYPH = "\U0010fffd"  # a private-use code point: no font on any machine draws it
LOCALES = sorted(path.stem for path in ARTICLES.glob("*.md"))


@pytest.fixture(scope="module")
def glyph_browser() -> Iterator[Browser]:
    """The suite's Chromium, launched directly (this test needs no portal or context)."""
    chromium = resolve_chromium(None, os.environ, playwright_managed_chromium)
    executable = None if chromium.source == "playwright" else chromium.executable
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def rendering(page: Page, text: str, locale: str) -> bytes:
    """A screenshot of ``text`` alone, in the locale's language, on a fixed canvas."""
    page.set_content(
        f'<html lang="{locale}"><body style="margin:0">'
        f'<span id="t" style="font:32px sans-serif;white-space:pre">{html.escape(text)}</span>'
        "</body></html>"
    )
    return page.locator("#t").screenshot()


@pytest.mark.parametrize("locale", LOCALES)
def test_labels_render_with_real_glyphs(glyph_browser: Browser, locale: str) -> None:
    article = load_article(ARTICLES / f"{locale}.md")
    page = glyph_browser.new_page(locale=locale, viewport={"width": 1200, "height": 80})
    for label in article.slotted.values():
        text = "".join(char for char in label.localized if not char.isspace())
        if not text:
            continue  # a label the article lost: nothing to draw
        boxes = rendering(page, NO_GLYPH * len(text), locale)
        assert rendering(page, text, locale) != boxes, (
            f"{locale}: {label.localized!r} renders as boxes: no font for this script "
            "(run `make fonts`)"
        )


def test_the_box_baseline_is_really_boxes(glyph_browser: Browser) -> None:
    """The comparison can fail: two strings of missing glyphs render the same boxes."""
    page = glyph_browser.new_page()
    assert rendering(page, "\U0010fffd" * 3, "en-US") == rendering(page, "\U000ffffd" * 3, "en-US")
