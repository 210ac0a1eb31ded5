/**
 * A Graph time as epoch ms, or null when it is not one: Meta writes ISO 8601 with `+0000` (read
 * by Date.parse only with the colon in some engines: it is added), and the Get Conversations
 * guide shows `updated_time` as a UNIX timestamp (seconds), so both are read. Beyond 2109 is not
 * a time Graph sends.
 */
export function graphTimeMs(value: string): number | null {
  if (/^\d{9,11}$/u.test(value)) return Number(value) * 1000;
  const at = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/u, '$1:$2'));
  return Number.isFinite(at) && at >= 0 && at < 2 ** 42 ? at : null;
}
