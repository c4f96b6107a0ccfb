/**
 * The lab's own certificate authority (openssl): one CA for the whole lab, a certificate per DC
 * naming only its DNS names (so a client connecting by IP address fails host name verification,
 * as it would against a real DC), and one for the fake Exchange servers' STARTTLS.
 */
import { existsSync, mkdirSync, writeFileSync, chmodSync } from 'node:fs';
import * as path from 'node:path';
import { DNS_DOMAIN, paths } from './layout';
import { run } from './tools';

function file(name: string): string {
  return path.join(paths.tls, name);
}

/** `openssl req` arguments for a self-signed certificate with an RSA 2048 key (the lab CA, the fake Exchange servers' own). */
export function selfSignedArgs(o: {
  key: string;
  cert: string;
  days: number;
  subject: string;
  extensions: readonly string[];
}): string[] {
  return [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-sha256',
    '-days',
    String(o.days),
    '-keyout',
    o.key,
    '-out',
    o.cert,
    '-subj',
    o.subject,
    ...o.extensions.flatMap((e) => ['-addext', e]),
  ];
}

export async function ensureCa(): Promise<void> {
  mkdirSync(paths.tls, { recursive: true });
  if (existsSync(file('ca.pem')) && existsSync(file('ca.key'))) return;
  await run(
    'openssl',
    selfSignedArgs({
      key: file('ca.key'),
      cert: file('ca.pem'),
      days: 3650,
      subject: '/O=Exchange Auth Doctor lab/CN=CONTOSO.TEST lab CA',
      extensions: ['basicConstraints=critical,CA:TRUE', 'keyUsage=critical,keyCertSign,cRLSign'],
    }),
  );
  chmodSync(file('ca.key'), 0o600);
}

/** Issues `<name>.key` / `<name>.pem` for the given DNS names, signed by the lab CA (once). */
export async function ensureCertificate(
  name: string,
  dnsNames: readonly string[],
): Promise<{ key: string; cert: string }> {
  const key = file(`${name}.key`);
  const cert = file(`${name}.pem`);
  if (existsSync(key) && existsSync(cert)) return { key, cert };
  await ensureCa();
  const ext = file(`${name}.ext`);
  writeFileSync(
    ext,
    `subjectAltName=${dnsNames.map((d) => `DNS:${d}`).join(',')}\nextendedKeyUsage=serverAuth,clientAuth\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\n`,
  );
  const csr = file(`${name}.csr`);
  await run('openssl', [
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    key,
    '-out',
    csr,
    '-subj',
    `/CN=${dnsNames[0] ?? name}`,
  ]);
  await run('openssl', [
    'x509',
    '-req',
    '-sha256',
    '-in',
    csr,
    '-CA',
    file('ca.pem'),
    '-CAkey',
    file('ca.key'),
    '-CAcreateserial',
    '-out',
    cert,
    '-days',
    '3650',
    '-extfile',
    ext,
  ]);
  chmodSync(key, 0o600);
  return { key, cert };
}

export async function ensureLabCertificates(): Promise<void> {
  await ensureCa();
  await ensureCertificate('dc1', [`dc1.${DNS_DOMAIN}`, DNS_DOMAIN]);
  await ensureCertificate('dc2', [`dc2.${DNS_DOMAIN}`, DNS_DOMAIN]);
  await ensureCertificate('exchange', [`*.${DNS_DOMAIN}`]);
}
