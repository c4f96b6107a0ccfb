/**
 * Every check of the six steps, in step order: what the orchestrator runs when the caller does not
 * pass its own list. Checks that need network probes get the real ones here; tests build their
 * own lists with fakes.
 */
import type { Check } from '../engine/check';
import { probeSmtp } from '../probes/smtp';
import { createClockCheck } from './clock';
import { replicationCheck } from './replication';
import { spnCheck } from './spn';
import { createPortsCheck } from './ports';
import { kerberosLoggingCheck } from './kerberos-logging';
import { createConnectorsCheck } from './connectors';
import { clockProbes, portProbes } from './probe-adapters';

export const allChecks: readonly Check[] = [
  createClockCheck(clockProbes),
  replicationCheck,
  spnCheck,
  createPortsCheck(portProbes),
  kerberosLoggingCheck,
  createConnectorsCheck(probeSmtp),
];
