import { describe, expect, it } from 'vitest';
import type { RejectedItem } from '../../../shared/api/rejected';
import { groupByAccount } from './rejectedStore';

const item = (id: string, account: RejectedItem['account']): RejectedItem => ({
  id,
  account,
  source: 'poll:x',
  reason: 'bad',
  rejectedAt: 0,
  payloadSize: 2,
  payloadSha256: '',
  payloadHead: '{}',
  isTruncated: false,
});

describe('groupByAccount', () => {
  it('keeps the newest-first order within and across accounts, removed accounts last', () => {
    const page = { id: 'a', name: 'Page', platform: 'facebook' } as const;
    const channel = { id: 'b', name: 'Channel', platform: 'youtube' } as const;
    const groups = groupByAccount([item('1', null), item('2', channel), item('3', page), item('4', channel), item('5', null)]);
    expect(groups.map((group) => [group.account?.name ?? null, group.items.map((entry) => entry.id)])).toEqual([
      ['Channel', ['2', '4']],
      ['Page', ['3']],
      [null, ['1', '5']],
    ]);
  });
});
