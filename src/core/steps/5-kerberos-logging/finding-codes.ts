/**
 * Step 5's finding codes and their English wording. The events read from a server's logs often
 * point at another step (KRB_AP_ERR_SKEW at the clocks, KDC event 11 at the SPNs): those findings
 * keep their step 5 code and carry the step they point to (`init.step` of makeFinding), which
 * src/core/kerberos-codes.ts decides. The engine and a terminal run of Get-WinEvent both word
 * their findings through ./kerberos-event-findings.ts. `{server}` is the server's display name.
 */
import { defineFindings } from '../../findings/define';

export const kerberosLoggingFindings = defineFindings(5, {
  'kerberos-log.unreadable': {
    title: 'The event logs of {server} could not be read remotely',
    explanation:
      'Reading LogLevel and the event logs needs PowerShell remoting (WinRM) to the server and administrative rights there. Run the lines below on the server instead.',
  },
  'kerberos-log.needs-windows': {
    title: 'Kerberos logging on {server} has to be checked on Windows',
    explanation:
      'Kerberos errors are written to the System log only while LogLevel is 1. Turn it on on the server that logs event 1035, reproduce the failure (or wait for the next retry), read the events, and turn it off again.',
  },
  /** `{meaning}` is the Kerberos error's meaning followed by a space, or empty; `{advice}` why the event points where it does. */
  'kerberos-log.event': {
    title: '{server} logged {count} × {provider} {eventId}: {detail}',
    explanation: '{meaning}{advice}',
  },
  'kerberos-log.exchange-auth-failed': {
    title: '{server} logged {count} × {provider} {eventId}: {detail}',
    explanation: '{meaning}{advice}',
  },
  'kerberos-log.clean': {
    title: 'No Kerberos errors in the System log of {server}',
    explanation:
      'No Kerberos client or KDC error event was found in the period read. Client-side Kerberos errors are written there only while LogLevel is 1 (the evidence shows it when it was read); turn logging off again when you are done.',
  },
  'kerberos-log.off': {
    title: 'Kerberos logging is off on {server}, so its System log cannot show Kerberos errors',
    explanation:
      'No Kerberos or 1035 events were found, but with LogLevel unset Windows does not log client-side Kerberos errors. Turn logging on, let the next delivery attempt fail, and check again.',
  },
  'kerberos-log.enabled': {
    title: 'Kerberos logging turned on',
    explanation:
      'LogLevel = 1 takes effect at once; Kerberos errors now go to the System log. Turn it off once the events are collected.',
  },
  'kerberos-log.disabled': {
    title: 'Kerberos logging turned off',
    explanation: 'LogLevel removed.',
  },
  /** `{action}`: `turned on` or `turned off`. */
  'kerberos-log.change-failed': {
    title: 'Kerberos logging could not be {action}',
    explanation: 'The registry value LogLevel was not changed; the output of the command says why.',
  },
});
