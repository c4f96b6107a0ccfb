/**
 * TlsUpgrader over node:tls (see src/core/io-tls.ts for why the certificate is reported rather
 * than refused): a client handshake over the SMTP socket after X-ANONYMOUSTLS or STARTTLS, under
 * the caller's deadline and signal, and the peer certificate read with Node's X509Certificate.
 */
import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import type { Duplex } from 'node:stream';
import * as tls from 'node:tls';
import {
  TlsHandshakeError,
  TLS_VERSIONS,
  type CertificateInfo,
  type TlsHandshakeOptions,
  type TlsSessionInfo,
  type TlsUpgrader,
  type TlsVersion,
} from '../core/io-tls';
import { AbortError, TimeoutError, throwIfAborted } from '../core/errors';

/** OpenSSL reasons that mean the two sides had no protocol version in common. */
const NO_COMMON_VERSION = [
  'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION',
  'ERR_SSL_UNSUPPORTED_PROTOCOL',
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'ERR_SSL_NO_PROTOCOLS_AVAILABLE',
  'ERR_SSL_UNKNOWN_PROTOCOL',
];

function asVersion(v: string): TlsVersion {
  return (TLS_VERSIONS as readonly string[]).includes(v) ? (v as TlsVersion) : 'TLSv1.2';
}

export function certificateInfo(x: X509Certificate): CertificateInfo {
  let selfSigned: boolean;
  try {
    selfSigned = x.checkIssued(x) && x.verify(x.publicKey);
  } catch {
    selfSigned = false;
  }
  return {
    subject: x.subject.replace(/\n/g, ', '),
    issuer: x.issuer.replace(/\n/g, ', '),
    subjectAltNames: (x.subjectAltName ?? '')
      .split(/,\s*/)
      .map((s) => s.trim())
      .filter(Boolean),
    validFrom: new Date(x.validFrom).toISOString(),
    validTo: new Date(x.validTo).toISOString(),
    selfSigned,
    fingerprint256: x.fingerprint256,
    thumbprint: x.fingerprint.replace(/:/g, ''),
  };
}

function handshake(socket: Duplex, o: TlsHandshakeOptions): Promise<TlsSessionInfo> {
  const what = `TLS handshake${o.servername ? ` with ${o.servername}` : ''}`;
  return new Promise<TlsSessionInfo>((resolve, reject) => {
    throwIfAborted(o.signal, what);
    const secure = tls.connect({
      socket,
      // SNI carries host names only (RFC 6066), never an address literal.
      ...(o.servername && isIP(o.servername.replace(/^\[|\]$/g, '')) === 0 ? { servername: o.servername } : {}),
      // Reported, not refused: anonymous TLS between Exchange servers uses self-signed certificates.
      rejectUnauthorized: false,
      ...(o.legacy
        ? { minVersion: 'TLSv1' as const, ciphers: 'DEFAULT@SECLEVEL=0' }
        : o.minVersion
          ? { minVersion: o.minVersion }
          : {}),
      ...(o.maxVersion ? { maxVersion: o.maxVersion } : {}),
    });
    let settled = false;
    const done = (f: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      o.signal?.removeEventListener('abort', onAbort);
      secure.off('secureConnect', onSecure);
      secure.off('error', onError);
      f();
    };
    const fail = (e: Error): void =>
      done(() => {
        secure.destroy();
        socket.destroy();
        reject(e);
      });
    const onSecure = (): void =>
      done(() => {
        secure.on('error', () => undefined);
        const peer = secure.getPeerX509Certificate();
        const info: TlsSessionInfo = {
          stream: secure,
          protocol: secure.getProtocol() ?? 'unknown',
          cipher: secure.getCipher().standardName || secure.getCipher().name,
        };
        if (peer) info.certificate = certificateInfo(peer);
        if (!secure.authorized && secure.authorizationError) info.untrustedBecause = String(secure.authorizationError);
        resolve(info);
      });
    const onError = (e: Error & { code?: string }): void =>
      fail(
        new TlsHandshakeError(
          `${what} failed: ${e.message.split('\n')[0] ?? e.message}`,
          e.code,
          NO_COMMON_VERSION.includes(e.code ?? ''),
        ),
      );
    const onAbort = (): void => fail(new AbortError(what));
    const timer = setTimeout(() => fail(new TimeoutError(what, o.timeoutMs)), o.timeoutMs);
    secure.once('secureConnect', onSecure);
    secure.once('error', onError);
    o.signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export const nodeTls: TlsUpgrader = {
  defaultVersions: { min: asVersion(tls.DEFAULT_MIN_VERSION), max: asVersion(tls.DEFAULT_MAX_VERSION) },
  upgrade: handshake,
};
