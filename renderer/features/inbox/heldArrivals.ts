import type { Conversation } from '../../../shared/domain/entities';

/** A refreshed page as the list shows it while someone works in it, and what it announces. */
export type HeldMerge = { items: Conversation[]; heldIds: string[] };

/** The core's answer to a refresh: its page, newest first, and whether more rows follow it. */
export type RefreshedPage = { items: readonly Conversation[]; hasMore: boolean };

/** A shown row the page does not reach (it sorts after the page's last row): not gone, only not refetched. */
const isPastPage = (row: Conversation, page: RefreshedPage): boolean => {
  const last = page.items.at(-1);
  return page.hasMore && last !== undefined && row.lastMessageAt <= last.lastMessageAt;
};

/**
 * The shown rows the page no longer lists although it reaches them: they left the view (done or
 * snoozed elsewhere, read in the Unread view) or were deleted. The list asks the core how they
 * are now, to show them in place with their new status.
 */
export function leftRows(shown: readonly Conversation[], page: RefreshedPage): string[] {
  const listed = new Set(page.items.map((c) => c.id));
  return shown.filter((row) => !listed.has(row.id) && !isPastPage(row, page)).map((row) => row.id);
}

/**
 * The shown rows a new message would move: newer than shown, and sorted in the page before a row
 * shown above them. (The rows they would jump over are not counted: they did not change.)
 */
function movedRows(shown: readonly Conversation[], page: readonly Conversation[], rank: ReadonlyMap<string, number>): string[] {
  let highestAbove = -1;
  return shown.flatMap((row) => {
    const at = rank.get(row.id);
    if (at === undefined) return [];
    const isMoved = at < highestAbove && (page[at]?.lastMessageAt ?? 0) > row.lastMessageAt;
    highestAbove = Math.max(highestAbove, at);
    return isMoved ? [row.id] : [];
  });
}

/**
 * Merges a refreshed page into the list while the person works in it, without moving any row
 * they can see: rows already shown keep their order and take their new state in place; a
 * conversation not shown yet, or one whose new message would move it, is announced ("3 new —
 * show") and the count only grows until the person shows them (a moved one stays in its slot
 * with its new message meanwhile: the person sees what changed where they look). A row that
 * left the view stays, marked by its status chip (`leftNow`, as the core has it now; a row
 * missing from it was deleted and goes). `asked` are conversations the person asked to see
 * (an undo brought them back): shown where they belong, never held.
 */
export function mergeHeld(
  shown: readonly Conversation[],
  page: RefreshedPage,
  held: readonly string[],
  leftNow: ReadonlyMap<string, Conversation>,
  asked: ReadonlySet<string> = new Set(),
): HeldMerge {
  const rank = new Map(page.items.map((c, index) => [c.id, index]));
  const items = shown.flatMap((row) => {
    const now = page.items[rank.get(row.id) ?? -1] ?? leftNow.get(row.id) ?? (isPastPage(row, page) ? row : undefined);
    return now ? [now] : [];
  });
  const present = new Set(items.map((c) => c.id));
  const newcomers = page.items.filter((c) => !present.has(c.id));
  // What the person asked for goes before the first shown row that follows it in the page.
  for (const conversation of newcomers.filter((c) => asked.has(c.id))) {
    const next = page.items.slice((rank.get(conversation.id) ?? 0) + 1).find((c) => present.has(c.id));
    const at = next ? items.findIndex((c) => c.id === next.id) : items.length;
    items.splice(at, 0, conversation);
    present.add(conversation.id);
  }
  const announced = [...held, ...newcomers.map((c) => c.id), ...movedRows(shown, page.items, rank)].filter((id) => !asked.has(id));
  return { items, heldIds: [...new Set(announced)] };
}
