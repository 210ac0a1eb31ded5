import { z } from 'zod';
import type { AccountLimitsView } from '../../../../shared/api/accounts';
import { parseJsonAs } from '../parseJsonAs';

/**
 * Meta's usage headers, the same on graph.facebook.com and graph.instagram.com: `X-App-Usage`
 * (the app's platform limit) and `X-Business-Use-Case-Usage` (one entry list per business
 * object: a Page, an Instagram account), each a percentage of the limit used (`call_count`,
 * `total_cputime`, `total_time`); BUC entries also say how many minutes until a throttled app may
 * call again (`estimated_time_to_regain_access`). A missing header means "unknown", never
 * "nothing used"; a field that is not a sane number counts as 0 rather than losing the header.
 * https://developers.facebook.com/docs/graph-api/overview/rate-limiting
 */
const percent = z.number().min(0).max(10_000).catch(0);
const percentages = z.object({ call_count: percent.optional(), total_cputime: percent.optional(), total_time: percent.optional() });
const bucEntry = percentages.extend({ type: z.string().optional().catch(undefined), estimated_time_to_regain_access: z.number().min(0).max(100_000).catch(0).optional() });
const bucHeader = z.record(z.string(), z.array(bucEntry));

export type GraphUsage = { usedPercent: number; regainAccessMinutes: number };

const highest = (entry: z.output<typeof percentages>): number => Math.max(entry.call_count ?? 0, entry.total_cputime ?? 0, entry.total_time ?? 0);

/** The most used of every limit the headers name, and the longest wait they announce; null when neither header is there or readable. */
export function readUsage(headers: Headers): GraphUsage | null {
  const app = parseJsonAs(headers.get('x-app-usage'), percentages);
  const buc = parseJsonAs(headers.get('x-business-use-case-usage'), bucHeader);
  if (app === null && buc === null) return null;
  const entries = Object.values(buc ?? {}).flat();
  return {
    usedPercent: Math.min(100, Math.max(app === null ? 0 : highest(app), ...entries.map(highest))),
    regainAccessMinutes: Math.max(0, ...entries.map((entry) => entry.estimated_time_to_regain_access ?? 0)),
  };
}

/** The rate limit as the account shows it, in percent of Meta's limit: remaining out of 100, and when access comes back if Meta said. */
export function usageView(usage: GraphUsage | null, seenAt: number): AccountLimitsView['rateLimit'] {
  if (usage === null) return null;
  return { remaining: Math.round(100 - usage.usedPercent), limit: 100, resetsAt: usage.regainAccessMinutes > 0 ? seenAt + usage.regainAccessMinutes * 60_000 : null };
}
