import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertySeed } from '../testing/propertySeed';
import { hasLink, LINK_PATTERNS } from './textSignals';

// Pieces of links and of texts that look like them: schemes in any case, dots, slashes, "www", known endings.
const piece = fc.constantFrom('http', 'HTTPS', 's', ':', '//', '/', 'www', 'WwW', '.', 'com', 'io', 'fr', 'exemple', 'bit', 'ly', 'é', '-', '@', ' ', 'x', '2', '\n');
const text = fc.array(piece, { maxLength: 24 }).map((pieces) => pieces.join(''));

describe('hasLink', () => {
  it('answers as the link patterns alone do: its quick check for a slash or "www." only spares them texts they cannot match', () => {
    const seed = propertySeed('hasLink quick check');
    fc.assert(
      fc.property(text, (written) => {
        expect(hasLink(written)).toBe(LINK_PATTERNS.some((pattern) => pattern.test(written)));
      }),
      { seed, numRuns: 5_000 },
    );
  });
});
