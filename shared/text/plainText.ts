import type { z } from 'zod';

// Every Unicode control character: C0 (NUL, ESC...), DEL and C1. Tabs and line breaks too: the
// fields this guards are one line (a search, a tag, a name).
const CONTROL_CHARACTER = /\p{Cc}/u;

/** The first control character in a text: its code point ("U+0000") and 1-based position. */
export type ControlCharacter = { codePoint: string; position: number };

export function findControlCharacter(text: string): ControlCharacter | null {
  const at = text.search(CONTROL_CHARACTER);
  if (at < 0) return null;
  const code = text.codePointAt(at) ?? 0;
  return { codePoint: `U+${code.toString(16).toUpperCase().padStart(4, '0')}`, position: at + 1 };
}

/**
 * A one-line text input that refuses control characters as invalid input, with the field named
 * by its path. Without it a NUL reached SQLite and full-text search and came back as an
 * internal error, or was stored in a name no one could see or type.
 */
export const plainText = (schema: z.ZodString): z.ZodString =>
  schema.superRefine((text, ctx) => {
    const found = findControlCharacter(text);
    if (found) ctx.addIssue({ code: 'custom', message: `must not contain control characters (found ${found.codePoint} at character ${found.position})`, params: { controlCharacter: found } });
  });

/** The control character a plainText issue is about, for a form that words it in the person's language. */
export function controlCharacterOf(issue: z.core.$ZodIssue): ControlCharacter | null {
  return issue.code === 'custom' && isControlCharacter(issue.params?.controlCharacter) ? issue.params.controlCharacter : null;
}

const isControlCharacter = (value: unknown): value is ControlCharacter =>
  typeof value === 'object' && value !== null && 'codePoint' in value && 'position' in value;
