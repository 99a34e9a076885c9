"""The "Your products" page: subscriptions, their Billing sections and the past-due notice."""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect

from pages.base import PageObject
from pages.labels import ArticleLabels


class ProductsPage(PageObject):
    """Your products, as the article's step 2 reads it."""

    def __init__(self, page: Page, labels: ArticleLabels) -> None:
        super().__init__(page, labels)
        self.billing_sections = page.get_by_test_id("billing-section")

    def billing_section_with(self, notice: str) -> Locator:
        """The Billing section that shows the article's past-due notice."""
        place = self.page.get_by_test_id("past-due-notice")
        shown = self.labels.find(self.page, None, notice, place)
        return self.billing_sections.filter(has=shown)

    def settle_button(self, notice: str, action: str) -> Locator:
        """The article's action button next to the notice."""
        section = self.billing_section_with(notice)
        return self.labels.find(section, "button", action, section.get_by_test_id("settle-balance"))

    def open_settle_panel(self, notice: str, action: str) -> None:
        self.settle_button(notice, action).click()

    def expect_settled(self) -> None:
        """The confirmation is announced and no subscription is past due any more."""
        confirmation = self.page.get_by_test_id("settle-confirmation")
        expect(confirmation).to_be_visible()
        expect(confirmation).to_have_attribute("role", "status")
        expect(self.page.get_by_test_id("past-due-notice")).to_have_count(0)

    def expect_outstanding(self) -> None:
        expect(self.page.get_by_test_id("past-due-notice")).to_have_count(1)
        expect(self.page.get_by_test_id("settle-confirmation")).to_have_count(0)
