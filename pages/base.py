"""What every page object holds: the Playwright page and the article's labels to look up."""

from __future__ import annotations

from playwright.sync_api import Page

from pages.labels import ArticleLabels


class PageObject:
    """A part of the admin center, driven with the article's labels."""

    def __init__(self, page: Page, labels: ArticleLabels) -> None:
        self.page = page
        self.labels = labels
