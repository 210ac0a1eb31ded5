import { useLayoutEffect, useMemo, useRef, useState, type Dispatch, type KeyboardEvent, type SetStateAction } from 'react';
import type { TeamMember } from '../../../shared/api/team';
import { useListNavigation } from '../../lib/useListNavigation';
import { useAssignStore } from '../assign/assignStore';
import { findMentionQuery, insertMention, matchPeople, type MentionQuery } from './mentionQuery';

/**
 * The note box's `@` picker: typing `@` opens it on the teammates whose name starts with what
 * follows; arrows move, Enter or Tab puts `@Name ` in place, Escape closes it until the next `@`.
 */
export function useMentionPicker(setText: Dispatch<SetStateAction<string>>) {
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [at, setAt] = useState<MentionQuery | null>(null);
  const dismissedAt = useRef<number | null>(null);
  const caretAfterInsert = useRef<number | null>(null);
  const people = useAssignStore((s) => s.people);
  const teammates = useMemo(() => people.filter((person) => !person.isMe), [people]);
  const matches: TeamMember[] = useMemo(() => (at ? matchPeople(teammates, at.query) : []), [at, teammates]);
  const insert = (index: number) => {
    const person = matches[index];
    if (!at || !person) return;
    setText((current) => {
      const next = insertMention(current, at, person.name.trim());
      caretAfterInsert.current = next.caret;
      return next.text;
    });
    setAt(null);
  };
  const list = useListNavigation({ count: matches.length, hasTextField: true, wraps: true, idOf: (index) => `mention-option-${index}`, onChoose: insert });

  useLayoutEffect(() => {
    const caret = caretAfterInsert.current;
    if (caret === null || !textarea.current) return;
    caretAfterInsert.current = null;
    textarea.current.setSelectionRange(caret, caret);
  });

  const follow = () => {
    const box = textarea.current;
    if (!box) return;
    const found = findMentionQuery(box.value, box.selectionStart);
    if (found?.start !== dismissedAt.current) dismissedAt.current = null;
    const next = found && found.start !== dismissedAt.current && matchPeople(teammates, found.query).length > 0 ? found : null;
    if (next?.query !== at?.query) list.setActive(0);
    setAt(next);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!at || matches.length === 0 || event.ctrlKey || event.metaKey || event.altKey) return false;
    if (event.key === 'Tab') {
      event.preventDefault();
      insert(list.active);
      return true;
    }
    if (event.key !== 'Escape') return list.onKeyDown(event);
    dismissedAt.current = at.start;
    setAt(null);
    event.preventDefault();
    return true;
  };

  return { textarea, isOpen: at !== null && matches.length > 0, matches, list, follow, onKeyDown, close: () => setAt(null) };
}

export type MentionPickerState = ReturnType<typeof useMentionPicker>;
