import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { findControlCharacter, plainText } from './plainText';

describe('plainText', () => {
  const name = z.strictObject({ name: plainText(z.string().trim().min(1).max(80)) });

  it('keeps ordinary text, accents, emoji and right-to-left scripts', () => {
    for (const text of ['Équipe du soir', 'Zoë 🐙', 'مرحبا', 'a  b']) expect(name.parse({ name: text })).toEqual({ name: text });
  });

  it('names the field and the character it refuses, for C0, DEL and C1 controls', () => {
    const cases: [string, string][] = [
      ['a\u0000b', 'U+0000 at character 2'],
      ['\u001b[31mred', 'U+001B at character 1'],
      ['tab\there', 'U+0009 at character 4'],
      ['x\u007f', 'U+007F at character 2'],
      ['x\u0085', 'U+0085 at character 2'],
    ];
    for (const [text, found] of cases) {
      const parsed = name.safeParse({ name: text });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['name', `must not contain control characters (found ${found})`]]);
    }
  });

  it('finds the first control character by code point and position, and nothing in text without one', () => {
    expect(findControlCharacter('ok\u0007\u0000')).toEqual({ codePoint: 'U+0007', position: 3 });
    expect(findControlCharacter('Pieuvre, 8 bras')).toBeNull();
  });
});
