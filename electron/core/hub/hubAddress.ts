import type pg from 'pg';
import { z } from 'zod';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Why a hub URL is refused, or undefined when it is usable. */
function problemOf(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'The hub address is not a URL (expected postgresql://host:port/database).';
  }
  if (url.protocol !== 'postgresql:' && url.protocol !== 'postgres:') return `The hub address must start with postgresql://, not ${url.protocol}//.`;
  if (!url.hostname) return 'The hub address names no server.';
  if (url.pathname.length < 2) return 'The hub address names no database (postgresql://host:port/database).';
  const sslmode = url.searchParams.get('sslmode');
  const isLoopback = LOOPBACK_HOSTS.has(url.hostname);
  // pg treats prefer, require and verify-ca as verify-full, and plain text would show the
  // hub's traffic to the network: only the two honest choices are taken.
  if (sslmode !== null && sslmode !== 'verify-full' && sslmode !== 'disable') {
    return `sslmode=${sslmode} is not supported: use sslmode=verify-full (the server's certificate is checked against its name).`;
  }
  if (!isLoopback && sslmode !== 'verify-full') return `A hub on another computer (${url.hostname}) needs sslmode=verify-full in its address.`;
  return undefined;
}

/**
 * A PostgreSQL connection URL for a team hub. TLS with the server's name checked
 * (sslmode=verify-full, with sslrootcert=FILE for a private CA) is required off this computer.
 */
export const hubUrlSchema = z
  .string()
  .max(2000)
  .superRefine((text, context) => {
    const problem = problemOf(text);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });

/** A private CA's certificate (PEM), for a hub whose certificate no public CA signed. */
export const serverCaSchema = z
  .string()
  .max(20_000)
  .refine((pem) => pem.trimStart().startsWith('-----BEGIN CERTIFICATE-----'), 'The hub’s CA certificate must be PEM (-----BEGIN CERTIFICATE-----).');

/**
 * pg's settings for one connection; credentials given apart replace any in the URL. A CA given
 * as text (it travels in invitations: a file path would name a file on the inviter's computer)
 * replaces the URL's sslrootcert; the server's name is checked all the same.
 */
export function connectionConfig(url: string, options: { role?: string; password?: string; serverCa?: string } = {}): pg.ClientConfig {
  const address = new URL(hubUrlSchema.parse(url));
  if (options.role !== undefined && options.password !== undefined) {
    address.username = encodeURIComponent(options.role);
    address.password = encodeURIComponent(options.password);
  }
  const config: pg.ClientConfig = { application_name: 'pieuvre-hub', connectionTimeoutMillis: 10_000, keepAlive: true };
  if (options.serverCa === undefined) return { ...config, connectionString: address.toString() };
  if (address.searchParams.get('sslmode') !== 'verify-full') throw new Error('A hub CA certificate is only used with sslmode=verify-full in the hub address.');
  // pg lets the URL's TLS settings override the ssl option: they go, the option says it all.
  address.searchParams.delete('sslmode');
  address.searchParams.delete('sslrootcert');
  return { ...config, connectionString: address.toString(), ssl: { ca: serverCaSchema.parse(options.serverCa), rejectUnauthorized: true } };
}
