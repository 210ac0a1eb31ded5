import type { Conversation } from '../../../shared/domain/entities';

/** A refreshed page as the list shows it while someone works in it, and the arrivals it holds back. */
export type HeldMerge = { items: Conversation[]; heldIds: string[] };

/**
 * Merges a refreshed page into the list without moving the selected row: conversations that
 * arrived above it, or moved above it, are held back (the list announces them: "3 new — show"), rows already shown
 * take their new state in place, and the selected conversation stays even if it left the view
 * (done from another window): the selection never moves by itself. `selectedNow` is the
 * selected conversation as it is now when the page no longer has it (null: it was deleted).
 * `asked` are conversations the person asked to see (an undo brought them back): never held.
 */
export function mergeHeld(current: readonly Conversation[], page: readonly Conversation[], selectedId: string | null, selectedNow: Conversation | null, asked: ReadonlySet<string> = new Set()): HeldMerge {
  const selectedIndex = current.findIndex((c) => c.id === selectedId);
  if (selectedIndex === -1) return { items: [...page], heldIds: [] };
  // Above the selected row, only what was above it already, in the page's order: a new
  // conversation, or one a new message lifted from below, waits in the announcement instead
  // of pushing the row down; and a new message in the selected one does not lift it either.
  const above = new Set(current.slice(0, selectedIndex).map((c) => c.id));
  const inPage = new Set(page.map((c) => c.id));
  // Where the selected row is in the page, or where it would be: before the first row that
  // followed it and is still there.
  const following = current.slice(selectedIndex).find((c) => inPage.has(c.id));
  const anchor = following ? page.findIndex((c) => c.id === following.id) : page.length;
  const heldIds = page.slice(0, anchor).filter((c) => !above.has(c.id) && !asked.has(c.id)).map((c) => c.id);
  const held = new Set(heldIds);
  const rest = page.filter((c) => !above.has(c.id) && !held.has(c.id));
  if (selectedNow !== null && !inPage.has(selectedNow.id)) {
    const at = following ? rest.findIndex((c) => c.id === following.id) : rest.length;
    rest.splice(at, 0, selectedNow);
  }
  const items = [...page.filter((c) => above.has(c.id)), ...rest];
  return { items, heldIds };
}
