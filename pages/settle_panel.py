"""The 2021 settle-balance panel (a dialog): amount due, card on file, payment options, Save."""

from __future__ import annotations

from playwright.sync_api import Locator, expect

from articles.settle_balance_2021.vocabulary import Slot2021
from pages.payment_dialog import PaymentDialog


class SettlePanel(PaymentDialog):
    """The dialog opened by the 2021 article's "Settle balance" action.

    The article describes the payment options without naming them, so they are found by test
    id; Save is named by the article and found by its accessible name.
    """

    OPTION = "option-{}"  # change-expiry | other-card | new-card

    def option(self, name: str) -> Locator:
        """A payment option radio: change-expiry, other-card or new-card."""
        return self.dialog.get_by_test_id(self.OPTION.format(name))

    def change_expiry(self, expiry: str) -> None:
        self.option("change-expiry").check()
        self.dialog.get_by_test_id(self.NEW_EXPIRY).fill(expiry)

    def pick_saved_card(self, last4: str) -> None:
        self.option("other-card").check()
        self.dialog.get_by_test_id(self.SAVED_CARD.format(last4)).check()

    def add_card(self, number: str, expiry: str, holder: str, cvv: str) -> None:
        self.option("new-card").check()
        self.fill_new_card(number, expiry, holder, cvv)

    def save(self, label: str) -> None:
        place = self.dialog.get_by_test_id(self.SAVE)
        self.labels.control(Slot2021.SAVE, label, self.dialog, "button", place).click()

    def expect_expiry_not_offered(self) -> None:
        expect(self.option("change-expiry")).to_have_count(0)
        expect(self.dialog.get_by_test_id(self.NEW_EXPIRY)).to_have_count(0)

    def expect_other_options_offered(self) -> None:
        expect(self.option("other-card")).to_be_enabled()
        expect(self.option("new-card")).to_be_enabled()
