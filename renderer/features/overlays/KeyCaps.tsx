import { useTranslation } from 'react-i18next';

/** The keys the shortcut list spells out by name; a French keyboard calls them Entrée and Échap. */
const NAMED_KEYS = { Enter: 'shortcuts.keys.enter', Escape: 'shortcuts.keys.escape' } as const;

const isNamedKey = (key: string): key is keyof typeof NAMED_KEYS => Object.hasOwn(NAMED_KEYS, key);

/** A shortcut's keys, each as a key cap, named keys in the person's language. */
export function KeyCaps({ keys }: { keys: readonly string[] }) {
  const { t } = useTranslation();
  return keys.map((key) => <kbd key={key}>{isNamedKey(key) ? t(NAMED_KEYS[key]) : key}</kbd>);
}
