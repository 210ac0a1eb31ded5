import type { HubProblem } from '../../../shared/api/hub';
import { HubSchemaError } from '../hub/hubSchemaError';
import { TeamKeyError } from '../hub/teamKey';

const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);
// PostgreSQL's invalid_authorization_specification and invalid_password.
const LOGIN_CODES = new Set(['28000', '28P01']);
// invalid_catalog_name: the URL's database is not on that server (a typo in its last part).
const NO_DATABASE = '3D000';

const codeOf = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
};

function problemCode(error: unknown, message: string): HubProblem['code'] {
  if (error instanceof HubSchemaError) return error.reason === 'newer' ? 'schema_newer' : 'schema_older';
  if (error instanceof TeamKeyError) return 'key_outdated';
  const code = codeOf(error);
  // NOLOGIN is what hubAdmin's removeMember leaves: the owner removed this teammate.
  if (code === '28000' && /is not permitted to log in/u.test(message)) return 'removed';
  if (code !== undefined && LOGIN_CODES.has(code)) return 'refused_login';
  if (code === NO_DATABASE) return 'no_database';
  if (code !== undefined && (UNREACHABLE_CODES.has(code) || code.startsWith('57P'))) return 'unreachable';
  if ((code !== undefined && /CERT|SSL|TLS/u.test(code)) || /certificate|SSL|TLS/iu.test(message)) return 'tls';
  if (/timeout|Connection terminated|connect ECONN/iu.test(message)) return 'unreachable';
  return 'other';
}

/** What went wrong reaching the hub, for the UI (by code) and the CLI (the English message). */
export function hubProblemOf(error: unknown): HubProblem {
  const message = error instanceof Error ? error.message : String(error);
  return { code: problemCode(error, message), message };
}
