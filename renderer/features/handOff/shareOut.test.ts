import { describe, expect, it } from 'vitest';
import { shareOut } from './shareOut';

describe('shareOut', () => {
  it('gives each conversation to the next person on duty in turn, oldest first', () => {
    expect([...shareOut(['c1', 'c2', 'c3', 'c4', 'c5'], ['ana', 'bo'])]).toEqual([['ana', ['c1', 'c3', 'c5']], ['bo', ['c2', 'c4']]]);
  });

  it('gives all to one receiver, and nothing without anyone', () => {
    expect([...shareOut(['c1', 'c2'], ['ana'])]).toEqual([['ana', ['c1', 'c2']]]);
    expect(shareOut(['c1'], []).size).toBe(0);
  });
});
