import { describe, expect, it } from 'vitest';
import { platformOriginsFrom } from './platformOrigins';

describe('platformOriginsFrom', () => {
  it('takes loopback contract servers per platform and nothing when unset', () => {
    expect(platformOriginsFrom({})).toEqual({});
    expect(platformOriginsFrom({ PIEUVRE_PLATFORM_ORIGINS: '{"youtube":"http://127.0.0.1:4100","x":"http://127.0.0.1:4101"}' })).toEqual({
      youtube: 'http://127.0.0.1:4100',
      x: 'http://127.0.0.1:4101',
    });
  });

  it('refuses an origin off this machine, an unknown platform and broken JSON, saying which', () => {
    const offMachine = () => platformOriginsFrom({ PIEUVRE_PLATFORM_ORIGINS: '{"facebook":"https://evil.example"}' });
    expect(offMachine).toThrow(/must be http:\/\/127\.0\.0\.1:PORT/u);
    expect(offMachine).toThrow(/at facebook/u);
    expect(() => platformOriginsFrom({ PIEUVRE_PLATFORM_ORIGINS: '{"bluesky":"http://127.0.0.1:1"}' })).toThrow(/bluesky/u);
    expect(() => platformOriginsFrom({ PIEUVRE_PLATFORM_ORIGINS: '{youtube' })).toThrow(/not JSON/u);
  });
});
