/**
 * Step 1's finding codes and their English wording, in one table: every clock finding, whether
 * the engine read the clocks itself or a terminal ran w32tm, is made from this table with
 * `makeFinding` (see src/core/findings/define.ts). `{name}` placeholders are filled from params.
 */
import { defineFindings } from '../../findings/define';

export const clockFindings = defineFindings(1, {
  // One host's offset against a reference: ./clock-offset-findings.ts
  'clock.ok': {
    title: "{host}'s clock agrees with {reference} ({skew}, ±{uncertainty})",
    explanation: 'The clock agrees with {reference} closely enough for Kerberos.',
  },
  'clock.skew': {
    title: "{by}'s clock is {duration} {direction} {reference}{detail}",
    explanation:
      'Kerberos messages carry time stamps. A KDC or a receiving server that finds one further from its own clock than the tolerance ({tolerance}) rejects it as a possible replay (KRB_AP_ERR_SKEW), the Kerberos part of Exchange Server authentication fails, and the sending server queues mail with 454 4.7.0. A clock off by more than the warning threshold ({warning}) but within the tolerance still works, yet one that drifted this far usually keeps drifting. Set this clock from its time source, then find out why it drifted.',
  },
  'clock.unreachable': {
    title: "{host}'s clock could not be read",
    explanation:
      'Without a reading this clock cannot be compared with the others. The reason says what failed; the other hosts were still compared.',
  },
  'clock.no-banner-date': {
    title: "{host}'s SMTP banners hide the date, so its clock could not be read from here",
    explanation:
      'Exchange puts its clock in the SMTP banner unless a custom banner replaces it. Read the clock on the server instead.',
  },
  'clock.local-skew': {
    title: "This machine's clock is {duration} {direction} the domain's time",
    explanation:
      "Skews between the servers are measured independently of this machine's clock, so they are still right. But Kerberos tickets requested from here (the end-to-end test of step 3) may fail until this clock is corrected.",
  },
});
