import { describe, expect, it } from 'vitest';
import { linkParams } from './linkHeader';
import { isNewerId } from './statusIds';

describe('linkParams', () => {
  it('reads Mastodon’s next and prev pages', () => {
    const links = linkParams('<https://m.example/api/v1/notifications?max_id=109>; rel="next", <https://m.example/api/v1/notifications?min_id=120>; rel="prev"');
    expect(links.get('next')?.get('max_id')).toBe('109');
    expect(links.get('prev')?.get('min_id')).toBe('120');
    expect(linkParams(null).size).toBe(0);
    expect(linkParams('</relative?max_id=1>; rel="next"').size).toBe(0);
  });
});

describe('isNewerId', () => {
  it('compares Mastodon’s ids as the integers they are, past a double’s precision', () => {
    expect(isNewerId('113500000000000002', '113500000000000001')).toBe(true);
    expect(isNewerId('99', '100')).toBe(false);
    expect(isNewerId('b', 'a')).toBe(true);
  });
});
