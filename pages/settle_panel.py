"""The settle-balance panel (a dialog): amount due, card on file, payment options, Save."""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect

from pages.base import PageObject
from pages.labels import ArticleLabels


class SettlePanel(PageObject):
    """The dialog opened by the article's "Settle balance" action."""

    def __init__(self, page: Page, labels: ArticleLabels) -> None:
        super().__init__(page, labels)
        self.dialog = page.get_by_role("dialog")

    def expect_open(self) -> None:
        expect(self.dialog).to_be_visible()
        expect(self.dialog).to_have_attribute("aria-modal", "true")

    def expect_summary(self, amount: str, card_last4: str) -> None:
        """The amount due as the locale writes it and the card on file."""
        expect(self.dialog.get_by_test_id("amount-due")).to_have_text(amount)
        expect(self.dialog.get_by_test_id("card-on-file")).to_contain_text(card_last4)

    def option(self, name: str) -> Locator:
        """A payment option radio; the article describes these without naming them."""
        return self.dialog.get_by_test_id(f"option-{name}")

    def change_expiry(self, expiry: str) -> None:
        self.option("change-expiry").check()
        self.dialog.get_by_test_id("new-expiry").fill(expiry)

    def pick_saved_card(self, last4: str) -> None:
        self.option("other-card").check()
        self.dialog.get_by_test_id(f"saved-card-{last4}").check()

    def add_card(self, number: str, expiry: str, holder: str, cvv: str) -> None:
        self.option("new-card").check()
        for field, value in (
            ("number", number),
            ("holder", holder),
            ("expires", expiry),
            ("cvv", cvv),
        ):
            self.dialog.get_by_test_id(f"new-card-{field}").fill(value)

    def save(self, label: str) -> None:
        place = self.dialog.get_by_test_id("save-payment")
        self.labels.find(self.dialog, "button", label, place).click()

    def cancel(self) -> None:
        self.dialog.get_by_test_id("cancel-settle").click()
        expect(self.dialog).to_have_count(0)

    def field_error(self, field: str) -> Locator:
        """The announced error of one field (inside the role=alert summary)."""
        return self.dialog.get_by_role("alert").get_by_test_id(f"error-{field}")
