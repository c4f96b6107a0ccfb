/**
 * The w32tm runs of step 1: the stripchart against a server and the domain monitor. Pure.
 */
import type { ExchangeServer } from '../../directory/model';
import { arg } from '../../safety/command-line';
import { stripchartFindings, monitorFindings } from './w32tm-findings';
import { type ToolPlan, serverAddress, diagnoseJson } from '../../tools/tool-plan';

export function stripchartPlan(server: ExchangeServer): ToolPlan {
  const target = serverAddress(server);
  return {
    tool: 'w32tm-stripchart',
    target: server.name,
    title: `w32tm /stripchart /computer:${target}`,
    step: 1,
    changesState: false,
    server,
    windows: {
      kind: 'exe',
      executable: 'w32tm',
      args: [
        arg.switch('/stripchart'),
        arg.joined('/computer:', target, 'host'),
        arg.switch('/samples:3'),
        arg.switch('/dataonly'),
      ],
    },
    other: diagnoseJson(server, 1),
    interpret: (raw, code, ctx) => stripchartFindings(server.name, raw, code, ctx),
  };
}

export function monitorPlan(): ToolPlan {
  return {
    tool: 'w32tm-monitor',
    target: 'organisation',
    title: 'w32tm /monitor',
    step: 1,
    changesState: false,
    windows: { kind: 'exe', executable: 'w32tm', args: [arg.switch('/monitor')] },
    other: diagnoseJson(undefined, 1),
    interpret: monitorFindings,
  };
}
