"""Aligning each unit's localized bold runs with its English ones, giving each label its
``Slot`` and recording what looks wrong (doubts and diagnostics)."""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from core.doubts import broken_run, doubts_about, hints_about
from core.labels import Stripped, comparable, is_path, split_path, strip_markup
from core.model import Action, Diagnostic, Label, Slot, Step, Unit

# A label run: bold, or an HTML link outside bold (the 2022 article names the Payment methods
# tab as a link, "select the <a href=…>Payment methods</a> tab").
LABEL_RUN_RE = re.compile(r"\*\*(?P<bold>.*?)\*\*|<a\s+href=[^>]*>(?P<link>.*?)</a>", re.S)


def bold_runs(text: str) -> tuple[list[str], bool]:
    """The label runs of a unit's text (bold, or a link outside bold) in order, and whether
    its ``**`` markers are balanced."""
    runs = [m["bold"] if m["bold"] is not None else m["link"] for m in LABEL_RUN_RE.finditer(text)]
    return runs, text.count("**") % 2 == 0


class _Notes:
    """Collects the diagnostics of one unit."""

    def __init__(self, path: Path, unit: Unit, diagnostics: list[Diagnostic]) -> None:
        self.path, self.unit, self.diagnostics = path, unit, diagnostics

    def __call__(self, message: str) -> None:
        unit = self.unit
        self.diagnostics.append(
            Diagnostic(str(self.path), unit.id, message, unit.english, unit.localized)
        )


def align_step_labels(step: Step, path: Path, diagnostics: list[Diagnostic]) -> list[Label]:
    """Pair the localized labels of each unit with the English ones, recording diagnostics."""
    labels = []
    for unit in step.units:
        note = _Notes(path, unit, diagnostics)
        english_runs, english_ok = bold_runs(unit.english)
        local_runs, local_ok = bold_runs(unit.localized)
        if not english_ok:
            note("unbalanced ** in the English source; the unpaired marker is ignored")
        if not local_ok:
            note("unbalanced ** in the localized text; the unpaired marker is ignored")
        local_runs = _merge_split_runs(unit.localized, local_runs, len(english_runs), note)
        if len(local_runs) != len(english_runs):
            note(
                f"English has {len(english_runs)} bold run(s), localized has {len(local_runs)}; "
                "aligned in order"
            )
        kinds = (_run_kinds(unit.english), _run_kinds(unit.localized))
        if len(kinds[1]) != len(local_runs):  # merged split runs: bold, all of them
            kinds = (kinds[0], ["bold"] * len(local_runs))
        pairing = _pair_runs(english_runs, local_runs, kinds, _scale(unit))
        paired = dict(zip(pairing, local_runs, strict=False))
        for index, english_run in enumerate(english_runs):
            if index in paired:
                labels.extend(_align_run(step, unit, english_run, paired[index], note))
                continue
            for english in _run_labels(english_run, english_run):
                labels.append(
                    Label("", english.text, unit.id, step.number, doubts=("no bold run",))
                )
    return labels


# How much closer in length (as a factor) another pairing must be before it replaces the
# pairing in order.
LENGTH_EVIDENCE = math.log(1.5)


def _run_kinds(text: str) -> list[str]:
    """Each label run's kind, in order: ``bold`` or ``link`` (an HTML link outside bold)."""
    return ["bold" if m["bold"] is not None else "link" for m in LABEL_RUN_RE.finditer(text)]


def _scale(unit: Unit) -> float:
    """How long the localized text is for each English character (CJK writes shorter)."""
    return _length(unit.localized) / _length(unit.english)


def _pair_runs(
    english_runs: list[str],
    local_runs: list[str],
    kinds: tuple[list[str], list[str]],
    scale: float = 1.0,
) -> list[int]:
    """Which English run each localized run translates, in order. A unit that lost bold runs
    keeps its others in order, but not necessarily the first ones: the run it lost may be the
    first ("neben Abonnement weist … auf auf **Saldo ausgleichen**"). Without a dictionary, a
    run pairs with a run of its kind (a link with a link), and the runs' lengths tell: the
    pairing whose lengths (against the sentences' length ratio, ``scale``) agree by a factor
    of 1.5 better than the first pairing in order wins."""
    in_order = list(range(min(len(english_runs), len(local_runs))))
    if len(local_runs) >= len(english_runs) or not local_runs:
        return in_order
    english_kinds, local_kinds = kinds
    candidates = [
        indices
        for indices in itertools.combinations(range(len(english_runs)), len(local_runs))
        if all(english_kinds[i] == local_kinds[k] for k, i in enumerate(indices))
    ]
    if not candidates:
        return in_order

    def cost(indices: tuple[int, ...]) -> float:
        return sum(
            abs(math.log(_length(local_runs[k]) / scale / _length(english_runs[i])))
            for k, i in enumerate(indices)
        )

    best = min(candidates, key=cost)
    first = candidates[0]
    return list(best if cost(best) < cost(first) - LENGTH_EVIDENCE else first)


def _length(run: str) -> int:
    return max(1, len(comparable(strip_markup(run.replace("**", "")).text)))


def _merge_split_runs(text: str, runs: list[str], wanted: int, note: _Notes) -> list[str]:
    """Join adjacent bold runs separated only by spaces when the English has fewer runs."""
    merged = list(runs)
    while len(merged) > wanted:
        for index in range(len(merged) - 1):
            pair = f"**{merged[index]}**"
            following = f"**{merged[index + 1]}**"
            if re.search(re.escape(pair) + r"[ \u00a0]*" + re.escape(following), text):
                note(
                    f"label split across two bold runs ({merged[index]!r} + "
                    f"{merged[index + 1]!r}); read as one label"
                )
                merged[index : index + 2] = [f"{merged[index]} {merged[index + 1]}"]
                break
        else:
            return merged
    return merged


def _run_labels(english_run: str, run: str) -> list[Stripped]:
    """A bold run's labels: its path parts when the English run is a path, else one label."""
    return split_path(run) if is_path(english_run) else [strip_markup(run)]


def _align_run(
    step: Step, unit: Unit, english_run: str, local_run: str, note: _Notes
) -> list[Label]:
    english_labels = _run_labels(english_run, english_run)
    local_labels = _run_labels(english_run, local_run)
    doubts: tuple[str, ...] = ()
    if len(english_labels) != len(local_labels):
        doubts = (
            f"the path {english_run!r} has {len(english_labels)} part(s) in English but "
            f"{len(local_labels)} in the localized bold run",
        )
        note(f"{doubts[0]} {local_run!r}")
    labels = []
    for index, english in enumerate(english_labels):
        local = local_labels[index] if index < len(local_labels) else Stripped("")
        if not comparable(local.text):
            note(f"the localized label for {english.text!r} is empty (the article lost it)")
        labels.append(
            Label(
                local.text,
                english.text,
                unit.id,
                step.number,
                quoted=local.quoted,
                bold=local_run,
                doubts=doubts,
            )
        )
    return labels


def assign_slots(step: Step, slots_by_action: Mapping[Action, tuple[Slot, ...]]) -> list[Label]:
    """Give the labels of a step the controls its action names, in order (the spec's map)."""
    slots = slots_by_action.get(step.action, ()) if step.action is not None else ()
    return [
        replace(label, slot=slots[index] if index < len(slots) else None)
        for index, label in enumerate(step.labels)
    ]


def add_doubts(steps: list[Step], path: Path, diagnostics: list[Diagnostic]) -> None:
    """Record what looks wrong about each flow label, against the rest of the article."""
    flow = [label for step in steps for label in step.labels if label.slot is not None]
    units = [unit for step in steps for unit in step.units]
    by_id = {unit.id: unit for unit in units}
    for step in steps:
        step.labels = [
            replace(label, doubts=_unique(label.doubts + tuple(doubts_about(label, flow, units))))
            if label.slot
            else label
            for label in step.labels
        ]
    for step in steps:
        doubted = [
            replace(label, doubts=_unique((*label.doubts, broken_run(label, step.labels))))
            if label.slot and not label.doubts
            else label
            for label in step.labels
        ]
        step.labels = doubted
        for label in step.labels:
            if label.slot is None:
                continue
            unit = by_id[label.unit_id]
            for reason in (*label.doubts, *hints_about(label, unit)):
                diagnostics.append(
                    Diagnostic(
                        str(path),
                        unit.id,
                        f"label for {label.english!r} ({label.localized!r}): {reason}",
                        unit.english,
                        unit.localized,
                    )
                )


def _unique(reasons: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(reason for reason in reasons if reason))
