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
import { makeFinding, type CodeOf } from '../../findings/define';
import { connectorsFindings } from './finding-codes';
import type { CheckContext } from '../../engine/check';
import type { ExchangeServer, ReceiveConnector } from '../../directory/model';
import type { SmtpSessionResult } from '../../probes/smtp-session';
import { evidence } from '../3-spns/spn-context';
import { connectorIdentity, listConnectors, setExchangeServerAuth } from './connectors-remedies';
import { certificateProblems, expectedKeywords, expsMechanisms } from './wire-expectations';
import { stagesTable, transcriptText } from './wire-targets';
import type { LocalText } from '../../../shared/local-text';
import { text } from '../../l10n/render';
import { listOrNone, reasonOf } from '../../l10n/worded-parts';
import { phraseEvidence } from '../../findings/phrase-evidence';

export interface TlsFindingInput {
  server: ExchangeServer;
  where: string;
  subject: Subject;
  result: SmtpSessionResult;
  connector?: ReceiveConnector;
  /** What a second handshake offering old versions too learned about the receiver. */
  receiverSpeaks?: string;
}

const versionRange = (min: string, max: string): string | LocalText =>
  min === max ? min : text('fp.6.version-range', { min, max });

export type ConnectorsCode = CodeOf<typeof connectorsFindings>;

/** Where a session's evidence came from: `SMTP session to ex02:2525 from 10.0.0.9`, as a phrase. */
export function smtpSessionSource(where: string, localAddress?: string): LocalText {
  return localAddress
    ? text('fp.6.source.smtp-from', { where, address: localAddress })
    : text('fp.6.source.smtp', { where });
}

export function tlsFindings(
  ctx: Pick<CheckContext, 'io' | 'discovery'>,
  input: TlsFindingInput,
): Finding<ConnectorsCode>[] {
  const { result, where, subject, server, connector } = input;
  const source = smtpSessionSource(where, result.localAddress);
  const base = { subject, tables: [stagesTable(result)] };
  const ev = [phraseEvidence(ctx, 'fp.4.label.transcript', {}, transcriptText(result), source)];
  const adSays = connector ? expectedKeywords(connector) : [];
  const connectorName = connector ? connectorIdentity(connector) : text('fp.6.its-connector');
  const adText = connector
    ? text('fp.6.value.connector-ad', {
        connector: connectorIdentity(connector),
        flags: connector.authFlags,
        mechanisms: connector.authMechanisms.join(', ') || text('fp.6.value.no-mechanisms'),
      })
    : text('fp.6.value.no-connector');
  const adEvidence = phraseEvidence(ctx, 'fp.6.label.connector-in-ad', {}, adText, `LDAP ${ctx.discovery.source}`);
  const list = [listConnectors(server.name)].filter((r) => r !== undefined);
  const fixAuth = [...(connector ? [setExchangeServerAuth(connector)] : []), ...list].filter((r) => r !== undefined);

  if (result.stoppedAt === 'upgrade' && result.upgrade) {
    return [
      makeFinding(connectorsFindings, 'tls.upgrade-refused', {
        ...base,
        severity: 'error',
        params: { where, verb: result.upgrade.verb, reply: result.upgrade.reply.split('\n')[0] ?? '' },
        evidence: [...ev, adEvidence],
        remedies: list,
      }),
    ];
  }
  if (result.stoppedAt && !result.tlsError && result.stoppedAt !== 'tcp') {
    const stage = result.stages.find((s) => s.stage === result.stoppedAt);
    return [
      makeFinding(connectorsFindings, 'tls.session-stalled', {
        ...base,
        severity: 'unknown',
        params: { where, stage: text(`fp.6.stage.${result.stoppedAt}`) },
        evidence: [...ev, evidence(ctx, result.stoppedAt, stage?.detail ?? '', source)],
        remedies: list,
        ...(stage?.detail !== undefined
          ? { reason: stage.detail }
          : reasonOf('fp.6.reason.stopped-at', { stage: text(`fp.6.stage.${result.stoppedAt}`) })),
      }),
    ];
  }
  if (!result.upgrade) {
    if (!adSays.includes('X-ANONYMOUSTLS') && !adSays.includes('STARTTLS')) return [];
    return [
      makeFinding(connectorsFindings, 'tls.not-offered', {
        ...base,
        severity: 'error',
        params: { where, connector: connectorName },
        evidence: [
          ...ev,
          adEvidence,
          phraseEvidence(ctx, 'fp.4.label.ehlo-keywords', {}, result.ehlo?.keywords.join(' | ') ?? '', source),
        ],
        remedies: fixAuth,
      }),
    ];
  }
  const verb = result.upgrade.verb;
  if (result.tlsError) {
    const e = result.tlsError;
    const offered = versionRange(e.offered.min, e.offered.max);
    const evidenceOfFailure = [
      ...ev,
      phraseEvidence(ctx, 'fp.6.label.offered', {}, offered, text('fp.6.source.tls-client')),
      phraseEvidence(
        ctx,
        'fp.6.label.speaks',
        { server: server.name },
        input.receiverSpeaks ?? text('fp.6.value.unknown'),
        text('fp.6.source.second-handshake', { where }),
      ),
      phraseEvidence(ctx, 'fp.6.label.handshake-error', {}, `${e.message}${e.reason ? ` (${e.reason})` : ''}`, source),
    ];
    return [
      e.noCommonVersion
        ? makeFinding(connectorsFindings, 'tls.version-mismatch', {
            ...base,
            severity: 'error',
            params: {
              where,
              offered,
              server: server.name,
              verb,
              receiverSpeaks: input.receiverSpeaks ?? text('fp.6.versions-unknown'),
            },
            evidence: evidenceOfFailure,
            remedies: list,
          })
        : makeFinding(connectorsFindings, 'tls.handshake-failed', {
            ...base,
            severity: 'error',
            params: { where, verb },
            evidence: evidenceOfFailure,
            remedies: list,
          }),
    ];
  }
  const tls = result.tls;
  if (!tls) return [];
  const cert = tls.certificate;
  const certText = cert
    ? text('fp.6.value.certificate', {
        subject: cert.subject,
        names: listOrNone(cert.subjectAltNames),
        issuer: cert.issuer,
        from: cert.validFrom,
        to: cert.validTo,
        signed: text(cert.selfSigned ? 'fp.6.value.self-signed' : 'fp.6.value.ca-issued'),
        thumbprint: cert.thumbprint,
      })
    : text('fp.6.value.no-certificate');
  const tlsEv = [
    evidence(ctx, 'TLS', text('fp.6.value.tls', { protocol: tls.protocol, cipher: tls.cipher, verb }), source),
    phraseEvidence(ctx, 'fp.6.label.certificate', {}, certText, source),
    ...ev,
  ];
  const out: Finding<ConnectorsCode>[] = [];
  const inside = result.ehloInTls;
  const mechanisms = inside ? expsMechanisms(inside.keywords) : [];
  if (inside && adSays.includes('X-EXPS') && mechanisms.length === 0) {
    out.push(
      makeFinding(connectorsFindings, 'tls.exps-missing', {
        ...base,
        severity: 'error',
        params: { where, connector: connectorName },
        evidence: [
          ...tlsEv,
          adEvidence,
          phraseEvidence(ctx, 'fp.6.label.ehlo-in-tls', {}, inside.keywords.join(' | '), source),
        ],
        remedies: fixAuth,
      }),
    );
  }
  for (const p of cert ? certificateProblems(cert, server, ctx.io.clock.now()) : []) {
    const params = { where, server: server.name, fqdn: server.fqdn ?? server.name, detail: p.detailText };
    out.push(
      makeFinding(connectorsFindings, p.kind === 'name' ? 'tls.certificate-name' : 'tls.certificate-expired', {
        ...base,
        severity: 'warning',
        params,
        evidence: tlsEv,
        remedies: list,
      }),
    );
  }
  if (out.length === 0)
    out.push(
      makeFinding(connectorsFindings, 'tls.handshake', {
        ...base,
        severity: 'ok',
        params: {
          where,
          verb,
          protocol: tls.protocol,
          mechanisms: inside ? mechanisms.join(' ') || text('fp.6.mechanisms-none') : text('fp.6.mechanisms-not-read'),
        },
        evidence: [
          ...tlsEv,
          ...(inside ? [phraseEvidence(ctx, 'fp.6.label.ehlo-in-tls', {}, inside.keywords.join(' | '), source)] : []),
        ],
      }),
    );
  return out;
}
