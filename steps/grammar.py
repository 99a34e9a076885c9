"""The step grammar's parameter types, for pytest-bdd's ``parsers.cfparse``.

``{name:Text}`` is a double-quoted parameter as the generator writes it (``"…"`` with ``\\"``
and ``\\\\`` escaped), handed to the step unescaped; ``{subject:Refusal}`` is one of the fields a
refusal can be about.
"""

from __future__ import annotations

import re
from typing import Any

import parse
from pytest_bdd import parsers

ESCAPE_RE = re.compile(r"\\(.)")


@parse.with_pattern(r'"(?:[^"\\]|\\.)*"')
def text(value: str) -> str:
    """A quoted, escaped parameter -> its text."""
    return ESCAPE_RE.sub(r"\1", value[1:-1])


@parse.with_pattern(r"card number|expiration date")
def refusal(value: str) -> str:
    return value


TYPES = {"Text": text, "Refusal": refusal}


def phrase(pattern: str) -> Any:
    """A step pattern in the suite's grammar: ``phrase('I go to {group:Text} > {entry:Text}')``."""
    return parsers.cfparse(pattern, extra_types=TYPES)
