/** Dutch catalogue (terms of KB 979174 in Dutch, see docs/localisation.md); sentences are ours. */
import type { Catalogue } from './en';
import { joinTables } from './join-tables';
import { PHRASES_1_3, type Phrase1_3Key } from './phrases/steps-1-3';
import { PHRASES_4_6, type Phrase4_6Key } from './phrases/steps-4-6';
import { PLACE_VALUE_PHRASES, type PlaceValueKey } from './phrases/places-values';

const BASE: Omit<Catalogue, Phrase1_3Key | Phrase4_6Key | PlaceValueKey> = {
  'list.separator': ', ',
  'duration.ms': '{n} ms',
  'duration.s': '{s} s',
  'duration.min': '{m} min {s} s',
  'duration.h': '{h} u {m} min {s} s',
  'steps.none': 'KB 979174',
  'steps.one': 'KB 979174 {first}',
  'steps.more': 'KB 979174 {first}, daarna {rest}',
  'step.label': 'stap {n} ({name})',
  'step.name.1': 'klokken',
  'step.name.2': 'AD-replicatie',
  'step.name.3': "SPN's",
  'step.name.4': 'Kerberos-poorten',
  'step.name.5': 'logboekregistratie voor Kerberos',
  'step.name.6': 'verificatie van de ontvangstconnector',
  'step.title.1': 'Klokken lopen gelijk binnen de Kerberos-tolerantie',
  'step.title.2': 'Domeincontrollers repliceren',
  'step.title.3': "SPN's voor SMTP en SMTPSVC zijn eenmaal geregistreerd, op het juiste account",
  'step.title.4': 'Kerberos- en transportpoorten zijn bereikbaar',
  'step.title.5': 'Logboekregistratie voor Kerberos toont geen fouten',
  'step.title.6': 'Ontvangstconnectors accepteren Exchange Server-verificatie',

  'between.both': ' van {sending} naar {receiving}',
  'between.from': ' van {sending}',
  'between.to': ' naar {receiving}',
  'detail.list': ' ({items})',
  'detail.error': 'fout {value}',
  'detail.connector': 'connector {value}',
  'detail.mechanism': 'mechanisme {value}',
  'detail.source': 'bron {value}',
  'detail.target': 'doel {value}',

  'ev.auth-temporary-failure':
    '454 4.7.0 tijdelijke verificatiefout{between}: Exchange Server-verificatie (Kerberos) tussen de servers is mislukt. Controleer {steps}.',
  'ev.auth-failure-relayed':
    '451 4.4.0 ... 454 4.7.0: de volgende hop{hop} weigerde Exchange Server-verificatie (Kerberos) en de wachtrij probeert het opnieuw. Controleer {steps}.',
  'ev.x-anonymoustls-failed':
    '454 4.7.0 als antwoord op {command}{between}: de ontvangende server kon TLS niet starten, dus Exchange Server-verificatie kan niet volgen. Controleer het certificaat en de verificatie van de ontvangstconnector ({steps}).',
  'ev.x-exps-failed.kerberos':
    '454 4.7.0 tijdelijke verificatiefout als antwoord op {command}{between}: de Kerberos-aanmelding tussen de Exchange-servers is mislukt. Controleer {steps}.',
  'ev.x-exps-failed.exchange':
    '454 4.7.0 tijdelijke verificatiefout als antwoord op {command}{between}: Exchange Server-verificatie is mislukt. Controleer {steps}.',
  'ev.exchange-auth-unavailable':
    '451 5.7.3 Cannot achieve Exchange Server authentication{between}: de ontvangstconnector bood geen Exchange Server-verificatie aan (geen X-ANONYMOUSTLS / X-EXPS). Controleer {steps}.',
  'ev.unexpected-exchange-auth-blob':
    'UnexpectedExchangeAuthBlob{between}: de Exchange-verificatie na X-ANONYMOUSTLS was niet wat de server verwachtte (verificatie van de connector of certificaat). Controleer {steps}.',
  'ev.tls-failed':
    'TLS-onderhandeling mislukt{error}{between}: zonder TLS is er geen Exchange Server-verificatie; controleer het certificaat voor de FQDN van de connector (gebeurtenis 12014). Controleer {steps}.',
  'ev.event-1035':
    'Gebeurtenis 1035, binnenkomende verificatie mislukt{detail}: schakel logboekregistratie voor Kerberos in op deze ontvangende server en lees het systeemlogboek. Controleer {steps}.',
  'ev.event-2017': 'Gebeurtenis 2017, uitgaande verificatie mislukt{detail}{between}: {cause}. Controleer {steps}.',
  'ev.outbound-auth-failed': 'Uitgaande verificatie mislukt met {error}{between}: {cause}. Controleer {steps}.',
  'ev.inbound-auth-failed': 'Binnenkomende verificatie mislukt door {error}{between}: {cause}. Controleer {steps}.',
  'ev.kerberos-event':
    '{provider}-gebeurtenis {event}{name}: het systeemlogboek toont een Kerberos-fout. Controleer {steps}.',
  'ev.kerberos-skew':
    'KRB_AP_ERR_SKEW: de klokken van de twee computers verschillen meer dan de Kerberos-tolerantie. Controleer {steps}.',
  'ev.kerberos-modified':
    'KRB_AP_ERR_MODIFIED: het ticket was versleuteld voor een ander account, meestal door een dubbele of verkeerd geplaatste SMTP/SMTPSVC-SPN. Controleer {steps}.',
  'ev.kerberos-error': '{name}: er is een Kerberos-fout vastgelegd. Controleer {steps}.',
  'ev.command-refused':
    '{command} werd geweigerd met "{reply}"{between}: Exchange Server-verificatie is niet voltooid. Controleer {steps}.',
  'ev.no-exchange-auth-offered':
    'De Exchange-server {host} bood op deze connector X-ANONYMOUSTLS noch X-EXPS aan: hij accepteert hier geen Exchange Server-verificatie. Controleer {steps}.',
  'ev.banner-skew':
    'De banner van {host} geeft een klok die {delay} afwijkt van die van deze server (de datum-tijd van de regel){beyond}. Controleer {steps}.',
  'ev.hop-skew':
    'Hop {hop} ({b}) heeft een tijdstempel {delay} na hop {prev} ({a}): de tijd loopt terug, dus de klokken van {a} en {b} verschillen minstens {skew}{beyond}. Controleer {steps}.',
  'ev.beyond-tolerance': ', meer dan de Kerberos-tolerantie van {minutes} minuten',
  'ev.malformed-record': 'Geen record van een protocollogboek: {got} van {want} velden.',
  'ev.long-line': 'Regel {line} is {length} tekens lang; alleen de eerste {max} zijn geanalyseerd.',
  'ev.analysis-failed': 'Dit bestand kon niet worden geanalyseerd: {reason}',
  'ev.too-large':
    'Dit document is groter dan {mb} MB en wordt niet in de editor geanalyseerd; gebruik "Scan log folder" op de map.',
  'ev.correlated':
    '{sending} naar {receiving}: {count} bewijsstukken van één fout ({sources}), eerst stap {step}: {cause}.',

  'cause.IllegalMessage': 'de Kerberos-uitwisseling werd geweigerd; het systeemlogboek zegt waarom',
  'cause.LogonDenied':
    'de aanmelding werd geweigerd: een verkeerde of ontbrekende SPN, een verouderde sleutel of een verbroken vertrouwensrelatie',
  'cause.KdcUnknownEncryptionType':
    'de domeincontroller en de accounts hebben geen versleutelingstype gemeen (sleutels van het computeraccount)',
  'cause.UnexpectedExchangeAuthBlob': 'de Exchange-verificatiegegevens waren niet wat de ontvangende server verwachtte',
  'cause.TimeSkew': 'de klokken verschillen meer dan de Kerberos-tolerantie',
  'cause.TargetUnknown': 'de domeincontroller kent de doel-SPN niet',
  'cause.WrongPrincipal': 'het ticket was voor een ander account (een dubbele of verkeerd geplaatste SPN)',
  'cause.MessageAltered': 'het ticket kon niet worden ontsleuteld (een dubbele SPN of een verouderde sleutel)',
  'cause.NoAuthenticatingAuthority': 'er was geen domeincontroller bereikbaar voor Kerberos',
  'cause.InvalidToken': 'het verificatietoken was ongeldig',
  'cause.default': 'de verificatie tussen de servers is mislukt',

  'hover.enhanced-code': '**{code}** uitgebreide statuscode',
  'hover.vendor-code': 'Detailcode die niet in het IANA-register staat (leverancierspecifiek).',
  'hover.with-reply-codes': ' (met antwoordcodes {codes})',
  'hover.iana-source':
    '_Bron: IANA-register "SMTP Enhanced Status Codes", overgenomen {date}; beschrijvingen in het Engels zoals geregistreerd._',
  'hover.reply': '**{code}** SMTP-antwoord ({kind})',
  'hover.reply.2': 'geslaagd',
  'hover.reply.3': 'tussenstap',
  'hover.reply.4': 'tijdelijke fout: de afzender probeert het opnieuw',
  'hover.reply.5': 'permanente fout',
  'hover.port': 'Poort {port}: {what}.',
  'port.25': 'Front-end-transport (connector Default Frontend), of een Edge/SMTP-server',
  'port.2525': 'transportservice op een postvakserver (connector Default; verkeer tussen servers)',
  'port.465': 'connector Client Proxy (front-end-transport stuurt geverifieerde clients door)',
  'port.475': 'bezorgservice van postvaktransport',
  'port.587': 'connector Client Frontend (geverifieerde clients)',
  'port.717': 'connector Outbound Proxy Frontend',

  // Field descriptions of the protocol and tracking log hovers.
  'field.p.date-time':
    'Wanneer de gebeurtenis is vastgelegd, in UTC (ISO 8601). Vergelijk met het logboek van de andere server in UTC, niet in lokale tijd.',
  'field.p.connector-id':
    'De connector die de sessie afhandelde. In een ontvangstlogboek: `<server>\\<naam van de ontvangstconnector>` (bijv. `EX02\\Default EX02`). In een verzendlogboek: de verzendconnector of de impliciete connector binnen de organisatie.',
  'field.p.session-id':
    'Een GUID-achtige id die alle regels van één SMTP-sessie delen. Het overzicht groepeert de regels erop.',
  'field.p.sequence-number': 'De volgorde van de gebeurtenis binnen de sessie, vanaf 0.',
  'field.p.local-endpoint':
    'Het IP-adres en de poort van deze server. De poort geeft de service aan: 25 front-end-transport, 2525 transport op een postvakserver, 465 Client Proxy, 587 Client Frontend, 717 Outbound Proxy Frontend.',
  'field.p.remote-endpoint':
    'Het IP-adres en de poort van de andere server. In een ontvangstlogboek is dat de verzendende server, in een verzendlogboek de ontvangende.',
  'field.p.event':
    'Wat er gebeurde: `+` verbinding, `-` verbinding verbroken, `>` verzonden door deze server, `<` ontvangen van de andere kant, `*` informatie vastgelegd door Exchange.',
  'field.p.data':
    'De SMTP-opdracht, het antwoord of de informatietekst. Verificatiegegevens worden vastgelegd als `<authentication response>`, niet de inhoud.',
  'field.p.context': 'Extra context bij `*`-regels (bijvoorbeeld het certificaat of het resultaat van de verificatie).',
  'field.e.connect': 'Verbinding: de sessie begint.',
  'field.e.disconnect': 'Verbinding verbroken: de sessie eindigt.',
  'field.e.sent': 'Verzonden door de server die dit logboek schreef.',
  'field.e.received': 'Ontvangen van de andere kant.',
  'field.e.info': 'Informatie vastgelegd door Exchange (TLS, verificatie, certificaten).',
  'field.t.date-time': 'Wanneer de gebeurtenis is vastgelegd, in UTC.',
  'field.t.client-ip':
    'Het adres van de server of client die het bericht in deze stap aanleverde (bij SEND/DEFER/FAIL van SMTP: de server die dit logboek schreef).',
  'field.t.client-hostname': 'De naam van de verzendende kant van deze stap.',
  'field.t.server-ip':
    'Het adres van de ontvangende kant van deze stap (bij SEND/DEFER/FAIL van SMTP: de volgende hop).',
  'field.t.server-hostname': 'De naam van de ontvangende kant van deze stap.',
  'field.t.source-context': 'Extra informatie over de bron (connector, sessie of agent).',
  'field.t.connector-id': 'De connector die voor deze stap is gebruikt.',
  'field.t.source': 'Het onderdeel dat de gebeurtenis vastlegde: SMTP, STOREDRIVER, AGENT, ROUTING, DSN...',
  'field.t.event-id': 'RECEIVE, SEND, DELIVER, DEFER (later opnieuw), FAIL (NDR), EXPAND, RESOLVE, REDIRECT...',
  'field.t.internal-message-id': 'De id van het bericht in de wachtrijdatabase van deze server.',
  'field.t.message-id': 'De Message-ID-header; dezelfde op elke server die het bericht passeerde.',
  'field.t.network-message-id': 'Een id die Exchange bijhoudt voor alle kopieën van het bericht in de organisatie.',
  'field.t.recipient-address': 'De ontvangers waarop de gebeurtenis betrekking heeft.',
  'field.t.recipient-status':
    'Status per ontvanger: bij DEFER en FAIL het SMTP-antwoord (bijv. `451 4.4.0 ... 454 4.7.0 ...`).',
  'field.t.total-bytes': 'Grootte van het bericht in bytes.',
  'field.t.recipient-count': 'Aantal ontvangers.',
  'field.t.message-subject':
    'Het onderwerp (kan verborgen zijn door de instelling MessageTrackingLogSubjectLoggingEnabled).',
  'field.t.sender-address': 'De afzender van de envelop.',
  'field.t.directionality': 'Incoming, Originating of Undefined.',

  'cli.step-header': 'Stap {step}: {title}',
  'cli.why-unknown': 'waarom onbekend: {reason}',
  'cli.changes-server': 'wijzigt de server',
  'cli.read-only': 'alleen-lezen',
  'cli.remedy': '{summary} ({effect}; op {host}):',
  'cli.verdict':
    'Oordeel: {overall} ({error} fout, {warning} waarschuwing, {unknown} onbekend, {ok} ok; {findings} bevindingen)',
  'cli.cause': 'Stap {step}: {summary}',
  'severity.error': 'FOUT',
  'severity.warning': 'WAARSCH',
  'severity.unknown': 'ONBEKEND',
  'severity.ok': 'OK',
};

export const NL: Catalogue = joinTables(BASE, PHRASES_1_3['nl'], PHRASES_4_6['nl'], PLACE_VALUE_PHRASES['nl']);
