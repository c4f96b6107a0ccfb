/**
 * Every check of the six steps, in step order: what the orchestrator runs when the caller does not
 * pass its own list. Checks that need network probes get the real ones here; tests build their
 * own lists with fakes.
 */
import type { Check } from '../engine/check';
import { probeSmtp } from '../probes/smtp';
import { createClockCheck } from './1-clocks/clock-check';
import { replicationCheck } from './2-replication/replication-check';
import { spnCheck } from './3-spns/spn-check';
import { accountKeysCheck } from './3-spns/account-keys-check';
import { createPortsCheck } from './4-ports/ports-check';
import { createKdcSitesCheck } from './4-ports/kdc-sites-check';
import { kerberosLoggingCheck } from './5-kerberos-logging/kerberos-logging-check';
import { createConnectorsCheck } from './6-receive-connectors/connectors-check';
import { clockProbes, portProbes } from './real-probes';
import { runSmtpSession } from '../probes/smtp-session';
import { createSmtpInspectionCheck } from './4-ports/smtp-inspection-check';
import { createTlsCheck } from './6-receive-connectors/tls-check';
import { selectionCheck } from './6-receive-connectors/selection-check';

export const allChecks: readonly Check[] = [
  createClockCheck(clockProbes),
  replicationCheck,
  spnCheck,
  accountKeysCheck,
  createPortsCheck(portProbes),
  createKdcSitesCheck(portProbes),
  // The SMTP path (issue 13): what the connector should offer against what arrives.
  createSmtpInspectionCheck(runSmtpSession),
  kerberosLoggingCheck,
  createConnectorsCheck(probeSmtp),
  // The wire as the sending server meets it (issue 13): TLS, and which connector takes each sender address.
  createTlsCheck(runSmtpSession),
  selectionCheck,
];
