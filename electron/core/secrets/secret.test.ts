import { Console } from 'node:console';
import { Writable } from 'node:stream';
import { format, inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Secret } from './secret';

const VALUE = 'app-password-xkcd-936';

/** What console.log, console.error and console.dir would print, caught instead of shown. */
function consoleOutput(write: (console: Console) => void): string {
  let text = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  write(new Console({ stdout: sink, stderr: sink }));
  return text;
}

describe('Secret', () => {
  const holder = { account: 'ana@example.social', session: { access: new Secret(VALUE), list: [new Secret(VALUE)] } };

  it('gives its value only when asked by name', () => {
    expect(holder.session.access.reveal()).toBe(VALUE);
  });

  it('never shows its value in JSON, as the RPC and log files would write it', () => {
    const json = JSON.stringify(holder);
    expect(json).not.toContain(VALUE);
    expect(JSON.parse(json)).toEqual({ account: 'ana@example.social', session: { access: '[secret]', list: ['[secret]'] } });
  });

  it('never shows its value through console formatting, however deep or detailed', () => {
    const printed = consoleOutput((console) => {
      console.log(holder);
      console.error('signing in with %s, %o, %O, %j', holder.session.access, holder, holder, holder);
      console.dir(holder, { depth: null, showHidden: true });
      console.table([holder.session]);
    });
    const everything = printed + inspect(holder, { showHidden: true, depth: null, getters: true }) + format('%o', holder);
    expect(everything).not.toContain(VALUE);
    // Shown as what it is, not as an empty object that hides that a token was there.
    expect(printed).toContain("access: [secret], list: [ [secret] ]");
    expect(inspect(holder.session.access)).toBe('[secret]');
  });

  it('never shows its value in string conversions or copies', () => {
    const secret = holder.session.access;
    expect([`${secret}`, String(secret), `token=${secret}`, JSON.stringify(structuredClone(holder)), JSON.stringify({ ...secret })]).toEqual([
      '[secret]', '[secret]', 'token=[secret]', expect.not.stringContaining(VALUE), '{}',
    ]);
    expect(Object.keys(secret)).toEqual([]);
  });
});
