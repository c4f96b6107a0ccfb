/**
 * What a receive connector should say on the wire, from its AuthMechanism flags in the directory
 * (pure), and how its transport certificate measures up. Exchange offers STARTTLS with the Tls
 * mechanism, X-ANONYMOUSTLS only with ExchangeServer, and X-EXPS (GSSAPI, NTLM) with Integrated or
 * ExchangeServer; after X-ANONYMOUSTLS it adds EXCHANGEAUTH to X-EXPS (verified facts §5; Microsoft,
 * "Selection of inbound anonymous TLS certificates": without ExchangeServer the server does not
 * advertise X-ANONYMOUSTLS). Used by step 6 (TLS) and by step 4 (something on the path rewrites SMTP).
 */
import { AUTH_MECHANISM_BITS, type ReceiveConnector } from '../../directory/model';
import type { CertificateInfo } from '../../io-tls';

export type WireKeyword = 'STARTTLS' | 'X-ANONYMOUSTLS' | 'X-EXPS';

export function expectedKeywords(connector: Pick<ReceiveConnector, 'authFlags'>): WireKeyword[] {
  const f = connector.authFlags;
  const bit = (b: number): boolean => (f & b) !== 0;
  return [
    ...(bit(AUTH_MECHANISM_BITS.Tls) ? (['STARTTLS'] as const) : []),
    ...(bit(AUTH_MECHANISM_BITS.ExchangeServer) ? (['X-ANONYMOUSTLS'] as const) : []),
    ...(bit(AUTH_MECHANISM_BITS.Integrated) || bit(AUTH_MECHANISM_BITS.ExchangeServer) ? (['X-EXPS'] as const) : []),
  ];
}

/** The first word of each keyword line, upper case (`X-EXPS GSSAPI NTLM` -> `X-EXPS`). */
export function keywordNames(keywords: readonly string[]): string[] {
  return keywords.map((k) => (k.trim().split(/\s+/)[0] ?? '').toUpperCase());
}

/** Mechanisms after X-EXPS, e.g. `GSSAPI`, `NTLM`, `EXCHANGEAUTH`. */
export function expsMechanisms(keywords: readonly string[]): string[] {
  return [
    ...new Set(
      keywords
        .map((k) => k.trim().toUpperCase().split(/\s+/))
        .filter((w) => w[0] === 'X-EXPS')
        .flatMap((w) => w.slice(1)),
    ),
  ];
}

export interface CertificateProblem {
  kind: 'expired' | 'not-yet-valid' | 'name';
  detail: string;
}

/**
 * What is wrong with a receiver's transport certificate at `nowMs`: outside its dates, or naming
 * neither the server's FQDN nor its short name (wildcards of one label count).
 */
export function certificateProblems(
  cert: CertificateInfo,
  server: { name: string; fqdn?: string },
  nowMs: number,
): CertificateProblem[] {
  const problems: CertificateProblem[] = [];
  const from = Date.parse(cert.validFrom);
  const to = Date.parse(cert.validTo);
  if (Number.isFinite(to) && nowMs > to) problems.push({ kind: 'expired', detail: `expired on ${cert.validTo}` });
  if (Number.isFinite(from) && nowMs < from)
    problems.push({ kind: 'not-yet-valid', detail: `valid only from ${cert.validFrom}` });
  const names = [
    ...cert.subjectAltNames.filter((n) => /^DNS:/i.test(n)).map((n) => n.slice(4)),
    ...(/(?:^|,\s*)CN=([^,]+)/.exec(cert.subject)?.[1] ?? '').split('\n').filter(Boolean),
  ].map((n) => n.trim().toLowerCase());
  const wanted = [server.fqdn, server.name].filter((n): n is string => !!n).map((n) => n.toLowerCase());
  const matches = (name: string, host: string): boolean =>
    name === host || (name.startsWith('*.') && host.includes('.') && host.slice(host.indexOf('.')) === name.slice(1));
  if (!wanted.some((h) => names.some((n) => matches(n, h))))
    problems.push({ kind: 'name', detail: `names ${names.join(', ') || 'nothing'}, not ${wanted.join(' or ')}` });
  return problems;
}
