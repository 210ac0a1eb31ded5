import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { HubStatus } from '../../../../shared/api/hub';
import { personInputSchema } from '../../../../shared/api/team';
import { HubClient } from '../../hub/hubClient';
import { keyFileKeyProvider } from '../../secrets/keyFileKeyProvider';
import { addPerson } from '../../team/teamStore';
import { createTestCore, type TestCore } from '../../testing/testCore';
import type { ConnectionTiming } from '../hubConnection';
import { MEMBERSHIP_ONLY, type TeamParts } from '../teamParts';
import { TeamHubService } from '../teamHubService';

/** Retries and checks quick enough for a test to see them. */
const FAST = { firstRetryMs: 50, longestRetryMs: 200, probeEveryMs: 100 };

/** Records what the service asks of the parts the other engineers build. */
export function recordingParts(calls: string[]): TeamParts {
  return {
    startCapture: () => (calls.push('capture'), { stop: () => void calls.push('capture stopped') }),
    captureSnapshot: () => void calls.push('snapshot'),
    newSync: (options) => {
      calls.push(`sync on ${options.client instanceof HubClient ? 'a hub client' : 'nothing'}`);
      return { ...MEMBERSHIP_ONLY.newSync(options), start: () => void calls.push('sync started'), stop: async () => void calls.push('sync stopped') };
    },
    newLeases: (options) => {
      calls.push('leases');
      return { ...MEMBERSHIP_ONLY.newLeases(options), start: () => void calls.push('leases started'), stop: async () => void calls.push('leases stopped') };
    },
    openPresence: async (options) => {
      calls.push(`presence as ${options.me.name}`);
      return { announce: () => {}, list: () => [], close: async () => void calls.push('presence closed') };
    },
  };
}

export type Desktop = { core: TestCore; dataDir: string; calls: string[]; statuses: HubStatus[]; hub: TeamHubService; restart(): TeamHubService };

/**
 * Desktops for a test file: each a real core on its own data folder (SQLite file and secrets
 * file) with a team hub service on it, closed and removed after each test with whatever the test
 * added to `cleanups`.
 */
/** A desktop's own timing or parts, where a test needs other than FAST and the recording ones. */
export type DesktopOptions = { timing?: Partial<ConnectionTiming>; parts?: (calls: string[]) => TeamParts };

export function useTeamDesktops(): { newDesktop: (options?: DesktopOptions) => Desktop; cleanups: (() => Promise<void> | void)[] } {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  return { newDesktop: (options) => newDesktop(cleanups, options), cleanups };
}

function newDesktop(cleanups: (() => Promise<void> | void)[], options: DesktopOptions = {}): Desktop {
  const dataDir = mkdtempSync(join(tmpdir(), 'pieuvre-team-hub-'));
  const core = createTestCore({ dataDir, keyProviders: [keyFileKeyProvider(dataDir)] });
  const calls: string[] = [];
  const statuses: HubStatus[] = [];
  core.events.subscribe((message) => message.name === 'hub.status' && statuses.push(message.payload as HubStatus));
  const make = () => {
    const hub = new TeamHubService(core.context, {
      secrets: core.secrets,
      addPerson: (name) => addPerson(core.context.db, personInputSchema.parse({ name, schedule: null }), core.now.value),
      parts: (options.parts ?? recordingParts)(calls),
      timing: { ...FAST, ...options.timing },
    });
    cleanups.push(() => hub.close());
    return hub;
  };
  const desktop: Desktop = { core, dataDir, calls, statuses, hub: make(), restart: () => (desktop.hub = make()) };
  cleanups.push(() => {
    core.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return desktop;
}

export async function until(what: string, condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out waiting until ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

