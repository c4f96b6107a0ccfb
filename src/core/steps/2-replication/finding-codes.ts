/**
 * Step 2's finding codes and their English wording, in one table: the engine's comparison of the
 * DCs' copies over LDAP, and `repadmin /replsummary` (run by the engine on Windows or in a
 * terminal) and `repadmin /syncall`, all make their findings from this table with `makeFinding`
 * (see src/core/findings/define.ts). `{name}` placeholders are filled from params.
 */
import { defineFindings } from '../../findings/define';

const STALE_KDC =
  'Each DC answers Kerberos and LDAP requests from its own copy of the directory. A DC that has not received the latest change to an Exchange server account (for example a newly registered SPN) gives out old data: a KDC on it cannot find the SPN and tickets for that server fail until replication catches up. Find out why replication to this DC stalls, then push the changes to it.';

export const replicationFindings = defineFindings(2, {
  // The engine's comparison of the Exchange objects on every DC: ./replication-check.ts
  'replication.behind': {
    title: '{dc} is behind {references}: it {difference}{more}',
    explanation: STALE_KDC,
  },
  'replication.missing-object': {
    title: '{dc} is behind {references}: it {difference}{more}',
    explanation: STALE_KDC,
  },
  'replication.disagree': {
    title: '{dc} and {others} disagree: {dc} {difference}{more}',
    explanation:
      'The DCs hold different values, and neither holds all of the values of the other, so which one is behind cannot be told from here (these DCs do not return msDS-ReplAttributeMetaData, and whenChanged is a local stamp that does not say which change is newer). Both may be missing a change the other has. Check the replication status of both DCs; repadmin /showobjmeta on each shows which write is newest.',
  },
  'replication.agree': {
    title: '{dc} holds the newest copies of the {count} Exchange objects it was asked for',
    explanation:
      'Compared with the other {others} domain controller(s) that answered; the SPNs, DNS names and Exchange attributes agree.',
  },
  'replication.dc-unreachable': {
    title: '{dc} could not be asked for its copies of the Exchange objects',
    explanation:
      'Whether this DC has the latest Exchange accounts could not be checked. If it is down, clients fail over to other DCs; if it is up but unreachable from here only, check it from a machine in its site.',
  },
  'replication.not-compared': {
    title: '{dc} answered, but no other domain controller did, so there was nothing to compare it with',
    explanation: 'Replication is checked by comparing what several DCs hold; with one answer there is no comparison.',
  },
  'replication.single-dc': {
    title: '{dc} is the only domain controller found, so there is no replication to compare',
    explanation:
      'With a single DC every request sees the same data; replication cannot be behind. If you expected more DCs, check that discovery can read the Sites configuration.',
  },
  // repadmin /replsummary, by the engine or a terminal: ./replsummary-findings.ts
  'replication.failures': {
    title: '{dc} fails to receive replication: {fails} of {total} inbound links failing{error}',
    explanation:
      'repadmin reports failed inbound replication on this DC; it is serving data that may be missing recent changes, including those to Exchange server accounts (an SPN added on one DC is unknown to this one).',
  },
  'replication.unreachable': {
    title: 'repadmin could not query {dc} (error {code})',
    explanation:
      'repadmin could not reach this DC to read its replication status, so it is a blind spot rather than a healthy DC.',
  },
  'replication.healthy': {
    title: 'Replication reports no failures across {rows} row(s)',
    explanation: 'Every replication link succeeded in its last attempt.',
  },
  // repadmin /syncall in a terminal: ./repadmin-findings.ts
  'replication.synced': {
    title: 'SyncAll from {dc} terminated with no errors',
    explanation: 'Every partition was pushed to all partners.',
  },
  'replication.sync-failed': {
    title: 'SyncAll from {dc} reported {count} error(s)',
    explanation: 'Some partners did not take the changes; tickets may still be issued from stale data.',
  },
});
