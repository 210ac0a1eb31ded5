import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';

const ITERATIONS = 4096; // PostgreSQL's default scram_iterations

const hmac = (key: Buffer, text: string) => createHmac('sha256', key).update(text).digest();

/**
 * What PostgreSQL stores for a SCRAM-SHA-256 password (RFC 5802/7677), computed here so that
 * `CREATE ROLE … PASSWORD` carries the verifier and never the password itself: a server that
 * logs statements, or a look at pg_stat_activity, shows nothing that logs in. The passwords
 * are ours (base64url), so SASLprep leaves them as they are.
 */
export function scramVerifier(password: string, salt: Buffer = randomBytes(16)): string {
  const salted = pbkdf2Sync(password, salt, ITERATIONS, 32, 'sha256');
  const storedKey = createHash('sha256').update(hmac(salted, 'Client Key')).digest();
  const serverKey = hmac(salted, 'Server Key');
  return `SCRAM-SHA-256$${ITERATIONS}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}
