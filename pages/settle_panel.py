"""The settle-balance panel (a dialog): amount due, card on file, payment options, Save."""

from __future__ import annotations

from typing import ClassVar

from playwright.sync_api import Locator, Page, expect

from articles.settle_balance_2021.vocabulary import Slot2021
from pages.labels import ArticleLabels


class SettlePanel:
    """The dialog opened by the article's "Settle balance" action.

    The article describes the payment options without naming them, so they are found by test
    id; Save is named by the article and found by its accessible name.
    """

    AMOUNT_DUE = "amount-due"
    CARD_ON_FILE = "card-on-file"
    OPTION = "option-{}"  # change-expiry | other-card | new-card
    NEW_EXPIRY = "new-expiry"
    SAVED_CARD = "saved-card-{}"  # last four digits
    NEW_CARD_FIELD = "new-card-{}"  # number | holder | expires | cvv
    SAVE = "save-payment"
    CANCEL = "cancel-settle"
    FIELD_FOR: ClassVar[dict[str, str]] = {
        "card number": "new-card-number",
        "expiration date": "new-expiry",
    }

    def __init__(self, page: Page, labels: ArticleLabels) -> None:
        self.page = page
        self.labels = labels
        self.dialog = page.get_by_role("dialog")

    def __repr__(self) -> str:  # a readable step parameter in reports
        return f"SettlePanel({self.labels.locale})"

    def expect_open(self) -> None:
        expect(self.dialog).to_be_visible()
        expect(self.dialog).to_have_attribute("aria-modal", "true")

    def expect_summary(self, amount: str, card_last4: str) -> None:
        """The amount due as the locale writes it and the card on file."""
        expect(self.dialog.get_by_test_id(self.AMOUNT_DUE)).to_have_text(amount)
        expect(self.dialog.get_by_test_id(self.CARD_ON_FILE)).to_contain_text(card_last4)

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
        for name, value in (("number", number), ("holder", holder), ("expires", expiry)):
            self.dialog.get_by_test_id(self.NEW_CARD_FIELD.format(name)).fill(value)
        self.dialog.get_by_test_id(self.NEW_CARD_FIELD.format("cvv")).fill(cvv)

    def save(self, label: str) -> None:
        place = self.dialog.get_by_test_id(self.SAVE)
        self.labels.control(Slot2021.SAVE, label, self.dialog, "button", place).click()

    def cancel(self) -> None:
        self.dialog.get_by_test_id(self.CANCEL).click()
        expect(self.dialog).to_have_count(0)

    def expect_expiry_not_offered(self) -> None:
        expect(self.option("change-expiry")).to_have_count(0)
        expect(self.dialog.get_by_test_id(self.NEW_EXPIRY)).to_have_count(0)

    def expect_other_options_offered(self) -> None:
        expect(self.option("other-card")).to_be_enabled()
        expect(self.option("new-card")).to_be_enabled()

    def expect_refused(self, subject: str) -> None:
        """The refusal as a user and assistive tech perceive it: an alert in the dialog, the
        field marked invalid and described by a non-empty error message inside that alert."""
        alert = self.dialog.get_by_role("alert")
        expect(alert).to_be_visible()
        field = self.dialog.get_by_test_id(self.FIELD_FOR[subject])
        expect(field).to_have_attribute("aria-invalid", "true")
        described_by = field.get_attribute("aria-describedby") or ""
        assert described_by, f"the invalid {subject} field names no error (aria-describedby)"
        message = alert.locator(f"[id='{described_by}']")
        expect(message).to_have_count(1)
        expect(message).not_to_be_empty()

    def error_text(self, subject: str) -> str:
        field = self.dialog.get_by_test_id(self.FIELD_FOR[subject])
        described_by = field.get_attribute("aria-describedby") or ""
        return self.dialog.locator(f"[id='{described_by}']").inner_text()
