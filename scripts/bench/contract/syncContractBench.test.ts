import { describe, expect, it } from 'vitest';
import type { ConnectorFactory } from '../../../electron/core/connectors/connector';
import { routeTable } from '../../../electron/core/testing/contractServer';
import { commentItem } from '../../../electron/core/testing/itemBuilder';
import { RecordedServer } from '../../../electron/core/testing/recordedServer';
import { itemTally, type ContractSyncCase } from './contractSyncCase';
import { benchContractSync, contractSyncLines, contractSyncRatios } from './syncContractBench';

const PAGE = 20;

/** The smallest platform there is: a contract server paging numbered comments by an `after` cursor, and its connector. */
const tinyCase: ContractSyncCase = {
  platform: 'youtube',
  async start(items) {
    const server = await RecordedServer.start(
      routeTable({
        'GET /comments': (request) => {
          const after = Number(request.query.get('after') ?? 0);
          const numbers = Array.from({ length: Math.max(0, Math.min(PAGE, items - after)) }, (_, index) => after + index + 1);
          return { body: { data: numbers, next: after + numbers.length < items ? String(after + numbers.length) : null } };
        },
      }),
    );
    const page = async (after: string | undefined) => (await (await fetch(`${server.url}/comments${after ? `?after=${after}` : ''}`)).json()) as { data: number[]; next: string | null };
    const factory: ConnectorFactory = {
      platform: 'youtube',
      open: () => ({
        platform: 'youtube',
        limits: { maxLength: 10_000, lengthUnit: 'characters', dmMaxLength: null, dmReplyWindowMs: null, dmHumanAgentWindowMs: null, repliesNeedMention: false, hiddenCommentsTakeNoReply: false },
        idempotencyWindowMs: 0,
        moderation: [],
        async sync({ cursors }) {
          const { data, next } = await page(cursors.comments);
          return { items: data.map((n) => commentItem({ n, platform: 'youtube' })), updates: [], rejected: [], cursors: { comments: next }, hasMore: next !== null, progress: null };
        },
        reply: () => Promise.reject(new Error('not in the bench')),
        findSent: () => Promise.reject(new Error('not in the bench')),
        moderate: () => Promise.reject(new Error('not in the bench')),
        close: () => {},
      }),
    };
    return {
      account: { id: 'bench', platform: 'youtube', externalId: 'UC-bench', handle: '@bench', server: null },
      secret: 'token',
      factory,
      async bareFetchLoop(store) {
        const tally = itemTally(store);
        for (let after: string | undefined; ; ) {
          const { data, next } = await page(after);
          tally.count(data);
          if (next === null) return tally.seen;
          after = next;
        }
      },
      close: () => server.close(),
    };
  },
};

describe('sync_ratio_contract', () => {
  it('syncs every item of each case through Pieuvre in each round, reads them all in the bare loop, and words the ratio against its goal', async () => {
    const [result, ...others] = await benchContractSync([tinyCase], { items: 95, rounds: 3, latencyMs: 50, latencyRounds: 1 });
    expect(others).toEqual([]);
    // 95 items, 20 a page: 5 requests on each side.
    expect(result).toMatchObject({ platform: 'youtube', items: 95, bare: 95, requests: 5, latencyMs: 50 });
    expect(result!.ratio).toBeGreaterThan(0);
    expect(result!.cpuRatio).toBeGreaterThan(0);
    expect(result!.ceiling).toBeGreaterThan(0);
    // Each answer's 50 ms dwarf what either side does with 20 items, so the ratio comes closer to 1.
    expect(result!.latencyRatio).toBeGreaterThan(result!.ratio);
    const lines = contractSyncLines([result!]);
    expect(lines.map((line) => line.name)).toEqual([
      'youtube: bare fetch loop (95), answered at once',
      'youtube: sync + ingest (95), answered at once',
      '  their ratio',
      '  the same, by CPU time',
      '  ceiling: the bare loop inserting each item raw',
      'sync_ratio_contract youtube, 50 ms a request (5)',
    ]);
    // Only the measure at a platform's latency is judged against the goal.
    expect(lines.map((line) => line.budget)).toEqual(['', '', '', '', '', '>= 0.8']);
    expect(lines[5]).toMatchObject({ value: result!.latencyRatio.toFixed(3), isMet: result!.latencyRatio >= 0.8 });
    expect(contractSyncRatios([result!])).toEqual({ youtube: Number(result!.ratio.toFixed(3)) });
    expect(contractSyncRatios([result!], 'ceiling')).toEqual({ youtube: Number(result!.ceiling.toFixed(3)) });
    expect(contractSyncRatios([result!], 'latencyRatio')).toEqual({ youtube: Number(result!.latencyRatio.toFixed(3)) });
  });
});
