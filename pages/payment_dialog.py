"""What the 2021 settle panel and the 2022 right pane share: a modal dialog with the amount
due, the card on file, the new-card fields, Cancel, and the refusal of bad input."""

from __future__ import annotations

from typing import ClassVar

from playwright.sync_api import Page, expect

from pages.labels import ArticleLabels


class PaymentDialog:
    """A modal dialog where the admin pays the outstanding balance.

    The article does not name these fields, so they are found by test id (declared here once).
    """

    AMOUNT_DUE = "amount-due"
    CARD_ON_FILE = "card-on-file"
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
        return f"{type(self).__name__}({self.labels.locale})"

    def expect_open(self) -> None:
        expect(self.dialog).to_be_visible()
        expect(self.dialog).to_have_attribute("aria-modal", "true")

    def expect_summary(self, amount: str, card_last4: str) -> None:
        """The amount due as the locale writes it and the card on file."""
        expect(self.dialog.get_by_test_id(self.AMOUNT_DUE)).to_have_text(amount)
        expect(self.dialog.get_by_test_id(self.CARD_ON_FILE)).to_contain_text(card_last4)

    def fill_new_card(self, number: str, expiry: str, holder: str, cvv: str) -> None:
        for name, value in (("number", number), ("holder", holder), ("expires", expiry)):
            self.dialog.get_by_test_id(self.NEW_CARD_FIELD.format(name)).fill(value)
        self.dialog.get_by_test_id(self.NEW_CARD_FIELD.format("cvv")).fill(cvv)

    def cancel(self) -> None:
        self.dialog.get_by_test_id(self.CANCEL).click()
        expect(self.dialog).to_have_count(0)

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
