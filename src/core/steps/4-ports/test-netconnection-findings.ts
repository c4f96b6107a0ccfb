/**
 * Findings from a terminal run of `Test-NetConnection` against the Kerberos and transport ports (step 4). Pure.
 */
import type { Finding } from '../../../shared/findings';
import { parseTestNetConnection } from './test-netconnection';
import { unrecognisedFinding, valueEvidence, type ToolContext } from '../../tools/tool-output';

export function portFindings(raw: string, exitCode: number | undefined, ctx: ToolContext): Finding[] {
  const parsed = parseTestNetConnection(raw);
  if (!parsed.recognised) return [unrecognisedFinding(ctx, 4, 'Test-NetConnection', parsed.reason, raw, exitCode)];
  return parsed.value.map((t): Finding => {
    const target = t.computerName ?? t.remoteAddress ?? '?';
    const port = t.remotePort ?? 0;
    const subject = { kind: 'dc' as const, name: target, id: `${target}:${port}` };
    const evidence = [
      valueEvidence(
        ctx,
        `TCP ${port}`,
        `TcpTestSucceeded ${t.tcpTestSucceeded ?? '?'}${t.remoteAddress ? ` (${t.remoteAddress})` : ''}${t.warnings.length ? `; ${t.warnings.join('; ')}` : ''}`,
      ),
    ];
    const kerberos = port === 88 || port === 464;
    if (t.tcp === 'open')
      return {
        code: kerberos ? 'port.kerberos-open' : 'port.open',
        step: 4,
        severity: 'ok',
        subject,
        title: `TCP ${port} on ${target} is open`,
        explanation: 'The port accepted a connection.',
        evidence,
        remedies: [],
      };
    if (t.tcp === 'failed')
      return {
        code: kerberos ? 'port.kerberos-blocked' : 'port.blocked',
        step: 4,
        severity: 'error',
        subject,
        title: `TCP ${port} on ${target} is not reachable`,
        explanation: kerberos
          ? 'Without the KDC on port 88 no ticket can be obtained, so Exchange authentication fails.'
          : 'The port did not accept a connection.',
        evidence,
        remedies: [],
      };
    return {
      code: 'port.not-tested',
      step: 4,
      severity: 'unknown',
      subject,
      title: `No TCP test for ${target}`,
      explanation: 'Test-NetConnection ran without -Port.',
      evidence,
      remedies: [],
      reason: 'no port was tested',
    };
  });
}
