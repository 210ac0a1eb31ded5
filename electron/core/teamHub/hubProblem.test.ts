import { describe, expect, it } from 'vitest';
import { HubSchemaError } from '../hub/hubSchemaError';
import { TeamKeyError } from '../hub/teamKey';
import { hubProblemOf } from './hubProblem';

/** An error as pg and Node raise them: a message and a code. */
const failure = (message: string, code?: string) => Object.assign(new Error(message), code === undefined ? {} : { code });

describe('hubProblemOf', () => {
  it.each([
    [new HubSchemaError('newer', 3, 1), 'schema_newer'],
    [new HubSchemaError('older', 1, 2), 'schema_older'],
    [new TeamKeyError('other_version', 'sealed with version 2'), 'key_outdated'],
    [failure('role "pieuvre_0123456789abcdef" is not permitted to log in', '28000'), 'removed'],
    [failure('password authentication failed for user "pieuvre_0123456789abcdef"', '28P01'), 'refused_login'],
    [failure('no pg_hba.conf entry for host "10.0.0.2"', '28000'), 'refused_login'],
    [failure('database "hub_soleil" does not exist', '3D000'), 'no_database'],
    [failure('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'), 'unreachable'],
    [failure('getaddrinfo ENOTFOUND hub.example.org', 'ENOTFOUND'), 'unreachable'],
    [failure('terminating connection due to administrator command', '57P01'), 'unreachable'],
    [failure('Connection terminated unexpectedly'), 'unreachable'],
    [failure('timeout expired'), 'unreachable'],
    [failure("Hostname/IP does not match certificate's altnames: IP: 127.0.0.1 is not in the cert's list", 'ERR_TLS_CERT_ALTNAME_INVALID'), 'tls'],
    [failure('self-signed certificate in certificate chain', 'SELF_SIGNED_CERT_IN_CHAIN'), 'tls'],
    [failure('The server does not support SSL connections'), 'tls'],
    [failure('relation "pieuvre.members" does not exist', '42P01'), 'other'],
    ['a string', 'other'],
  ])('%s → %s', (error, code) => {
    expect(hubProblemOf(error)).toEqual({ code, message: error instanceof Error ? error.message : String(error) });
  });
});
