/**
 * What the panel says about each step, written for this product (KB 979174 gives the facts, the
 * sentences are ours). Every text is an English l10n key: `k()` marks a key where it is declared
 * and `t()` translates it where it is shown; test/unit/l10n/webview-keys.test.ts checks that each
 * marked key is in l10n/bundle.l10n.json.
 */
import type { SymptomKind } from '../../src/shared/symptom';
import type { StepStatus } from '../../src/shared/walkthrough-protocol';

/** Marks a string as an l10n key (identity). */
export const k = (key: string): string => key;

export interface StepContent {
  title: string;
  what: string;
  why: string;
  /** Read-only commands to look by hand, with `<server>`-style placeholders. */
  manual: { label: string; command: string }[];
}

export const SYMPTOM_STEP = {
  title: k('Confirm the symptom'),
  what: k(
    'Paste what you saw: the Last Error of a queue in Queue Viewer or Get-Queue, the text of event 1035 from the Application log of the receiving server, or a line of an SMTP protocol log. The servers are read from it.',
  ),
  why: k(
    'The 454 4.7.0 status means that one Exchange server could not authenticate to another with Kerberos. Knowing which server sends and which receives focuses every check on the right pair.',
  ),
};

export const STEP_CONTENT: Readonly<Record<1 | 2 | 3 | 4 | 5 | 6, StepContent>> = {
  1: {
    title: k('Clocks agree within the Kerberos tolerance'),
    what: k(
      'Compares the clocks of the Exchange servers with the clocks of the domain controllers that authenticate them.',
    ),
    why: k(
      'Kerberos tickets carry time stamps. When two clocks are further apart than the domain allows (5 minutes by default), tickets are refused and the servers cannot authenticate.',
    ),
    manual: [
      { label: k('Offset of a domain controller'), command: 'w32tm /stripchart /computer:<dc> /samples:5 /dataonly' },
    ],
  },
  2: {
    title: k('Domain controllers replicate'),
    what: k(
      'Compares what each domain controller holds about the Exchange computer accounts and looks for replication failures.',
    ),
    why: k(
      'A name fixed on one domain controller is unknown to the others until replication carries it over. A KDC that answers from an old copy issues tickets from stale data.',
    ),
    manual: [
      { label: k('Replication summary'), command: 'repadmin /replsummary' },
      { label: k('Force replication'), command: 'repadmin /syncall /AdeP' },
    ],
  },
  3: {
    title: k('SMTP and SMTPSVC SPNs are registered once, on the right account'),
    what: k(
      'Lists the service principal names of each Exchange computer account and compares them with the ones Exchange needs: SMTP and SMTPSVC for the short name and for the FQDN. Then looks for the same name on more than one account.',
    ),
    why: k(
      'The sending server asks the KDC for a ticket to SMTPSVC on the receiving server. If no account holds that name, or two accounts do, no usable ticket is issued.',
    ),
    manual: [
      { label: k('SPNs of a server'), command: 'setspn -L <server>' },
      { label: k('Duplicate SPNs in the forest'), command: 'setspn -X -F' },
    ],
  },
  4: {
    title: k('Kerberos and transport ports are reachable'),
    what: k(
      'Tries the Kerberos port 88 (TCP and UDP) of the domain controllers and the transport ports of the receiving server.',
    ),
    why: k(
      'A firewall that drops Kerberos traffic makes every ticket request time out, and a closed transport port keeps the sending server from reaching its peer at all.',
    ),
    manual: [
      { label: k('Kerberos port of a domain controller'), command: 'Test-NetConnection -ComputerName <dc> -Port 88' },
    ],
  },
  5: {
    title: k('Kerberos logging shows no errors'),
    what: k(
      'Reads the Kerberos errors in the System log of the server that logs event 1035. Windows records them only while Kerberos logging is turned on.',
    ),
    why: k(
      'When the first four steps find nothing, the Kerberos error code names the cause: a clock skew, an unknown name, a key that does not match. Turn the logging off again when you are done.',
    ),
    manual: [
      {
        label: k('Turn Kerberos logging on'),
        command:
          'reg add "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa\\Kerberos\\Parameters" /v LogLevel /t REG_DWORD /d 1 /f',
      },
      {
        label: k('Turn Kerberos logging off'),
        command: 'reg delete "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa\\Kerberos\\Parameters" /v LogLevel /f',
      },
    ],
  },
  6: {
    title: k('Receive connectors accept Exchange Server authentication'),
    what: k(
      'Reads the receive connectors of the receiving server and checks that the ones taking mail from other Exchange servers offer Exchange Server authentication, in the directory and on the wire.',
    ),
    why: k(
      'Without Exchange Server authentication on the connector the sending server has no way to prove who it is, and the session ends with 454 4.7.0.',
    ),
    manual: [
      {
        label: k('Authentication of the connectors'),
        command: 'Get-ReceiveConnector -Server <server> | Format-List Name,AuthMechanism,PermissionGroups,Bindings',
      },
    ],
  },
};

export const STATUS_LABEL: Readonly<Record<StepStatus, string>> = {
  idle: k('Not checked yet'),
  running: k('Checking…'),
  ok: k('OK'),
  warning: k('Warning'),
  error: k('Error'),
  unknown: k('Could not check'),
};

export const KIND_LABEL: Readonly<Record<SymptomKind, string>> = {
  'queue-viewer': k('Queue Viewer error'),
  'event-1035': k('Event 1035 (MSExchangeTransport)'),
  'smtp-send-log': k('SMTP send protocol log'),
  'smtp-receive-log': k('SMTP receive protocol log'),
  'status-code': k('Status code 454 4.7.0'),
};

/** Labels the recogniser gives its facts (see src/core/symptom/recognise.ts). */
export const FACT_LABELS = [
  k('Error'),
  k('Authentication mechanism'),
  k('Connector'),
  k('Sending server'),
  k('Receiving server'),
];

/** Endonyms: each language is named in itself, whatever the panel's language. */
export const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  en: 'English',
  es: 'Español',
  nl: 'Nederlands',
  he: 'עברית',
  'zh-cn': '简体中文',
};
