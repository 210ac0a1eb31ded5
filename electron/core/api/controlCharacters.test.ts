import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName } from '../../../shared/api/contract';
import { createTestCore, type TestCore } from '../testing/testCore';

let core: TestCore;
beforeEach(() => {
  core = createTestCore();
});
afterEach(() => core.close());

const NUL = '\u0000';
const template = { shortcut: 'merci', variants: [{ language: 'fr', body: 'Merci!' }] };

/** Each one-line text input of the contract with a NUL in it, and the field the refusal must name. */
const cases: { [M in MethodName]: [M, MethodInput<M>, string] }[MethodName][] = [
  ['messages.search', { text: `colis${NUL}` }, 'text'],
  ['conversations.list', { text: `colis${NUL}` }, 'text'],
  ['conversations.list', { tag: `vip${NUL}` }, 'tag'],
  ['conversations.tag', { ids: ['c'], add: [`vip${NUL}`] }, 'add.0'],
  ['views.save', { name: `Soir${NUL}`, filter: {} }, 'name'],
  ['views.save', { name: 'Soir', filter: { text: `a${NUL}` } }, 'filter.text'],
  ['team.add', { name: `Zoë${NUL}`, schedule: null }, 'name'],
  ['templates.save', { ...template, name: `Merci${NUL}` }, 'name'],
  ['templates.save', { ...template, name: 'Merci', tags: [`poli${NUL}`] }, 'tags.0'],
];

describe('control characters in one-line text inputs', () => {
  it.each(cases)('%s refuses a NUL as invalid input naming the field', async (method, input, field) => {
    const result = await core.client.call(method, input as never);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.message).toMatch(new RegExp(`^${method.replace('.', '\\.')}: ${field.replace('.', '\\.')}: must not contain control characters \\(found U\\+0000 at character \\d+\\)$`, 'u'));
  });
});
