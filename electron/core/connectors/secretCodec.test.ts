import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { secretCodec } from './secretCodec';

const codec = secretCodec(z.object({ accessToken: z.string().min(1) }), 'The stored secret is not a sign-in: reconnect the account.');

describe('secretCodec', () => {
  it('reads back what it wrote', () => {
    expect(codec.decode(codec.encode({ accessToken: 'tok-1' }))).toEqual({ accessToken: 'tok-1' });
  });

  it('refuses a value that is not JSON or not the schema’s, without quoting what it holds', () => {
    for (const stored of ['tok-secret-42', '{"accessToken":""}', '{"accessToken":"tok-secret-42"', 'null']) {
      expect(() => codec.decode(stored)).toThrow('The stored secret is not a sign-in: reconnect the account.');
      expect(() => codec.decode(stored)).not.toThrow(/tok-secret-42/u);
    }
  });
});
