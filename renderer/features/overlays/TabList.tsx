import { useRef, type KeyboardEvent } from 'react';

type TabListProps<Tab extends string> = {
  /** Prefix of the tabs' and panels' ids: `${idPrefix}-tab-${tab}` and `${idPrefix}-panel-${tab}`. */
  idPrefix: string;
  tabs: readonly Tab[];
  tab: Tab;
  label: string;
  labelOf: (tab: Tab) => string;
  onSelect: (tab: Tab) => void;
};

/** Tabs as the ARIA pattern has them: one tab stop, arrows (and Home/End) move between tabs and show them. */
export function TabList<Tab extends string>({ idPrefix, tabs, tab, label, labelOf, onSelect }: TabListProps<Tab>) {
  const refs = useRef(new Map<Tab, HTMLButtonElement>());
  const onKeyDown = (event: KeyboardEvent) => {
    const index = tabs.indexOf(tab);
    const next = { ArrowRight: tabs[(index + 1) % tabs.length], ArrowLeft: tabs[(index + tabs.length - 1) % tabs.length], Home: tabs[0], End: tabs[tabs.length - 1] }[event.key];
    if (!next) return;
    event.preventDefault();
    onSelect(next);
    refs.current.get(next)?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className="tabs" onKeyDown={onKeyDown}>
      {tabs.map((name) => (
        <button
          key={name}
          ref={(element) => void (element ? refs.current.set(name, element) : refs.current.delete(name))}
          type="button"
          role="tab"
          id={`${idPrefix}-tab-${name}`}
          aria-selected={tab === name}
          aria-controls={`${idPrefix}-panel-${name}`}
          tabIndex={tab === name ? 0 : -1}
          onClick={() => onSelect(name)}
        >
          {labelOf(name)}
        </button>
      ))}
    </div>
  );
}
