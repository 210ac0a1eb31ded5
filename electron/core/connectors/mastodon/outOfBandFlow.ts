import { z } from 'zod';
import { Secret } from '../../secrets/secret';
import type { SecretStore } from '../../secrets/secretStore';
import { registrationSchema, safeJson } from './appRegistration';

const flowSchema = z.object({ app: registrationSchema, verifier: z.string().min(1), state: z.string().min(1), expiresAt: z.number() });

/**
 * An out-of-band sign-in (the server shows the code; the person pastes it) kept in the secret
 * store rather than in memory: the command line that printed its address may have ended before
 * the person comes back with the code, and the next run finishes this flow, whose PKCE verifier
 * and state the code belongs to. The verifier is a secret, hence never SQLite. One per server.
 */
export type OutOfBandFlow = z.output<typeof flowSchema>;

export const outOfBandFlowName = (origin: string): string => `mastodon-sign-in:${origin}`;

export async function keepOutOfBandFlow(store: SecretStore, origin: string, flow: OutOfBandFlow): Promise<void> {
  await store.set(outOfBandFlowName(origin), new Secret(JSON.stringify(flow)));
}

/** The server's flow, once: it is forgotten as it is taken, and null when there is none or its time ran out. */
export async function takeOutOfBandFlow(store: SecretStore, origin: string, now: number): Promise<OutOfBandFlow | null> {
  const kept = await store.get(outOfBandFlowName(origin));
  if (kept === null) return null;
  await store.delete(outOfBandFlowName(origin));
  const flow = flowSchema.safeParse(safeJson(kept.reveal()));
  return flow.success && flow.data.expiresAt > now ? flow.data : null;
}
