/**
 * Step 4, the SMTP path: an EHLO to each internal transport port of each server in scope, compared
 * with what the answering connector's AuthMechanism says Exchange offers (./smtp-inspection.ts). A
 * masked banner or masked keywords mean a device on the path inspects SMTP (error: Exchange servers
 * cannot authenticate through it); only missing keywords or another host name in the banner is a
 * warning (a custom banner or a connector change not yet loaded look the same).
 */
import { STEP_TITLES } from '../../../shared/findings';
import { makeFinding } from '../../findings/define';
import { portsFindings } from './finding-codes';
import type { Check, CheckContext } from '../../engine/check';
import { serverSubject } from '../3-spns/spn-context';
import { expectedKeywords } from '../6-receive-connectors/wire-expectations';
import { connectorIdentity } from '../6-receive-connectors/connectors-remedies';
import {
  connectorOf,
  stagesTable,
  transcriptText,
  forEachWireTarget,
  type SessionRunner,
  type WireTarget,
} from '../6-receive-connectors/wire-targets';
import { inspectionSigns, isStrongSign, type InspectionSign } from './smtp-inspection';
import { tableOf } from '../../l10n/worded-parts';
import { smtpSessionSource } from '../6-receive-connectors/tls-findings';
import { phraseEvidence } from '../../findings/phrase-evidence';
import { text } from '../../l10n/render';
import type { LocalText } from '../../../shared/local-text';

export function createSmtpInspectionCheck(session: SessionRunner): Check {
  return { id: 'smtp-inspection', step: 4, title: STEP_TITLES[4], run: (ctx) => run(ctx, session) };
}

async function run(ctx: CheckContext, session: SessionRunner): Promise<void> {
  await forEachWireTarget(ctx, 'SMTP path to', (t) => inspect(ctx, session, t));
}

const kindText = (kind: InspectionSign['kind']): LocalText => text(`fp.4.sign.${kind}`);

/** A sign's expected and arrived cells: Exchange's banner and keywords as they are, our words as phrases. */
function signCells(s: InspectionSign): (string | LocalText)[] {
  return [
    kindText(s.kind),
    s.kind === 'masked-keyword' ? text('fp.4.sign.any-keyword') : s.expected,
    s.kind === 'missing-keyword' ? text('fp.4.sign.not-offered') : s.arrived,
  ];
}

async function inspect(ctx: CheckContext, session: SessionRunner, t: WireTarget): Promise<void> {
  const where = `${t.host}:${t.port}`;
  const result = await session(ctx.io, t.host, t.port, {
    timeoutMs: ctx.settings.probeTimeoutMs,
    signal: ctx.signal,
    plainOnly: true,
  });
  // Unreachable or silent ports are the port check's findings; nothing to compare here.
  if (!result.ehlo) return;
  const answered = connectorOf(t, result);
  const expected = answered ? expectedKeywords(answered.connector) : [];
  const signs = inspectionSigns({
    ...(result.banner !== undefined ? { banner: result.banner } : {}),
    ehlo: result.ehlo,
    expected,
    ...(t.server.fqdn ? { fqdn: t.server.fqdn } : {}),
  });
  const subject = { ...serverSubject(t.server), id: where };
  const source = smtpSessionSource(where, result.localAddress);
  const adSource = answered
    ? text('fp.4.source.connector-ldap', {
        connector: connectorIdentity(answered.connector),
        source: ctx.discovery.source,
        flags: answered.connector.authFlags,
      })
    : text('fp.4.source.no-connector');
  const table = tableOf({
    caption: text('fp.4.table.signs', { server: t.server.name, port: t.port }),
    columns: [text('fp.4.col.sign'), text('fp.4.col.expected'), text('fp.4.col.arrived')],
    rows: signs.map(signCells),
  });
  const ev = [
    phraseEvidence(
      ctx,
      'fp.4.label.expected',
      {},
      expected.length ? expected.join(', ') : text('fp.4.value.no-keywords'),
      adSource,
    ),
    phraseEvidence(ctx, 'fp.4.label.banner', {}, result.banner ?? text('fp.common.none'), source),
    phraseEvidence(ctx, 'fp.4.label.ehlo-keywords', {}, result.ehlo.keywords.join(' | '), source),
    phraseEvidence(ctx, 'fp.4.label.transcript', {}, transcriptText(result), source),
  ];
  const params = { where, server: t.server.name };
  if (signs.length === 0) {
    ctx.emit(
      makeFinding(portsFindings, 'smtp.path-clean', {
        severity: 'ok',
        subject,
        params,
        evidence: ev,
        tables: [stagesTable(result)],
      }),
    );
    return;
  }
  const strong = signs.some(isStrongSign);
  ctx.emit(
    strong
      ? makeFinding(portsFindings, 'smtp.inspected', {
          severity: 'error',
          subject,
          params: { ...params, signs: [...new Set(signs.map((s) => s.kind))].map(kindText) },
          evidence: ev,
          tables: [table, stagesTable(result)],
        })
      : makeFinding(portsFindings, 'smtp.keywords-differ', {
          severity: 'warning',
          subject,
          params: { ...params, missing: signs.map((s) => s.expected).join(', ') },
          evidence: ev,
          tables: [table, stagesTable(result)],
        }),
  );
}
