"""The article model: one localized side-by-side help article, parsed into dataclasses.

An article is Markdown with YAML front matter in which every sentence is a translation unit
holding the localized text and its English source. ``load_article`` reads one file into an
``Article``: metadata, units in document order, the numbered steps, the UI labels of each step
(localized aligned with English by the order of bold runs, each given its ``Slot`` — which
control it names) and what each step asks the reader to do, decided from the English source.

Problems that still allow a useful feature are ``Diagnostic``s (a label the article lost is an
empty label, never a reason to stop); problems that do not raise ``ArticleError`` naming the
file and the reason — among them an article that is not "Settle an outstanding balance".
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

import frontmatter
import yaml

from core.doubts import broken_run, doubts_about, hints_about
from core.labels import Stripped, comparable, is_path, split_path, strip_markup, unlink

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
BOLD_RE = re.compile(r"\*\*(.*?)\*\*", re.S)
LOCALE_RE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
MAX_ARTICLE_BYTES = 2_000_000


class ArticleError(ValueError):
    """An article that cannot be turned into a feature; the message names file and reason."""


class Action(enum.Enum):
    """What a numbered step asks the reader to do, decided from its English source."""

    NAVIGATE = "navigate"
    SETTLE = "settle"
    OWNER_OPTIONS = "owner-options"
    NON_OWNER_OPTIONS = "non-owner-options"
    SAVE = "save"
    UNKNOWN = "unknown"


class Option(enum.Enum):
    """The payment-method changes a step offers (steps 3 and 4 of the article)."""

    CHANGE_EXPIRY = "change the expiration date"
    OTHER_CARD = "pick a different card"
    NEW_CARD = "add a new card"


class Slot(enum.Enum):
    """Which control of the admin center a label names: its identity in every locale."""

    BILLING = "billing"
    YOUR_PRODUCTS = "your-products"
    PAST_DUE_NOTICE = "past-due-notice"
    SETTLE_BALANCE = "settle-balance"
    SAVE = "save"


# The labels of a step, in order, by what the step does (the article's structure).
SLOTS_BY_ACTION = {
    Action.NAVIGATE: (Slot.BILLING, Slot.YOUR_PRODUCTS),
    Action.SETTLE: (Slot.PAST_DUE_NOTICE, Slot.SETTLE_BALANCE),
    Action.SAVE: (Slot.SAVE,),
}

OPTION_PHRASES = {
    Option.CHANGE_EXPIRY: re.compile(r"change the expiration date", re.I),
    Option.OTHER_CARD: re.compile(r"(?:pick|choose|select) a different (?:credit )?card", re.I),
    Option.NEW_CARD: re.compile(r"add a new (?:credit )?card", re.I),
}


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
    action: Action = Action.UNKNOWN
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
    """A parsed localized article."""

    path: Path
    meta: Meta
    units: list[Unit]
    steps: list[Step]
    diagnostics: list[Diagnostic]

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

    def find_label(self, text: str) -> Label | None:
        """The label whose localized text equals ``text`` (compared with ``comparable``)."""
        key = comparable(text)
        return next((label for label in self.labels if label.key == key), None)


def load_article(path: Path) -> Article:
    """Read and parse one article file; raise ``ArticleError`` if it is unusable."""
    return parse_article(read_text(path), path)


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


def parse_article(text: str, path: Path) -> Article:
    """Parse an article's text; ``path`` is used in messages and kept on the result."""
    if not text.strip():
        raise ArticleError(f"{path}: the file is empty")
    meta, content, topic = parse_front_matter(text, path)
    units = parse_units(content, path)
    steps = parse_steps(content, units, path)
    check_identity(content, units, topic, path)
    diagnostics: list[Diagnostic] = []
    for step in steps:
        step.labels = align_step_labels(step, path, diagnostics)
        step.action, step.options = classify(step)
        if step.action is Action.UNKNOWN:
            diagnostics.append(
                Diagnostic(
                    str(path),
                    step.units[0].id,
                    f"step {step.number}: the English source names no action the suite knows",
                    step.english,
                    step.localized,
                )
            )
        step.labels = assign_slots(step)
    add_doubts(steps, path, diagnostics)
    return Article(path, meta, units, steps, diagnostics)


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


def bold_runs(text: str) -> tuple[list[str], bool]:
    """The bold runs of a unit's text and whether its ``**`` markers are balanced."""
    return BOLD_RE.findall(text), text.count("**") % 2 == 0


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
        for english_run, local_run in zip(english_runs, local_runs, strict=False):
            labels.extend(_align_run(step, unit, english_run, local_run, note))
        for english_run in english_runs[len(local_runs) :]:
            for english in _run_labels(english_run, english_run):
                labels.append(
                    Label("", english.text, unit.id, step.number, doubts=("no bold run",))
                )
    return labels


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


def assign_slots(step: Step) -> list[Label]:
    """Give the labels of a navigate/settle/save step the controls they name, in order."""
    slots = SLOTS_BY_ACTION.get(step.action, ())
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
