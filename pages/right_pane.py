"""The 2022 right pane (a dialog) opened by Settle balance on the Payment methods tab: the
amount due, the saved payment methods to choose from, Add a new payment method, Save."""

from __future__ import annotations

from playwright.sync_api import expect

from articles.pay_subscription_2022.vocabulary import Slot2022
from pages.payment_dialog import PaymentDialog


class RightPane(PaymentDialog):
    """The right pane: the section names Add a new payment method and Save (found by their
    accessible names); the saved methods it does not name are found by test id."""

    ADD_METHOD = "add-payment-method"
    NEW_METHOD = "new-payment-method"
    SAVED_METHODS = "saved-payment-methods"

    def expect_methods(self, count: int) -> None:
        """The saved payment methods are offered as a choice (radio buttons)."""
        methods = self.dialog.get_by_test_id(self.SAVED_METHODS).get_by_role("radio")
        expect(methods).to_have_count(count)

    def choose_saved(self, last4: str) -> None:
        radio = self.dialog.get_by_test_id(self.SAVED_CARD.format(last4))
        radio.check()
        expect(radio).to_be_checked()

    def add_new_method(self, label: str) -> None:
        """The section's "Add a new payment method": it opens the new card's fields."""
        place = self.dialog.get_by_test_id(self.ADD_METHOD)
        button = self.labels.control(
            Slot2022.ADD_PAYMENT_METHOD, label, self.dialog, "button", place
        )
        button.click()
        expect(button).to_have_attribute("aria-expanded", "true")
        expect(self.dialog.get_by_test_id(self.NEW_METHOD)).to_be_visible()

    def save(self, label: str) -> None:
        place = self.dialog.get_by_test_id(self.SAVE)
        self.labels.control(Slot2022.SAVE, label, self.dialog, "button", place).click()
