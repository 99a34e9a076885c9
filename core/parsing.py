"""Reading an article file: text, front matter, the flow's section, translation units,
numbered steps and identity, for any article version (its ``ArticleSpec`` says which).

A side-by-side copy pairs every localized sentence with its English source in the file; a
single-language copy has none, so its section is paired block by block (heading, paragraphs,
numbered steps, in order) with the same section of the spec's English source copy.
"""

from __future__ import annotations

import re
from pathlib import Path

import frontmatter
import yaml

from core.labels import comparable
from core.model import ArticleError, Meta, Step, Unit
from core.spec import ArticleSpec

REQUIRED_META = {
    "title": "title",
    "locale": "ms.contentlocale",
    "locfileid": "ms.locfileid",
    "openlocfilehash": "ms.openlocfilehash",
    "lasthandoff": "ms.lasthandoff",
}
UNIT_RE = re.compile(
    r'<span data-ttu-id="(?P<id>[^"]*)">(?P<local>.*?)</span>'
    r'<span class="sxs-lookup"><span data-stu-id="(?P<sid>[^"]*)">(?P<en>.*?)</span></span>',
    re.S,
)
UNIT_START_RE = re.compile(r'<span data-ttu-id="(?P<id>[^"]*)">')
ANCHOR_RE = re.compile(r'<a name="(?P<name>[^"]*)"></a>')
HEADING_RE = re.compile(r"^(?P<level>#{1,6})[ \t]+(?P<text>.*)$", re.M)
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


def parse_front_matter(text: str, path: Path, source_locale: str = "") -> tuple[Meta, str, str]:
    """Split front matter from content and check the fields the suite needs.

    ``source_locale``: the file is the English source copy itself, which carries none of the
    localization fields (``ms.contentlocale``, ``ms.locfileid``…): they take source values.
    """
    if not text.lstrip().startswith("---"):
        raise ArticleError(f"{path}: no front matter (the file must start with '---')")
    try:
        post = frontmatter.loads(text)
    except (yaml.YAMLError, ValueError) as error:
        reason = str(error).splitlines()[0]
        raise ArticleError(f"{path}: front matter is not valid YAML: {reason}") from error
    values = {}
    source = source_meta(source_locale, post.metadata) if source_locale else {}
    for name, key in REQUIRED_META.items():
        value = post.metadata.get(key) or source.get(name)
        if value is None or not str(value).strip():
            raise ArticleError(f"{path}: front matter field '{key}' is missing or empty")
        values[name] = str(value).strip()
    if not LOCALE_RE.match(values["locale"]):
        raise ArticleError(
            f"{path}: front matter field 'ms.contentlocale' is {values['locale']!r}, "
            "not a locale such as 'fr-FR'"
        )
    values["translationtype"] = str(
        post.metadata.get("ms.translationtype") or source.get("translationtype") or ""
    ).strip()
    topic = str(post.metadata.get("ms.topic") or "").strip()
    return Meta(**values), post.content, topic


def source_meta(locale: str, metadata: dict[str, object]) -> dict[str, str]:
    """The localization fields of the English source copy, which has none of its own."""
    return {
        "locale": locale,
        "locfileid": str(metadata.get("ms.assetid") or "source"),
        "openlocfilehash": "source",
        "lasthandoff": str(metadata.get("ms.date") or "source"),
        "translationtype": "source",
    }


def check_identity(
    content: str, units: list[Unit], topic: str, spec: ArticleSpec, path: Path
) -> None:
    """Refuse an article that is not the one ``spec`` describes (another topic or page)."""
    anchors = [match["name"] for match in ANCHOR_RE.finditer(content)]
    title = units[0].english.strip() if units else ""
    problems = []
    if topic and topic != "article":
        problems.append(f"ms.topic is {topic!r}")
    if anchors and anchors[0] != (spec.section_anchor or spec.anchor):
        problems.append(f"its heading anchor is #{anchors[0]}")
    if comparable(title).casefold() != spec.title.casefold():
        problems.append(f"its English title is {title[:80]!r}")
    if problems:
        raise ArticleError(
            f"{path}: not the supported article ({'; '.join(problems)}); "
            f"this suite tests {spec.describe()}"
        )


def cut_section(content: str, spec: ArticleSpec, path: Path) -> str:
    """The flow's section of a longer article: from its heading to the next heading of the
    same or a higher level. Found by its anchor, or (English copy) by its heading text."""
    headings = list(HEADING_RE.finditer(content))
    for index, heading in enumerate(headings):
        anchors = [match["name"] for match in ANCHOR_RE.finditer(heading["text"])]
        text = comparable(ANCHOR_RE.sub("", heading["text"])).casefold()
        if spec.section_anchor in anchors or text == spec.title.casefold():
            level = len(heading["level"])
            end = next(
                (h.start() for h in headings[index + 1 :] if len(h["level"]) <= level),
                len(content),
            )
            return content[heading.start() : end]
    raise ArticleError(
        f"{path}: no section #{spec.section_anchor} ({spec.title!r}): "
        f"this suite tests {spec.describe()}"
    )


def blocks(section: str) -> list[tuple[str, str]]:
    """A single-language section's blocks in order, as (kind, text): the heading ``h``,
    paragraphs ``p`` and numbered steps ``s`` (Markdown's ``1.`` markers kept apart)."""
    found: list[tuple[str, str]] = []
    for line in section.splitlines():
        heading = HEADING_RE.match(line)
        step = STEP_LINE_RE.match(line)
        if heading:
            found.append(("h", ANCHOR_RE.sub("", heading["text"]).strip()))
        elif step:
            found.append(("s", step["body"].strip()))
        elif line.strip():
            found.append(("p", line.strip()))
    return found


def pair_with_source(section: str, source: str, path: Path, source_path: Path) -> str:
    """A single-language section rewritten as side-by-side units, each block paired with the
    English source copy's block of the same kind and position (ids ``h``, ``p1``, ``s1``…)."""
    mine, theirs = blocks(section), blocks(source)
    kinds = [kind for kind, _ in mine]
    if kinds != [kind for kind, _ in theirs]:
        raise ArticleError(
            f"{path}: its section does not follow the English source {source_path} block by "
            f"block (headings h, paragraphs p, steps s): {''.join(kinds)} vs "
            f"{''.join(kind for kind, _ in theirs)}"
        )
    counts: dict[str, int] = {}
    lines = []
    for (kind, local), (_, english) in zip(mine, theirs, strict=True):
        counts[kind] = counts.get(kind, 0) + 1
        unit_id = kind if kind == "h" else f"{kind}{counts[kind]}"
        unit = (
            f'<span data-ttu-id="{unit_id}">{local}</span><span class="sxs-lookup">'
            f'<span data-stu-id="{unit_id}">{english}</span></span>'
        )
        lines.append({"h": "## ", "p": "", "s": "1. "}[kind] + unit)
    return "\n\n".join(lines) + "\n"


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
    steps: list[Step] = []
    for line in STEP_LINE_RE.finditer(content):
        step_units = [by_id[m["id"]] for m in UNIT_RE.finditer(line["body"])]
        if step_units:
            # Markdown numbers an ordered list from its first marker on ("1. 1. 1." shows
            # 1, 2, 3): the reader sees that number, whatever the later markers say.
            first = steps[0].number if steps else int(line["number"])
            number = first + len(steps) if _repeats_first(content) else int(line["number"])
            steps.append(Step(number, step_units))
    if not steps:
        raise ArticleError(f"{path}: no numbered steps ('1. …' lines with translation units)")
    numbers = [step.number for step in steps]
    if len(set(numbers)) != len(numbers):
        raise ArticleError(f"{path}: numbered steps repeat a number: {numbers}")
    return steps


def _repeats_first(content: str) -> bool:
    """True when every list marker repeats the first one (Markdown's lazy numbering)."""
    numbers = {int(m["number"]) for m in STEP_LINE_RE.finditer(content)}
    return len(numbers) == 1
