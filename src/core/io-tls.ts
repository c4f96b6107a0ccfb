/**
 * The TLS part of CoreIo (./io.ts): turning a connected SMTP socket into a TLS session after
 * X-ANONYMOUSTLS or STARTTLS, and what the session tells about the receiver: protocol version,
 * cipher and its certificate, read by the implementation (src/io/tls-upgrade.ts, Node's `tls` and
 * `X509Certificate`) so the core never parses certificates itself.
 *
 * Anonymous TLS between Exchange servers uses the receiver's self-signed transport certificate by
 * default; the sender does not validate it (authentication is Kerberos, inside the session). So the
 * upgrade does not refuse an untrusted certificate: it reports whether the platform trusts it and
 * why not, and the engine's own findings judge its dates and names. Nothing but EHLO and QUIT is
 * sent inside such a session.
 */
import type { Duplex } from 'node:stream';
import { DoctorError } from './errors';

/** Node's names for the protocol versions, oldest first. */
export const TLS_VERSIONS = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'] as const;
export type TlsVersion = (typeof TLS_VERSIONS)[number];

export interface CertificateInfo {
  subject: string;
  issuer: string;
  /** DNS names and IP addresses of the subjectAltName extension, e.g. `DNS:ex02.contoso.test`. */
  subjectAltNames: string[];
  /** ISO 8601. */
  validFrom: string;
  validTo: string;
  selfSigned: boolean;
  /** SHA-256 fingerprint, colon-separated hex (what `Get-ExchangeCertificate` shows as a thumbprint is SHA-1). */
  fingerprint256: string;
  /** SHA-1 thumbprint without separators, as Exchange shows it. */
  thumbprint: string;
}

/** The same shape as OpOptions of ./io.ts (not imported: ./io.ts imports this file). */
export interface TlsHandshakeOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  /** Server name for SNI; Exchange ignores it, a middlebox may not. */
  servername?: string;
  /** The versions this side offers; the platform's defaults when absent. */
  minVersion?: TlsVersion;
  maxVersion?: TlsVersion;
  /**
   * Also offer what current defaults refuse (TLS 1.0/1.1, legacy ciphers): only to learn which
   * version an old receiver speaks after a handshake with the normal settings failed.
   */
  legacy?: boolean;
}

export interface TlsSessionInfo {
  /** The encrypted stream; the caller destroys it. */
  stream: Duplex;
  /** `TLSv1.3` */
  protocol: string;
  /** `TLS_AES_256_GCM_SHA384` */
  cipher: string;
  certificate?: CertificateInfo;
  /** Why the platform's trust store does not trust the certificate (`DEPTH_ZERO_SELF_SIGNED_CERT`), if it does not. */
  untrustedBecause?: string;
}

export interface TlsUpgrader {
  /** The versions this side offers by default (the bounds of the platform's defaults). */
  readonly defaultVersions: { min: TlsVersion; max: TlsVersion };
  /**
   * Runs a TLS client handshake over an already connected socket. Rejects with a
   * TlsHandshakeError, a TimeoutError or an AbortError; on failure the socket is destroyed.
   */
  upgrade(socket: Duplex, options: TlsHandshakeOptions): Promise<TlsSessionInfo>;
}

/** A handshake that failed: the platform's reason code and whether the two sides shared no version. */
export class TlsHandshakeError extends DoctorError {
  constructor(
    message: string,
    /** `ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION`, `ERR_SSL_UNSUPPORTED_PROTOCOL`, ... */
    readonly reason: string | undefined,
    readonly noCommonVersion: boolean,
  ) {
    super('tls-other', message);
    this.name = 'TlsHandshakeError';
  }
}

export function isTlsHandshakeError(e: unknown): e is TlsHandshakeError {
  return e instanceof TlsHandshakeError;
}
