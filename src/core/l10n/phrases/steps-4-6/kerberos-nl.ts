/** Dutch: what a Kerberos error means and why an event points at a step (keys of ./kerberos-en.ts). */
import type { EN_KERBEROS_PHRASES } from './kerberos-en';

export const NL_KERBEROS_PHRASES: Readonly<Record<keyof typeof EN_KERBEROS_PHRASES, string>> = {
  'fp.5.krb.KDC_ERR_NAME_EXP': 'Het clientaccount is verlopen.',
  'fp.5.krb.KDC_ERR_SERVICE_EXP': 'Het serviceaccount is verlopen.',
  'fp.5.krb.KDC_ERR_BAD_PVNO': 'De aanvraag gebruikte een Kerberos-versie die de KDC niet spreekt.',
  'fp.5.krb.KDC_ERR_C_OLD_MAST_KVNO': 'De sleutel van de client is versleuteld met een oude hoofdsleutel.',
  'fp.5.krb.KDC_ERR_S_OLD_MAST_KVNO': 'De sleutel van de server is versleuteld met een oude hoofdsleutel.',
  'fp.5.krb.KDC_ERR_C_PRINCIPAL_UNKNOWN':
    'De KDC kent het clientaccount niet (verwijderd, of nog niet naar deze domeincontroller gerepliceerd).',
  'fp.5.krb.KDC_ERR_S_PRINCIPAL_UNKNOWN':
    'Geen account heeft de gevraagde SPN, dus de KDC kan er geen ticket voor uitgeven.',
  'fp.5.krb.KDC_ERR_PRINCIPAL_NOT_UNIQUE': 'Meer dan één account heeft de gevraagde naam of SPN.',
  'fp.5.krb.KDC_ERR_NULL_KEY': 'Het account heeft geen sleutel (geen wachtwoord ingesteld).',
  'fp.5.krb.KDC_ERR_CANNOT_POSTDATE': 'Het ticket kan niet worden vooruitgedateerd.',
  'fp.5.krb.KDC_ERR_NEVER_VALID': 'De gevraagde begintijd ligt na de eindtijd.',
  'fp.5.krb.KDC_ERR_POLICY':
    'Beleid heeft de aanvraag geweigerd (aanmeldingstijden, werkstationbeperkingen, smartcard).',
  'fp.5.krb.KDC_ERR_BADOPTION': 'De KDC kan een gevraagde optie niet honoreren (vaak de delegatie-instellingen).',
  'fp.5.krb.KDC_ERR_ETYPE_NOSUPP': 'De client, de KDC en het doelaccount delen geen enkel versleutelingstype.',
  'fp.5.krb.KDC_ERR_SUMTYPE_NOSUPP': 'Het controlesomtype wordt niet ondersteund.',
  'fp.5.krb.KDC_ERR_PADATA_TYPE_NOSUPP':
    'Het type voorverificatie wordt niet ondersteund (aanmelden met smartcard niet geconfigureerd).',
  'fp.5.krb.KDC_ERR_TRTYPE_NOSUPP': 'De doorvoercodering wordt niet ondersteund.',
  'fp.5.krb.KDC_ERR_CLIENT_REVOKED': 'Het clientaccount is uitgeschakeld, vergrendeld of verlopen.',
  'fp.5.krb.KDC_ERR_SERVICE_REVOKED': 'Het serviceaccount is uitgeschakeld of vergrendeld.',
  'fp.5.krb.KDC_ERR_TGT_REVOKED': 'Het ticket-granting ticket is ingetrokken.',
  'fp.5.krb.KDC_ERR_CLIENT_NOTYET': 'Het clientaccount is nog niet geldig.',
  'fp.5.krb.KDC_ERR_SERVICE_NOTYET': 'Het serviceaccount is nog niet geldig.',
  'fp.5.krb.KDC_ERR_KEY_EXPIRED': 'Het wachtwoord is verlopen en moet worden gewijzigd.',
  'fp.5.krb.KDC_ERR_PREAUTH_FAILED': 'Voorverificatie is mislukt: meestal een verkeerd wachtwoord.',
  'fp.5.krb.KDC_ERR_SERVER_NOMATCH': 'De KDC kent de gevraagde server niet.',
  'fp.5.krb.KDC_ERR_MUST_USE_USER2USER':
    'De server heeft geen sleutel; gebruiker-naar-gebruikerverificatie is vereist.',
  'fp.5.krb.KDC_ERR_PATH_NOT_ACCEPTED': 'De KDC heeft het vertrouwenspad geweigerd.',
  'fp.5.krb.KDC_ERR_SVC_UNAVAILABLE': 'De KDC-service is niet beschikbaar.',
  'fp.5.krb.KRB_AP_ERR_BAD_INTEGRITY':
    'Een controlesom klopte niet: het ticket of bericht is gewijzigd of met de verkeerde sleutel ontsleuteld.',
  'fp.5.krb.KRB_AP_ERR_TKT_EXPIRED': 'Het ticket is verlopen.',
  'fp.5.krb.KRB_AP_ERR_TKT_NYV': 'Het ticket is nog niet geldig.',
  'fp.5.krb.KRB_AP_ERR_REPEAT': 'De server heeft deze authenticator al eerder gezien (een herhaling).',
  'fp.5.krb.KRB_AP_ERR_NOT_US': 'Het ticket is niet voor deze server.',
  'fp.5.krb.KRB_AP_ERR_BADMATCH': 'Het ticket en de authenticator horen niet bij elkaar.',
  'fp.5.krb.KRB_AP_ERR_SKEW':
    'De klokken van de client en de server verschillen meer dan de toegestane afwijking (standaard 5 minuten).',
  'fp.5.krb.KRB_AP_ERR_BADADDR': 'Het netwerkadres in het ticket komt niet overeen met de afzender.',
  'fp.5.krb.KRB_AP_ERR_BADVERSION': 'De protocolversie komt niet overeen.',
  'fp.5.krb.KRB_AP_ERR_MSG_TYPE': 'Het berichttype is niet het verwachte.',
  'fp.5.krb.KRB_AP_ERR_MODIFIED':
    'De server kon het ticket niet ontsleutelen: de SPN staat op een ander account, of het wachtwoord verschilt tussen de server en de KDC.',
  'fp.5.krb.KRB_AP_ERR_BADORDER': 'Een bericht kwam in de verkeerde volgorde aan.',
  'fp.5.krb.KRB_AP_ERR_BADKEYVER': 'Het ticket is versleuteld met een sleutelversie die de server niet meer heeft.',
  'fp.5.krb.KRB_AP_ERR_NOKEY': 'De server heeft geen sleutel voor het ticket.',
  'fp.5.krb.KRB_AP_ERR_MUT_FAIL': 'Wederzijdse verificatie is mislukt.',
  'fp.5.krb.KRB_AP_ERR_BADDIRECTION': 'De richting van het bericht is verkeerd.',
  'fp.5.krb.KRB_AP_ERR_METHOD': 'Een andere verificatiemethode is vereist.',
  'fp.5.krb.KRB_AP_ERR_BADSEQ': 'Het volgnummer is verkeerd.',
  'fp.5.krb.KRB_AP_ERR_INAPP_CKSUM': 'Het controlesomtype past niet bij het bericht.',
  'fp.5.krb.KRB_AP_PATH_NOT_ACCEPTED': 'Het gewenste pad wordt niet geaccepteerd.',
  'fp.5.krb.KRB_ERR_RESPONSE_TOO_BIG': 'Het antwoord past niet in UDP; de client moet het via TCP opnieuw proberen.',
  'fp.5.krb.KRB_ERR_GENERIC': 'Een algemene fout; de gebeurtenis of de uitgebreide fout zegt meer.',
  'fp.5.krb.KRB_ERR_FIELD_TOOLONG': 'Een veld is te lang voor deze implementatie.',
  'fp.5.krb.KDC_ERR_CLIENT_NOT_TRUSTED': 'Het clientcertificaat wordt niet vertrouwd (PKINIT).',
  'fp.5.krb.KDC_ERR_KDC_NOT_TRUSTED': 'Het KDC-certificaat wordt niet vertrouwd (PKINIT).',
  'fp.5.krb.KDC_ERR_INVALID_SIG': 'Een PKINIT-handtekening is ongeldig.',
  'fp.5.krb.KDC_ERR_KEY_TOO_WEAK': 'De sleutel is te zwak (PKINIT).',
  'fp.5.krb.KDC_ERR_CERTIFICATE_MISMATCH': 'Het certificaat komt niet overeen (PKINIT).',
  'fp.5.krb.KRB_AP_ERR_NO_TGT': 'Geen ticket-granting ticket voor gebruiker-naar-gebruikerverificatie.',
  'fp.5.krb.KRB_AP_ERR_USER_TO_USER_REQUIRED': 'De service vereist gebruiker-naar-gebruikerverificatie.',

  'fp.5.why.account-not-replicated':
    'Een nieuw of hernoemd account dat één domeincontroller nog niet heeft, wijst naar replicatie.',
  'fp.5.why.spn-nowhere': 'De SMTP/SMTPSVC-SPN die de afzender vroeg, is op geen enkel account geregistreerd.',
  'fp.5.why.spn-not-replicated':
    'Een SPN die op één domeincontroller is toegevoegd en nog niet op de domeincontroller die antwoordde, ziet er hetzelfde uit.',
  'fp.5.why.spn-on-two': 'Dezelfde SPN op twee accounts laat de KDC geen sleutel kiezen.',
  'fp.5.why.no-usable-key': 'Het doelaccount heeft geen bruikbare sleutel.',
  'fp.5.why.times-nonsense': 'Tijden die nergens op slaan, komen vaak van een klok die ver afwijkt.',
  'fp.5.why.no-offered-etype':
    'Het account mist een sleutel van elk type dat de client aanbiedt (zie KDC-gebeurtenis 14).',
  'fp.5.why.kdc-closed-port': 'Een KDC die niet antwoordt, zit misschien achter een gesloten poort.',
  'fp.5.why.key-mismatch': 'Het doel ontsleutelde het ticket met een sleutel die niet overeenkomt met de KDC.',
  'fp.5.why.clock-ahead': 'Een ticket dat meteen verloopt, wijst op een klok die op de server ver voorloopt.',
  'fp.5.why.clock-behind': 'Een ticket uit de toekomst betekent dat de klok van de server achterloopt op de KDC.',
  'fp.5.why.ticket-other-account':
    'Een ticket dat voor een ander account is uitgegeven, komt aan wanneer de SPN op het verkeerde account staat.',
  'fp.5.why.clocks-apart': 'De klokken van de twee computers lopen te ver uiteen.',
  'fp.5.why.spn-other-account': 'De SPN hoort bij een ander account dan het account waaronder de service draait.',
  'fp.5.why.password-not-replicated':
    'Een computerwachtwoord dat op één domeincontroller is gewijzigd en nog niet op de andere, geeft dezelfde fout.',
  'fp.5.why.old-key-version':
    'Een oudere sleutelversie wijst op een domeincontroller die het laatste wachtwoord nog niet heeft ontvangen.',
  'fp.5.why.key-changed': 'De servicesleutel is gewijzigd.',
  'fp.5.why.no-etype-key': 'De service heeft geen sleutel voor dit versleutelingstype.',
  'fp.5.why.tcp-88': 'Grote tickets hebben TCP 88 nodig; als TCP 88 geblokkeerd is, mislukt de verificatie.',
  'fp.5.why.detailed-log': 'Alleen het gedetailleerde Kerberos-logboek vertelt wat er misging.',
  'fp.5.why.no-code': 'Een Kerberos-fout zonder leesbare code: lees de tekst van de gebeurtenis.',
  'fp.5.why.cannot-decrypt':
    'Het doel kon zijn ticket niet ontsleutelen: de SPN ervan staat op een ander account, of is twee keer geregistreerd.',
  'fp.5.why.password-change-pending':
    'Een wachtwoordwijziging die nog niet op elke domeincontroller staat, geeft dezelfde gebeurtenis.',
  'fp.5.why.name-on-two': 'De KDC vond dezelfde naam op meer dan één account.',
  'fp.5.why.no-allowed-etype': 'Het account heeft geen sleutel van een versleutelingstype dat de aanvraag toestaat.',
  'fp.5.why.keys-unreadable': 'De KDC kon de sleutels van het account niet lezen.',
  'fp.5.why.receiver-logged':
    'De ontvangende server heeft de mislukte Exchange-verificatie gelogd; schakel daar logboekregistratie voor Kerberos in en lees het systeemlogboek.',
  'fp.5.why.no-advice':
    'Een Kerberos-fout waarvoor dit product geen specifiek advies heeft; lees de tekst van de gebeurtenis.',
};
