/**
 * What may reach the log file. The log is for finding bugs, and is the one file a person may
 * send to someone else: no message a customer wrote, no reply, no credential ever goes in.
 * Sensitive values are recognised by their key at any depth (a body under `text`, a token under
 * `accessToken`), and by their shape inside free text (an `Authorization: Bearer …` quoted in
 * an error message, an `access_token=` in a URL).
 */
export const REDACTED = '[redacted]';

/**
 * Keys whose value is what people wrote (bodies, replies, drafts, previews; `message` is a
 * comment's text on Facebook) or a credential. Errors keep their own message: see redactError.
 */
const SENSITIVE_KEY =
  /^(text|texts|body|bodies|content|html|snippet|caption|message|messages|message_?text|text_?(original|display)|draft|reply|template|payload|raw|.*password|passphrase|secret|.*token|.*jwt|.*secret|authorization|cookie|set-cookie|api_?key|code_?verifier|credentials?)$/i;

/** In free text: credentials after their usual labels, whatever the quoting. */
const SECRET_IN_TEXT = [
  /\b(bearer|basic)\s+[\w\-.~+/=]+/gi,
  /\b(authorization|cookie)\s*[:=]\s*[^\s,;]+(\s+[\w\-.~+/=]+)?/gi,
  /\b([\w-]*(token|secret|password|passwd|api_?key|code_verifier|jwt))(["']?\s*[:=]\s*["']?)[^\s"'&,;)}\]]+/gi,
  // A JSON Web Token on its own (a Bluesky session's access or refresh token): header.payload.signature.
  /\beyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]+/g,
];

/** One line of log stays readable; anything longer was not written for a log anyway. */
export const MAX_STRING = 2_000;
const MAX_DEPTH = 6;
const MAX_ITEMS = 50;

/** Free text with every credential it quotes masked, cut to MAX_STRING characters. */
export function scrubText(text: string): string {
  let scrubbed = text;
  scrubbed = scrubbed.replace(SECRET_IN_TEXT[0] as RegExp, (_, scheme: string) => `${scheme} ${REDACTED}`);
  scrubbed = scrubbed.replace(SECRET_IN_TEXT[1] as RegExp, (_, label: string) => `${label}: ${REDACTED}`);
  scrubbed = scrubbed.replace(SECRET_IN_TEXT[2] as RegExp, (_, label: string, _kind: string, separator: string) => `${label}${separator}${REDACTED}`);
  scrubbed = scrubbed.replace(SECRET_IN_TEXT[3] as RegExp, REDACTED);
  return scrubbed.length > MAX_STRING ? `${scrubbed.slice(0, MAX_STRING)}… (${scrubbed.length} characters)` : scrubbed;
}

/**
 * A copy of `value` fit for the log: sensitive keys masked, strings scrubbed, errors kept as
 * their name, message, code and stack (scrubbed), cycles and very deep or long values cut.
 */
export function redactForLog(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (typeof value === 'bigint') return String(value);
  if (value === null || typeof value !== 'object') return typeof value === 'function' ? '[function]' : value;
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[too deep]';
  seen.add(value);
  if (value instanceof Error) return redactError(value, depth, seen);
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ITEMS).map((item) => redactForLog(item, depth + 1, seen));
    return value.length > MAX_ITEMS ? [...items, `… (${value.length} items)`] : items;
  }
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value).slice(0, MAX_ITEMS)) {
    copy[key] = SENSITIVE_KEY.test(key) ? REDACTED : redactForLog(item, depth + 1, seen);
  }
  return copy;
}

function redactError(error: Error, depth: number, seen: WeakSet<object>): Record<string, unknown> {
  const { code } = error as { code?: unknown };
  return {
    type: error.name,
    message: scrubText(error.message),
    ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
    ...(error.stack ? { stack: scrubText(error.stack) } : {}),
    ...(error.cause === undefined ? {} : { cause: redactForLog(error.cause, depth + 1, seen) }),
  };
}
