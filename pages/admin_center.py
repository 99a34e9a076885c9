"""The admin-center shell: sign-in and the left navigation."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from articles.settle_balance_2021.vocabulary import Slot2021
from pages.labels import ArticleLabels


class AdminCenter:
    """The shell around every page: header and left navigation."""

    # Where the shell puts what the article names (read there when the name differs).
    NAV = "left-nav"
    BILLING_GROUP = "nav-billing"
    YOUR_PRODUCTS_LINK = "nav-products"

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
        """Open navigation group ``group`` and follow its link ``entry`` (the article's path)."""
        toggle = self.labels.control(
            Slot2021.BILLING, group, self.nav, "button", self.nav.get_by_test_id(self.BILLING_GROUP)
        )
        if toggle.get_attribute("aria-expanded") != "true":
            toggle.click()
        expect(toggle).to_have_attribute("aria-expanded", "true")
        link = self.labels.control(
            Slot2021.YOUR_PRODUCTS,
            entry,
            self.nav,
            "link",
            self.nav.get_by_test_id(self.YOUR_PRODUCTS_LINK),
        )
        link.click()
        expect(link).to_have_attribute("aria-current", "page")
