"""Article steps 1 and 2: navigate to Your products, find the notice, open Settle balance."""

from __future__ import annotations

from pytest_bdd import then, when

from pages.admin_center import AdminCenter
from pages.products_page import ProductsPage
from steps.grammar import phrase


@then("the admin center is shown in the article's language and text direction")
def shown_in_article_language(
    admin_center: AdminCenter, feature_locale: str, text_direction: str
) -> None:
    admin_center.expect_language(feature_locale, text_direction)


@when(phrase("I go to {group:Text} > {entry:Text}"))
def go_to(admin_center: AdminCenter, group: str, entry: str) -> None:
    admin_center.go_to(group, entry)


@then(phrase("the subscription with the outstanding balance shows {notice:Text}"))
def subscription_shows_notice(products_page: ProductsPage, notice: str) -> None:
    products_page.billing_section_with(notice)


@when(phrase("I click {action:Text} next to {notice:Text}"))
def click_next_to(products_page: ProductsPage, action: str, notice: str) -> None:
    products_page.open_settle_panel(notice, action)
