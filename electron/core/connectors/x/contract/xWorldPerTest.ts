import { afterEach } from 'vitest';
import { xWorld, type XWorld } from './xTestKit';

/**
 * A test file's X world, one per test: `open` starts it at the file's settable clock, and after
 * each test its connector and contract server are closed and the clock goes back to `start`.
 */
export function xWorldPerTest(start: number) {
  const clock = { now: start };
  let world: XWorld | null = null;
  afterEach(async () => {
    world?.connector.close();
    await world?.server.close();
    world = null;
    clock.now = start;
  });
  return {
    clock,
    open: async (options: Parameters<typeof xWorld>[0] = {}): Promise<XWorld> => (world = await xWorld({ now: () => clock.now, ...options })),
    /** The world the running test opened. */
    current: (): XWorld => {
      if (world === null) throw new Error('No X world is open in this test.');
      return world;
    },
  };
}
