"""Generate the pseudo-locales: portal catalogs from en_US and articles from an English source.

    python -m features.pseudo            write them (then: python -m features.generate)
    python -m features.pseudo --check    write nothing; exit 1 when a file is missing or stale

For each pseudo-locale of ``core.pseudo.PSEUDO_LOCALES`` (``qps-ploc``, ``qps-plocm``):

* ``mock_portal/translations/<qps_ploc>/LC_MESSAGES/messages.po``: every msgid of the en_US
  catalog, its msgstr = ``core.pseudo.pseudo_translate(msgid)`` (written with polib);
* ``articles/settle_balance_2021/locales/<qps-ploc>.md``: the article ``SOURCE_ARTICLE``
  with the same front matter, structure and English side; its localized side is the English
  source accented, and each bold label is the pseudo catalog's msgstr for that label's msgid
  (the msgid the English label is), so the pseudo article and the pseudo UI agree exactly as
  a good translation would.

The catalogs are read as files, never by importing the portal (the import contracts).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import polib

from articles import SETTLE_BALANCE_2021
from core.paths import ROOT
from core.pseudo import PSEUDO_LOCALES, accent, pseudo_translate, short_id

ARTICLES = SETTLE_BALANCE_2021.articles

TRANSLATIONS = ROOT / "mock_portal" / "translations"
ENGLISH_CATALOG = TRANSLATIONS / "en_US" / "LC_MESSAGES" / "messages.po"
# An article whose English source is the current one (not translated from an older source).
SOURCE_ARTICLE = ARTICLES / "nl-NL.md"
UNIT_RE = re.compile(
    r'(?P<open><span data-ttu-id="[^"]*">)(?P<local>.*?)(?P<mid></span><span class="sxs-lookup">'
    r'<span data-stu-id="[^"]*">)(?P<en>.*?)(?P<close></span></span>)',
    re.S,
)
BOLD_RE = re.compile(r"\*\*(.*?)\*\*", re.S)
LINK_RE = re.compile(r"\[([^\]]*)\]\(([^)\s]*)\)")
PATH_SEPARATOR_RE = re.compile(r"(\s*>\s*)")
HEADER_NOTE = "Pseudo-localized by `python -m features.pseudo` from en_US. Do not edit."


def folder_of(tag: str) -> str:
    return tag.replace("-", "_")


def english_messages() -> dict[str, str]:
    """msgid -> msgid for every message of the en_US catalog (the English is the msgid)."""
    return {entry.msgid: entry.msgid for entry in polib.pofile(str(ENGLISH_CATALOG)) if entry.msgid}


def pseudo_catalog(tag: str) -> str:
    """The text of ``tag``'s pseudo catalog."""
    catalog = polib.pofile(str(ENGLISH_CATALOG))
    ids: dict[str, str] = {}
    for entry in catalog:
        clash = ids.setdefault(short_id(entry.msgid), entry.msgid)
        if clash != entry.msgid:
            raise ValueError(f"short id {short_id(clash)} of {clash!r} and {entry.msgid!r}")
        entry.msgstr = pseudo_translate(entry.msgid)
        entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]
    folder = folder_of(tag)
    catalog.header = f"Pseudo-locale {tag} for mock_portal.\n{HEADER_NOTE}"
    catalog.metadata["Language"] = folder
    catalog.metadata["Language-Team"] = f"{folder} <l10n@settle-balance-e2e.invalid>"
    return str(catalog) + "\n"


def pseudo_text(text: str) -> str:
    """Plain article text accented, link targets kept."""
    out, last = [], 0
    for link in LINK_RE.finditer(text):
        out += [accent(text[last : link.start()]), f"[{accent(link[1])}]({link[2]})"]
        last = link.end()
    return "".join(out) + accent(text[last:])


def pseudo_label(run: str, catalog: dict[str, str]) -> str:
    """A bold run: each label (path part, link text) becomes the pseudo catalog's msgstr."""

    def one(label: str) -> str:
        link = LINK_RE.fullmatch(label.strip())
        if link:
            return f"[{one(link[1])}]({link[2]})"
        stripped = label.strip()
        return pseudo_translate(stripped) if stripped in catalog else accent(label)

    parts = PATH_SEPARATOR_RE.split(run)
    return "".join(part if PATH_SEPARATOR_RE.fullmatch(part) else one(part) for part in parts)


def pseudo_unit(english: str, catalog: dict[str, str]) -> str:
    """The localized side of one unit: English accented, bold labels from the catalog."""
    out, last = [], 0
    for bold in BOLD_RE.finditer(english):
        out += [pseudo_text(english[last : bold.start()]), f"**{pseudo_label(bold[1], catalog)}**"]
        last = bold.end()
    return "".join(out) + pseudo_text(english[last:])


def pseudo_article(tag: str, source: Path = SOURCE_ARTICLE) -> str:
    """The text of ``tag``'s pseudo article, built from ``source``'s English side."""
    text = source.read_text(encoding="utf-8")
    catalog = english_messages()
    front, body = text.split("\n---\n", 1)
    title = UNIT_RE.search(body)
    assert title is not None, f"{source}: no translation unit"
    front = re.sub(r"(?m)^title: .*$", f"title: {accent(title['en'])}", front)
    front = re.sub(r"(?m)^ms\.contentlocale: .*$", f"ms.contentlocale: {tag}", front)
    front = re.sub(r"(?m)^ms\.translationtype: .*$", "ms.translationtype: pseudo", front)
    body = UNIT_RE.sub(
        lambda unit: (
            unit["open"]
            + pseudo_unit(unit["en"], catalog)
            + unit["mid"]
            + unit["en"]
            + unit["close"]
        ),
        body,
    )
    return f"{front}\n---\n{body}"


def outputs() -> dict[Path, str]:
    """Every generated file and its text."""
    files = {}
    for tag in PSEUDO_LOCALES:
        po = TRANSLATIONS / folder_of(tag) / "LC_MESSAGES" / "messages.po"
        files[po] = pseudo_catalog(tag)
        files[ARTICLES / f"{tag}.md"] = pseudo_article(tag)
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m features.pseudo", description=__doc__)
    parser.add_argument("--check", action="store_true", help="fail on a missing or stale file")
    args = parser.parse_args(argv)
    stale = []
    for path, text in outputs().items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        stale.append(path.relative_to(ROOT).as_posix())
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    verb = "stale or missing (run: python -m features.pseudo)" if args.check else "written"
    for name in stale:
        print(f"{name}: {verb}")
    print(f"pseudo-locales: {len(stale)} file(s) {verb}" if stale else "pseudo-locales: up to date")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
