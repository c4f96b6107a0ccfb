/**
 * The repadmin runs of step 2: the replication summary and a push of every partition. Pure.
 */
import { arg } from '../../safety/command-line';
import { replSummaryFindings, syncAllFindings } from './repadmin-findings';
import { type ToolPlan, planHost, NOT_HERE, diagnoseJson } from '../../tools/tool-plan';

export function replSummaryPlan(): ToolPlan {
  return {
    tool: 'repadmin-replsummary',
    target: 'organisation',
    title: 'repadmin /replsummary',
    step: 2,
    changesState: false,
    windows: { kind: 'exe', executable: 'repadmin', args: [arg.switch('/replsummary')] },
    other: diagnoseJson(undefined, 2),
    interpret: replSummaryFindings,
  };
}

/** `repadmin /syncall [DC] /AdeP`: pushes every partition from `source` (or the DC it runs on). */
export function syncAllPlan(source?: string): ToolPlan {
  const dc = source === undefined ? undefined : planHost(source);
  return {
    tool: 'repadmin-syncall',
    target: dc ?? 'organisation',
    title: `repadmin /syncall ${dc ? `${dc} ` : ''}/AdeP`,
    step: 2,
    changesState: true,
    windows: {
      kind: 'exe',
      executable: 'repadmin',
      args: dc
        ? [arg.switch('/syncall'), arg.host(dc), arg.switch('/AdeP')]
        : [arg.switch('/syncall'), arg.switch('/AdeP')],
    },
    other: { kind: 'unavailable', reason: NOT_HERE },
    interpret: syncAllFindings,
  };
}
