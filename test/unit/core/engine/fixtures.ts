/** A small discovered organisation (two Exchange servers, two DCs) and settings for engine tests. */
import type { Finding, Step } from '../../../../src/shared/findings';
import type { DiscoveryResult, ExchangeServer } from '../../../../src/core/directory/model';
import {
  DEFAULT_ENGINE_SETTINGS,
  type Check,
  type CheckContext,
  type EngineSettings,
} from '../../../../src/core/engine/check';
import type { DiagnosisRequest } from '../../../../src/core/engine/orchestrator';
import type { FakeIo } from './fake-io';
import type { FindingCode } from '../../../../src/core/steps/finding-codes';

export function server(name: string, fqdn = `${name.toLowerCase()}.contoso.test`): ExchangeServer {
  return {
    name,
    fqdn,
    dn: `CN=${name},CN=Servers,CN=Exchange Administrative Group (FYDIBOHF23SPDLT),CN=Administrative Groups,CN=Contoso,CN=Microsoft Exchange,CN=Services,CN=Configuration,DC=contoso,DC=test`,
    roles: ['Mailbox'],
    receiveConnectors: [],
    computer: {
      dn: `CN=${name},CN=Computers,DC=contoso,DC=test`,
      samAccountName: `${name}$`,
      dnsHostName: fqdn,
      servicePrincipalNames: [],
    },
  };
}

export function discovery(servers = [server('EX01'), server('EX02')]): DiscoveryResult {
  return {
    discoveredAt: '2026-11-22T13:47:47.000Z',
    source: 'ldaps://dc1.contoso.test:636',
    rootDse: {
      defaultNamingContext: 'DC=contoso,DC=test',
      configurationNamingContext: 'CN=Configuration,DC=contoso,DC=test',
      dnsHostName: 'dc1.contoso.test',
    },
    organisation: {
      name: 'Contoso',
      dn: 'CN=Contoso,CN=Microsoft Exchange,CN=Services,CN=Configuration,DC=contoso,DC=test',
    },
    servers,
    domainControllers: [
      {
        name: 'DC1',
        fqdn: 'dc1.contoso.test',
        dn: 'CN=DC1,CN=Servers,CN=Default-First-Site-Name,CN=Sites,CN=Configuration,DC=contoso,DC=test',
        source: 'sites',
      },
      {
        name: 'DC2',
        fqdn: 'dc2.contoso.test',
        dn: 'CN=DC2,CN=Servers,CN=Default-First-Site-Name,CN=Sites,CN=Configuration,DC=contoso,DC=test',
        source: 'sites',
      },
    ],
    warnings: [],
  };
}

export function settings(overrides: Partial<EngineSettings> = {}): EngineSettings {
  return { ...DEFAULT_ENGINE_SETTINGS, realm: 'CONTOSO.TEST', probeTimeoutMs: 1000, ...overrides };
}

export const targets = [
  {
    host: 'dc1.contoso.test',
    port: 636,
    security: 'ldaps' as const,
    caPem: '-----BEGIN CERTIFICATE-----\nfake\n-----END CERTIFICATE-----\n',
  },
];
export const credentials = { user: 'svc-doctor@contoso.test', password: 'not-a-real-password' };

export function finding(
  step: Step,
  code: FindingCode,
  severity: Finding['severity'],
  subject = 'EX01',
  title = `${code} on ${subject}`,
): Finding<FindingCode> {
  const f: Finding<FindingCode> = {
    code,
    step,
    severity,
    subject: { kind: 'server', name: subject },
    title,
    explanation: 'x',
    evidence: [],
    remedies: [],
  };
  if (severity === 'unknown') f.reason = 'test';
  return f;
}

/** A check that emits the given findings (after an optional delay) or runs `body`. */
export function check(id: string, step: Step, body: (ctx: CheckContext) => Promise<void>): Check {
  return { id, step, title: `check ${id}`, run: body };
}

/** A diagnosis request over the fake I/O with no checks of its own (tests pass theirs). */
export function diagnosisRequest(fake: FakeIo, overrides: Partial<DiagnosisRequest> = {}): DiagnosisRequest {
  return {
    io: fake.io,
    discovery: discovery(),
    scope: { kind: 'organisation' },
    settings: settings(),
    directory: { targets, credentials },
    checks: [],
    ...overrides,
  };
}
