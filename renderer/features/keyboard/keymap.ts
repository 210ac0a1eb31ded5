export type ActionId =
  | 'next' | 'previous' | 'open' | 'done' | 'snooze' | 'tag' | 'toggleUnread' | 'toggleSelect' | 'clearSelection'
  | 'reply' | 'search' | 'palette' | 'shortcuts' | 'spam' | 'language' | 'goOff' | 'hours' | 'team' | 'reveal' | 'toggleUrgent' | 'wellbeing'
  | 'hideToggle' | 'moderate' | 'templates' | 'settings' | 'rules' | 'teamWorkspace' | 'assign' | 'accounts' | 'connectAccount' | 'outbox' | 'undo' | 'note' | 'handOff';

export type KeyPress = { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean };

/** Every action, with the keys shown for it (none: palette only). The order is the sheet's. */
export const SHORTCUTS: readonly { action: ActionId; keys: readonly string[] }[] = [
  { action: 'next', keys: ['j'] },
  { action: 'previous', keys: ['k'] },
  { action: 'open', keys: ['Enter', 'o'] },
  { action: 'done', keys: ['e'] },
  { action: 'snooze', keys: ['s'] },
  { action: 'tag', keys: ['#'] },
  { action: 'assign', keys: ['a'] },
  { action: 'handOff', keys: ['H'] },
  { action: 'toggleUnread', keys: ['u'] },
  { action: 'toggleUrgent', keys: ['U'] },
  { action: 'toggleSelect', keys: ['x'] },
  { action: 'clearSelection', keys: ['Escape'] },
  { action: 'spam', keys: ['!'] },
  { action: 'undo', keys: ['z'] },
  { action: 'hideToggle', keys: ['h'] },
  { action: 'moderate', keys: ['m'] },
  { action: 'reply', keys: ['r'] },
  { action: 'note', keys: ['n'] },
  { action: 'reveal', keys: ['v'] },
  { action: 'search', keys: ['/'] },
  { action: 'palette', keys: ['Ctrl+K', '⌘K'] },
  { action: 'shortcuts', keys: ['?'] },
  { action: 'language', keys: [] },
  { action: 'goOff', keys: [] },
  { action: 'hours', keys: [] },
  { action: 'team', keys: [] },
  { action: 'wellbeing', keys: [] },
  { action: 'templates', keys: [] },
  { action: 'settings', keys: [] },
  { action: 'rules', keys: [] },
  { action: 'teamWorkspace', keys: [] },
  { action: 'accounts', keys: [] },
  { action: 'connectAccount', keys: [] },
  { action: 'outbox', keys: [] },
];

/** The actions that do not act on conversations: the only ones that work on a page other than the inbox. */
export const PAGE_INDEPENDENT_ACTIONS: ReadonlySet<ActionId> = new Set(['palette', 'shortcuts', 'language', 'goOff', 'hours', 'wellbeing', 'settings', 'rules', 'teamWorkspace', 'accounts', 'connectAccount', 'outbox']);

const isChord = (key: string) => key.includes('+') || key.startsWith('⌘');
const PLAIN_KEYS = new Map<string, ActionId>(
  SHORTCUTS.flatMap(({ action, keys }) => keys.filter((key) => !isChord(key)).map((key) => [key, action] as const)),
);

/** The action a key press asks for, or null. Ctrl/Cmd+K is the only chord; other modifiers mean "not ours". */
export function actionForKey(press: KeyPress): ActionId | null {
  if ((press.ctrlKey || press.metaKey) && !press.altKey && press.key.toLowerCase() === 'k') return 'palette';
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  return PLAIN_KEYS.get(press.key) ?? null;
}

type TargetLike = { tagName?: string; isContentEditable?: boolean; type?: string } | null;
const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number', 'date', 'datetime-local', 'time']);

/** Shortcuts never fire while the person types: in a text field, a text area, a select or editable content. */
export function isTypingTarget(target: TargetLike): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName?.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  return tag === 'INPUT' && TEXT_INPUT_TYPES.has((target.type ?? 'text').toLowerCase());
}
