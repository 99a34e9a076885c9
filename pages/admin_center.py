"""The admin-center shell: sign-in and the left navigation (both releases: Billing holds
Your products, where the 2021 article settles, and Bills & payments, where the 2022 one does)."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from articles.pay_subscription_2022.vocabulary import Slot2022
from articles.settle_balance_2021.vocabulary import Slot2021
from core.model import Slot
from pages.labels import ArticleLabels


class AdminCenter:
    """The shell around every page: header and left navigation."""

    # Where the shell puts what the article names (read there when the name differs).
    NAV = "left-nav"
    BILLING_GROUP = "nav-billing"
    YOUR_PRODUCTS_LINK = "nav-products"
    BILLS_LINK = "nav-bills"

    def __init__(self, page: Page, labels: ArticleLabels) -> None:
        self.page = page
        self.labels = labels
        self.nav = page.get_by_test_id(self.NAV)

    def __repr__(self) -> str:  # a readable step parameter in reports
        return f"AdminCenter({self.labels.locale})"

    def sign_in(self, signin_url: str) -> None:
        self.page.goto(signin_url)
        expect(self.nav).to_be_visible()

    def expect_language(self, locale: str, direction: str) -> None:
        """The page says which language and text direction it is in."""
        html = self.page.locator(":root")
        expect(html).to_have_attribute("lang", locale)
        expect(html).to_have_attribute("dir", direction)

    def go_to(self, group: str, entry: str) -> None:
        """The 2021 article's path: Billing > Your products."""
        self._follow(
            Slot2021.BILLING, group, Slot2021.YOUR_PRODUCTS, entry, self.YOUR_PRODUCTS_LINK
        )

    def go_to_bills(self, group: str, entry: str) -> None:
        """The 2022 section's path: Billing > Bills & payments."""
        self._follow(Slot2022.BILLING, group, Slot2022.BILLS_AND_PAYMENTS, entry, self.BILLS_LINK)

    def _follow(
        self, group_slot: Slot, group: str, entry_slot: Slot, entry: str, entry_test_id: str
    ) -> None:
        """Open navigation group ``group`` and follow its link ``entry`` (the article's path)."""
        toggle = self.labels.control(
            group_slot, group, self.nav, "button", self.nav.get_by_test_id(self.BILLING_GROUP)
        )
        if toggle.get_attribute("aria-expanded") != "true":
            toggle.click()
        expect(toggle).to_have_attribute("aria-expanded", "true")
        place = self.nav.get_by_test_id(entry_test_id)
        link = self.labels.control(entry_slot, entry, self.nav, "link", place)
        link.click()
        expect(link).to_have_attribute("aria-current", "page")
