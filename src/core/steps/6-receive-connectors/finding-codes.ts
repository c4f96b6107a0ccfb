/**
 * Step 6's finding codes and their English wording. The directory read of the engine and a
 * terminal run of Get-ReceiveConnector both judge a server's connectors through
 * ./connector-verdicts.ts; the live EHLO comparison (./connectors-live.ts) is the engine's alone.
 * `{connector}` is `SERVER\Name`, `{server}` the receiving server's display name.
 */
import { defineFindings } from '../../findings/define';

const CERT_EXPLANATION =
  'Between Exchange servers the certificate only encrypts the X-ANONYMOUSTLS session; the sender does not validate it and authentication is Kerberos, so mail still flows. It is a warning: renew it (New-ExchangeCertificate, then Enable-ExchangeCertificate -Services SMTP) before something that does validate it, such as an Edge subscription or a partner using TLS, fails.';
const LINK_LOCAL_EXPLANATION =
  'The server listens on IPv6 and takes IPv6 senders, but no remote IP range holds fe80::/10. A server on the same link that reaches it over IPv6 connects from its link-local address and is refused before it can authenticate; its mail queues. Add fe80::/10 to the ranges of the connector that takes the other Exchange servers (keeping its other ranges), or give that connector ::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff as setup does.';

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
  // The wire as a sending server meets it: TLS (./tls-findings.ts) and connector selection per address (./selection-check.ts).
  'tls.handshake': {
    title: '{where}: {verb} then {protocol}; X-EXPS inside TLS: {mechanisms}',
    explanation:
      'TLS starts the way a sending Exchange server starts it, and the keywords inside TLS are those the directory implies.',
  },
  'tls.session-stalled': {
    title: 'The SMTP session to {where} stopped at the {stage} stage',
    explanation:
      'The receiver (or something on the path) stopped answering or refused in the middle of the session, so whether TLS and Exchange authentication work on this port could not be seen.',
  },
  'tls.not-offered': {
    title: '{where} offers neither X-ANONYMOUSTLS nor STARTTLS, although {connector} should',
    explanation:
      'A sending Exchange server starts TLS (X-ANONYMOUSTLS) before it authenticates with Kerberos; without TLS it cannot authenticate and its mail queues. Exchange leaves X-ANONYMOUSTLS out when the connector lacks Exchange Server authentication or no usable certificate is found (event 12014).',
  },
  'tls.upgrade-refused': {
    title: '{where} offers {verb} but refuses it: {reply}',
    explanation:
      'The receiver advertises TLS and then will not start it. Exchange answers this way when the connector cannot load a usable certificate for its FQDN (event 12014 on the receiver); the sending server cannot start TLS, so it cannot authenticate and its mail queues. Look for event 12014 and check the certificates with Get-ExchangeCertificate on the receiver.',
  },
  'tls.version-mismatch': {
    title: 'No TLS version in common with {where}: this side offered {offered}, {server} speaks {receiverSpeaks}',
    explanation:
      'After {verb} the two sides found no protocol version both allow. Exchange servers negotiate TLS through SChannel; when one server has TLS 1.2 disabled (or only TLS 1.2+ enabled while the other still runs TLS 1.0/1.1 only), X-ANONYMOUSTLS fails and Exchange authentication never starts. Enable TLS 1.2 on both servers (SChannel Protocols registry keys and .NET SchUseStrongCrypto), then restart the transport service.',
  },
  'tls.handshake-failed': {
    title: 'The TLS handshake with {where} after {verb} failed',
    explanation: 'The receiver agreed to start TLS but the handshake did not complete; the platform reason says why.',
  },
  'tls.exps-missing': {
    title: '{where} offers no X-EXPS inside TLS, although {connector} has Exchange or Integrated authentication',
    explanation:
      'After X-ANONYMOUSTLS a sending Exchange server authenticates with X-EXPS (GSSAPI, EXCHANGEAUTH). Without it there is nothing to authenticate with, and the sender reports 454 4.7.0 or 451 5.7.3.',
  },
  'tls.certificate-expired': {
    title: 'The transport certificate {server} presents on {where} {detail}',
    explanation: CERT_EXPLANATION,
  },
  'tls.certificate-name': {
    title: 'The transport certificate {server} presents on {where} is not for {fqdn}: it {detail}',
    explanation: CERT_EXPLANATION,
  },
  'tls.not-judged-inspected': {
    title: 'TLS on {where} cannot be judged: something on the path rewrites SMTP',
    explanation:
      'The banner or EHLO keywords arrive masked, so what the receiver itself offers is hidden. Step 4 names the signs.',
  },
  'connector.selection': {
    title: 'Each sender reaches a connector of {server} with Exchange Server authentication',
    explanation:
      'Exchange hands a connection to the enabled connector bound on the port whose remote IP ranges hold the sender most narrowly. The table names, for each address a sender may connect from, the connector that wins and why the others lost. A winner needs Exchange Server authentication (with TLS) and the ExchangeServers permission group.',
  },
  'connector.selection-lacks-auth': {
    title: '{senders} reach {connectors} on {server}, without Exchange Server authentication',
    explanation:
      'Exchange hands a connection to the enabled connector bound on the port whose remote IP ranges hold the sender most narrowly; the table names the winner for each address and why the others lost. The winner here lacks Exchange Server authentication (the error on the connector says so); it needs that mechanism with TLS, and the ExchangeServers permission group.',
  },
  'connector.selection-tie': {
    title: 'On {port}, {sender} ({address}) is held by equally narrow ranges of {connectors}',
    explanation:
      'When two connectors on the same binding hold an address with ranges of the same size, which one takes the connection is not documented; make one range narrower so the choice is yours.',
  },
  'connector.link-local-uncovered': {
    title:
      'No connector of {server} on {port} takes the IPv6 link-local addresses (fe80::/10) other servers connect from over IPv6',
    explanation: LINK_LOCAL_EXPLANATION,
  },
  'connector.link-local-partial': {
    title:
      'No connector of {server} on {port} takes all of the IPv6 link-local addresses (fe80::/10) other servers connect from over IPv6',
    explanation: LINK_LOCAL_EXPLANATION,
  },
});
