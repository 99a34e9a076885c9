"""How a mutation sweep reports: one line per mutant, the score, then each survivor's output."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol


class Outcome(Protocol):
    """What a sweep knows of one mutant's run."""

    @property
    def killed(self) -> bool: ...

    @property
    def mutant(self) -> object: ...

    @property
    def returncode(self) -> int: ...

    @property
    def output(self) -> str: ...


def report(outcomes: Sequence[Outcome], score: str) -> int:
    """Print the sweep (``score`` is a format with {killed} and {total}); 1 if any survived."""
    for outcome in outcomes:
        print(f"{'killed  ' if outcome.killed else 'SURVIVED'}  {outcome.mutant}")
    survivors = [outcome for outcome in outcomes if not outcome.killed]
    print("\n" + score.format(killed=len(outcomes) - len(survivors), total=len(outcomes)))
    for outcome in survivors:
        print(f"\n--- survivor {outcome.mutant} (exit {outcome.returncode}) ---")
        print(outcome.output[-3000:])
    return 1 if survivors else 0
