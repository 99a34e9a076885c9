"""Article steps 1 and 2: navigate to Your products, find the notice, open Settle balance."""

from __future__ import annotations

from pytest_bdd import then, when

from pages.admin_center import AdminCenter
from pages.products_page import ProductsPage
from steps.grammar import step


@when(**step("I go to {group} > {entry}", "group", "entry"))
def go_to(admin_center: AdminCenter, group: str, entry: str) -> None:
    admin_center.go_to(group, entry)


@then(**step("the subscription with the outstanding balance shows {notice}", "notice"))
def subscription_shows_notice(products_page: ProductsPage, notice: str) -> None:
    products_page.billing_section_with(notice)


@when(**step("I click {action} next to {notice}", "action", "notice"))
def click_next_to(products_page: ProductsPage, action: str, notice: str) -> None:
    products_page.open_settle_panel(notice, action)
