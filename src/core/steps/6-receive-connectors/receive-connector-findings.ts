/**
 * Findings from a terminal run of `Get-ReceiveConnector` (step 6). Pure.
 */
import type { Finding } from '../../../shared/findings';
import { parseReceiveConnectors } from './receive-connector';
import {
  outputEvidence,
  subjectOf,
  unrecognisedFinding,
  valueEvidence,
  type ToolContext,
} from '../../tools/tool-output';

export function connectorFindings(raw: string, exitCode: number | undefined, ctx: ToolContext): Finding[] {
  const parsed = parseReceiveConnectors(raw);
  if (!parsed.recognised) return [unrecognisedFinding(ctx, 6, 'Get-ReceiveConnector', parsed.reason, raw, exitCode)];
  const server = ctx.server?.name;
  const all = parsed.value;
  const withAuth = all.filter((c) => c.exchangeServerAuth);
  const out = all.map((c): Finding => {
    const name = c.identity ?? (server && c.name ? `${server}\\${c.name}` : (c.name ?? '?'));
    const evidence = [
      valueEvidence(ctx, 'AuthMechanism', c.authMechanisms.join(', ') || '(none)'),
      valueEvidence(ctx, 'Bindings', c.bindings.join(', ') || '(none)'),
    ];
    return c.exchangeServerAuth
      ? {
          code: 'connector.exchange-auth',
          step: 6,
          severity: 'ok',
          subject: { kind: 'connector', name },
          title: `${name} accepts Exchange Server authentication`,
          explanation: 'AuthMechanism includes ExchangeServer.',
          evidence,
          remedies: [],
        }
      : {
          code: 'connector.no-exchange-auth',
          step: 6,
          severity: withAuth.length ? 'warning' : 'error',
          subject: { kind: 'connector', name },
          title: `${name} does not offer Exchange Server authentication`,
          explanation:
            'A connector that receives mail from other Exchange servers needs ExchangeServer in AuthMechanism; without it, Exchange authentication is refused.',
          evidence,
          remedies: [],
        };
  });
  return out.length
    ? out
    : [
        {
          code: 'connector.none',
          step: 6,
          severity: 'unknown',
          subject: subjectOf(ctx),
          title: 'No receive connector was listed',
          explanation: 'Get-ReceiveConnector returned nothing.',
          evidence: [outputEvidence(ctx, raw)],
          remedies: [],
          reason: 'empty result',
        },
      ];
}
