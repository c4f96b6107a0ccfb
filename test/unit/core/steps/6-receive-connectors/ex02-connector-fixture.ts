/**
 * EX02's Default receive connector as the step 6 tests set it up: the contoso directory with that
 * connector enabled on 2525 for every address with given AuthMechanism flags, and the TLS
 * interpreter run on EX02's port 2525 against a connector, and a connector on EX02 built from its flags. Shared by the step's unit tests
 * (./connector-verdicts.test.ts, ./wire-findings.test.ts) and the wholly-worded scenarios
 * (../../l10n/steps-4-6-scenarios.ts).
 */
import {
  authMechanismsFromFlags,
  type ExchangeServer,
  type ReceiveConnector,
} from '../../../../../src/core/directory/model';
import type { SmtpSessionResult } from '../../../../../src/core/probes/smtp-session';
import { tlsFindings } from '../../../../../src/core/steps/6-receive-connectors/tls-findings';
import { contosoEntries } from '../../directory/contoso-fixture';

const EX02_DEFAULT = /^CN=Default EX02,/;

/** The contoso entries, EX02's Default connector enabled for 0.0.0.0-255.255.255.255 with `flags`. */
export function entriesWithDefaultEx02(flags: string): ReturnType<typeof contosoEntries> {
  return contosoEntries().map((e) =>
    EX02_DEFAULT.test(e.dn)
      ? {
          dn: e.dn,
          attributes: {
            ...e.attributes,
            msExchSMTPReceiveInboundSecurityFlag: [flags],
            msExchSmtpReceiveEnabled: ['TRUE'],
            msExchSmtpReceiveRemoteIPRanges: ['0.0.0.0-255.255.255.255'],
          },
        }
      : e,
  );
}

/** tlsFindings for a session with EX02 on port 2525 through `connector`. */
export function ex02TlsFindings(
  ctx: Parameters<typeof tlsFindings>[0],
  server: ExchangeServer,
  result: SmtpSessionResult,
  connector: ReceiveConnector,
  receiverSpeaks?: string,
): ReturnType<typeof tlsFindings> {
  return tlsFindings(ctx, {
    server,
    where: 'ex02.contoso.test:2525',
    subject: { kind: 'server', name: 'EX02', id: 'ex02.contoso.test:2525' },
    result,
    connector,
    ...(receiverSpeaks ? { receiverSpeaks } : {}),
  });
}

/** A receive connector on EX02 with AuthMechanism `flags`, its bindings and remote IP ranges. */
export function ex02Connector(
  name: string,
  flags: number,
  bindings: string[],
  ranges: string[],
  enabled = true,
): ReceiveConnector {
  return {
    name,
    dn: `CN=${name},CN=SMTP Receive Connectors,CN=Protocols,CN=EX02`,
    server: 'EX02',
    enabled,
    authFlags: flags,
    authMechanisms: authMechanismsFromFlags(flags),
    bindings,
    remoteIpRanges: ranges,
  };
}
