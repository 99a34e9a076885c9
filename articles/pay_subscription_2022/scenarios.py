"""The scenarios of the 2022 section: the branches it describes, as Gherkin lines.

Step 3 offers two ways to pay: choose a different payment method, or add a new one; each is a
scenario ending in Save. Beside them: the navigation-and-warning check, and the bad-input and
cancel scenarios beyond the article. The admin who signs in added the declined payment method
(the section's precondition for using Settle balance).
"""

from __future__ import annotations

from collections.abc import Iterator

from articles.pay_subscription_2022.vocabulary import Action2022, Option2022, Slot2022
from core import scenario_data as data
from core.gherkin import Scenario, StepLines, quote
from core.model import Article

SCENARIO_NAMES = {
    Option2022.OTHER_METHOD: "Admin chooses a different payment method, then saves",
    Option2022.NEW_METHOD: "Admin adds a new payment method, then saves",
}


class FeatureBuilder(StepLines):
    """Builds the scenarios of one copy of the 2022 section from the steps it classifies."""

    def __init__(self, article: Article) -> None:
        super().__init__(article)
        self.navigate = self._require(Action2022.NAVIGATE)
        self.settle = self._require(Action2022.SETTLE)
        self.choose = self._require(Action2022.CHOOSE_METHOD)
        self.save = self._require(Action2022.SAVE)

    def go_to_payment_methods(self) -> list[str]:
        billing, bills = self._label(Slot2022.BILLING), self._label(Slot2022.BILLS_AND_PAYMENTS)
        tab = self._label(Slot2022.PAYMENT_METHODS_TAB)
        return [
            *self.comment(self.navigate),
            f"When I go to the {quote(billing.localized)} > {quote(bills.localized)} page",
            f"And I select the {quote(tab.localized)} tab",
        ]

    def open_right_pane(self) -> list[str]:
        settle = self._label(Slot2022.SETTLE_BALANCE)
        return [
            *self.comment(self.settle),
            "Then a warning says which payment method was declined",
            f"When I select {quote(settle.localized)} in the warning",
            "Then the right pane shows the amount due and the payment methods",
        ]

    def option_lines(self, option: Option2022, *, valid: bool = True) -> list[str]:
        lines = self.comment(self.choose)
        if option is Option2022.OTHER_METHOD:
            last4 = quote(data.OTHER_CARD.last4)
            return [*lines, f"When I choose the other payment method, ending in {last4}"]
        add = self._label(Slot2022.ADD_PAYMENT_METHOD)
        number = data.NEW_CARD_NUMBER if valid else data.BAD_CARD_NUMBER
        return [
            *lines,
            f"When I select {quote(add.localized)}",
            f"And I enter the card {quote(number)} expiring {quote(data.NEW_CARD_EXPIRY)} "
            f"held by {quote(data.NEW_CARD_HOLDER)} with security code {quote(data.NEW_CARD_CVV)}",
        ]

    def click_save(self) -> list[str]:
        save = self._label(Slot2022.SAVE)
        return [*self.comment(self.save), f"When I select {quote(save.localized)} in the pane"]

    def settled_lines(self, option: Option2022) -> list[str]:
        amount, currency = data.BALANCE_AMOUNT, data.BALANCE_CURRENCY
        card = data.OTHER_CARD.last4 if option is Option2022.OTHER_METHOD else data.NEW_CARD_LAST4
        return [
            "Then the warning is gone and the payment method is shown as the one on file",
            f"And exactly one charge of {quote(amount)} {quote(currency)} was made "
            f"to the card ending in {quote(card)}",
        ]

    def scenarios(self) -> Iterator[Scenario]:
        sign_in = "Given I am signed in as an admin who added the declined payment method"
        start = (sign_in, *self.go_to_payment_methods(), *self.open_right_pane())
        yield Scenario(
            "The section's navigation and warning labels are in the admin center",
            ("@article", "@labels", "@severity:critical"),
            (
                sign_in,
                "Then the admin center is shown in the article's language and text direction",
                *self.go_to_payment_methods(),
                *self.open_right_pane(),
            ),
        )
        for option in self.choose.options:
            assert isinstance(option, Option2022)  # the spec's classifier gives its own options
            yield Scenario(
                SCENARIO_NAMES[option],
                ("@article", "@owner", "@severity:critical"),
                (
                    *start,
                    *self.option_lines(option),
                    *self.click_save(),
                    *self.settled_lines(option),
                ),
            )
        unchanged = (
            "Then the warning still shows the declined payment method and nothing was charged"
        )
        if Option2022.NEW_METHOD in self.choose.options:
            yield Scenario(
                "A card number that fails validation is refused",
                ("@beyond_article", "@validation", "@severity:normal"),
                (
                    *start,
                    *self.option_lines(Option2022.NEW_METHOD, valid=False),
                    *self.click_save(),
                    "Then the payment is refused with an error about the card number",
                    unchanged.replace("Then", "And", 1),
                ),
            )
        yield Scenario(
            "Cancel leaves the balance outstanding",
            ("@beyond_article", "@severity:normal"),
            (*start, "When I cancel the right pane", unchanged),
        )
