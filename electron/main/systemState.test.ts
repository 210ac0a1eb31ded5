import { EventEmitter } from 'node:events';
import { expect, it } from 'vitest';
import type { SystemState } from '../core/utilityMessages';
import { ONLINE_CHECK_MS, watchSystemState } from './systemState';

/** powerMonitor and net stand-ins: Electron cannot run here. */
function fakeSystem(isOnline: boolean) {
  const power = new EventEmitter();
  const network = { isOnline };
  const checks: { ms: number; run: () => void }[] = [];
  const sent: SystemState[] = [];
  const stop = watchSystemState(
    { on: (event, listener) => power.on(event, listener) },
    () => network.isOnline,
    (state) => sent.push(state),
    (ms, run) => {
      checks.push({ ms, run });
      return () => checks.splice(0);
    },
  );
  const check = () => checks.forEach(({ run }) => run());
  return { power, network, checks, sent, check, stop };
}

it('tells the core of sleep, waking and the network going and coming back, each change once', () => {
  const system = fakeSystem(true);
  expect(system.checks.map(({ ms }) => ms)).toEqual([ONLINE_CHECK_MS]);
  system.check();
  expect(system.sent).toEqual([]);

  system.power.emit('suspend');
  system.power.emit('suspend');
  system.network.isOnline = false;
  system.power.emit('resume');
  system.check();
  system.network.isOnline = true;
  system.check();
  expect(system.sent).toEqual([
    { type: 'system', isAsleep: true, isOnline: true },
    { type: 'system', isAsleep: false, isOnline: false },
    { type: 'system', isAsleep: false, isOnline: true },
  ]);
  system.stop();
  expect(system.checks).toEqual([]);
});

it('starting offline says so at once', () => {
  expect(fakeSystem(false).sent).toEqual([{ type: 'system', isAsleep: false, isOnline: false }]);
});
