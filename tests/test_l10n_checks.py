"""The localization checks' model: what fails, the reviewed known list, the two CSV reports."""

from __future__ import annotations

import pytest

from core.l10n_checks import (
    HARD_CODED,
    Known,
    Observation,
    accessibility_csv,
    failure_message,
    judged,
    load_known,
    overflow_csv,
)


def obs(rule: str, impact: str = "serious", locale: str = "de-DE", page: str = "products"):
    return Observation(locale, page, rule, impact, ("button#save",), "Speichern", 12)


def test_serious_and_critical_fail_unless_known() -> None:
    assert obs("label").fails and obs("label", "critical").fails
    assert not obs("landmark-unique", "moderate").fails
    known = [Known("html-lang-valid", "private-use tag", locale="qps-*")]
    assert not judged(obs("html-lang-valid", locale="qps-ploc"), known).fails
    assert judged(obs("html-lang-valid", locale="de-DE"), known).fails


def test_failure_names_locale_page_rule_and_element() -> None:
    message = failure_message([obs("layout-clipped"), obs("region", "moderate")])
    assert "1 problem(s)" in message
    assert "[de-DE] page products: layout-clipped (serious) on button#save" in message
    assert "by 12 px" in message


def test_reports() -> None:
    rows = [obs("layout-clipped"), obs("label"), obs(HARD_CODED, locale="qps-ploc")]
    checked = {("de-DE", "products"), ("de-DE", "confirmation")}
    assert accessibility_csv(rows, checked).splitlines() == [
        "locale,page,rule,impact,nodes",
        "de-DE,confirmation,(none),,0",
        "de-DE,products,label,serious,1",
    ]
    assert overflow_csv(rows).splitlines() == [
        "locale,page,element,kind,text,pixels",
        "de-DE,products,button#save,clipped,Speichern,12",
    ]


def test_known_list_is_reviewed(tmp_path) -> None:
    assert all(entry.reason for entry in load_known())
    bad = tmp_path / "known.yaml"
    bad.write_text("- rule: label\n", encoding="utf-8")
    with pytest.raises(ValueError, match="needs 'rule' and 'reason'"):
        load_known(bad)
