"""The 2021 article's vocabulary: what its steps do, the options they offer and the
controls its labels name. Page objects of release 2021 name controls by these slots."""

from __future__ import annotations

import re

from core.model import Action, Option, Slot


class Action2021(Action):
    """What a numbered step of the 2021 article asks the reader to do."""

    NAVIGATE = "navigate"
    SETTLE = "settle"
    OWNER_OPTIONS = "owner-options"
    NON_OWNER_OPTIONS = "non-owner-options"
    SAVE = "save"


class Option2021(Option):
    """The payment-method changes a step offers (steps 3 and 4 of the article)."""

    CHANGE_EXPIRY = "change the expiration date"
    OTHER_CARD = "pick a different card"
    NEW_CARD = "add a new card"


class Slot2021(Slot):
    """The controls the 2021 article names."""

    BILLING = "billing"
    YOUR_PRODUCTS = "your-products"
    PAST_DUE_NOTICE = "past-due-notice"
    SETTLE_BALANCE = "settle-balance"
    SAVE = "save"


# The labels of a step, in order, by what the step does (the article's structure).
SLOTS_BY_ACTION: dict[Action, tuple[Slot, ...]] = {
    Action2021.NAVIGATE: (Slot2021.BILLING, Slot2021.YOUR_PRODUCTS),
    Action2021.SETTLE: (Slot2021.PAST_DUE_NOTICE, Slot2021.SETTLE_BALANCE),
    Action2021.SAVE: (Slot2021.SAVE,),
}

OPTION_PHRASES = {
    Option2021.CHANGE_EXPIRY: re.compile(r"change the expiration date", re.I),
    Option2021.OTHER_CARD: re.compile(r"(?:pick|choose|select) a different (?:credit )?card", re.I),
    Option2021.NEW_CARD: re.compile(r"add a new (?:credit )?card", re.I),
}
