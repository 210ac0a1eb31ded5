import { z } from 'zod';
import { OAUTH_PLATFORMS, type OAuthPlatform } from '../../../shared/domain/platform';

/** Where each wave-2 platform is reached, when not at its real hosts: a local contract server. */
export type PlatformOrigins = Partial<Record<OAuthPlatform, string>>;

/** Only plain-HTTP loopback origins: an override can never send a token to another machine. */
const loopbackOrigin = z
  .url()
  .refine((value) => /^http:\/\/127\.0\.0\.1:\d{1,5}$/u.test(value), { message: 'must be http://127.0.0.1:PORT' });
const originsSchema = z.partialRecord(z.enum(OAUTH_PLATFORMS), loopbackOrigin);

/** The environment variable the test harness and contract tests set (JSON: `{"youtube":"http://127.0.0.1:4100"}`). */
export const PLATFORM_ORIGINS_VARIABLE = 'PIEUVRE_PLATFORM_ORIGINS';

/** The origins from the environment; a malformed value is refused with what was wrong rather than half-used. */
export function platformOriginsFrom(env: NodeJS.ProcessEnv): PlatformOrigins {
  const raw = env[PLATFORM_ORIGINS_VARIABLE];
  if (raw === undefined || raw === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error(`${PLATFORM_ORIGINS_VARIABLE} is not JSON.`);
  }
  const result = originsSchema.safeParse(parsed);
  if (!result.success) throw new Error(`${PLATFORM_ORIGINS_VARIABLE} is refused: ${z.prettifyError(result.error)}`);
  return result.data;
}
