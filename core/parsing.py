"""Reading an article file: text, front matter, translation units, numbered steps, identity,
and what each step asks the reader to do (from its English source)."""

from __future__ import annotations

import re
from pathlib import Path

import frontmatter
import yaml

from core.labels import comparable, unlink
from core.model import OPTION_PHRASES, Action, ArticleError, Meta, Option, Step, Unit

REQUIRED_META = {
    "title": "title",
    "locale": "ms.contentlocale",
    "locfileid": "ms.locfileid",
    "openlocfilehash": "ms.openlocfilehash",
    "lasthandoff": "ms.lasthandoff",
}
SUPPORTED_TITLE = "Settle an outstanding balance"
SUPPORTED_ANCHOR = "settle-an-outstanding-balance"
SUPPORTED = f"'{SUPPORTED_TITLE}' (anchor #{SUPPORTED_ANCHOR}, ms.topic: article)"
UNIT_RE = re.compile(
    r'<span data-ttu-id="(?P<id>[^"]*)">(?P<local>.*?)</span>'
    r'<span class="sxs-lookup"><span data-stu-id="(?P<sid>[^"]*)">(?P<en>.*?)</span></span>',
    re.S,
)
UNIT_START_RE = re.compile(r'<span data-ttu-id="(?P<id>[^"]*)">')
ANCHOR_RE = re.compile(r'<a name="(?P<name>[^"]*)"></a>')
STEP_LINE_RE = re.compile(r"^[ \t]*(?P<number>\d{1,3})\.[ \t]+(?P<body>.*)$", re.M)
LOCALE_RE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
MAX_ARTICLE_BYTES = 2_000_000


def read_text(path: Path) -> str:
    """The file's text, refusing what is not a UTF-8 text article."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ArticleError(f"{path}: cannot read: {error.strerror}") from error
    if len(data) > MAX_ARTICLE_BYTES:
        raise ArticleError(
            f"{path}: {len(data):,} bytes is too large for a help article "
            f"(limit {MAX_ARTICLE_BYTES:,})"
        )
    nul = data.find(b"\x00")
    if nul >= 0:
        raise ArticleError(f"{path}: binary data (NUL byte at offset {nul})")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ArticleError(
            f"{path}: not UTF-8 (invalid byte 0x{data[error.start]:02x} at offset {error.start})"
        ) from error


def parse_front_matter(text: str, path: Path) -> tuple[Meta, str, str]:
    """Split front matter from content and check the fields the suite needs."""
    if not text.lstrip().startswith("---"):
        raise ArticleError(f"{path}: no front matter (the file must start with '---')")
    try:
        post = frontmatter.loads(text)
    except (yaml.YAMLError, ValueError) as error:
        reason = str(error).splitlines()[0]
        raise ArticleError(f"{path}: front matter is not valid YAML: {reason}") from error
    values = {}
    for name, key in REQUIRED_META.items():
        value = post.metadata.get(key)
        if value is None or not str(value).strip():
            raise ArticleError(f"{path}: front matter field '{key}' is missing or empty")
        values[name] = str(value).strip()
    if not LOCALE_RE.match(values["locale"]):
        raise ArticleError(
            f"{path}: front matter field 'ms.contentlocale' is {values['locale']!r}, "
            "not a locale such as 'fr-FR'"
        )
    values["translationtype"] = str(post.metadata.get("ms.translationtype") or "").strip()
    topic = str(post.metadata.get("ms.topic") or "").strip()
    return Meta(**values), post.content, topic


def check_identity(content: str, units: list[Unit], topic: str, path: Path) -> None:
    """Refuse an article that is not the one the suite tests (another topic or page)."""
    anchors = [match["name"] for match in ANCHOR_RE.finditer(content)]
    title = units[0].english.strip() if units else ""
    problems = []
    if topic and topic != "article":
        problems.append(f"ms.topic is {topic!r}")
    if anchors and anchors[0] != SUPPORTED_ANCHOR:
        problems.append(f"its heading anchor is #{anchors[0]}")
    if comparable(title).casefold() != SUPPORTED_TITLE.casefold():
        problems.append(f"its English title is {title[:80]!r}")
    if problems:
        raise ArticleError(
            f"{path}: not the supported article ({'; '.join(problems)}); "
            f"this suite tests {SUPPORTED}"
        )


def parse_units(content: str, path: Path) -> list[Unit]:
    """All translation units in document order; every unit must carry its English source."""
    units = [Unit(m["id"], m["local"].strip(), m["en"].strip()) for m in UNIT_RE.finditer(content)]
    starts = [m["id"] for m in UNIT_START_RE.finditer(content)]
    if not starts:
        raise ArticleError(f"{path}: no translation units (<span data-ttu-id=…>) found")
    complete = {unit.id for unit in units}
    for unit_id in starts:
        if unit_id not in complete:
            raise ArticleError(
                f"{path}: unit {unit_id!r} has no English source "
                '(expected <span class="sxs-lookup"><span data-stu-id=…> right after it)'
            )
    seen: set[str] = set()
    for match in UNIT_RE.finditer(content):
        unit_id = match["id"]
        if not unit_id:
            raise ArticleError(f"{path}: a unit has an empty data-ttu-id")
        if match["sid"] != unit_id:
            raise ArticleError(
                f"{path}: unit {unit_id!r} is paired with English source {match['sid']!r}"
            )
        if unit_id in seen:
            raise ArticleError(f"{path}: unit id {unit_id!r} appears twice")
        seen.add(unit_id)
    return units


def parse_steps(content: str, units: list[Unit], path: Path) -> list[Step]:
    """The numbered list items that hold translation units."""
    by_id = {unit.id: unit for unit in units}
    steps = []
    for line in STEP_LINE_RE.finditer(content):
        step_units = [by_id[m["id"]] for m in UNIT_RE.finditer(line["body"])]
        if step_units:
            steps.append(Step(int(line["number"]), step_units))
    if not steps:
        raise ArticleError(f"{path}: no numbered steps ('1. …' lines with translation units)")
    numbers = [step.number for step in steps]
    if len(set(numbers)) != len(numbers):
        raise ArticleError(f"{path}: numbered steps repeat a number: {numbers}")
    return steps


def classify(step: Step) -> tuple[Action, tuple[Option, ...]]:
    """Decide what a step asks for from its English source's phrasing."""
    english = unlink(step.english)
    options = tuple(option for option, phrase in OPTION_PHRASES.items() if phrase.search(english))
    if re.search(r"\bif you(?:'|’)re not the (?:credit )?card owner\b", english, re.I):
        return Action.NON_OWNER_OPTIONS, options
    if re.search(r"\bif you(?:'|’)re the (?:credit )?card owner\b", english, re.I):
        return Action.OWNER_OPTIONS, options
    if re.search(r"^\s*go to \*\*", english, re.I):
        return Action.NAVIGATE, ()
    if re.search(r"next to \*\*[^*]+\*\*,? click \*\*[^*]+\*\*", english, re.I):
        return Action.SETTLE, ()
    if re.search(r"\bclick \*\*[^*]+\*\*", english, re.I):
        return Action.SAVE, ()
    return Action.UNKNOWN, ()
