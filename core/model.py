"""The article model: what one localized side-by-side help article says, as dataclasses.

``core.article.load_article`` builds it (parsing in ``core.parsing``, bold-label alignment in
``core.alignment``). A ``Label`` carries its ``Slot`` — which control of the admin center it
names — so every layer speaks of "the Save button" the same way in every locale.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from core.labels import comparable

if TYPE_CHECKING:
    from core.spec import ArticleSpec


class ArticleError(ValueError):
    """An article that cannot be turned into a feature; the message names file and reason."""


class Action(enum.Enum):
    """What a numbered step asks the reader to do, decided from its English source.

    Each article version declares its own members (a subclass in its spec); a step no
    classifier recognises has no action (``None``).
    """


class Option(enum.Enum):
    """A choice a step offers (e.g. the payment-method changes); members per article spec."""


class Slot(enum.Enum):
    """Which control of the admin center a label names: its identity in every locale.

    Members are declared by each article spec (``articles/<version>/``); the engine only
    reads ``slot.value``, the control's stable name in reports and errata.
    """


@dataclass(frozen=True)
class Meta:
    """The front-matter fields the suite reports on."""

    title: str
    locale: str
    locfileid: str
    openlocfilehash: str
    lasthandoff: str
    translationtype: str = ""  # HT (human) or MT (machine), when the article says


@dataclass(frozen=True)
class Unit:
    """One translation unit: localized text and the English source it was translated from."""

    id: str
    localized: str
    english: str


@dataclass(frozen=True)
class Label:
    """A UI label the article names, localized and English, with where it comes from.

    ``quoted``: the bold held quote marks around the label (removed here, reported as a
    defect). ``doubts``: what looks wrong about the bold run before any UI is seen.
    """

    localized: str
    english: str
    unit_id: str
    step: int
    slot: Slot | None = None
    quoted: bool = False
    bold: str = ""
    doubts: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        """The comparison key of the localized label."""
        return comparable(self.localized)


@dataclass(frozen=True)
class Diagnostic:
    """Something suspicious about the article's bold runs; the feature is still written."""

    path: str
    unit_id: str
    message: str
    english: str
    localized: str

    def __str__(self) -> str:
        return (
            f"{self.path}: unit {self.unit_id}: {self.message}\n"
            f"    English:   {self.english}\n"
            f"    localized: {self.localized}"
        )


@dataclass
class Step:
    """One numbered step of the article with its labels and the action it describes."""

    number: int
    units: list[Unit]
    labels: list[Label] = field(default_factory=list)
    action: Action | None = None
    options: tuple[Option, ...] = ()

    @property
    def localized(self) -> str:
        """The step as the localized article writes it (Markdown kept)."""
        return " ".join(unit.localized for unit in self.units)

    @property
    def english(self) -> str:
        """The step's English source."""
        return " ".join(unit.english for unit in self.units)


@dataclass
class Article:
    """A parsed localized article; ``spec`` says which documented version of the flow."""

    spec: ArticleSpec
    path: Path
    meta: Meta
    units: list[Unit]
    steps: list[Step]
    diagnostics: list[Diagnostic]
    # What other article versions' copies in this locale call each control (slot value ->
    # (version id, label) pairs): evidence when this version's word differs from the UI's.
    evidence: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)

    @property
    def labels(self) -> list[Label]:
        """Every label the numbered steps name, in document order."""
        return [label for step in self.steps for label in step.labels]

    @property
    def slotted(self) -> dict[Slot, Label]:
        """The label of each control the flow uses (first one wins)."""
        found: dict[Slot, Label] = {}
        for label in self.labels:
            if label.slot is not None:
                found.setdefault(label.slot, label)
        return found

    def label(self, slot: Slot) -> Label | None:
        """The label the article gives the control ``slot``, if it has a step for it."""
        return self.slotted.get(slot)

    def unit(self, unit_id: str) -> Unit:
        """The translation unit ``unit_id``."""
        return next(unit for unit in self.units if unit.id == unit_id)

    def step_for(self, action: Action) -> Step | None:
        """The first step performing ``action``, if the article has one."""
        return next((step for step in self.steps if step.action is action), None)

    def add_evidence(self, others: list[Article]) -> None:
        """Remember what ``others`` (other versions' copies in this locale) call each of the
        controls this copy names too (same slot value)."""
        mine = {slot.value for slot in self.slotted}
        for other in others:
            for slot, label in other.slotted.items():
                if slot.value in mine and other.spec.id != self.spec.id and label.localized:
                    pairs = self.evidence.get(slot.value, ())
                    self.evidence[slot.value] = (*pairs, (other.spec.id, label.localized))

    def find_label(self, text: str) -> Label | None:
        """The label whose localized text equals ``text`` (compared with ``comparable``)."""
        key = comparable(text)
        return next((label for label in self.labels if label.key == key), None)
