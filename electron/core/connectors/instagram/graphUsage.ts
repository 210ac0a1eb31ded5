import { readUsage } from '../meta/graphUsage';

/** Meta's usage as Instagram's connector keeps it: the share used, and when access comes back (a time, once throttled). */
export type InstagramUsage = { percentUsed: number; resetsAt: number | null };

/** Meta's usage headers read at `now`; null: no header. */
export function usageOf(headers: Headers, now: number): InstagramUsage | null {
  const usage = readUsage(headers);
  if (usage === null) return null;
  return { percentUsed: usage.usedPercent, resetsAt: usage.regainAccessMinutes > 0 ? now + usage.regainAccessMinutes * 60_000 : null };
}
