/**
 * The runs of step 5: turn Kerberos logging on or off, and read the Kerberos events. Pure.
 */
import type { ExchangeServer } from '../../directory/model';
import { kerberosEventsScript, kerberosLoggingRegArgs } from './kerberos-logging-commands';
import { eventFindings, registryFindings } from './kerberos-logging-tool-findings';
import { type ToolPlan, serverAddress, NOT_HERE, diagnoseJson } from '../../tools/tool-plan';

/** Kerberos logging on a server, through its Remote Registry (`reg add \\EX01\HKLM\...`). */
export function kerberosLoggingPlan(server: ExchangeServer, enable: boolean): ToolPlan {
  const args = kerberosLoggingRegArgs(serverAddress(server), enable ? 'add' : 'delete');
  return {
    tool: enable ? 'kerberos-logging-on' : 'kerberos-logging-off',
    target: server.name,
    title: `${enable ? 'Enable' : 'Disable'} Kerberos logging on ${server.name}`,
    step: 5,
    changesState: true,
    server,
    windows: { kind: 'exe', executable: 'reg', args },
    other: { kind: 'unavailable', reason: NOT_HERE },
    interpret: (raw, code, ctx) => registryFindings(enable, raw, code, ctx),
  };
}

export function kerberosEventsPlan(server: ExchangeServer): ToolPlan {
  return {
    tool: 'kerberos-events',
    target: server.name,
    title: `Kerberos events of ${server.name}`,
    step: 5,
    changesState: false,
    server,
    windows: { kind: 'powershell', script: kerberosEventsScript(serverAddress(server)) },
    other: diagnoseJson(server, 5),
    interpret: eventFindings,
  };
}
