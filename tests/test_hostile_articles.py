"""Hostile articles: every input gives a clear ArticleError or a valid, correctly escaped feature
(gherkin-official parses it and the step grammar reads every label back unchanged)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from gherkin.parser import Parser
from hypothesis import given, settings
from hypothesis import strategies as st

from articles import SETTLE_BALANCE_2021
from core.article import ArticleError, load_article, parse_article
from core.labels import MAX_WRAPPING, comparable, strip_markup
from features.gherkin import one_line, quote, render_feature
from steps.grammar import phrase

ROOT = Path(__file__).parent.parent
SEED = (SETTLE_BALANCE_2021.articles / "nl-NL.md").read_text(encoding="utf-8")
QUOTED_RE = re.compile(r'"(?:[^"\\]|\\.)*"')
SAVE_STEP = phrase("I click {label:Text} to save")
ADVERSARIAL = [
    'Op"slaan',
    "Op\\slaan\\",
    "Given I am | a table |",
    '"""docstring"""',
    "<script>alert(1)</script>",
    "\u202eOpslaan\u202c",  # right-to-left override
    "שמור",  # Hebrew, RTL script
    "Opslaan 💾",
    "@tag # not a comment",
    "Scenario: injected",
    "Feature: nested\n  Scenario: x",
    "{placeholder} <outline>",
]


def with_save_label(label: str) -> str:
    return SEED.replace("op **Opslaan**", f"op **{label}**")


def feature_for(text: str) -> str:
    return render_feature(parse_article(text, Path("nl-NL.md"), SETTLE_BALANCE_2021), "nl-NL.md")


def step_parameters(feature: str) -> list[str]:
    """The quoted parameters of the step lines (comments quote the article verbatim)."""
    steps = [line for line in feature.splitlines() if not line.lstrip().startswith("#")]
    return [
        phrase("{value:Text}").parse_arguments(m.group(0))["value"]
        for line in steps
        for m in QUOTED_RE.finditer(line)
    ]


@pytest.mark.parametrize("label", ADVERSARIAL, ids=range(len(ADVERSARIAL)))
def test_adversarial_label_is_escaped_and_reads_back(label: str) -> None:
    try:
        feature = feature_for(with_save_label(label))
    except ArticleError as error:
        # A line break inside the bold ends the numbered step: refused, naming the file.
        assert "\n" in label and "nl-NL.md" in str(error)
        return
    document = Parser().parse(feature)
    assert len([c for c in document["feature"]["children"] if "scenario" in c]) == 10
    expected = comparable(strip_markup(label).text).replace("\n", " ")
    assert any(comparable(p) == expected for p in step_parameters(feature)), step_parameters(
        feature
    )


@pytest.mark.parametrize(
    ("mutilate", "reason"),
    [
        (lambda t: t[: len(t) // 3], "has no English source"),  # cut inside a unit
        (lambda t: t[: t.index("2. ")], "no numbered step does 'settle'"),
        (lambda t: t.replace("</span></span>", "", 3), "has no English source"),
        (lambda t: t.replace("ms.contentlocale: nl-NL", "ms.contentlocale: [oops"), "front matter"),
    ],
    ids=["truncated-early", "truncated-after-step-1", "broken-spans", "broken-yaml"],
)
def test_truncated_or_broken_articles_give_clear_errors(mutilate, reason: str) -> None:
    text = mutilate(SEED)
    with pytest.raises(ArticleError, match=re.escape(reason)) as error:
        feature_for(text)
    assert "nl-NL.md" in str(error.value)


def test_mis_encoded_article(tmp_path: Path) -> None:
    path = tmp_path / "nl-NL.md"
    path.write_bytes(SEED.encode("utf-16"))
    with pytest.raises(ArticleError, match=r"nl-NL\.md: (binary data|not UTF-8)"):
        load_article(path, SETTLE_BALANCE_2021)


def test_ten_megabyte_article_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "nl-NL.md"
    path.write_text(SEED + ("x" * 80 + "\n") * 130_000, encoding="utf-8")
    with pytest.raises(ArticleError, match="too large"):
        load_article(path, SETTLE_BALANCE_2021)


def test_deep_nesting_does_not_blow_up() -> None:
    nested = "[" * 5000 + "Opslaan" + "]" * 5000
    feature = feature_for(with_save_label(nested))
    Parser().parse(feature)
    # Bracket stripping is bounded (MAX_WRAPPING levels), which keeps this input linear.
    assert 'When I click "' + "[" * (5000 - MAX_WRAPPING) in feature
    spans = "<span>" * 2000 + "x" + "</span>" * 2000
    with pytest.raises(ArticleError):
        feature_for(SEED.replace("1. ", "1. " + spans, 1).replace("<span data-ttu-id", "<s", 99))


def test_unclosed_link_and_bracket_soup_is_left_as_text() -> None:
    soup = "[](" * 20_000
    assert strip_markup(soup).text == soup


# --- properties ---------------------------------------------------------------------------------

NO_SURROGATES: Any = ("Cs",)
labels = st.text(st.characters(exclude_categories=NO_SURROGATES), min_size=1, max_size=40)


@given(labels)
@settings(max_examples=300, deadline=None)
def test_quote_round_trips_through_the_step_grammar(label: str) -> None:
    arguments = SAVE_STEP.parse_arguments(f"I click {quote(label)} to save")
    assert arguments is not None
    assert arguments["label"] == one_line(label)


@given(labels)
@settings(max_examples=300, deadline=None)
def test_quoted_label_never_breaks_gherkin(label: str) -> None:
    feature = f"Feature: f\n  Scenario: s\n    When I click {quote(label)} to save\n"
    document: Any = Parser().parse(feature)
    steps = document["feature"]["children"][0]["scenario"]["steps"]
    assert len(steps) == 1


@given(labels)
@settings(max_examples=300, deadline=None)
def test_comparable_is_idempotent_and_ignores_space_kinds(label: str) -> None:
    once = comparable(label)
    assert comparable(once) == once
    assert comparable(label.replace(" ", "\u00a0")) == once
    assert once == once.strip()


@given(labels.filter(lambda s: not set(s) & set("[]()")))
@settings(max_examples=300, deadline=None)
def test_brackets_around_a_label_never_matter(label: str) -> None:
    assert strip_markup(f"[{label}]").text == strip_markup(label).text
    assert strip_markup(f"[{label}](https://example.com/x)").text == strip_markup(label).text


QUOTE_PAIRS = [('"', '"'), ("“", "”"), ("«", "»"), ("„", "“"), ("„", "”"), ("「", "」")]


@given(labels.filter(lambda s: not set(s) & set("\"“”«»„「」'’[]()")), st.sampled_from(QUOTE_PAIRS))
@settings(max_examples=200, deadline=None)
def test_quote_marks_of_any_script_are_wrapping_and_reported(label: str, pair) -> None:
    """ru-RU '"Выставление счетов"', de '„…“', fr '«…»', ja '「…」': quotes are not the label."""
    opening, closing = pair
    stripped = strip_markup(f"{opening}{label}{closing}")
    assert stripped.text == strip_markup(label).text
    assert stripped.quoted or not strip_markup(label).text
