import { describe, expect, it } from 'vitest';
import { askingOrder, isWorthAsking, STARVED_ROUNDS } from './leaseShare';

const accounts = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'];

describe('leaseShare', () => {
  it('gives each desktop its own order of asking, the same at every round', () => {
    const first = askingOrder('desktop-1', accounts);
    expect([...first].sort()).toEqual(accounts);
    expect(askingOrder('desktop-1', [...accounts].reverse())).toEqual(first);
    expect(askingOrder('desktop-2', accounts)).not.toEqual(first);
  });

  it('asks while under its fair share of the desktops it has seen, then only for accounts it has not asked for in a while', () => {
    const teammates = new Set(['desktop-2']);
    expect(isWorthAsking({ candidates: 6, heldByMe: 0, teammates: new Set(), roundsSinceAsked: 1 })).toBe(true);
    expect(isWorthAsking({ candidates: 6, heldByMe: 5, teammates: new Set(), roundsSinceAsked: 1 })).toBe(true);
    expect(isWorthAsking({ candidates: 6, heldByMe: 2, teammates, roundsSinceAsked: 1 })).toBe(true);
    expect(isWorthAsking({ candidates: 6, heldByMe: 3, teammates, roundsSinceAsked: 1 })).toBe(false);
    expect(isWorthAsking({ candidates: 6, heldByMe: 3, teammates, roundsSinceAsked: STARVED_ROUNDS })).toBe(true);
    expect(isWorthAsking({ candidates: 6, heldByMe: 3, teammates, roundsSinceAsked: Infinity })).toBe(true);
  });
});
