/**
 * Dutch wording of the finding codes of steps 4 to 6 (ports, Kerberos logging, Receive
 * connectors), keyed by code, with the English templates' placeholders. Terms follow KB 979174 in
 * Dutch and Microsoft's Dutch UI (ontvangstconnector, Exchange Server-verificatie,
 * logboekregistratie voor Kerberos, systeemlogboek); the sentences are ours. Assembled in ./nl.ts.
 */
import type { FindingTranslations } from './types';

const CERT_EXPLANATION =
  'Tussen Exchange-servers versleutelt het certificaat alleen de X-ANONYMOUSTLS-sessie; de afzender valideert het niet en de verificatie gebeurt met Kerberos, dus de e-mail blijft stromen. Het is een waarschuwing: vernieuw het (New-ExchangeCertificate, daarna Enable-ExchangeCertificate -Services SMTP) voordat iets misgaat dat het wel valideert, zoals een Edge-abonnement of een partner die TLS gebruikt.';
const LINK_LOCAL_EXPLANATION =
  'De server luistert op IPv6 en accepteert IPv6-afzenders, maar geen enkel extern IP-bereik bevat fe80::/10. Een server op dezelfde link die hem via IPv6 bereikt, maakt verbinding vanaf zijn link-local adres en wordt geweigerd voordat hij zich kan verifiëren; zijn e-mail blijft in de wachtrij staan. Voeg fe80::/10 toe aan de bereiken van de connector die de andere Exchange-servers ontvangt (met behoud van de andere bereiken), of geef die connector ::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff zoals Setup doet.';
const SELECTION_RULE =
  'Exchange geeft een verbinding aan de ingeschakelde connector die aan de poort is gebonden en waarvan de externe IP-bereiken de afzender het nauwst omvatten.';

export const NL_STEPS_4_TO_6: FindingTranslations = {
  // Step 4: ports
  'port.kdc-stopped': {
    title:
      '{name}: de service Kerberos Key Distribution Center (KDC) wordt niet uitgevoerd (LDAP antwoordt; {kerberosStates})',
    explanation:
      'Deze domeincontroller antwoordt op LDAP, dus hij staat aan en is bereikbaar, maar weigert Kerberos: geen enkel proces luistert op poort 88, wat betekent dat de service Kerberos Key Distribution Center (Kdc) is gestopt of niet kon starten. Exchange-servers die deze domeincontroller om tickets vragen, mislukken of wachten, en de Exchange Server-verificatie mislukt met 454 4.7.0. Controleer op de domeincontroller de service en de KDC-gebeurtenissen in het systeemlogboek met de regels hieronder; Kdc moet actief zijn en automatisch starten, en de gebeurtenissen zeggen waarom hij stopte.',
  },
  'port.kdc-silent': {
    title: '{name}: {failures}',
    explanation:
      'Poort 88 accepteert verbindingen, maar de KDC beantwoordt nooit een Kerberos-aanvraag: de KDC-service hangt of is overbelast, of iets anders bezet de poort. Een TCP-verbinding alleen zou deze poort open noemen. Ticketaanvragen bij deze domeincontroller wachten tot er een time-out optreedt, en de Exchange Server-verificatie mislukt met 454 4.7.0. Kijk op de domeincontroller naar de Kdc-service, de gebeurtenissen ervan in het systeemlogboek en de belasting van lsass.exe.',
  },
  'port.kerberos-blocked': {
    title: '{name}: {failures}',
    explanation:
      'Exchange-servers krijgen Kerberos-tickets van de domeincontrollers via poort 88 (eerst UDP, TCP voor grote tickets) en 464. Als een domeincontroller daar niet bereikbaar is, mislukken ticketaanvragen of wachten ze op een time-out, en mislukt de Exchange Server-verificatie met 454 4.7.0. Dit is vanaf deze computer getest; bevestig het vanaf de Exchange-servers met de regels hieronder.',
  },
  'port.transport-blocked': {
    title: '{name}: {failures}',
    explanation:
      'Andere Exchange-servers bezorgen e-mail bij deze server via deze poorten. Kunnen ze die niet bereiken, dan blijft de e-mail aan de verzendende kant in de wachtrij staan. Dit is vanaf deze computer getest; bevestig het vanaf de andere Exchange-servers met de regels hieronder.',
  },
  'port.blocked': {
    title: '{name}: {failures}',
    explanation:
      'Exchange heeft deze poorten ook nodig voor directoryzoekacties en beheer. Kerberos zelf gebruikt ze niet, maar een geblokkeerde poort veroorzaakt andere fouten. Bevestig het vanaf de Exchange-servers met de regels hieronder.',
  },
  'port.open': {
    title: '{name} antwoordt op {openPorts}{closedOptional}{notTested}',
    explanation:
      'Elke poort die ertoe doet, antwoordde vanaf deze computer. Het pad dat telt, loopt vanaf de Exchange-servers; de regels hieronder testen het daar.',
  },
  'port.host-silent': {
    title: '{name} ({host}) antwoordde op geen enkele poort',
    explanation:
      'Geen enkele poort antwoordde binnen de time-out van de test: de host staat uit, het adres klopt niet of een firewall blokkeert alles vanaf deze computer. Over afzonderlijke poorten valt niets te zeggen.',
  },
  'port.unresolved': {
    title: '{name} ({host}) wordt niet omgezet',
    explanation: 'De naam wordt vanaf deze computer niet omgezet, dus er kon geen enkele poort worden getest.',
  },
  'port.not-tested': {
    title: 'Geen TCP-test voor {host}',
    explanation: 'Test-NetConnection is zonder -Port uitgevoerd.',
  },
  // Step 4, a KDC in each server's site (issue 12)
  'port.kdc-site-ok': {
    title: 'Een KDC in site {site} van {server} antwoordt ({kdcs})',
    explanation: '{server} kan tickets krijgen van een KDC in de eigen site.',
  },
  'port.kdc-site-none': {
    title: 'Er staat geen domeincontroller in site {site} van {server}',
    explanation:
      '{server} moet via de sitekoppelingen een KDC in een andere site bereiken; Exchange verwacht een domeincontroller en een globale catalogus in de eigen site.',
  },
  'port.kdc-site-unreachable': {
    title: 'Geen KDC in site {site} van {server} antwoordt op poort 88 ({kdcs})',
    explanation:
      "{server} vraagt tickets eerst aan de KDC's van de eigen site. Antwoordt er geen, dan wacht de server per KDC op een time-out voordat hij andere sites probeert, of mislukt het: Exchange Server-verificatie van en naar {server} werkt niet meer.",
  },
  'port.kdc-tcp-blocked': {
    title: '{kdcs} in site {site} van {server}: Kerberos antwoordt op UDP 88, maar niet op TCP 88',
    explanation:
      'Kleine Kerberos-antwoorden passen in één datagram; een groter antwoord (een grote PAC, veel groepen) komt terug als KRB_ERR_RESPONSE_TOO_BIG en de client probeert het opnieuw via TCP 88, wat hier mislukt.',
  },
  // Step 4, the SMTP path (issue 13)
  'smtp.path-clean': {
    title: '{where} antwoordt zoals de connector van {server} hoort te doen: niets op het pad herschrijft SMTP',
    explanation: 'De banner noemt de server en elk trefwoord dat de connector aanbiedt, is ongewijzigd aangekomen.',
  },
  'smtp.inspected': {
    title: 'Iets op het pad naar {where} inspecteert SMTP: {signs}',
    explanation:
      "Een gemaskeerde banner of EHLO-trefwoorden die met X-tekens zijn overschreven, zijn het werk van een firewall met SMTP-inspectie (ESMTP). Exchange-servers hebben X-ANONYMOUSTLS, X-EXPS en GSSAPI nodig die ongewijzigd tussen hen doorkomen (KB 979175); via zo'n apparaat kunnen ze geen TLS starten of zich verifiëren, en blijft e-mail in de wachtrij staan met 454 4.7.0 of 451 5.7.3. Schakel SMTP-inspectie uit voor verkeer tussen Exchange-servers, of laat die opdrachten door.",
  },
  'smtp.keywords-differ': {
    title: '{where} biedt niet aan wat de connector van {server} zou moeten aanbieden: {missing}',
    explanation:
      'Niet alle trefwoorden die deze connector volgens de directory aanbiedt, zijn aangekomen, of de banner noemt een andere host. Een aangepaste banner of een connectorwijziging die de server nog niet heeft geladen, ziet er hetzelfde uit als een apparaat dat trefwoorden verwijdert; vergelijk met een EHLO vanaf de verzendende server zelf.',
  },

  // Step 5: Kerberos logging
  'kerberos-log.unreadable': {
    title: 'De gebeurtenislogboeken van {server} konden niet op afstand worden gelezen',
    explanation:
      'Voor het lezen van LogLevel en de gebeurtenislogboeken zijn externe communicatie van PowerShell (WinRM) naar de server en beheerdersrechten daar nodig. Voer de regels hieronder in plaats daarvan op de server uit.',
  },
  'kerberos-log.needs-windows': {
    title: 'Logboekregistratie voor Kerberos op {server} moet op Windows worden gecontroleerd',
    explanation:
      'Kerberos-fouten worden alleen in het systeemlogboek geschreven zolang LogLevel 1 is. Schakel het in op de server die gebeurtenis 1035 registreert, reproduceer de fout (of wacht op de volgende poging), lees de gebeurtenissen en schakel het weer uit.',
  },
  'kerberos-log.event': {
    title: '{server} registreerde {count} × {provider} {eventId}: {detail}',
    explanation: '{meaning}{advice}',
  },
  'kerberos-log.exchange-auth-failed': {
    title: '{server} registreerde {count} × {provider} {eventId}: {detail}',
    explanation: '{meaning}{advice}',
  },
  'kerberos-log.clean': {
    title: 'Geen Kerberos-fouten in het systeemlogboek van {server}',
    explanation:
      'In de gelezen periode is geen foutgebeurtenis van de Kerberos-client of de KDC gevonden. Kerberos-fouten aan de clientkant worden daar alleen geschreven zolang LogLevel 1 is (het bewijs toont dit als het is gelezen); schakel de logboekregistratie weer uit als u klaar bent.',
  },
  'kerberos-log.off': {
    title:
      'Logboekregistratie voor Kerberos staat uit op {server}, dus het systeemlogboek kan geen Kerberos-fouten tonen',
    explanation:
      'Er zijn geen Kerberos- of 1035-gebeurtenissen gevonden, maar zonder LogLevel registreert Windows geen Kerberos-fouten aan de clientkant. Schakel de logboekregistratie in, laat de volgende bezorgpoging mislukken en controleer opnieuw.',
  },
  'kerberos-log.enabled': {
    title: 'Logboekregistratie voor Kerberos ingeschakeld',
    explanation:
      'LogLevel = 1 werkt meteen; Kerberos-fouten gaan nu naar het systeemlogboek. Schakel het uit zodra de gebeurtenissen zijn verzameld.',
  },
  'kerberos-log.disabled': {
    title: 'Logboekregistratie voor Kerberos uitgeschakeld',
    explanation: 'LogLevel is verwijderd.',
  },
  'kerberos-log.change-failed': {
    title: 'Logboekregistratie voor Kerberos: "{action}" is niet gelukt',
    explanation: 'De registerwaarde LogLevel is niet gewijzigd; de uitvoer van de opdracht zegt waarom.',
  },

  // Step 6: Receive connectors
  'connector.exchange-auth': {
    title: '{connector} accepteert Exchange Server-verificatie',
    explanation:
      'De connector heeft het mechanisme ExchangeServer, dus de andere Exchange-servers waarvan hij e-mail ontvangt, kunnen zich met Kerberos verifiëren.',
  },
  'connector.no-exchange-auth': {
    title: '{connector} biedt geen Exchange Server-verificatie aan',
    explanation:
      'Een connector die e-mail van andere Exchange-servers ontvangt, heeft het mechanisme ExchangeServer nodig: zonder dat biedt hij geen X-ANONYMOUSTLS of Exchange-verificatie aan, zodat die servers zich niet kunnen verifiëren en hun e-mail met 454 4.7.0 in de wachtrij blijft staan.',
  },
  'connector.relay-captures-exchange': {
    title: '{connector} vangt e-mail van {senders} op, maar heeft geen Exchange Server-verificatie',
    explanation:
      'De externe IP-bereiken van deze connector bevatten de adressen van de andere Exchange-servers nauwer dan de standaardconnector, dus Exchange geeft hun verbindingen aan deze connector. Zonder het mechanisme ExchangeServer biedt hij geen X-ANONYMOUSTLS aan en mislukken de afzenders met 454 4.7.0. Maak de bereiken nauwer of voeg Exchange Server-verificatie toe.',
  },
  'connector.none-internal': {
    title: 'Geen ingeschakelde ontvangstconnector van {server} luistert op poort 2525 of 25',
    explanation:
      'Andere Exchange-servers bezorgen op de poort van het hubtransport (2525) of op poort 25; zonder ingeschakelde connector daar kunnen ze helemaal niet bezorgen.',
  },
  'connector.sender-not-covered': {
    title: 'Geen ingeschakelde connector van {server} op poort {port} accepteert {senders}',
    explanation:
      'De externe IP-bereiken van de connectors op deze poort laten deze Exchange-servers weg, dus hun verbindingen worden vóór de verificatie geweigerd.',
  },
  'connector.none-read': {
    title: 'Er zijn geen ontvangstconnectors gelezen voor {server}',
    explanation: 'Het bindingsaccount kan ze niet lezen, of de detectie is voor deze server mislukt.',
  },
  'connector.none': {
    title: 'Er is geen ontvangstconnector weergegeven',
    explanation: 'Get-ReceiveConnector gaf niets terug.',
  },
  'connector.sender-unresolved': {
    title: 'Het is onbekend welke connector van {server} e-mail van {sender} ontvangt',
    explanation:
      'Het adres van de verzendende server is nodig om te zien welk extern IP-bereik, en dus welke connector, de verbindingen ervan ontvangt.',
  },
  'connector.probe-failed': {
    title: '{endpoint} antwoordde niet op een EHLO',
    explanation:
      'Wat de connector op de lijn aanbiedt, was vanaf deze computer niet te zien; het directoryoverzicht hierboven blijft gelden. Stap 4 laat zien of de poort bereikbaar is.',
  },
  'connector.wire-agrees': {
    title: '{endpoint} {offers} X-ANONYMOUSTLS, zoals {connector} is geconfigureerd',
    explanation: 'Wat de connector op de lijn aanbiedt, komt overeen met zijn AuthMechanism in de directory.',
  },
  'connector.wire-lacks-anonymoustls': {
    title: '{connector} heeft Exchange Server-verificatie in AD, maar {endpoint} biedt geen X-ANONYMOUSTLS aan',
    explanation:
      'Exchange biedt X-ANONYMOUSTLS alleen aan als de connector Exchange Server-verificatie kan doen, waarvoor ook een geldig certificaat voor de FQDN van de connector nodig is (gebeurtenis 12014 als dat ontbreekt). Zonder dat mislukken andere servers met 454 4.7.0 of 451 5.7.3. Een directorywijziging die deze server nog niet heeft bereikt, ziet er hetzelfde uit.',
  },
  'connector.wire-offers-anonymoustls': {
    title: '{endpoint} biedt X-ANONYMOUSTLS aan, hoewel {connector} in AD geen Exchange Server-verificatie heeft',
    explanation:
      'De lijn en de directory spreken elkaar tegen: misschien antwoordt een andere connector aan deze computer, of heeft de server een directorywijziging nog niet gelezen (hij laadt connectors periodiek opnieuw).',
  },
  // Step 6, TLS and connector selection on the wire (issue 13)
  'tls.handshake': {
    title: '{where}: {verb}, daarna {protocol}; X-EXPS binnen TLS: {mechanisms}',
    explanation:
      'TLS start zoals een verzendende Exchange-server het start, en de trefwoorden binnen TLS zijn die welke de directory doet verwachten.',
  },
  'tls.session-stalled': {
    title: 'De SMTP-sessie met {where} stopte in de fase {stage}',
    explanation:
      'De ontvanger (of iets op het pad) hield midden in de sessie op met antwoorden of weigerde, dus of TLS en Exchange-verificatie op deze poort werken, kon niet worden vastgesteld.',
  },
  'tls.not-offered': {
    title: '{where} biedt X-ANONYMOUSTLS noch STARTTLS aan, hoewel {connector} dat zou moeten doen',
    explanation:
      'Een verzendende Exchange-server start TLS (X-ANONYMOUSTLS) voordat hij zich met Kerberos verifieert; zonder TLS kan hij zich niet verifiëren en blijft zijn e-mail in de wachtrij staan. Exchange laat X-ANONYMOUSTLS weg als de connector geen Exchange Server-verificatie heeft of er geen bruikbaar certificaat wordt gevonden (gebeurtenis 12014).',
  },
  'tls.upgrade-refused': {
    title: '{where} biedt {verb} aan, maar weigert het: {reply}',
    explanation:
      'De ontvanger kondigt TLS aan en weigert het daarna te starten. Exchange antwoordt zo als de connector geen bruikbaar certificaat voor zijn FQDN kan laden (gebeurtenis 12014 op de ontvanger); de verzendende server kan geen TLS starten, kan zich dus niet verifiëren en zijn e-mail blijft in de wachtrij staan. Zoek naar gebeurtenis 12014 en controleer de certificaten met Get-ExchangeCertificate op de ontvanger.',
  },
  'tls.version-mismatch': {
    title:
      'Geen gemeenschappelijke TLS-versie met {where}: deze kant bood {offered} aan, {server} spreekt {receiverSpeaks}',
    explanation:
      'Na {verb} vonden de twee kanten geen protocolversie die beide toestaan. Exchange-servers onderhandelen TLS via SChannel; als op één server TLS 1.2 is uitgeschakeld (of alleen TLS 1.2+ is ingeschakeld terwijl de andere alleen TLS 1.0/1.1 gebruikt), mislukt X-ANONYMOUSTLS en begint de Exchange-verificatie nooit. Schakel TLS 1.2 in op beide servers (registersleutels van SChannel Protocols en SchUseStrongCrypto van .NET) en start daarna de transportservice opnieuw.',
  },
  'tls.handshake-failed': {
    title: 'De TLS-handshake met {where} na {verb} is mislukt',
    explanation:
      'De ontvanger stemde in met het starten van TLS, maar de handshake werd niet voltooid; de reden van het platform zegt waarom.',
  },
  'tls.exps-missing': {
    title: '{where} biedt geen X-EXPS binnen TLS aan, hoewel {connector} Exchange- of geïntegreerde verificatie heeft',
    explanation:
      'Na X-ANONYMOUSTLS verifieert een verzendende Exchange-server zich met X-EXPS (GSSAPI, EXCHANGEAUTH). Zonder dat heeft hij niets om zich mee te verifiëren, en meldt de afzender 454 4.7.0 of 451 5.7.3.',
  },
  'tls.certificate-expired': {
    title: 'Het transportcertificaat dat {server} op {where} aanbiedt: {detail}',
    explanation: CERT_EXPLANATION,
  },
  'tls.certificate-name': {
    title: 'Het transportcertificaat dat {server} op {where} aanbiedt, is niet voor {fqdn}: {detail}',
    explanation: CERT_EXPLANATION,
  },
  'tls.not-judged-inspected': {
    title: 'TLS op {where} kan niet worden beoordeeld: iets op het pad herschrijft SMTP',
    explanation:
      'De banner of de EHLO-trefwoorden komen gemaskeerd aan, dus wat de ontvanger zelf aanbiedt, is verborgen. Stap 4 noemt de tekenen.',
  },
  'connector.selection': {
    title: 'Elke afzender bereikt een connector van {server} met Exchange Server-verificatie',
    explanation: `${SELECTION_RULE} De tabel noemt voor elk adres waarvandaan een afzender verbinding kan maken, de connector die wint en waarom de andere verloren. Een winnaar heeft Exchange Server-verificatie (met TLS) en de machtigingsgroep ExchangeServers nodig.`,
  },
  'connector.selection-lacks-auth': {
    title: '{senders} bereiken {connectors} op {server}, zonder Exchange Server-verificatie',
    explanation: `${SELECTION_RULE} De tabel noemt de winnaar voor elk adres en waarom de andere verloren. De winnaar heeft hier geen Exchange Server-verificatie (de fout bij de connector zegt dat); hij heeft dat mechanisme met TLS nodig, en de machtigingsgroep ExchangeServers.`,
  },
  'connector.selection-tie': {
    title: 'Op {port} valt {sender} ({address}) binnen even nauwe bereiken van {connectors}',
    explanation:
      'Als twee connectors op dezelfde binding een adres omvatten met bereiken van dezelfde grootte, is niet gedocumenteerd welke de verbinding krijgt; maak één bereik nauwer zodat u zelf kiest.',
  },
  'connector.link-local-uncovered': {
    title:
      'Geen connector van {server} op {port} accepteert de IPv6-link-local adressen (fe80::/10) waarvandaan andere servers via IPv6 verbinding maken',
    explanation: LINK_LOCAL_EXPLANATION,
  },
  'connector.link-local-partial': {
    title:
      'Geen connector van {server} op {port} accepteert alle IPv6-link-local adressen (fe80::/10) waarvandaan andere servers via IPv6 verbinding maken',
    explanation: LINK_LOCAL_EXPLANATION,
  },
};
