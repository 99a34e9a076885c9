"""Building blocks of step patterns: quoted, escaped parameters (as the generator writes them)."""

from __future__ import annotations

import re

from pytest_bdd import parsers

ESCAPE_RE = re.compile(r"\\(.)")


def quoted(name: str) -> str:
    """A double-quoted parameter that may hold escaped quotes and backslashes."""
    return rf'"(?P<{name}>(?:[^"\\]|\\.)*)"'


def unquote(value: str) -> str:
    """Undo the generator's escaping of a quoted parameter."""
    return ESCAPE_RE.sub(r"\1", value)


def step(pattern: str, *names: str) -> dict:
    """Keyword arguments of a step decorator: a full-line regex whose ``{name}`` placeholders
    are quoted parameters, unescaped on the way in. Use as ``@when(**step(...))``."""
    regex = "^" + pattern.format(**{name: quoted(name) for name in names}) + "$"
    return {"name": parsers.re(regex), "converters": dict.fromkeys(names, unquote)}
