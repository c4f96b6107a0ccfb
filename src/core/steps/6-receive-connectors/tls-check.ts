/**
 * Step 6, TLS as the sending server meets it: on each internal transport port of each receiver in
 * scope, an SMTP session that starts TLS the way Exchange does (X-ANONYMOUSTLS, else STARTTLS)
 * and reads EHLO again inside TLS (./tls-findings.ts says what each outcome means). When the
 * handshake finds no common version, a second session offering old versions too learns which one
 * the receiver speaks, so the finding can name both sides. When the EHLO shows the masks of an
 * SMTP-inspecting device, TLS is not judged here: step 4 reports the device.
 */
import { STEP_TITLES } from '../../../shared/findings';
import { makeFinding } from '../../findings/define';
import { connectorsFindings } from './finding-codes';
import type { Check, CheckContext } from '../../engine/check';
import { serverSubject } from '../3-spns/spn-context';
import { inspectionSigns, isStrongSign } from '../4-ports/smtp-inspection';
import { smtpSessionSource, tlsFindings } from './tls-findings';
import {
  connectorOf,
  stagesTable,
  transcriptText,
  forEachWireTarget,
  type SessionRunner,
  type WireTarget,
} from './wire-targets';
import { reasonOf } from '../../l10n/worded-parts';
import { phraseEvidence } from '../../findings/phrase-evidence';

export function createTlsCheck(session: SessionRunner): Check {
  return { id: 'transport-tls', step: 6, title: STEP_TITLES[6], run: (ctx) => run(ctx, session) };
}

async function run(ctx: CheckContext, session: SessionRunner): Promise<void> {
  await forEachWireTarget(ctx, 'TLS to', (t) => check(ctx, session, t));
}

async function check(ctx: CheckContext, session: SessionRunner, t: WireTarget): Promise<void> {
  const where = `${t.host}:${t.port}`;
  const options = { timeoutMs: ctx.settings.probeTimeoutMs, signal: ctx.signal };
  const result = await session(ctx.io, t.host, t.port, options);
  // A port that does not connect is step 4's finding.
  if (result.stoppedAt === 'tcp') return;
  const subject = { ...serverSubject(t.server), id: where };
  const masked = inspectionSigns({
    ...(result.banner !== undefined ? { banner: result.banner } : {}),
    ...(result.ehlo ? { ehlo: result.ehlo } : {}),
    expected: [],
  }).some(isStrongSign);
  if (masked) {
    ctx.emit(
      makeFinding(connectorsFindings, 'tls.not-judged-inspected', {
        severity: 'unknown',
        subject,
        params: { where },
        evidence: [phraseEvidence(ctx, 'fp.4.label.transcript', {}, transcriptText(result), smtpSessionSource(where))],
        tables: [stagesTable(result)],
        ...reasonOf('fp.6.reason.inspected'),
      }),
    );
    return;
  }
  let receiverSpeaks: string | undefined;
  if (result.tlsError?.noCommonVersion) {
    const again = await session(ctx.io, t.host, t.port, { ...options, legacy: true });
    receiverSpeaks = again.tls ? `${again.tls.protocol} (${again.tls.cipher})` : undefined;
  }
  const answered = connectorOf(t, result);
  for (const f of tlsFindings(ctx, {
    server: t.server,
    where,
    subject,
    result,
    ...(answered ? { connector: answered.connector } : {}),
    ...(receiverSpeaks ? { receiverSpeaks } : {}),
  }))
    ctx.emit(f);
}
