/**
 * Step 6's finding codes and their English wording. The directory read of the engine and a
 * terminal run of Get-ReceiveConnector both judge a server's connectors through
 * ./connector-verdicts.ts; the live EHLO comparison (./connectors-live.ts) is the engine's alone.
 * `{connector}` is `SERVER\Name`, `{server}` the receiving server's display name.
 */
import { defineFindings } from '../../findings/define';

export const connectorsFindings = defineFindings(6, {
  'connector.exchange-auth': {
    title: '{connector} accepts Exchange Server authentication',
    explanation:
      'The connector has the ExchangeServer mechanism, so the other Exchange servers whose mail it takes can authenticate with Kerberos.',
  },
  'connector.no-exchange-auth': {
    title: '{connector} does not offer Exchange Server authentication',
    explanation:
      'A connector that takes mail from other Exchange servers needs the ExchangeServer mechanism: without it, it does not offer X-ANONYMOUSTLS or Exchange authentication, so those servers cannot authenticate and their mail queues with 454 4.7.0.',
  },
  'connector.relay-captures-exchange': {
    title: '{connector} captures mail from {senders} but lacks Exchange Server authentication',
    explanation:
      "This connector's remote IP ranges hold the other Exchange servers' addresses more specifically than the default connector, so Exchange hands their connections to it. Without the ExchangeServer mechanism it does not offer X-ANONYMOUSTLS, and the senders fail with 454 4.7.0. Narrow its ranges or add Exchange Server authentication.",
  },
  'connector.none-internal': {
    title: 'No enabled receive connector of {server} listens on port 2525 or 25',
    explanation:
      'Other Exchange servers deliver to the hub transport port (2525) or port 25; with no enabled connector there, they cannot deliver at all.',
  },
  'connector.sender-not-covered': {
    title: 'No enabled connector of {server} on port {port} accepts {senders}',
    explanation:
      'The remote IP ranges of the connectors on this port leave out these Exchange servers, so their connections are refused before authentication.',
  },
  'connector.none-read': {
    title: 'No receive connectors were read for {server}',
    explanation: 'Either the bind account cannot read them or discovery failed for this server.',
  },
  'connector.none': {
    title: 'No receive connector was listed',
    explanation: 'Get-ReceiveConnector returned nothing.',
  },
  'connector.sender-unresolved': {
    title: 'Which connector of {server} takes mail from {sender} is unknown',
    explanation:
      "The sending server's address is needed to see which remote IP range, and so which connector, takes its connections.",
  },
  'connector.probe-failed': {
    title: '{endpoint} did not answer an EHLO',
    explanation:
      'What the connector offers on the wire could not be seen from this machine; the directory view above still stands. Step 4 shows whether the port is reachable.',
  },
  /** `{offers}`: `offers` or `does not offer`. */
  'connector.wire-agrees': {
    title: '{endpoint} {offers} X-ANONYMOUSTLS, as {connector} is configured',
    explanation: 'What the connector offers on the wire matches its AuthMechanism in the directory.',
  },
  'connector.wire-lacks-anonymoustls': {
    title: '{connector} has Exchange Server authentication in AD, but {endpoint} does not offer X-ANONYMOUSTLS',
    explanation:
      'Exchange offers X-ANONYMOUSTLS only when the connector can do Exchange Server authentication, which also needs a valid certificate for the connector FQDN (event 12014 when it has none). Without it, other servers fail with 454 4.7.0 or 451 5.7.3. A directory change that has not reached this server yet looks the same.',
  },
  'connector.wire-offers-anonymoustls': {
    title: '{endpoint} offers X-ANONYMOUSTLS although {connector} lacks Exchange Server authentication in AD',
    explanation:
      'The wire and the directory disagree: another connector may be answering this machine, or the server has not yet read a directory change (it reloads connectors periodically).',
  },
});
