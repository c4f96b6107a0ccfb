/**
 * The finding codes of step 4's look at the SMTP path (./smtp-inspection-check.ts), with their
 * English wording as templates (see src/core/findings/define.ts).
 */
import { defineFindings } from '../../findings/define';

export const smtpPathFindings = defineFindings(4, {
  'smtp.path-clean': {
    title: "{where} answers as {server}'s connector should: nothing on the path rewrites SMTP",
    explanation: 'The banner names the server and every keyword its connector offers arrived unchanged.',
  },
  'smtp.inspected': {
    title: 'Something on the path to {where} inspects SMTP: {signs}',
    explanation:
      'A masked banner or EHLO keywords overwritten with X characters are what a firewall with SMTP (ESMTP) inspection does. Exchange servers need X-ANONYMOUSTLS, X-EXPS and GSSAPI to pass unchanged between them (KB 979175); through such a device they cannot start TLS or authenticate, and mail queues with 454 4.7.0 or 451 5.7.3. Turn off SMTP inspection for traffic between Exchange servers, or let those verbs through.',
  },
  'smtp.keywords-differ': {
    title: "{where} does not offer what {server}'s connector should: {missing}",
    explanation:
      'The keywords the directory says this connector offers did not all arrive, or the banner names another host. A custom banner or a connector change the server has not loaded yet look the same as a device that strips keywords; compare with an EHLO from the sending server itself.',
  },
});
