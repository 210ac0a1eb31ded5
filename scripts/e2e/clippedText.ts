/// <reference lib="dom" />
// This file runs in the page: it needs the DOM's types (the scripts' tsconfig has Node's only).
import type { Page } from 'playwright-core';

/**
 * Runs in the page: every visible piece of text that a person cannot read whole. Six cases:
 * - a box that clips (overflow hidden, clip, auto or scroll across) whose content is wider than it;
 * - a text field whose placeholder or value, or a select whose chosen option, is wider than its box;
 * - text or a field past the window's left or right edge (or a page that scrolls sideways);
 * - text or a field below the window's bottom edge that no scrolling brings into view;
 * - a dialog taller than the window (it must fit and scroll inside);
 * - a chart's label past its drawing's edge.
 * Truncation on purpose is marked `data-truncate` with the whole text in `title`; it is allowed.
 * Everything is written inline: the function is sent to the page as its source.
 */
function findClippedText(): string[] {
  const problems: string[] = [];
  const width = document.documentElement.clientWidth;
  const height = document.documentElement.clientHeight;
  const measure = document.createElement('canvas').getContext('2d');
  const name = (element: Element, text: string) => `<${element.tagName.toLowerCase()} class="${element.getAttribute('class') ?? ''}"> “${text.trim().slice(0, 60)}”`;
  const textWidth = (text: string, style: CSSStyleDeclaration) => {
    if (!measure) return 0;
    measure.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    return measure.measureText(text).width;
  };
  const textExtent = (element: Element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    return range.getBoundingClientRect();
  };
  if (document.documentElement.scrollWidth > width + 1) problems.push(`the page scrolls sideways (${document.documentElement.scrollWidth} px wide in ${width} px)`);
  const pageScrolls = document.documentElement.scrollHeight > height + 1 && ![document.documentElement, document.body].some((box) => getComputedStyle(box).overflowY === 'hidden');
  // The nearest box that scrolls up and down and has more than it shows.
  const scrollerOf = (element: Element) => {
    for (let box = element.parentElement; box; box = box.parentElement) {
      const { overflowY } = getComputedStyle(box);
      if ((overflowY === 'auto' || overflowY === 'scroll') && box.scrollHeight > box.clientHeight + 1) return box;
    }
    return null;
  };
  // Below the window: reachable only by a scroll whose box ends within the window (or the page's own).
  const isReachable = (element: Element) => {
    const scroller = scrollerOf(element);
    return scroller ? scroller.getBoundingClientRect().bottom <= height + 0.5 : pageScrolls;
  };
  for (const dialog of document.querySelectorAll('[role="dialog"]')) {
    const box = dialog.getBoundingClientRect();
    if (dialog.checkVisibility() && (box.top < -0.5 || box.bottom > height + 0.5)) problems.push(`${name(dialog, dialog.querySelector('h2')?.textContent ?? '')} is taller than the window (${Math.round(box.top)}–${Math.round(box.bottom)} of ${height} px)`);
  }
  for (const element of document.body.querySelectorAll('*')) {
    if (!element.checkVisibility({ visibilityProperty: true }) || element.closest('.visually-hidden')) continue;
    const rect = element.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) continue;
    const ownText = [...element.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE).map((node) => node.textContent ?? '').join('').trim();
    if (element instanceof SVGTextElement) {
      const drawing = element.closest('svg')?.getBoundingClientRect();
      if (drawing && (rect.left < drawing.left - 0.5 || rect.right > drawing.right + 0.5)) problems.push(`${name(element, element.textContent ?? '')} runs past its chart`);
      continue;
    }
    if (!(element instanceof HTMLElement)) continue;
    const style = getComputedStyle(element);
    const isTruncatedOnPurpose = element.closest('[data-truncate]')?.getAttribute('title');
    const isField = element instanceof HTMLSelectElement || (element instanceof HTMLInputElement && ['text', 'search', 'email', 'url', 'number', 'password', ''].includes(element.type));
    // Text is measured where it is drawn (it may run out of its box), a field by its box.
    const drawn = isField ? rect : textExtent(element);
    if ((ownText || isField) && !isTruncatedOnPurpose && (drawn.left < -0.5 || drawn.right > width + 0.5)) problems.push(`${name(element, ownText || (element as HTMLInputElement).value)} is past the window’s edge (${Math.round(drawn.left)}–${Math.round(drawn.right)} of ${width} px)`);
    if ((ownText || isField) && drawn.bottom > height + 0.5 && !isReachable(element)) problems.push(`${name(element, ownText || (element as HTMLInputElement).value)} is below the window’s bottom edge, where no scrolling reaches it (${Math.round(drawn.top)}–${Math.round(drawn.bottom)} of ${height} px)`);
    const room = element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    if (element instanceof HTMLSelectElement) {
      const chosen = element.selectedOptions[0]?.text ?? '';
      // The arrow Chromium draws takes about 20 px of the box.
      if (textWidth(chosen, style) + 20 > room + 1) problems.push(`${name(element, chosen)}: the chosen option is cut`);
      continue;
    }
    if (isField) {
      const input = element as HTMLInputElement;
      const shown = input.value || input.placeholder;
      if (textWidth(shown, style) > room + 1) problems.push(`${name(element, shown)}: the ${input.value ? 'value' : 'placeholder'} is cut`);
      continue;
    }
    if (element instanceof HTMLTextAreaElement || isTruncatedOnPurpose) continue;
    const clips = style.overflowX !== 'visible';
    if (clips && element.scrollWidth > element.clientWidth + 1) problems.push(`${name(element, element.textContent ?? '')} is cut (${element.scrollWidth} px of text in ${element.clientWidth} px)`);
  }
  return problems;
}

/** What the page shows cut off, one line each (empty when everything reads whole). */
export function clippedText(page: Page): Promise<string[]> {
  return page.evaluate(findClippedText);
}
