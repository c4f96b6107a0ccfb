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
import type { LocalParam, LocalText } from '../../../shared/local-text';
import { render, text } from '../../l10n/render';

/** `a or b` in the sentence's language. */
function orList(items: readonly string[]): LocalParam {
  if (items.length <= 1) return items[0] ?? '';
  return text('fp.6.or', {
    items: items.slice(0, -1).map((value) => text('fp.common.value', { value })),
    last: items.at(-1) ?? '',
  });
}

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
  /** The detail as a phrase of the sentence's language around the dates and names. */
  detailText: LocalText;
}

function problem(kind: CertificateProblem['kind'], detailText: LocalText): CertificateProblem {
  return { kind, detail: render('en', detailText), detailText };
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
  if (Number.isFinite(to) && nowMs > to)
    problems.push(problem('expired', text('fp.6.cert.expired', { date: cert.validTo })));
  if (Number.isFinite(from) && nowMs < from)
    problems.push(problem('not-yet-valid', text('fp.6.cert.not-yet-valid', { date: cert.validFrom })));
  const names = [
    ...cert.subjectAltNames.filter((n) => /^DNS:/i.test(n)).map((n) => n.slice(4)),
    ...(/(?:^|,\s*)CN=([^,]+)/.exec(cert.subject)?.[1] ?? '').split('\n').filter(Boolean),
  ].map((n) => n.trim().toLowerCase());
  const wanted = [server.fqdn, server.name].filter((n): n is string => !!n).map((n) => n.toLowerCase());
  const matches = (name: string, host: string): boolean =>
    name === host || (name.startsWith('*.') && host.includes('.') && host.slice(host.indexOf('.')) === name.slice(1));
  if (!wanted.some((h) => names.some((n) => matches(n, h))))
    problems.push(
      problem(
        'name',
        text('fp.6.cert.names', {
          names: names.length ? names.join(', ') : text('fp.6.cert.nothing'),
          wanted: orList(wanted),
        }),
      ),
    );
  return problems;
}
