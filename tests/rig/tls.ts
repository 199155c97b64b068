import { X509Certificate } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { run } from './exec';

export interface RigCertificate { certPem: string; certSha256: string }

/** Makes the rig's self-signed certificate; its SAN covers how clients reach the rig (IP:127.0.0.1, DNS:localhost). */
export async function makeCertificate(certPath: string, keyPath: string): Promise<RigCertificate> {
  await mkdir(dirname(certPath), { recursive: true });
  await run('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '30',
    '-keyout', keyPath, '-out', certPath,
    '-subj', '/CN=localhost/O=Postino test rig',
    '-addext', 'subjectAltName=IP:127.0.0.1,IP:127.0.0.2,DNS:localhost',
  ]);
  const certPem = await readFile(certPath, 'utf8');
  return { certPem, certSha256: new X509Certificate(certPem).fingerprint256 };
}
