import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Files of a throwaway certificate authority and the server certificate it signed. */
export type TestCertificates = {
  /** The CA that signed the server's certificate: what a client trusts (`sslrootcert`). */
  caCertPath: string;
  /** A CA that signed nothing the server shows: trusting only it must refuse the server. */
  strangerCaCertPath: string;
  serverCertPath: string;
  serverKeyPath: string;
};

const openssl = (dir: string, args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });

const makeCa = (dir: string, name: string) =>
  openssl(dir, ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', `/CN=${name}`, '-keyout', `${name}.key`, '-out', `${name}.crt`]);

/**
 * Made with openssl in `dir`: the server's certificate names only `localhost`, so a client that
 * verifies the host name (sslmode=verify-full) accepts `localhost` and refuses `127.0.0.1`.
 */
export function makeTestCertificates(dir: string): TestCertificates {
  makeCa(dir, 'test-ca');
  makeCa(dir, 'stranger-ca');
  writeFileSync(join(dir, 'server.ext'), 'subjectAltName = DNS:localhost\n');
  openssl(dir, ['req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=localhost', '-keyout', 'server.key', '-out', 'server.csr']);
  openssl(dir, ['x509', '-req', '-in', 'server.csr', '-CA', 'test-ca.crt', '-CAkey', 'test-ca.key', '-CAcreateserial', '-days', '2', '-extfile', 'server.ext', '-out', 'server.crt']);
  return {
    caCertPath: join(dir, 'test-ca.crt'),
    strangerCaCertPath: join(dir, 'stranger-ca.crt'),
    serverCertPath: join(dir, 'server.crt'),
    serverKeyPath: join(dir, 'server.key'),
  };
}
