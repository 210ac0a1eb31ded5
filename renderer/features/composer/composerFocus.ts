/**
 * `r` pressed while the conversation is still loading (right after Enter, on a busy machine):
 * the reply box takes the keyboard as soon as it is there, instead of the keys going to the list
 * as shortcuts.
 */
let isRequested = false;

export const COMPOSER_ID = 'composer-text';

/** Puts the keyboard in the reply box now, or as soon as one appears. */
export function focusComposer(): void {
  const box = document.getElementById(COMPOSER_ID);
  isRequested = box === null;
  box?.focus();
}

/** Whether a reply box that just appeared should take the keyboard; answers yes once per request. */
export function takeComposerFocusRequest(): boolean {
  const was = isRequested;
  isRequested = false;
  return was;
}

/** The box is about to be replaced (Reply ↔ Note): the new one takes the keyboard as it appears. */
export function focusComposerWhenShown(): void {
  isRequested = true;
}
