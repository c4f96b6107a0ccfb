/**
 * The fake Exchange servers' transport certificates: like the one Exchange setup makes, each is
 * self-signed with the server's short name as subject and its short name and FQDN as DNS names
 * (`Get-ExchangeCertificate` shows `CN=EX01`, IsSelfSigned True, Services SMTP). The expired variant
 * (scenario `transport-cert-expired`) is made the same way with the clock set back under faketime,
 * so its dates are real: valid for a year from 1 January 2020. Made once, kept in .lab/tls.
 */
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { paths } from './layout';
import { selfSignedArgs } from './tls';
import { findBinary, run } from './tools';

export type CertificateVariant = 'current' | 'expired';

export function serverCertificatePaths(
  server: { name: string },
  variant: CertificateVariant,
): { key: string; cert: string } {
  const base = path.join(paths.tls, `transport-${server.name.toLowerCase()}${variant === 'expired' ? '-expired' : ''}`);
  return { key: `${base}.key`, cert: `${base}.pem` };
}

export async function ensureServerCertificate(
  server: { name: string; fqdn: string },
  variant: CertificateVariant,
): Promise<void> {
  const { key, cert } = serverCertificatePaths(server, variant);
  if (existsSync(key) && existsSync(cert)) return;
  mkdirSync(paths.tls, { recursive: true });
  const args = selfSignedArgs({
    key,
    cert,
    days: variant === 'expired' ? 365 : 1825,
    subject: `/CN=${server.name}`,
    extensions: [`subjectAltName=DNS:${server.name},DNS:${server.fqdn}`, 'extendedKeyUsage=serverAuth'],
  });
  if (variant === 'expired') {
    const faketime = findBinary('faketime');
    if (!faketime)
      throw new Error('The expired transport certificate is made under faketime: apt-get install -y faketime');
    await run(faketime, ['2020-01-01 00:00:00', 'openssl', ...args]);
  } else {
    await run('openssl', args);
  }
  chmodSync(key, 0o600);
}
