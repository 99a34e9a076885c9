"""The UI releases the portal serves: the admin center as each documented version of the
settle flow knew it.

* ``2021``: Billing > Your products; the past-due notice and **Settle balance** sit next to the
  subscription and open the settle panel.
* ``2022``: Billing > Bills & payments, a page with tabs; the **Payment methods** tab warns
  which payment method was declined and its **Settle balance** opens the right pane.

A tenant's release is data (``"release"`` in the tenant setup); the server's default applies
when the setup names none. Views ask ``require_settle_page`` whether a page holds the flow;
templates call ``nav_href`` (both need a Flask app context).
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import abort, url_for


@dataclass(frozen=True)
class Release:
    """One UI release: its name and the page (endpoint) that holds the settle flow."""

    name: str
    settle_page: str  # "products" (Your products) or "bills" (Bills & payments)


RELEASES = {
    "2021": Release("2021", settle_page="products"),
    "2022": Release("2022", settle_page="bills"),
}
DEFAULT_RELEASE = "2021"
# Navigation entries that are real pages in every release; the others are placeholder sections
# unless a release's settle flow lives there.
COMMON_PAGES = {"home": "home", "products": "products"}


class UnknownRelease(ValueError):
    """A release name the portal does not serve; the message lists the ones it does."""


def allowed_releases() -> str:
    """'"2021" or "2022"': the accepted values, for messages."""
    names = [f'"{name}"' for name in RELEASES]
    return ", ".join(names[:-1]) + f" or {names[-1]}" if len(names) > 1 else names[0]


def release_of(name: object) -> Release:
    """The release named ``name``; ``UnknownRelease`` for anything else (also non-strings)."""
    if not isinstance(name, str) or name not in RELEASES:
        # The value itself is not echoed: it is client input of any size.
        raise UnknownRelease(f"expected {allowed_releases()}")
    return RELEASES[name]


def settles_on(release_name: str, page: str) -> bool:
    """True when ``page`` (an endpoint) holds the settle flow in this release."""
    return release_of(release_name).settle_page == page


def require_settle_page(release_name: str, page: str) -> None:
    """404 unless ``page`` holds the settle flow in this release: a release that moved the flow
    has no trace of it where it used to be (and no page where it moves later)."""
    if not settles_on(release_name, page):
        abort(404)


def nav_href(release_name: str, key: str) -> str:
    """Where the navigation entry ``key`` leads in this release."""
    release = release_of(release_name)
    pages = COMMON_PAGES | {release.settle_page: release.settle_page}
    if key in pages:
        return url_for(pages[key])
    return url_for("section", name=key)
