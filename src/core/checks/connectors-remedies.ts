/**
 * The Exchange Management Shell lines step 6 offers. Connector identities (`EX02\Default EX02`)
 * hold spaces and come from the directory, so they are always single-quoted and refused when
 * they hold control characters.
 */
import type { Remedy, Subject } from '../../shared/findings';
import { authMechanismsFromFlags, AUTH_MECHANISM_BITS, type ReceiveConnector } from '../directory/model';
import { CommandLineError, arg, buildCommandLine, makeRemedy } from '../safety';

export function connectorIdentity(connector: ReceiveConnector): string {
  return `${connector.server}\\${connector.name}`;
}

/** The AuthMechanism value with ExchangeServer added, as Set-ReceiveConnector takes it. */
export function connectorSubject(connector: ReceiveConnector): Subject {
  return { kind: 'connector', name: connectorIdentity(connector), id: connector.dn };
}

export function authMechanismWithExchangeServer(flags: number): string {
  return authMechanismsFromFlags(flags | AUTH_MECHANISM_BITS.ExchangeServer).join(', ');
}

export function setExchangeServerAuth(connector: ReceiveConnector): Remedy | undefined {
  try {
    return makeRemedy({
      summary: `Add Exchange Server authentication to ${connectorIdentity(connector)}, keeping its other mechanisms`,
      runOn: 'the Exchange Management Shell',
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
  } catch (e) {
    if (e instanceof CommandLineError) return undefined;
    throw e;
  }
}

/** The pipeline after the validated part is constant text, never built from names. */
const LIST_PIPELINE = ' | Format-List Name,AuthMechanism,PermissionGroups,Bindings,RemoteIPRanges';

export function listConnectors(server: string): Remedy | undefined {
  try {
    const base = buildCommandLine('powershell', 'Get-ReceiveConnector', [arg.switch('-Server'), arg.host(server)]);
    return {
      summary: `Show the receive connectors of ${server} with their authentication, bindings and ranges`,
      command: base + LIST_PIPELINE,
      runOn: 'the Exchange Management Shell',
      shell: 'powershell',
      changesState: false,
    };
  } catch (e) {
    if (e instanceof CommandLineError) return undefined;
    throw e;
  }
}
