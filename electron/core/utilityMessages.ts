/**
 * What Electron main and the core's utilityProcess say to each other over `parentPort`. Kept
 * free of imports so main can share it without pulling the core into its bundle.
 */

/** Main → core: serve the RPC on the port that comes with this message (one per window). */
export type PortHandover = { type: 'port' };
export const PORT_HANDOVER: PortHandover = { type: 'port' };

/** Core → main: the core cannot run (e.g. a database from a newer Pieuvre); say why and quit. */
export type CoreFatal = { type: 'fatal'; message: string };

const hasType = (value: unknown, type: string): value is { type: string } =>
  typeof value === 'object' && value !== null && (value as { type?: unknown }).type === type;

export const isPortHandover = (value: unknown): value is PortHandover => hasType(value, 'port');
export const isCoreFatal = (value: unknown): value is CoreFatal =>
  hasType(value, 'fatal') && typeof (value as { message?: unknown }).message === 'string';

/**
 * Main → core, once, right after the fork: the key of the secrets file, kept by main with
 * Electron's safeStorage (the core has no Electron API), or why there is none. It travels over
 * the process's own channel, never in the environment or the arguments, which others can read.
 */
export type SecretKeyHandover = { type: 'secret-key'; key: string; reason?: undefined } | { type: 'secret-key'; key: null; reason: string };

export const isSecretKeyHandover = (value: unknown): value is SecretKeyHandover => {
  if (!hasType(value, 'secret-key')) return false;
  const { key, reason } = value as { key?: unknown; reason?: unknown };
  return typeof key === 'string' || (key === null && typeof reason === 'string');
};

/**
 * Main → core, whenever it changes: the computer went to sleep or woke up, the network went or
 * came back (Electron's powerMonitor and net, which the core cannot reach). Asleep or offline,
 * no account syncs; awake and online again, they all sync soon.
 */
export type SystemState = { type: 'system'; isAsleep: boolean; isOnline: boolean };

export const isSystemState = (value: unknown): value is SystemState => {
  if (!hasType(value, 'system')) return false;
  const { isAsleep, isOnline } = value as { isAsleep?: unknown; isOnline?: unknown };
  return typeof isAsleep === 'boolean' && typeof isOnline === 'boolean';
};
