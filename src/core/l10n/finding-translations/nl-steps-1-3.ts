/**
 * Dutch wording of the finding codes of steps 1 to 3 (clocks, replication, SPNs), keyed by code,
 * with the English templates' placeholders. Terms follow KB 979174 in Dutch (domeincontroller,
 * replicatie, SPN (Service Principal Name), computeraccount); the sentences are ours. Assembled
 * with steps 4 to 6 in ./nl.ts.
 */
import type { FindingTranslations } from './types';

const STALE_KDC =
  'Elke domeincontroller beantwoordt Kerberos- en LDAP-aanvragen uit zijn eigen kopie van de directory. Een domeincontroller die de laatste wijziging aan het account van een Exchange-server niet heeft ontvangen (bijvoorbeeld een net geregistreerde SPN), geeft oude gegevens: een KDC daarop vindt de SPN niet en tickets voor die server mislukken tot de replicatie is bijgewerkt. Zoek uit waarom de replicatie naar deze domeincontroller vastloopt en push de wijzigingen er daarna naartoe.';
const PRINCIPAL_UNKNOWN =
  'Andere Exchange-servers vragen de KDC om een ticket voor SMTPSVC/<name> van deze server. Als geen enkel account die SPN heeft, antwoordt de KDC met KDC_ERR_S_PRINCIPAL_UNKNOWN, mislukt de Exchange-verificatie en blijft de e-mail met 454 4.7.0 in de wachtrij staan.';
const NO_ACCOUNT =
  "Zonder het computeraccount kunnen de SPN's ervan niet worden vergeleken met die Exchange nodig heeft.";

export const NL_STEPS_1_TO_3: FindingTranslations = {
  // Step 1: clocks
  'clock.ok': {
    title: 'De klok van {host} komt overeen met {reference} ({skew}, ±{uncertainty})',
    explanation: 'De klok ligt dicht genoeg bij {reference} voor Kerberos.',
  },
  'clock.skew': {
    title: 'De klok van {by} loopt {duration} {direction} {reference}{detail}',
    explanation:
      'Kerberos-berichten bevatten tijdstempels. Een KDC of ontvangende server die er een vindt die verder van de eigen klok afwijkt dan de tolerantie ({tolerance}), weigert die als mogelijke replay (KRB_AP_ERR_SKEW); het Kerberos-deel van de Exchange Server-verificatie mislukt en de verzendende server zet de e-mail in de wachtrij met 454 4.7.0. Een klok die meer afwijkt dan de waarschuwingsdrempel ({warning}) maar binnen de tolerantie blijft, werkt nog, maar een klok die al zo ver is verlopen, blijft meestal verder verlopen. Zet deze klok gelijk met de tijdbron en zoek daarna uit waarom hij afweek.',
  },
  'clock.unreachable': {
    title: 'De klok van {host} kon niet worden gelezen',
    explanation:
      'Zonder meting kan deze klok niet met de andere worden vergeleken. De reden zegt wat er misging; de andere hosts zijn wel vergeleken.',
  },
  'clock.no-banner-date': {
    title: 'De SMTP-banners van {host} verbergen de datum, dus de klok kon hiervandaan niet worden gelezen',
    explanation:
      'Exchange zet de tijd in de SMTP-banner, tenzij een aangepaste banner die vervangt. Lees de klok in plaats daarvan op de server zelf.',
  },
  'clock.local-skew': {
    title: 'De klok van deze computer loopt {duration} {direction} de tijd van het domein',
    explanation:
      'Afwijkingen tussen de servers worden onafhankelijk van de klok van deze computer gemeten en kloppen dus nog steeds. Maar Kerberos-tickets die hiervandaan worden aangevraagd (de end-to-end-test van stap 3) kunnen mislukken totdat deze klok is gecorrigeerd.',
  },

  // Step 2: replication
  'replication.behind': {
    title: '{dc} loopt achter op {references}: {difference}{more}',
    explanation: STALE_KDC,
  },
  'replication.missing-object': {
    title: '{dc} loopt achter op {references}: {difference}{more}',
    explanation: STALE_KDC,
  },
  'replication.disagree': {
    title: '{dc} en {others} zijn het niet eens: {dc} {difference}{more}',
    explanation:
      'De domeincontrollers hebben verschillende waarden en geen van beide heeft alle waarden van de ander, dus van hieruit is niet te zeggen welke achterloopt (deze domeincontrollers geven geen msDS-ReplAttributeMetaData terug, en whenChanged is een lokale stempel die niet zegt welke wijziging nieuwer is). Mogelijk mist elk een wijziging die de ander wel heeft. Controleer de replicatiestatus van beide; repadmin /showobjmeta op elk ervan laat zien welke schrijfactie de nieuwste is.',
  },
  'replication.agree': {
    title: '{dc} heeft de nieuwste kopieën van de {count} opgevraagde Exchange-objecten',
    explanation:
      "Vergeleken met de {others} andere domeincontroller(s) die antwoordden: de SPN's, DNS-namen en Exchange-kenmerken komen overeen.",
  },
  'replication.dc-unreachable': {
    title: 'Aan {dc} konden de kopieën van de Exchange-objecten niet worden gevraagd',
    explanation:
      'Of deze domeincontroller de nieuwste Exchange-accounts heeft, kon niet worden gecontroleerd. Als hij uit staat, schakelen clients over naar andere domeincontrollers; als hij aan staat maar alleen vanaf hier onbereikbaar is, controleer hem dan vanaf een computer in zijn site.',
  },
  'replication.not-compared': {
    title: '{dc} antwoordde, maar geen andere domeincontroller, dus er was niets om mee te vergelijken',
    explanation:
      'Replicatie wordt gecontroleerd door te vergelijken wat meerdere domeincontrollers hebben; met één antwoord valt er niets te vergelijken.',
  },
  'replication.single-dc': {
    title: '{dc} is de enige gevonden domeincontroller, dus er is geen replicatie om te vergelijken',
    explanation:
      'Met één domeincontroller ziet elke aanvraag dezelfde gegevens; de replicatie kan niet achterlopen. Verwachtte u meer domeincontrollers, controleer dan of de detectie de Sites-configuratie kan lezen.',
  },
  'replication.failures': {
    title: '{dc} ontvangt geen replicatie: {fails} van {total} inkomende koppelingen mislukken{error}',
    explanation:
      'repadmin meldt mislukte inkomende replicatie op deze domeincontroller; de gegevens die hij levert, missen mogelijk recente wijzigingen, ook die aan de accounts van Exchange-servers (een SPN die op een andere domeincontroller is toegevoegd, kent deze niet).',
  },
  'replication.unreachable': {
    title: 'repadmin kon {dc} niet opvragen (fout {code})',
    explanation:
      'repadmin kon deze domeincontroller niet bereiken om de replicatiestatus te lezen; het is dus een blinde vlek, geen gezonde domeincontroller.',
  },
  'replication.healthy': {
    title: 'Replicatie meldt geen fouten in {rows} rij(en)',
    explanation: 'Elke replicatiekoppeling is bij de laatste poging geslaagd.',
  },
  'replication.synced': {
    title: 'SyncAll vanaf {dc} is zonder fouten beëindigd',
    explanation: 'Elke partitie is naar alle partners gepusht.',
  },
  'replication.sync-failed': {
    title: 'SyncAll vanaf {dc} meldde {count} fout(en)',
    explanation:
      'Sommige partners hebben de wijzigingen niet overgenomen; tickets worden mogelijk nog uit verouderde gegevens uitgegeven.',
  },

  // Step 3: SPNs
  'spn.no-computer-account': {
    title: 'Het computeraccount {account} van {server} is niet gevonden',
    explanation: NO_ACCOUNT,
  },
  'spn.list-failed': {
    title: 'setspn -L is mislukt: {message}',
    explanation: NO_ACCOUNT,
  },
  'spn.listed': {
    title: '{account} heeft {spns}',
    explanation:
      'Andere Exchange-servers hebben een ticket nodig voor SMTPSVC/<name> van deze server; de SPN moet op het computeraccount ervan staan.',
  },
  'spn.missing': { title: "{server} mist deze SPN's: {spns}", explanation: PRINCIPAL_UNKNOWN },
  'spn.wrong-account': {
    title: "SPN's van {server} zijn op een ander account geregistreerd: {holders}",
    explanation:
      'De KDC versleutelt het ticket met de sleutel van het account dat de SPN heeft. Is dat niet de Exchange-server, dan kan de server het niet ontsleutelen (KRB_AP_ERR_MODIFIED) en mislukt de verificatie.',
  },
  'spn.duplicate': {
    title: 'Dubbele SPN: {holders}',
    explanation:
      'Bij een SPN op twee accounts moet de KDC een sleutel kiezen; tickets kunnen dan op de Exchange-server niet worden ontsleuteld (KRB_AP_ERR_MODIFIED, KDC-gebeurtenis 11). Verwijder de SPN van het account dat niet de Exchange-server is.',
  },
  'spn.registered': {
    title: '{server} heeft {spns} op het eigen account',
    explanation:
      "De SMTP- en SMTPSVC-SPN's die Exchange voor deze server nodig heeft, staan op het computeraccount. De laatste kolom van de tabel zegt welke andere accounts ze hebben, waar dat is doorzocht.",
  },
  'spn.query-failed': {
    title: 'setspn -Q {spn} gaf geen antwoord',
    explanation: 'Of deze SPN geregistreerd is, kon niet worden gelezen.',
  },
  'spn.forest-unreadable': {
    title: "Er kon niet naar dubbele SPN's worden gezocht",
    explanation: "{what}, dus dubbele SPN's en SPN's op het verkeerde account zijn niet gecontroleerd.",
  },
  'spn.duplicate-other': {
    title: 'Dubbele SPN: {holders}',
    explanation:
      'Een dubbele SPN breekt Kerberos voor die service; Exchange-verificatie heeft er geen last van, tenzij het een SMTP- of SMTPSVC-SPN is.',
  },
  'spn.duplicates-incomplete': {
    title: 'setspn -X heeft de scan niet voltooid',
    explanation: "Slechts een deel van de directory is op dubbele SPN's gecontroleerd.",
  },
  'spn.no-duplicates': {
    title: "Geen dubbele SPN's in {scope}",
    explanation: 'Geen enkele SPN is op meer dan één account geregistreerd.',
  },
  'spn.forest-no-duplicates': {
    title: "Geen enkele SPN is twee keer geregistreerd ({count} SPN's gecontroleerd)",
    explanation:
      'Elke SPN in de doorzochte directory hoort bij precies één account, zoals setspn -X zou bevestigen met "found 0 group of duplicate SPNs".',
  },
  'spn.forest-duplicates': {
    title: "{count} SPN('s) zijn op meer dan één account geregistreerd",
    explanation:
      'Als twee accounts dezelfde SPN hebben, weet de KDC niet welke sleutel hij moet gebruiken en mislukt de Kerberos-verificatie voor de services achter die SPN. Laat elke SPN op het account waaronder de service draait en verwijder hem van de andere.',
  },
  'spn.forest-scan-failed': {
    title: "De forestbrede scan op dubbele SPN's is niet voltooid",
    explanation: "Dubbele waarden onder alle SPN's konden niet worden uitgesloten.",
  },
  'spn.registered-now': {
    title: '{spn} is geregistreerd op {account}',
    explanation: 'setspn meldde "Updated object".',
  },
  'spn.register-unconfirmed': {
    title: 'De registratie van {spn} is niet bevestigd',
    explanation: 'setspn heeft "Updated object" niet weergegeven.',
  },
  'spn.register-failed': {
    title: 'Registreren van {spn} is mislukt: {message}',
    explanation:
      'setspn meldde een fout. Voor het registreren van een SPN is schrijftoegang tot het computeraccount nodig (Domeinadministrators of een gedelegeerd recht).',
  },
  'spn.fqdn-mismatch': {
    title:
      '{server}: dNSHostName {dnsHostName} wijkt af van de FQDN die Exchange heeft geregistreerd ({registered}); {state}',
    explanation: '{why}',
  },
  'spn.dns-unresolved': {
    title: '{name} wordt niet omgezet in DNS',
    explanation:
      'Andere Exchange-servers bereiken deze server via deze naam en vormen er ook de SPN mee. Vanaf deze computer heeft de naam geen adres; controleer de DNS-zone die de Exchange-servers gebruiken.',
  },
  'spn.dns-reverse-mismatch': {
    title: '{address} wordt omgekeerd omgezet naar {ptr}, niet naar {name}',
    explanation:
      "Kerberos-clients die namen via reverse DNS canoniek maken, vragen een ticket aan voor de andere naam, waarvan de SPN mogelijk niet bestaat. Corrigeer de PTR-record of registreer de SPN's ook voor die naam.",
  },
  'spn.dns-ok': {
    title: '{name} wordt omgezet naar {addresses}',
    explanation:
      'De naam die afzenders voor deze server gebruiken, wordt omgezet en verwijst, waar een PTR-record bestaat, terug naar zichzelf.',
  },
  'spn.ticket-issued': {
    title: 'De KDC geeft een ticket uit voor {spn}{kvno}',
    explanation:
      'Er is een serviceticket voor de Exchange-SPN uitgegeven aan de referenties op deze computer: de SPN hoort bij precies één account met bruikbare sleutels.',
  },
  'spn.ticket-failed': {
    title: 'Geen ticket voor {spn}: {error}',
    explanation: '{meaning}',
  },
  // Step 3, Kerberos keys and account state (issue 12)
  'spn.keys-agree': {
    title: '{account}: sleutelversie {keyVersion} op {dcs}, {enctypes}',
    explanation:
      'Elke domeincontroller heeft dezelfde sleutelversie voor het account, het account is ingeschakeld en het deelt een versleutelingstype met elke KDC.',
  },
  'spn.keys-unread': {
    title: 'De Kerberos-sleutels van {account} konden op geen enkele domeincontroller worden gelezen',
    explanation: 'Elke domeincontroller is naar het account gevraagd; geen enkele gaf het terug.',
  },
  'spn.key-version-differs': {
    title: '{account} heeft sleutelversie {newest} op {ahead}, maar {older}; achter: {behind}',
    explanation:
      'Het computerwachtwoord van {server} is gewijzigd op {ahead} en die wijziging heeft {behind} nog niet bereikt. Een KDC daar versleutelt tickets voor {server} nog met de oude sleutel, die {server} niet meer kan ontsleutelen (KRB_AP_ERR_MODIFIED op {server}, 454 4.7.0 bij de afzender). Repliceer en laat de afzenders daarna hun tickets in de cache weggooien.',
  },
  'spn.account-disabled': {
    title: '{account} is uitgeschakeld (userAccountControl {uac})',
    explanation:
      'Een uitgeschakeld computeraccount kan zich niet aanmelden: {server} heeft geen beveiligd kanaal en kan niet als zichzelf aan Kerberos deelnemen, dus Exchange Server-verificatie van en naar deze server mislukt.',
  },
  'spn.des-only': {
    title: '{account} staat alleen DES-sleutels toe ({what})',
    explanation:
      "DES is standaard uitgeschakeld in elke ondersteunde Windows-versie: geen enkele KDC geeft zo'n ticket uit.",
  },
  'spn.no-common-etype': {
    title: '{account} ({enctypes}) en de KDC op {kdcs} hebben geen gemeenschappelijk versleutelingstype',
    explanation:
      'Een KDC geeft alleen een ticket voor {server} uit in een type dat zowel hij als het account toestaat; zonder gemeenschappelijk type mislukt de aanvraag met KDC_ERR_ETYPE_NOSUPP en registreert de domeincontroller KDC-gebeurtenis 14, 16, 26 of 27 (Exchange: KdcUnknownEncryptionType).',
  },
  'spn.no-common-etype-pair': {
    title:
      'De afzender {sendingAccount} ({sendingTypes}) en de ontvanger {account} ({enctypes}) hebben geen gemeenschappelijk versleutelingstype',
    explanation:
      'De sessiesleutel van een ticket van {sending} naar {server} moet een type hebben dat beide computers toestaan; zonder gemeenschappelijk type weigert de KDC het ticket (KDC_ERR_ETYPE_NOSUPP) en registreert {sending} Kerberos-gebeurtenis 14 of KdcUnknownEncryptionType van Exchange.',
  },
  'spn.rc4-only': {
    title: '{account} staat alleen RC4 toe ({enctypes})',
    explanation:
      'Tickets voor {server} zijn nu RC4. Microsoft haalt RC4 uit de standaardinstellingen van Kerberos (KB5073381: controle vanaf januari 2026, afdwinging vanaf april 2026, geen terugdraaien meer vanaf juli 2026); een domeincontroller die stopt met RC4 geeft geen tickets voor {server} meer uit.',
  },
  'spn.enctypes-unset': {
    title: '{account} heeft geen msDS-SupportedEncryptionTypes',
    explanation:
      'Windows-computers schrijven het wanneer ze lid worden van het domein. Zonder dit kenmerk gebruikt elke KDC de standaardwaarde van zijn domein: RC4 vóór de afdwinging van Microsoft in april 2026 (KB5073381), daarna alleen AES, dus tickets veranderen van type wanneer de domeincontrollers worden bijgewerkt.',
  },
  'spn.password-old': {
    title: 'Het computerwachtwoord van {server} is {days} dagen geleden voor het laatst ingesteld ({when})',
    explanation:
      'Windows wijzigt het standaard elke 30 dagen. Een ouder wachtwoord betekent dat {server} geen domeincontroller heeft bereikt om het te wijzigen: een verbroken beveiligd kanaal, of een server die is hersteld of gekloond uit een oude image.',
  },
  'spn.aes-keys-missing': {
    title:
      'Het wachtwoord van {account} is voor het laatst ingesteld op {when}, voordat het domein AES-sleutels kon bevatten ({since})',
    explanation:
      "AES-sleutels ontstaan wanneer een wachtwoord wordt ingesteld in een domein dat is voorbereid op Windows Server 2008 of later; een account met een ouder wachtwoord heeft mogelijk alleen RC4-sleutels, en KDC's die stoppen met RC4 (KB5073381) geven dan geen tickets meer voor dat account uit. Een nieuw computerwachtwoord maakt de AES-sleutels aan (KDC-gebeurtenis 42 zegt hetzelfde voor krbtgt en andere accounts).",
  },
  'spn.logon-old': {
    title: '{account} heeft zich {days} dagen geleden voor het laatst bij het domein aangemeld ({when})',
    explanation:
      'lastLogonTimestamp loopt bewust tot 14 dagen achter, geen maanden. Een server die op SMTP antwoordt maar zich zo lang niet heeft aangemeld, is waarschijnlijk een herstelde of gekloonde computer met een andere identiteit.',
  },
  'spn.duplicate-dnshostname': {
    title: '{fqdn} is de dNSHostName van {account} en ook van {others}',
    explanation:
      "Twee computeraccounts claimen één host. Welke van de twee ook de SPN's of de DNS-record krijgt, tickets en namen voor {fqdn} kunnen naar het verkeerde account wijzen; meestal is het andere account overgebleven van een herstel, een naamswijziging of een nieuwe domeindeelname.",
  },
};
