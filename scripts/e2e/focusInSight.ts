/// <reference lib="dom" />
// This file runs in the page: it needs the DOM's types (the scripts' tsconfig has Node's only).
import type { Page } from 'playwright-core';

/**
 * Runs in the page: what hides the focused element from a person who moved there with the
 * keyboard (a sticky title or button row of a scrolling dialog laid over it, or the window's
 * edge), or null when its middle can be seen. Written inline: it is sent to the page as source.
 */
function whatHidesFocus(): string | null {
  const focused = document.activeElement;
  if (!focused || focused === document.body) return 'nothing has the focus';
  const box = focused.getBoundingClientRect();
  const x = box.left + box.width / 2;
  const y = box.top + box.height / 2;
  const top = document.elementFromPoint(x, y);
  if (top === focused || (top !== null && focused.contains(top))) return null;
  const label = (element: Element | null) => (element ? `<${element.tagName.toLowerCase()} class="${element.getAttribute('class') ?? ''}"> “${(element.textContent ?? '').trim().slice(0, 40)}”` : 'the window’s edge');
  return `${label(focused)} is hidden under ${label(top)}`;
}

/** Null when the focused element can be seen, else what hides it. */
export function focusHiddenBy(page: Page): Promise<string | null> {
  return page.evaluate(whatHidesFocus);
}
