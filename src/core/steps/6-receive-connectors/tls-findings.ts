/**
 * The findings of the step 6 TLS session (./tls-check.ts), built from one session's result (pure
 * but for the evidence timestamps). Subject: the receiving server (its SChannel settings and its
 * transport certificate are the server's, not a connector's), with `host:port` as the id.
 *
 * An expired or misnamed transport certificate is a warning: between Exchange servers the sending
 * side does not validate the receiver's certificate for X-ANONYMOUSTLS; the TLS session only
 * encrypts, and the servers authenticate with Kerberos inside it (Microsoft, "Selection of inbound
 * anonymous TLS certificates": anonymous TLS and the certificates' public keys encrypt the session,
 * then Kerberos authentication takes place; Exchange falls back to its self-signed certificate).
 */
import type { Finding, Subject } from '../../../shared/findings';
import type { CheckContext } from '../../engine/check';
import type { ExchangeServer, ReceiveConnector } from '../../directory/model';
import type { SmtpSessionResult } from '../../probes/smtp-session';
import { evidence } from '../3-spns/spn-context';
import { connectorIdentity, listConnectors, setExchangeServerAuth } from './connectors-remedies';
import { certificateProblems, expectedKeywords, expsMechanisms } from './wire-expectations';
import { transcriptText } from './wire-targets';

export interface TlsFindingInput {
  server: ExchangeServer;
  where: string;
  subject: Subject;
  result: SmtpSessionResult;
  connector?: ReceiveConnector;
  /** What a second handshake offering old versions too learned about the receiver. */
  receiverSpeaks?: string;
}

const versionRange = (min: string, max: string): string => (min === max ? min : `${min} to ${max}`);

export function stagesTable(result: SmtpSessionResult): { caption: string; columns: string[]; rows: string[][] } {
  return {
    caption: `SMTP session to ${result.host}:${result.port}, stage by stage`,
    columns: ['Stage', 'Outcome', 'ms', 'Seen'],
    rows: result.stages.map((s) => [s.stage, s.outcome, String(s.ms), s.detail.split('\n')[0] ?? '']),
  };
}

export function tlsFindings(ctx: Pick<CheckContext, 'io' | 'discovery'>, input: TlsFindingInput): Finding[] {
  const { result, where, subject, server, connector } = input;
  const source = `SMTP session to ${where}${result.localAddress ? ` from ${result.localAddress}` : ''}`;
  const base = {
    step: 6 as const,
    subject,
    tables: [stagesTable(result)],
  };
  const ev = [evidence(ctx, 'transcript', transcriptText(result), source)];
  const adSays = connector ? expectedKeywords(connector) : [];
  const adText = connector
    ? `${connectorIdentity(connector)}: AuthMechanism ${connector.authFlags} (${connector.authMechanisms.join(', ') || 'none'})`
    : '(no connector of this server takes this machine on this port)';
  const adEvidence = evidence(ctx, 'connector in the directory', adText, `LDAP ${ctx.discovery.source}`);
  const list = [listConnectors(server.name)].filter((r) => r !== undefined);

  if (result.stoppedAt && !result.tlsError && result.stoppedAt !== 'tcp') {
    const stage = result.stages.find((s) => s.stage === result.stoppedAt);
    return [
      {
        ...base,
        code: 'tls.session-stalled',
        severity: 'unknown',
        title: `The SMTP session to ${where} stopped at the ${result.stoppedAt} stage`,
        explanation:
          'The receiver (or something on the path) stopped answering or refused in the middle of the session, so whether TLS and Exchange authentication work on this port could not be seen.',
        evidence: [...ev, evidence(ctx, result.stoppedAt, stage?.detail ?? '', source)],
        remedies: list,
        reason: stage?.detail ?? `stopped at ${result.stoppedAt}`,
      },
    ];
  }
  if (!result.upgrade) {
    const wanted = adSays.includes('X-ANONYMOUSTLS') || adSays.includes('STARTTLS');
    if (!wanted) return [];
    return [
      {
        ...base,
        code: 'tls.not-offered',
        severity: 'error',
        title: `${where} offers neither X-ANONYMOUSTLS nor STARTTLS, although ${connector ? connectorIdentity(connector) : 'its connector'} should`,
        explanation:
          'A sending Exchange server starts TLS (X-ANONYMOUSTLS) before it authenticates with Kerberos; without TLS it cannot authenticate and its mail queues. Exchange leaves X-ANONYMOUSTLS out when the connector lacks Exchange Server authentication or no usable certificate is found (event 12014).',
        evidence: [...ev, adEvidence, evidence(ctx, 'EHLO keywords', result.ehlo?.keywords.join(' | ') ?? '', source)],
        remedies: [...(connector ? [setExchangeServerAuth(connector)] : []), ...list].filter((r) => r !== undefined),
      },
    ];
  }
  if (result.tlsError) {
    const e = result.tlsError;
    const offered = versionRange(e.offered.min, e.offered.max);
    const mismatch = e.noCommonVersion;
    return [
      {
        ...base,
        code: mismatch ? 'tls.version-mismatch' : 'tls.handshake-failed',
        severity: 'error',
        title: mismatch
          ? `No TLS version in common with ${where}: this side offered ${offered}, ${server.name} ${input.receiverSpeaks ? `speaks ${input.receiverSpeaks}` : 'refused them all'}`
          : `The TLS handshake with ${where} after ${result.upgrade.verb} failed`,
        explanation: mismatch
          ? `After ${result.upgrade.verb} the two sides found no protocol version both allow. Exchange servers negotiate TLS through SChannel; when one server has TLS 1.2 disabled (or only TLS 1.2+ enabled while the other still runs TLS 1.0/1.1 only), X-ANONYMOUSTLS fails and Exchange authentication never starts. Enable TLS 1.2 on both servers (SChannel Protocols registry keys and .NET SchUseStrongCrypto), then restart the transport service.`
          : 'The receiver agreed to start TLS but the handshake did not complete; the platform reason below says why.',
        evidence: [
          ...ev,
          evidence(ctx, 'this side offered', offered, 'TLS client of this machine'),
          evidence(
            ctx,
            `${server.name} speaks`,
            input.receiverSpeaks ?? '(unknown)',
            `second handshake with ${where}, offering TLS 1.0 and up`,
          ),
          evidence(ctx, 'handshake error', `${e.message}${e.reason ? ` (${e.reason})` : ''}`, source),
        ],
        remedies: list,
      },
    ];
  }
  const tls = result.tls;
  if (!tls) return [];
  const cert = tls.certificate;
  const certText = cert
    ? `subject ${cert.subject}; names ${cert.subjectAltNames.join(', ') || '(none)'}; issuer ${cert.issuer}; valid ${cert.validFrom} to ${cert.validTo}; ${cert.selfSigned ? 'self-signed' : 'issued by a CA'}; thumbprint ${cert.thumbprint}`
    : '(no certificate)';
  const tlsEv = [
    evidence(ctx, 'TLS', `${tls.protocol}, ${tls.cipher}, after ${result.upgrade.verb}`, source),
    evidence(ctx, 'certificate', certText, source),
    ...ev,
  ];
  const out: Finding[] = [];
  const inside = result.ehloInTls;
  const expsWanted = adSays.includes('X-EXPS');
  const mechanisms = inside ? expsMechanisms(inside.keywords) : [];
  if (inside && expsWanted && mechanisms.length === 0) {
    out.push({
      ...base,
      code: 'tls.exps-missing',
      severity: 'error',
      title: `${where} offers no X-EXPS inside TLS, although ${connector ? connectorIdentity(connector) : 'its connector'} has Exchange or Integrated authentication`,
      explanation:
        'After X-ANONYMOUSTLS a sending Exchange server authenticates with X-EXPS (GSSAPI, EXCHANGEAUTH). Without it there is nothing to authenticate with, and the sender reports 454 4.7.0 or 451 5.7.3.',
      evidence: [...tlsEv, adEvidence, evidence(ctx, 'EHLO inside TLS', inside.keywords.join(' | '), source)],
      remedies: [...(connector ? [setExchangeServerAuth(connector)] : []), ...list].filter((r) => r !== undefined),
    });
  }
  const problems = cert ? certificateProblems(cert, server, ctx.io.clock.now()) : [];
  for (const p of problems) {
    out.push({
      ...base,
      code: p.kind === 'name' ? 'tls.certificate-name' : 'tls.certificate-expired',
      severity: 'warning',
      title:
        p.kind === 'name'
          ? `The transport certificate ${server.name} presents on ${where} is not for ${server.fqdn ?? server.name}: it ${p.detail}`
          : `The transport certificate ${server.name} presents on ${where} ${p.detail}`,
      explanation:
        'Between Exchange servers the certificate only encrypts the X-ANONYMOUSTLS session; the sender does not validate it and authentication is Kerberos, so mail still flows. It is a warning: renew it (New-ExchangeCertificate, then Enable-ExchangeCertificate -Services SMTP) before something that does validate it, such as an Edge subscription or a partner using TLS, fails.',
      evidence: tlsEv,
      remedies: list,
    });
  }
  if (out.length === 0)
    out.push({
      ...base,
      code: 'tls.handshake',
      severity: 'ok',
      title: `${where}: ${result.upgrade.verb} then ${tls.protocol}${inside ? `, X-EXPS ${mechanisms.join(' ') || '(none)'} inside TLS` : ''}`,
      explanation:
        'TLS starts the way a sending Exchange server starts it, and the keywords inside TLS are those the directory implies.',
      evidence: [...tlsEv, ...(inside ? [evidence(ctx, 'EHLO inside TLS', inside.keywords.join(' | '), source)] : [])],
      remedies: [],
    });
  return out;
}
