/**
 * The setspn runs of step 3: list, duplicates, query, and register a missing SPN. Pure.
 */
import type { ExchangeServer } from '../../directory/model';
import { arg } from '../../safety/command-line';
import { validateSpn } from '../../safety/validation';
import { compareSpns, expectedSpns } from './expected-spns';
import {
  setspnAddFindings,
  setspnDuplicatesFindings,
  setspnListFindings,
  setspnQueryFindings,
} from './setspn-findings';
import { type ToolPlan, PlanError, planHost, NOT_HERE } from '../../tools/tool-plan';

export function setspnListPlan(server: ExchangeServer): ToolPlan {
  const name = planHost(server.name);
  return {
    tool: 'setspn-L',
    target: name,
    title: `setspn -L ${name}`,
    step: 3,
    changesState: false,
    server,
    windows: { kind: 'exe', executable: 'setspn', args: [arg.switch('-L'), arg.host(name)] },
    other: { kind: 'cli', args: [arg.text('setspn'), arg.switch('-L'), arg.host(name)] },
    interpret: setspnListFindings,
  };
}

export function setspnDuplicatesPlan(): ToolPlan {
  return {
    tool: 'setspn-X',
    target: 'organisation',
    title: 'setspn -F -X',
    step: 3,
    changesState: false,
    windows: { kind: 'exe', executable: 'setspn', args: [arg.switch('-F'), arg.switch('-X')] },
    other: { kind: 'cli', args: [arg.text('setspn'), arg.switch('-X')] },
    interpret: setspnDuplicatesFindings,
  };
}

export function setspnQueryPlan(spn: string, server?: ExchangeServer): ToolPlan {
  const v = validateSpn(spn);
  if (!v.ok) throw new PlanError(`"${spn}" is not an SPN: ${v.reason}`);
  return {
    tool: 'setspn-Q',
    target: spn,
    title: `setspn -F -Q ${spn}`,
    step: 3,
    changesState: false,
    ...(server ? { server } : {}),
    windows: { kind: 'exe', executable: 'setspn', args: [arg.switch('-F'), arg.switch('-Q'), arg.spn(spn)] },
    other: { kind: 'cli', args: [arg.text('setspn'), arg.switch('-Q'), arg.spn(spn)] },
    interpret: (raw, code, ctx) => setspnQueryFindings(spn, raw, code, ctx),
  };
}

/** One `setspn -Q` per SPN the server must hold. */
export function setspnQueryExpectedPlans(server: ExchangeServer): ToolPlan[] {
  planHost(server.name);
  return expectedSpns(server).map((e) => setspnQueryPlan(e.spn, server));
}

/** The SPNs the server lacks according to the directory read, each with its `setspn -S` plan. */
export function registerMissingSpnPlans(server: ExchangeServer): ToolPlan[] {
  const name = planHost(server.name);
  const missing = compareSpns(expectedSpns(server), server.computer?.servicePrincipalNames ?? []).missing;
  return missing.map((e) => ({
    tool: 'setspn-S',
    target: e.spn,
    title: `setspn -S ${e.spn} ${name}`,
    step: 3,
    changesState: true,
    server,
    windows: { kind: 'exe', executable: 'setspn', args: [arg.switch('-S'), arg.spn(e.spn), arg.host(name)] },
    other: { kind: 'unavailable', reason: NOT_HERE },
    interpret: (raw, code, ctx) => setspnAddFindings(e.spn, raw, code, ctx),
  }));
}
