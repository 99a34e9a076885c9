"""The 2022 section's vocabulary: what its steps do, the options they offer and the
controls its labels name. Page objects of release 2022 name controls by these slots; a
control both versions name (Billing, Settle balance, Save) has the same slot value, so one
version's label is evidence about the other's."""

from __future__ import annotations

import re

from core.model import Action, Option, Slot


class Action2022(Action):
    """What a numbered step of the 2022 section asks the reader to do."""

    NAVIGATE = "navigate"
    SETTLE = "settle"
    CHOOSE_METHOD = "choose-method"
    SAVE = "save"


class Option2022(Option):
    """The payment-method changes the right pane offers (step 3)."""

    OTHER_METHOD = "choose a different payment method"
    NEW_METHOD = "add a new payment method"


class Slot2022(Slot):
    """The controls the 2022 section names."""

    BILLING = "billing"
    BILLS_AND_PAYMENTS = "bills-and-payments"
    PAYMENT_METHODS_TAB = "payment-methods-tab"
    SETTLE_BALANCE = "settle-balance"
    ADD_PAYMENT_METHOD = "add-payment-method"
    SAVE = "save"


# The labels of a step, in order, by what the step does (the section's structure).
SLOTS_BY_ACTION: dict[Action, tuple[Slot, ...]] = {
    Action2022.NAVIGATE: (
        Slot2022.BILLING,
        Slot2022.BILLS_AND_PAYMENTS,
        Slot2022.PAYMENT_METHODS_TAB,
    ),
    Action2022.SETTLE: (Slot2022.SETTLE_BALANCE,),
    Action2022.CHOOSE_METHOD: (Slot2022.ADD_PAYMENT_METHOD,),
    Action2022.SAVE: (Slot2022.SAVE,),
}

OPTION_PHRASES = {
    Option2022.OTHER_METHOD: re.compile(r"choose a different payment method", re.I),
    Option2022.NEW_METHOD: re.compile(r"add a new payment method", re.I),
}
