"""What the browser renders, measured in one script each: which state of the flow the page is
in, text that does not fit its box, the visible text, and the document's language.

Used by the localization checks (``fixtures.l10n_checks``), which run each measurement once
per page state of the flow; every element is named as ``tag#id[data-testid=…]``.
"""

from __future__ import annotations

from typing import TypedDict

from playwright.sync_api import Page

from pages.products_page import ProductsPage

# Names an element for a failure message.
DESCRIBE_JS = """
const describe = (el) => {
  let name = el.tagName.toLowerCase();
  if (el.id) name += '#' + el.id;
  const testId = el.getAttribute('data-testid');
  if (testId) name += `[data-testid=${testId}]`;
  if (!el.id && !testId) {
    const owner = el.parentElement && el.parentElement.closest('[data-testid],[id]');
    if (owner) name = describe(owner) + ' > ' + name;
  }
  return name;
};
const shown = (el) => {
  const style = getComputedStyle(el);
  return style.visibility !== 'hidden' && el.getClientRects().length > 0;
};
const ownText = (el) => Array.from(el.childNodes)
  .filter((node) => node.nodeType === Node.TEXT_NODE)
  .map((node) => node.textContent).join('').replace(/\\s+/g, ' ').trim();
const texty = () => Array.from(document.body.querySelectorAll('*'))
  .filter((el) => !['SCRIPT', 'STYLE'].includes(el.tagName) && ownText(el) && shown(el));
"""

STATE_JS = """
([confirmation, billing]) => {
  if (document.querySelector(`[data-testid=${confirmation}]`)) return 'confirmation';
  const dialog = document.querySelector('[role=dialog]');
  if (dialog) {
    const invalid = Array.from(dialog.querySelectorAll('[aria-invalid=true]')).map((el) => el.id);
    return invalid.length ? 'refusal-' + invalid.sort().join('+') : 'settle-panel';
  }
  return document.querySelector(`[data-testid=${billing}]`) ? 'products' : null;
}
"""

LAYOUT_JS = (
    "() => {"
    + DESCRIBE_JS
    + """
  const problems = [];
  const boxOf = (el) => {
    let box = el;
    while (box.parentElement && getComputedStyle(box).display === 'inline') box = box.parentElement;
    return box;
  };
  const layer = (el) => {
    for (let node = el; node; node = node.parentElement) {
      if (['fixed', 'absolute'].includes(getComputedStyle(node).position)) return node;
    }
    return document.body;
  };
  const elements = texty();
  const boxes = new Map(elements.map((el) => [boxOf(el), el]));
  for (const [box, el] of boxes) {
    const style = getComputedStyle(box);
    const text = ownText(el).slice(0, 80);
    const wide = box.scrollWidth - box.clientWidth;
    const tall = box.scrollHeight - box.clientHeight;
    if (wide > 1 && !['auto', 'scroll'].includes(style.overflowX)) {
      const kind = style.textOverflow === 'ellipsis' ? 'ellipsis'
        : style.overflowX === 'visible' ? 'overflows' : 'clipped';
      problems.push({element: describe(box), kind, text, by: wide, axis: 'x'});
    } else if (tall > 1 && ['hidden', 'clip'].includes(style.overflowY)) {
      problems.push({element: describe(box), kind: 'clipped', text, by: tall, axis: 'y'});
    }
  }
  const rects = elements.map((el) => {
    const range = document.createRange();
    const found = [];
    for (const node of el.childNodes) {
      if (node.nodeType !== Node.TEXT_NODE || !node.textContent.trim()) continue;
      range.selectNodeContents(node);
      found.push(...Array.from(range.getClientRects()).filter((r) => r.width && r.height));
    }
    return {el, layer: layer(el), found};
  });
  for (let i = 0; i < rects.length; i++) {
    for (let j = i + 1; j < rects.length; j++) {
      const a = rects[i], b = rects[j];
      if (a.layer !== b.layer || a.el.contains(b.el) || b.el.contains(a.el)) continue;
      const hit = a.found.some((r) => b.found.some((s) =>
        Math.min(r.right, s.right) - Math.max(r.left, s.left) > 2 &&
        Math.min(r.bottom, s.bottom) - Math.max(r.top, s.top) > 2));
      if (hit) problems.push({element: describe(a.el), kind: 'overlaps',
        text: ownText(a.el).slice(0, 80), by: 0, axis: describe(b.el)});
    }
  }
  return problems;
}"""
)

TEXT_JS = (
    "() => {"
    + DESCRIBE_JS
    + """
  const found = texty()
    .filter((el) => !el.closest('[translate=no]'))
    .map((el) => ({element: describe(el), text: ownText(el)}));
  for (const el of document.body.querySelectorAll('[aria-label]')) {
    found.push({element: describe(el) + '@aria-label', text: el.getAttribute('aria-label')});
  }
  return found;
}"""
)

UNANNOUNCED_JS = """
() => Array.from(document.querySelectorAll('[aria-invalid=true]')).flatMap((field) => {
  const ids = (field.getAttribute('aria-describedby') || '').split(/\\s+/).filter(Boolean);
  const messages = ids.map((id) => document.getElementById(id)).filter(Boolean);
  const live = messages.some((m) => m.closest('[role=alert],[aria-live=assertive]'));
  return live ? [] : ['#' + field.id];
})
"""


class LayoutProblem(TypedDict):
    element: str
    kind: str  # overflows | clipped | ellipsis | overlaps
    text: str
    by: int  # pixels
    axis: str  # x | y | the other element (overlaps)


class ShownText(TypedDict):
    element: str
    text: str


def page_state(page: Page) -> str | None:
    """products | settle-panel | refusal-<field ids> | confirmation, or None (other pages)."""
    args = [ProductsPage.CONFIRMATION, ProductsPage.BILLING_SECTION]
    state = page.evaluate(STATE_JS, args)
    return str(state) if state else None


def layout_problems(page: Page) -> list[LayoutProblem]:
    """Text that overflows or is clipped by its box, ellipsized, or overlaps other text."""
    return list(page.evaluate(LAYOUT_JS))


def shown_texts(page: Page) -> list[ShownText]:
    """Each visible element's own text (outside ``translate=no`` data) and every aria-label."""
    return list(page.evaluate(TEXT_JS))


def unannounced_errors(page: Page) -> list[str]:
    """Invalid fields whose error message is not inside an alert (live) region."""
    return [str(field) for field in page.evaluate(UNANNOUNCED_JS)]


def document_language(page: Page) -> tuple[str, str]:
    """``<html lang>`` and ``<html dir>`` as served ('' when missing)."""
    lang, direction = page.evaluate(
        "() => [document.documentElement.getAttribute('lang') || '',"
        " document.documentElement.getAttribute('dir') || '']"
    )
    return str(lang), str(direction)
