/** The keyboard's home, the conversation list, when it shows conversations (not while a view loads). */
export const focusList = (): void => document.querySelector<HTMLElement>('.conversation-list')?.focus();

/** After a new view or search has loaded: the list is drawn again by the next frame. */
export const focusListWhenShown = (loading: Promise<void>): Promise<void> => loading.then(() => void requestAnimationFrame(focusList));
