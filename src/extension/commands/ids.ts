/**
 * The ids of the commands this feature contributes (package.json lists the same ids through
 * scripts/contrib/commands.json; test/unit/extension-pure checks the two agree). Pure.
 */
export const TOOL_COMMANDS = {
  diagnoseServer: 'exchangeAuthDoctor.diagnoseServer',
  diagnosePair: 'exchangeAuthDoctor.diagnosePair',
  diagnoseOrganisation: 'exchangeAuthDoctor.diagnoseOrganisation',
  setspnList: 'exchangeAuthDoctor.setspnList',
  setspnDuplicates: 'exchangeAuthDoctor.setspnDuplicates',
  setspnQueryExpected: 'exchangeAuthDoctor.setspnQueryExpected',
  clockStripchart: 'exchangeAuthDoctor.clockStripchart',
  clockMonitor: 'exchangeAuthDoctor.clockMonitor',
  replicationSummary: 'exchangeAuthDoctor.replicationSummary',
  forceReplication: 'exchangeAuthDoctor.forceReplication',
  kerberosPorts: 'exchangeAuthDoctor.kerberosPorts',
  enableKerberosLogging: 'exchangeAuthDoctor.enableKerberosLogging',
  disableKerberosLogging: 'exchangeAuthDoctor.disableKerberosLogging',
  showKerberosEvents: 'exchangeAuthDoctor.showKerberosEvents',
  receiveConnectors: 'exchangeAuthDoctor.receiveConnectors',
  registerMissingSpns: 'exchangeAuthDoctor.registerMissingSpns',
  exportReport: 'exchangeAuthDoctor.exportReport',
  showFindings: 'exchangeAuthDoctor.showFindings',
  clearFindings: 'exchangeAuthDoctor.clearFindings',
  copyRemedy: 'exchangeAuthDoctor.copyRemedy',
  runRemedy: 'exchangeAuthDoctor.runRemedy',
} as const;

export type ToolCommandId = (typeof TOOL_COMMANDS)[keyof typeof TOOL_COMMANDS];

/** Commands that change a server: they ask first, obey dry-run, and are refused in untrusted workspaces. */
export const STATE_CHANGING_COMMANDS: readonly ToolCommandId[] = [
  TOOL_COMMANDS.forceReplication,
  TOOL_COMMANDS.enableKerberosLogging,
  TOOL_COMMANDS.disableKerberosLogging,
  TOOL_COMMANDS.registerMissingSpns,
  TOOL_COMMANDS.runRemedy,
];
