import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface TestCertificates {
  ca: string;
  serverCert: string;
  serverKey: string;
  /** CN "rsyslog-relay", signed by the same CA, for client-certificate tests. */
  clientCert: string;
  clientKey: string;
}

// P-256 keys: as good as RSA for a test and generated in milliseconds.
const NEW_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

/**
 * A throw-away CA, a server certificate for 127.0.0.1 and ::1, and a client
 * certificate, made with the openssl CLI in `dir` (the recipe of
 * ../shared/reference/ipo-and-voip.md §5.6, with a CA so peers can verify).
 */
export async function makeTestCertificates(dir: string): Promise<TestCertificates> {
  const path = (name: string) => join(dir, name);
  await run('openssl', ['req', '-x509', ...NEW_KEY, '-keyout', path('ca.key'), '-out', path('ca.pem'), '-days', '2', '-subj', '/CN=ipo-observer-test-ca']);
  const issue = async (name: string, subject: string, extensions: string) => {
    writeFileSync(path(`${name}.ext`), extensions);
    await run('openssl', ['req', ...NEW_KEY, '-keyout', path(`${name}.key`), '-out', path(`${name}.csr`), '-subj', subject]);
    await run('openssl', ['x509', '-req', '-in', path(`${name}.csr`), '-CA', path('ca.pem'), '-CAkey', path('ca.key'), '-CAcreateserial', '-out', path(`${name}.pem`), '-days', '2', '-extfile', path(`${name}.ext`)]);
  };
  await issue('server', '/CN=127.0.0.1', 'subjectAltName=IP:127.0.0.1,IP:::1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
  await issue('client', '/CN=rsyslog-relay', 'subjectAltName=DNS:rsyslog-relay\nextendedKeyUsage=clientAuth\n');
  return { ca: path('ca.pem'), serverCert: path('server.pem'), serverKey: path('server.key'), clientCert: path('client.pem'), clientKey: path('client.key') };
}
