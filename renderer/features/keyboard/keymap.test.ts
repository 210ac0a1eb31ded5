import { describe, expect, it } from 'vitest';
import { actionForKey, isTypingTarget, SHORTCUTS } from './keymap';

const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key, ctrlKey: false, metaKey: false, altKey: false, ...mods,
});

describe('keymap', () => {
  it('maps the triage keys', () => {
    expect(['j', 'k', 'Enter', 'o', 'e', 's', '#', 'u', 'x', 'r', 'n', 'H', '/', '?', '!', 'h', 'm'].map((key) => actionForKey(press(key)))).toEqual([
      'next', 'previous', 'open', 'open', 'done', 'snooze', 'tag', 'toggleUnread', 'toggleSelect', 'reply', 'note', 'handOff', 'search', 'shortcuts', 'spam', 'hideToggle', 'moderate',
    ]);
  });

  it('opens the palette with Ctrl+K and Cmd+K, and ignores other chords', () => {
    expect(actionForKey(press('k', { ctrlKey: true }))).toBe('palette');
    expect(actionForKey(press('K', { metaKey: true }))).toBe('palette');
    expect(actionForKey(press('j', { ctrlKey: true }))).toBeNull();
    expect(actionForKey(press('e', { altKey: true }))).toBeNull();
    expect(actionForKey(press('K'))).toBeNull();
  });

  it('gives every action with keys exactly the keys the sheet shows', () => {
    for (const { action, keys } of SHORTCUTS) {
      for (const key of keys.filter((k) => k.length === 1 || k === 'Enter' || k === 'Escape')) expect(actionForKey(press(key))).toBe(action);
    }
  });

  it('knows when the person is typing', () => {
    expect(isTypingTarget({ tagName: 'INPUT', type: 'text' })).toBe(true);
    expect(isTypingTarget({ tagName: 'input', type: 'search' })).toBe(true);
    expect(isTypingTarget({ tagName: 'TEXTAREA' })).toBe(true);
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(isTypingTarget({ tagName: 'SELECT' })).toBe(true);
    expect(isTypingTarget({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
    expect(isTypingTarget({ tagName: 'BUTTON' })).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});
