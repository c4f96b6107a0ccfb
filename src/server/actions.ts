/**
 * Code lenses and code actions: "Diagnose EX01 → EX02" on a failing session, hop or queue error, and
 * "Diagnose this server" on a host or endpoint under the cursor, when the extension maps the host
 * to a discovered Exchange server; otherwise the walkthrough at the likely step of KB 979174.
 */
import { CodeAction, CodeActionKind, Command, type CodeLens, type Diagnostic, type Range } from 'vscode-languageserver';
import type { Step } from '../shared/findings';
import { parseEndpoint, formatHost } from '../core/evidence/endpoint';
import type { HostEnd, HostMention } from '../shared/evidence-model';
import { stepLabel, stepTitle } from '../core/evidence/steps';
import {
  SERVER_ACTION_COMMANDS,
  type DiagnoseArgs,
  type OpenStepArgs,
  type ResolvedServer,
} from '../shared/evidence-protocol';
import { SOURCE, toRange, type DiagnosticData } from './convert';
import { hostKey } from './hosts';

export const MAX_LENSES = 200;

type Resolved = Map<string, ResolvedServer | null>;

function serverOf(resolved: Resolved, h: HostEnd | undefined): ResolvedServer | undefined {
  return h ? (resolved.get(hostKey(h)) ?? undefined) : undefined;
}

export function diagnoseCommand(
  sending: ResolvedServer | undefined,
  receiving: ResolvedServer | undefined,
  step: number | undefined,
): Command | undefined {
  if (sending && receiving && sending.name !== receiving.name) {
    const args: DiagnoseArgs = { sending: sending.name, receiving: receiving.name, ...(step ? { step } : {}) };
    return Command.create(`Diagnose ${sending.name} → ${receiving.name}`, SERVER_ACTION_COMMANDS.diagnose, args);
  }
  const one = receiving ?? sending;
  if (one) {
    const args: DiagnoseArgs = { server: one.name, ...(step ? { step } : {}) };
    return Command.create(`Diagnose ${one.name}`, SERVER_ACTION_COMMANDS.diagnose, args);
  }
  return undefined;
}

export function openStepCommand(step: number): Command {
  const args: OpenStepArgs = { step };
  return Command.create(
    `Open KB 979174 ${stepLabel(step as Step)} in the walkthrough`,
    SERVER_ACTION_COMMANDS.openStep,
    args,
  );
}

export function mentionHosts(mentions: readonly HostMention[]): HostEnd[] {
  return mentions.slice(0, MAX_LENSES).flatMap((m) => (m.peer ? [m.host, m.peer] : [m.host]));
}

export function lensesFor(mentions: readonly HostMention[], resolved: Resolved): CodeLens[] {
  const lenses: CodeLens[] = [];
  for (const m of mentions.slice(0, MAX_LENSES)) {
    const range = toRange(m.range);
    const host = serverOf(resolved, m.host);
    const peer = serverOf(resolved, m.peer);
    const sending = m.role === 'sending' ? host : peer;
    const receiving = m.role === 'sending' ? peer : host;
    const cmd = diagnoseCommand(sending, receiving, m.step);
    if (cmd) lenses.push({ range, command: cmd });
    if (m.step) lenses.push({ range, command: openStepCommand(m.step) });
  }
  return lenses;
}

/** The host name, IP address or endpoint under `character`, if any. */
export function hostTokenAt(
  line: string,
  character: number,
): { host: HostEnd; start: number; end: number } | undefined {
  const ok = (c: string): boolean => /[A-Za-z0-9.:\-[\]%]/.test(c);
  let s = Math.min(character, line.length);
  let e = s;
  while (s > 0 && character - s < 300 && ok(line[s - 1]!)) s--;
  while (e < line.length && e - character < 300 && ok(line[e]!)) e++;
  const text = line.slice(s, e).replace(/^[.:]+|[.:]+$/g, '');
  if (!text) return undefined;
  const host = parseEndpoint(text);
  if (!host) return undefined;
  // A bare word is no host name: require a dot (FQDN), an IP address, or an Exchange-like short name.
  if (host.name && !host.name.includes('.') && !/^[A-Za-z][A-Za-z0-9-]{1,14}\d$/.test(host.name)) return undefined;
  return { host, start: s, end: e };
}

export function actionsFor(
  diagnostics: readonly Diagnostic[],
  resolved: Resolved,
  token?: { host: HostEnd; range: Range },
): CodeAction[] {
  const actions: CodeAction[] = [];
  const seen = new Set<string>();
  const push = (a: CodeAction): void => {
    const key = `${a.title}`;
    if (seen.has(key)) return;
    seen.add(key);
    actions.push(a);
  };
  if (token) {
    const server = serverOf(resolved, token.host);
    const cmd = server ? diagnoseCommand(undefined, server, undefined) : undefined;
    if (cmd) push(CodeAction.create(`${cmd.title} (${formatHost(token.host)})`, cmd, CodeActionKind.QuickFix));
  }
  for (const d of diagnostics) {
    if (d.source !== SOURCE) continue;
    const data = d.data as DiagnosticData | undefined;
    const steps = data?.steps ?? [];
    const cmd = diagnoseCommand(serverOf(resolved, data?.sending), serverOf(resolved, data?.receiving), steps[0]);
    if (cmd) {
      const a = CodeAction.create(cmd.title, cmd, CodeActionKind.QuickFix);
      a.diagnostics = [d];
      a.isPreferred = true;
      push(a);
    }
    for (const step of steps.slice(0, 2)) {
      const a = CodeAction.create(
        `Open step ${step} of the walkthrough: ${stepTitle(step as Step)}`,
        openStepCommand(step),
        CodeActionKind.QuickFix,
      );
      a.diagnostics = [d];
      push(a);
    }
  }
  return actions;
}
