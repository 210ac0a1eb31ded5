import { z } from 'zod';
import { parseJsonAs } from '../parseJsonAs';

/**
 * Meta's usage headers, in percent of the limit: `X-App-Usage` (the app's platform limit) and
 * `X-Business-Use-Case-Usage` (per business object; Instagram's own), whose entries also carry
 * `estimated_time_to_regain_access` in minutes once throttled.
 * https://developers.facebook.com/docs/graph-api/overview/rate-limiting
 */
export type GraphUsage = { percentUsed: number; resetsAt: number | null };

const percent = z.number().min(0).max(10_000).catch(0);
const appUsageSchema = z.object({ call_count: percent.optional(), total_time: percent.optional(), total_cputime: percent.optional() });
const bucEntrySchema = appUsageSchema.extend({ estimated_time_to_regain_access: z.number().min(0).max(100_000).catch(0).optional() });
const bucSchema = z.record(z.string(), z.array(bucEntrySchema));

/** The highest share used across both headers, and when access comes back if Meta said; null: no header. */
export function usageOf(headers: Headers, now: number): GraphUsage | null {
  const app = parseJsonAs(headers.get('x-app-usage'), appUsageSchema);
  const buc = parseJsonAs(headers.get('x-business-use-case-usage'), bucSchema);
  if (app === null && buc === null) return null;
  const entries = [...(app ? [app] : []), ...Object.values(buc ?? {}).flat()];
  const percentUsed = Math.max(0, ...entries.flatMap((entry) => [entry.call_count ?? 0, entry.total_time ?? 0, entry.total_cputime ?? 0]));
  const minutes = Math.max(0, ...Object.values(buc ?? {}).flat().map((entry) => entry.estimated_time_to_regain_access ?? 0));
  return { percentUsed, resetsAt: minutes > 0 ? now + minutes * 60_000 : null };
}
