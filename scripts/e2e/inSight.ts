/// <reference lib="dom" />
// This file runs in the page: it needs the DOM's types (the scripts' tsconfig has Node's only).
import type { Locator, Page } from 'playwright-core';

/**
 * Runs in the page: what hides this element from a person (a sticky title or button row of a
 * scrolling dialog laid over it, or the window's edge), or null when its middle can be seen.
 * Written inline: it is sent to the page as its source.
 */
function whatHides(element: Element | null): string | null {
  if (!element || element === document.body) return 'nothing has the focus';
  const box = element.getBoundingClientRect();
  const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  if (top === element || (top !== null && element.contains(top))) return null;
  const label = (shown: Element | null) => (shown ? `<${shown.tagName.toLowerCase()} class="${shown.getAttribute('class') ?? ''}"> “${(shown.textContent ?? '').trim().slice(0, 40)}”` : 'the window’s edge');
  return `${label(element)} is hidden under ${label(top)}`;
}

/** Null when the element the keyboard is on can be seen, else what hides it. */
export async function focusHiddenBy(page: Page): Promise<string | null> {
  const focused = await page.evaluateHandle(() => document.activeElement);
  return focused.evaluate(whatHides);
}

/** Null when the element can be seen, else what hides it. */
export function hiddenBy(locator: Locator): Promise<string | null> {
  return locator.evaluate(whatHides);
}
