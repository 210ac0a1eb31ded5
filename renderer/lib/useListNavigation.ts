import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { listKeyStep, type ListShape } from './listNavigation';

type Options = ListShape & {
  /** The id of the option at this index: what `aria-activedescendant` names. */
  idOf: (index: number) => string;
  onChoose: (index: number) => void;
  /** The option active on opening: 0, or -1 for a combobox whose Enter is the text's until ↓. */
  initial?: number;
};

/**
 * One way for every picker's list to follow the keyboard (see listKeyStep): the active option,
 * the key handler for the element that has focus (the list, or the combobox's text field), and
 * the props of the list and of each option. Focus stays on that element; the active option is
 * named by `aria-activedescendant` and scrolled into view.
 */
export function useListNavigation({ idOf, onChoose, initial = 0, ...shape }: Options) {
  const [active, setActive] = useState(initial);
  const typed = useRef({ text: '', at: 0 });
  // The list may shrink under the active option (a narrower search): the last one stays active.
  const current = Math.min(active, shape.count - 1);
  const activeId = current >= 0 ? idOf(current) : undefined;
  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);

  /** True when the key was the list's: it is then kept from the window's shortcuts. */
  const onKeyDown = (event: KeyboardEvent): boolean => {
    const step = listKeyStep(event, current, shape, typed.current, Date.now());
    if (step === null) return false;
    event.preventDefault();
    if (step.kind === 'choose') onChoose(step.index);
    else {
      if (step.typed) typed.current = step.typed;
      setActive(step.active);
    }
    return true;
  };

  return {
    active: current,
    setActive,
    idOf,
    activeId,
    onKeyDown,
    /** For a listbox that takes focus itself (no text field). */
    listProps: { role: 'listbox', tabIndex: 0, 'aria-activedescendant': activeId, onKeyDown },
    /** An option's props; `className` is its own (the active one adds `is-active`). */
    optionProps: (index: number, className?: string) => ({
      id: idOf(index),
      role: 'option',
      'aria-selected': index === current,
      className: [className, index === current ? 'is-active' : null].filter(Boolean).join(' ') || undefined,
      onClick: () => onChoose(index),
      onMouseMove: () => index !== current && setActive(index),
    }),
  };
}

export type ListNavigation = ReturnType<typeof useListNavigation>;
