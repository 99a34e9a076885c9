"""The scenarios of the 2021 article: the branches it describes, as Gherkin lines.

Owner / non-owner, each payment option the article offers, the navigation-and-notice check,
and the bad-input scenarios beyond the article. Each group of steps is preceded by the
article's numbered step it performs, and a note for each label the article seems to have lost.
"""

from __future__ import annotations

from collections.abc import Iterator

from articles.settle_balance_2021.vocabulary import Action2021 as Action
from articles.settle_balance_2021.vocabulary import Option2021 as Option
from articles.settle_balance_2021.vocabulary import Slot2021 as Slot
from core import scenario_data as data
from core.gherkin import Scenario, StepLines, quote, step_comment
from core.model import Article, ArticleError, Step


class FeatureBuilder(StepLines):
    """Builds the scenarios of one article from the steps it classifies."""

    def __init__(self, article: Article) -> None:
        super().__init__(article)
        self.navigate = self._require(Action.NAVIGATE)
        self.settle = self._require(Action.SETTLE)
        self.save = self._require(Action.SAVE)
        self.owner = article.step_for(Action.OWNER_OPTIONS)
        self.non_owner = article.step_for(Action.NON_OWNER_OPTIONS)
        if self.owner is None and self.non_owner is None:
            raise ArticleError(
                f"{article.path}: no step describes the card owner or non-owner options"
            )

    # Step groups, each preceded by the article step it performs.
    def go_to_products(self) -> list[str]:
        billing, products = self._label(Slot.BILLING), self._label(Slot.YOUR_PRODUCTS)
        return [
            *self.comment(self.navigate),
            f"When I go to {quote(billing.localized)} > {quote(products.localized)}",
        ]

    def open_settle_panel(self) -> list[str]:
        notice, action = self._label(Slot.PAST_DUE_NOTICE), self._label(Slot.SETTLE_BALANCE)
        return [
            *self.comment(self.settle),
            f"Then the subscription with the outstanding balance shows {quote(notice.localized)}",
            f"When I click {quote(action.localized)} next to {quote(notice.localized)}",
            "Then the settle balance panel shows the amount due and the card on file",
        ]

    def click_save(self) -> list[str]:
        save = self._label(Slot.SAVE)
        return [*self.comment(self.save), f"When I click {quote(save.localized)} to save"]

    def option_lines(self, step: Step, option: Option, *, valid: bool = True) -> list[str]:
        lines = [step_comment(step)]
        if option is Option.CHANGE_EXPIRY:
            expiry = data.NEW_EXPIRY if valid else data.PAST_EXPIRY
            lines.append(
                f"When I change the expiration date of the card on file to {quote(expiry)}"
            )
        elif option is Option.OTHER_CARD:
            lines.append(f"When I pick the other card, ending in {quote(data.OTHER_CARD.last4)}")
        else:
            number = data.NEW_CARD_NUMBER if valid else data.BAD_CARD_NUMBER
            lines.append(
                f"When I add a new card {quote(number)} expiring {quote(data.NEW_CARD_EXPIRY)} "
                f"held by {quote(data.NEW_CARD_HOLDER)} "
                f"with security code {quote(data.NEW_CARD_CVV)}"
            )
        return lines

    def settled_lines(self, option: Option) -> list[str]:
        amount, currency = data.BALANCE_AMOUNT, data.BALANCE_CURRENCY
        card = {
            Option.CHANGE_EXPIRY: data.CARD_ON_FILE.last4,
            Option.OTHER_CARD: data.OTHER_CARD.last4,
            Option.NEW_CARD: data.NEW_CARD_LAST4,
        }[option]
        lines = [
            "Then the outstanding balance is settled and a confirmation is shown",
            f"And exactly one charge of {quote(amount)} {quote(currency)} was made "
            f"to the card ending in {quote(card)}",
        ]
        if option is Option.CHANGE_EXPIRY:
            lines.append(f"And the card ending in {quote(card)} expires {quote(data.NEW_EXPIRY)}")
        return lines

    def sign_in(self, owner: bool) -> str:
        who = "owns" if owner else "does not own"
        return f"Given I am signed in as an admin who {who} the card on file"

    def scenarios(self) -> Iterator[Scenario]:
        yield Scenario(
            "The article's navigation and notice labels are in the admin center",
            ("@article", "@labels", "@severity:critical"),
            (
                self.sign_in(True),
                "Then the admin center is shown in the article's language and text direction",
                *self.go_to_products(),
                *self.open_settle_panel(),
            ),
        )
        for step, owner in ((self.owner, True), (self.non_owner, False)):
            if step is None:
                continue
            who = "Card owner" if owner else "Non-owner"
            for option in step.options:
                assert isinstance(option, Option)  # the spec's classifier gives its own options
                yield Scenario(
                    f"{who} chooses to {option.value}, then saves",
                    ("@article", "@owner" if owner else "@non_owner", "@severity:critical"),
                    (
                        self.sign_in(owner),
                        *self.go_to_products(),
                        *self.open_settle_panel(),
                        *self.option_lines(step, option),
                        *self.click_save(),
                        *self.settled_lines(option),
                    ),
                )
        if self.non_owner is not None and Option.CHANGE_EXPIRY not in self.non_owner.options:
            yield Scenario(
                "Non-owner is not offered to change the expiration date",
                ("@article", "@non_owner", "@severity:critical"),
                (
                    self.sign_in(False),
                    *self.go_to_products(),
                    *self.open_settle_panel(),
                    *self.comment(self.non_owner),
                    "Then I am not offered to change the expiration date",
                    "And I can pick a different card or add a new card",
                ),
            )
        yield from self.bad_input_scenarios()

    def bad_input_scenarios(self) -> Iterator[Scenario]:
        branch = self.owner or self.non_owner
        if branch is None:  # __init__ refuses such an article; this keeps the types honest
            return
        owner = branch is self.owner
        unchanged = "Then the balance is still outstanding and nothing was charged"
        start = (self.sign_in(owner), *self.go_to_products(), *self.open_settle_panel())
        cases = [
            (Option.NEW_CARD, "A card number that fails validation is refused", "card number"),
            (Option.CHANGE_EXPIRY, "An expiration date in the past is refused", "expiration date"),
        ]
        for option, name, field in cases:
            if option not in branch.options:
                continue
            yield Scenario(
                name,
                ("@beyond_article", "@validation", "@severity:normal"),
                (
                    *start,
                    *self.option_lines(branch, option, valid=False),
                    *self.click_save(),
                    f"Then the payment is refused with an error about the {field}",
                    unchanged.replace("Then", "And", 1),
                ),
            )
        yield Scenario(
            "Cancel leaves the balance outstanding",
            ("@beyond_article", "@severity:normal"),
            (*start, "When I cancel the settle balance panel", unchanged),
        )
