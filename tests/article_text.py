"""Small synthetic articles for the article-model tests (front matter, title, units)."""

from __future__ import annotations

from pathlib import Path

from articles import SETTLE_BALANCE_2021
from core.article import Article, parse_article

FRONT = """---
title: T
ms.contentlocale: xx-XX
ms.locfileid: "1"
ms.openlocfilehash: abc
ms.lasthandoff: 01/01/2021
---
"""


def unit(uid: str, local: str, english: str) -> str:
    return (
        f'<span data-ttu-id="{uid}">{local}</span><span class="sxs-lookup">'
        f'<span data-stu-id="{uid}">{english}</span></span>'
    )


def title_unit() -> str:
    heading = unit("t-1", "Titre", "Settle an outstanding balance")
    return f'# <a name="settle-an-outstanding-balance"></a>{heading}\n\n'


def article_with(*steps: str) -> str:
    body = "\n".join(f"{n}. {body}" for n, body in enumerate(steps, 1))
    return FRONT + title_unit() + body + "\n"


def parse(text: str) -> Article:
    return parse_article(text, Path("x.md"), SETTLE_BALANCE_2021)


GOOD_STEP = unit("a-1", "Klik op **Opslaan**.", "Click **Save**.")
