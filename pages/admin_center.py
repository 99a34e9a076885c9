"""The admin-center shell: sign-in and the left navigation."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from pages.base import PageObject
from pages.labels import ArticleLabels


class AdminCenter(PageObject):
    """The shell around every page: header and left navigation."""

    def __init__(self, page: Page, labels: ArticleLabels) -> None:
        super().__init__(page, labels)
        self.nav = page.get_by_test_id("left-nav")

    def sign_in(self, signin_url: str) -> None:
        self.page.goto(signin_url)
        expect(self.nav).to_be_visible()

    def go_to(self, group: str, entry: str) -> None:
        """Open navigation group ``group`` and follow its link ``entry`` (the article's path)."""
        toggle = self.labels.find(self.nav, "button", group, self.nav.get_by_test_id("nav-billing"))
        if toggle.get_attribute("aria-expanded") != "true":
            toggle.click()
        expect(toggle).to_have_attribute("aria-expanded", "true")
        link = self.labels.find(self.nav, "link", entry, self.nav.get_by_test_id("nav-products"))
        link.click()
        expect(link).to_have_attribute("aria-current", "page")
