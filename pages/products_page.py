"""The "Your products" page: subscriptions, their Billing sections and the past-due notice."""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect

from articles.settle_balance_2021.vocabulary import Slot2021
from pages.labels import ArticleLabels


class ProductsPage:
    """Your products, as the article's step 2 reads it."""

    BILLING_SECTION = "billing-section"
    PAST_DUE_NOTICE = "past-due-notice"
    SETTLE_BUTTON = "settle-balance"
    CONFIRMATION = "settle-confirmation"

    def __init__(self, page: Page, labels: ArticleLabels) -> None:
        self.page = page
        self.labels = labels
        self.billing_sections = page.get_by_test_id(self.BILLING_SECTION)
        self.notices = page.get_by_test_id(self.PAST_DUE_NOTICE)

    def __repr__(self) -> str:  # a readable step parameter in reports
        return f"ProductsPage({self.labels.locale})"

    def billing_section_with(self, notice: str) -> Locator:
        """The Billing section that shows the article's past-due notice."""
        shown = self.labels.control(Slot2021.PAST_DUE_NOTICE, notice, self.page, None, self.notices)
        return self.billing_sections.filter(has=shown)

    def open_settle_panel(self, notice: str, action: str) -> None:
        """Click the article's action next to the notice."""
        section = self.billing_section_with(notice)
        place = section.get_by_test_id(self.SETTLE_BUTTON)
        self.labels.control(Slot2021.SETTLE_BALANCE, action, section, "button", place).click()

    def expect_settled(self) -> None:
        """The confirmation is announced and no subscription is past due any more."""
        confirmation = self.page.get_by_test_id(self.CONFIRMATION)
        expect(confirmation).to_be_visible()
        expect(confirmation).to_have_attribute("role", "status")
        expect(self.notices).to_have_count(0)

    def expect_outstanding(self) -> None:
        expect(self.notices).to_have_count(1)
        expect(self.page.get_by_test_id(self.CONFIRMATION)).to_have_count(0)
