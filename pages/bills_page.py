"""The 2022 "Bills & payments" page: its tabs, the Payment methods tab's warning about the
declined payment method, and its Settle balance action."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from articles.pay_subscription_2022.vocabulary import Slot2022
from pages.labels import ArticleLabels


class BillsPage:
    """Bills & payments, as the 2022 section's steps 1 and 2 read it."""

    TABS = "billing-tabs"
    PAYMENT_METHODS_TAB = "tab-payment-methods"
    PAYMENT_METHODS_PANEL = "tabpanel-payment-methods"
    WARNING = "declined-warning"
    SETTLE_BUTTON = "settle-balance"
    METHOD = "payment-method"
    ON_FILE = "payment-method-on-file"
    CONFIRMATION = "settle-confirmation"

    def __init__(self, page: Page, labels: ArticleLabels) -> None:
        self.page = page
        self.labels = labels
        self.tabs = page.get_by_test_id(self.TABS)
        self.warning = page.get_by_test_id(self.WARNING)

    def __repr__(self) -> str:  # a readable step parameter in reports
        return f"BillsPage({self.labels.locale})"

    def select_tab(self, label: str) -> None:
        """The article's Payment methods tab, selected; its panel shows."""
        place = self.tabs.get_by_test_id(self.PAYMENT_METHODS_TAB)
        tab = self.labels.control(Slot2022.PAYMENT_METHODS_TAB, label, self.tabs, "tab", place)
        tab.click()
        expect(tab).to_have_attribute("aria-selected", "true")
        expect(self.page.get_by_test_id(self.PAYMENT_METHODS_PANEL)).to_be_visible()

    def expect_declined_warning(self, last4: str) -> None:
        """A warning (an alert) names the declined payment method by its last four digits."""
        expect(self.warning).to_be_visible()
        expect(self.warning).to_have_attribute("role", "alert")
        expect(self.warning).to_contain_text(last4)

    def settle(self, label: str) -> None:
        """The article's Settle balance, in the warning."""
        place = self.warning.get_by_test_id(self.SETTLE_BUTTON)
        action = self.labels.control(Slot2022.SETTLE_BALANCE, label, self.warning, "button", place)
        action.click()

    def expect_settled(self, last4: str) -> None:
        """The confirmation is announced, the warning is gone, and the method paid with is the
        one on file."""
        confirmation = self.page.get_by_test_id(self.CONFIRMATION)
        expect(confirmation).to_be_visible()
        expect(confirmation).to_have_attribute("role", "status")
        expect(self.warning).to_have_count(0)
        on_file = self.page.get_by_test_id(self.METHOD).filter(
            has=self.page.get_by_test_id(self.ON_FILE)
        )
        expect(on_file).to_contain_text(last4)

    def expect_outstanding(self) -> None:
        expect(self.warning).to_have_count(1)
        expect(self.page.get_by_test_id(self.CONFIRMATION)).to_have_count(0)
