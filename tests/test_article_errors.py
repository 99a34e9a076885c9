"""Malformed or unreadable articles: a clear error naming the file and the reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from articles import SETTLE_BALANCE_2021
from core.article import ArticleError, load_article
from tests.article_text import FRONT, GOOD_STEP, parse, unit

ARTICLES = SETTLE_BALANCE_2021.articles

# --- malformed input: a clear error naming the file and the reason ---------------------------

MALFORMED = {
    "empty": ("", "the file is empty"),
    "whitespace only": ("  \n\n", "the file is empty"),
    "no front matter": ("1. " + GOOD_STEP, "no front matter"),
    "front matter not YAML": ("---\ntitle: [unclosed\n---\n1. " + GOOD_STEP, "not valid YAML"),
    "missing locale field": (
        FRONT.replace("ms.contentlocale: xx-XX\n", "") + "1. " + GOOD_STEP,
        "'ms.contentlocale' is missing",
    ),
    "bad locale value": (
        FRONT.replace("xx-XX", "not a locale!") + "1. " + GOOD_STEP,
        "not a locale",
    ),
    "missing hash": (
        FRONT.replace("ms.openlocfilehash: abc\n", "") + "1. " + GOOD_STEP,
        "ms.openlocfilehash",
    ),
    "no units": (FRONT + "1. Just text.\n", "no translation units"),
    "unit without English source": (
        FRONT + '1. <span data-ttu-id="a-1">Klik</span> and nothing else\n',
        "unit 'a-1' has no English source",
    ),
    "mismatched unit ids": (
        FRONT
        + '1. <span data-ttu-id="a-1">K</span>'
        + '<span class="sxs-lookup"><span data-stu-id="b-2">C</span></span>\n',
        "paired with English source 'b-2'",
    ),
    "duplicate unit ids": (FRONT + "1. " + GOOD_STEP + "\n2. " + GOOD_STEP + "\n", "appears twice"),
    "no numbered list": (FRONT + GOOD_STEP + "\n", "no numbered steps"),
    "repeated step numbers": (
        FRONT
        + "1. "
        + GOOD_STEP
        + "\n2. "
        + unit("a-2", "x", "y")
        + "\n2. "
        + unit("a-3", "x", "y"),
        "repeat a number",
    ),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_malformed_text_gives_a_clear_error(case: str) -> None:
    text, reason = MALFORMED[case]
    with pytest.raises(ArticleError) as error:
        parse(text)
    assert "x.md" in str(error.value)
    assert reason in str(error.value)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00binary", "binary data (NUL byte"),
        ("---\ntitle: café\n---\n".encode("latin-1"), "not UTF-8 (invalid byte 0xe9"),
        (b"x" * 2_000_001, "too large"),
    ],
    ids=["binary junk", "wrong encoding", "huge"],
)
def test_unreadable_files_give_a_clear_error(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "xx-XX.md"
    path.write_bytes(data)
    with pytest.raises(ArticleError, match=r"xx-XX\.md") as error:
        load_article(path, SETTLE_BALANCE_2021)
    assert reason in str(error.value)


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "fr-FR.md"
    path.write_bytes(b"\xef\xbb\xbf" + (ARTICLES / "fr-FR.md").read_bytes())
    assert load_article(path, SETTLE_BALANCE_2021).meta.locale == "fr-FR"
