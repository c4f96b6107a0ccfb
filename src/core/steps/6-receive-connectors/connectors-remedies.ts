/**
 * The Exchange Management Shell lines step 6 offers. Connector identities (`EX02\Default EX02`)
 * hold spaces and come from the directory, so they are always single-quoted and refused when
 * they hold control characters.
 */
import type { Remedy, Subject } from '../../../shared/findings';
import { RUN_ON } from '../../remedies/run-on';
import { authMechanismsFromFlags, AUTH_MECHANISM_BITS, type ReceiveConnector } from '../../directory/model';
import { arg, buildCommandLine, makeRemedy } from '../../safety/command-line';
import { quoteForPowerShell } from '../../safety/quote';
import { withoutAddresses } from './connectors-ranges';
import { whenValid } from '../../remedies/build';
import { text } from '../../l10n/render';
import { summaryOf } from '../../l10n/worded-parts';

export function connectorIdentity(connector: ReceiveConnector): string {
  return `${connector.server}\\${connector.name}`;
}

export function connectorSubject(connector: ReceiveConnector): Subject {
  return { kind: 'connector', name: connectorIdentity(connector), id: connector.dn };
}

/**
 * The AuthMechanism value with ExchangeServer added, as Set-ReceiveConnector takes it: every
 * mechanism the connector had stays (the parameter replaces the whole list), and Tls joins them:
 * Exchange Server authentication runs inside the anonymous TLS session X-ANONYMOUSTLS opens
 * (X-EXPS EXCHANGEAUTH is offered only after it; see the verified facts on what a receive connector
 * says on the wire), so a connector given ExchangeServer without Tls still fails the senders.
 */
export function authMechanismWithExchangeServer(flags: number): string {
  return authMechanismsFromFlags(flags | AUTH_MECHANISM_BITS.ExchangeServer | AUTH_MECHANISM_BITS.Tls).join(', ');
}

export function setExchangeServerAuth(connector: ReceiveConnector): Remedy | undefined {
  return whenValid(() => {
    const words = summaryOf('fp.6.remedy.add-exchange-auth', { connector: connectorIdentity(connector) });
    const remedy = makeRemedy({
      summary: '',
      ...RUN_ON.managementShell,
      shell: 'powershell',
      changesState: true,
      executable: 'Set-ReceiveConnector',
      args: [
        arg.switch('-Identity'),
        arg.text(connectorIdentity(connector)),
        arg.switch('-AuthMechanism'),
        arg.text(authMechanismWithExchangeServer(connector.authFlags)),
      ],
    });
    return { ...remedy, ...words };
  });
}

const RANGE_TEXT = /^[0-9A-Fa-f:.\-/()]{2,100}$/;

/**
 * The other fix for a relay connector that captures Exchange servers: its remote IP ranges without
 * their addresses, so Exchange hands their connections back to the default connector (which has
 * Exchange Server authentication). Undefined when nothing would be left of the ranges, or a range
 * does not look like one.
 */
export function narrowRemoteRanges(
  connector: ReceiveConnector,
  senders: readonly { server: string; address: string }[],
): Remedy | undefined {
  const ranges = withoutAddresses(
    connector.remoteIpRanges,
    senders.map((s) => s.address),
  );
  if (ranges.length === 0 || !ranges.every((r) => RANGE_TEXT.test(r))) return undefined;
  return whenValid(() => {
    const base = buildCommandLine('powershell', 'Set-ReceiveConnector', [
      arg.switch('-Identity'),
      arg.text(connectorIdentity(connector)),
    ]);
    const who = [...new Map(senders.map((s) => [`${s.server} (${s.address})`, true])).keys()];
    return {
      ...summaryOf('fp.6.remedy.narrow-ranges', {
        connector: connectorIdentity(connector),
        senders: who.map((value) => text('fp.common.value', { value })),
      }),
      command: `${base} -RemoteIPRanges ${ranges.map(quoteForPowerShell).join(',')}`,
      ...RUN_ON.managementShell,
      shell: 'powershell',
      changesState: true,
    };
  });
}

/** The pipeline after the validated part is constant text, never built from names. */
const LIST_PIPELINE = ' | Format-List Name,AuthMechanism,PermissionGroups,Bindings,RemoteIPRanges';

export function listConnectors(server: string): Remedy | undefined {
  return whenValid(() => {
    const base = buildCommandLine('powershell', 'Get-ReceiveConnector', [arg.switch('-Server'), arg.host(server)]);
    return {
      ...summaryOf('fp.6.remedy.list', { server }),
      command: base + LIST_PIPELINE,
      ...RUN_ON.managementShell,
      shell: 'powershell',
      changesState: false,
    };
  });
}
