import { z } from 'zod';
import { withTimeout } from './blueskySession';

/** Where handles and DIDs are looked up when the person names no server of their own. */
export const PLC_DIRECTORY = 'https://plc.directory';
/** Bluesky's public AppView answers com.atproto.identity.resolveHandle without an account. */
export const PUBLIC_APPVIEW = 'https://public.api.bsky.app';

export type ResolveIo = { fetch: typeof fetch; signal: AbortSignal };

/** The handle or DID is nowhere to be found (as opposed to a server that does not answer). */
export class UnknownIdentityError extends Error {
  override name = 'UnknownIdentityError';
}

const didDocumentSchema = z.object({
  id: z.string(),
  service: z.array(z.object({ id: z.string(), type: z.string(), serviceEndpoint: z.unknown() })).default([]),
});

/**
 * The PDS that holds an account, the way atproto clients find it: handle → DID (the handle's
 * HTTPS well-known, else the public AppView's resolveHandle; no DNS TXT lookup from here), then
 * DID → DID document (the PLC directory, or the did:web host) → its `#atproto_pds` endpoint.
 */
export async function resolvePds(identifier: string, io: ResolveIo): Promise<{ did: string; service: string }> {
  const did = identifier.startsWith('did:') ? identifier : await resolveHandle(identifier, io);
  const document = didDocumentSchema.safeParse(await getJson(didDocumentUrl(did), io));
  if (!document.success) throw new UnknownIdentityError(`No DID document for ${did}.`);
  const pds = document.data.service.find((service) => (service.id === '#atproto_pds' || service.id === `${did}#atproto_pds`) && typeof service.serviceEndpoint === 'string');
  if (!pds) throw new UnknownIdentityError(`The DID document of ${did} names no Bluesky server (#atproto_pds).`);
  return { did, service: String(pds.serviceEndpoint) };
}

async function resolveHandle(handle: string, io: ResolveIo): Promise<string> {
  const wellKnown = await getText(`https://${handle}/.well-known/atproto-did`, io).catch(() => null);
  if (wellKnown?.trim().startsWith('did:')) return wellKnown.trim();
  const resolved = z.object({ did: z.string().startsWith('did:') }).safeParse(await getJson(`${PUBLIC_APPVIEW}/xrpc/com.atproto.identity.resolveHandle?handle=${encodeURIComponent(handle)}`, io));
  if (!resolved.success) throw new UnknownIdentityError(`No Bluesky account has the handle ${handle}.`);
  return resolved.data.did;
}

function didDocumentUrl(did: string): string {
  if (did.startsWith('did:plc:')) return `${PLC_DIRECTORY}/${encodeURIComponent(did)}`;
  if (did.startsWith('did:web:')) return `https://${decodeURIComponent(did.slice('did:web:'.length).replaceAll(':', '/'))}/.well-known/did.json`;
  throw new UnknownIdentityError(`${did} is not a DID Bluesky uses (did:plc or did:web).`);
}

/** The body of a 2xx answer, null for a 4xx one (unknown); a network failure or a 5xx throws. */
async function getText(url: string, io: ResolveIo): Promise<string | null> {
  const response = await io.fetch(url, { signal: withTimeout(io.signal), redirect: 'error' });
  if (response.status >= 500) throw new Error(`${url}: ${response.status}`);
  return response.ok ? response.text() : null;
}

async function getJson(url: string, io: ResolveIo): Promise<unknown> {
  const text = await getText(url, io);
  try {
    return text === null ? null : JSON.parse(text);
  } catch {
    return null;
  }
}
