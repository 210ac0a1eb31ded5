import { describe, expect, it } from 'vitest';
import { MAX_REPORTED_MESSAGE, MAX_REPORTED_STACK } from '../../shared/api/app';
import { describeFailure } from './reportUnhandledErrors';

describe('describeFailure', () => {
  it('keeps an error’s message and stack, cut to what app.log accepts', () => {
    const error = new Error('x'.repeat(MAX_REPORTED_MESSAGE + 10));
    error.stack = 'y'.repeat(MAX_REPORTED_STACK + 10);
    const { message, stack } = describeFailure(error);
    expect(message).toHaveLength(MAX_REPORTED_MESSAGE);
    expect(message.endsWith('…')).toBe(true);
    expect(stack).toHaveLength(MAX_REPORTED_STACK);
  });

  it('names an error without a message by its type', () => {
    const error = new RangeError();
    error.stack = undefined;
    expect(describeFailure(error)).toEqual({ message: 'RangeError' });
  });

  it('says what any other thrown value is', () => {
    expect(describeFailure('plain text')).toEqual({ message: 'plain text' });
    expect(describeFailure({ code: 'E42' })).toEqual({ message: '{"code":"E42"}' });
    expect(describeFailure(undefined)).toEqual({ message: 'undefined' });
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(describeFailure(loop)).toEqual({ message: '[object Object]' });
  });
});
