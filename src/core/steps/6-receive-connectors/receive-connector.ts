/**
 * Parsers of `Get-ReceiveConnector | fl Name,AuthMechanism,PermissionGroups,Bindings,RemoteIPRanges,Enabled,Server`
 * and of the same piped to `ConvertTo-Json`. The JSON form may carry enums as numbers (local
 * shell) or names (remoting), and bindings/ranges as strings or objects; all are accepted.
 */
import { AUTH_MECHANISM_BITS } from '../../directory/model';
import {
  type ListRecord,
  fieldValue,
  readFormatList,
  readPsBoolean,
  readPsCollection,
} from '../../parsers/ps-format-list';
import { asArray, bool, isObject, list, num, prop, readJson, str } from '../../parsers/ps-json';
import {
  type ParseOutcome,
  type ParseProblem,
  isBlank,
  problem,
  recognised,
  toLines,
  unrecognised,
} from '../../parsers/result';

/** Bits of the connector's PermissionGroups. */
export const PERMISSION_GROUP_BITS = {
  AnonymousUsers: 1,
  ExchangeUsers: 2,
  ExchangeServers: 4,
  ExchangeLegacyServers: 8,
  Partners: 16,
  Custom: 32,
} as const;

export interface ReceiveConnectorInfo {
  name?: string;
  identity?: string;
  server?: string;
  enabled?: boolean;
  authMechanisms: string[];
  permissionGroups: string[];
  bindings: string[];
  remoteIpRanges: string[];
  /** True when AuthMechanism includes ExchangeServer (what KB 979174 step 6 checks). */
  exchangeServerAuth: boolean;
  /** Fields PowerShell cut short (`{a, b, c, d...}`); their lists are incomplete. */
  truncatedFields: string[];
}

/** Either form: JSON when the text starts with `[` or `{`, Format-List otherwise. */
export function parseReceiveConnectors(raw: string): ParseOutcome<ReceiveConnectorInfo[]> {
  const first =
    toLines(raw)
      .find((l) => l.text.trim() !== '')
      ?.text.trim() ?? '';
  return first.startsWith('[') || first.startsWith('{')
    ? parseReceiveConnectorJson(raw)
    : parseReceiveConnectorList(raw);
}

export function parseReceiveConnectorList(raw: string): ParseOutcome<ReceiveConnectorInfo[]> {
  const lines = toLines(raw);
  const problems: ParseProblem[] = [];
  if (isBlank(lines)) return unrecognised('Get-ReceiveConnector printed nothing');
  const connectors: ReceiveConnectorInfo[] = [];
  for (const record of readFormatList(lines)) {
    if (!isConnectorRecord(record)) {
      for (const f of record.fields) problems.push(problem(lines[f.line - 1], 'line not understood; ignored'));
      continue;
    }
    const c = emptyConnector();
    const text = (key: string): string | undefined => fieldValue(record, key);
    const name = text('Name');
    if (name !== undefined) c.name = name;
    const identity = text('Identity');
    if (identity !== undefined) c.identity = identity;
    const server = text('Server');
    if (server !== undefined) c.server = server;
    const enabled = readPsBoolean(text('Enabled'));
    if (enabled !== undefined) c.enabled = enabled;
    const collect = (key: string, target: string[]): void => {
      const v = text(key);
      if (v === undefined) return;
      const col = readPsCollection(v);
      target.push(...col.items);
      if (col.truncated) {
        c.truncatedFields.push(key);
        const line = lines[(record.fields.find((f) => f.key.toLowerCase() === key.toLowerCase())?.line ?? 1) - 1];
        problems.push(
          problem(
            line,
            `${key} was cut short by $FormatEnumerationLimit; use ConvertTo-Json or set $FormatEnumerationLimit = -1`,
          ),
        );
      }
    };
    collect('AuthMechanism', c.authMechanisms);
    collect('PermissionGroups', c.permissionGroups);
    collect('Bindings', c.bindings);
    collect('RemoteIPRanges', c.remoteIpRanges);
    for (const f of record.fields) {
      if (!KNOWN.has(f.key.toLowerCase())) problems.push(problem(lines[f.line - 1], `field "${f.key}" not used`));
    }
    c.exchangeServerAuth = c.authMechanisms.some((m) => m.toLowerCase() === 'exchangeserver');
    connectors.push(c);
  }
  if (connectors.length === 0)
    return unrecognised('no record with Name, Identity, AuthMechanism or Bindings', problems);
  return recognised(connectors, problems);
}

export function parseReceiveConnectorJson(raw: string): ParseOutcome<ReceiveConnectorInfo[]> {
  const read = readJson(
    toLines(raw)
      .map((l) => l.text)
      .join('\n'),
  );
  if (!read.ok) return unrecognised(read.reason);
  const problems: ParseProblem[] = [];
  const connectors: ReceiveConnectorInfo[] = [];
  asArray(read.value).forEach((item, index) => {
    if (!isObject(item)) {
      problems.push(problem(undefined, `item ${index} is not an object`));
      return;
    }
    const c = emptyConnector();
    const name = str(prop(item, 'Name'));
    if (name !== undefined) c.name = name;
    const identity = identityText(prop(item, 'Identity'));
    if (identity !== undefined) c.identity = identity;
    const server = str(prop(item, 'Server')) ?? str(prop(prop(item, 'Server'), 'Name'));
    if (server !== undefined) c.server = server;
    const enabled = bool(prop(item, 'Enabled'));
    if (enabled !== undefined) c.enabled = enabled;
    c.authMechanisms = flagNames(prop(item, 'AuthMechanism'), AUTH_MECHANISM_BITS);
    c.permissionGroups = flagNames(prop(item, 'PermissionGroups'), PERMISSION_GROUP_BITS);
    c.bindings = list(prop(item, 'Bindings')).flatMap((b) => bindingText(b) ?? []);
    c.remoteIpRanges = list(prop(item, 'RemoteIPRanges')).flatMap((r) => rangeText(r) ?? []);
    c.exchangeServerAuth = c.authMechanisms.some((m) => m.toLowerCase() === 'exchangeserver');
    if (!c.name && !c.identity && c.bindings.length === 0) {
      problems.push(problem(undefined, `item ${index} has no Name, Identity or Bindings`));
      return;
    }
    connectors.push(c);
  });
  if (connectors.length === 0) return unrecognised('no receive connector objects in the JSON', problems);
  return recognised(connectors, problems);
}

const KNOWN = new Set([
  'name',
  'identity',
  'server',
  'enabled',
  'authmechanism',
  'permissiongroups',
  'bindings',
  'remoteipranges',
]);

function isConnectorRecord(record: ListRecord): boolean {
  return record.fields.some((f) => ['name', 'identity', 'authmechanism', 'bindings'].includes(f.key.toLowerCase()));
}

function emptyConnector(): ReceiveConnectorInfo {
  return {
    authMechanisms: [],
    permissionGroups: [],
    bindings: [],
    remoteIpRanges: [],
    exchangeServerAuth: false,
    truncatedFields: [],
  };
}

/** A flags enum as a number (31), a name list (`"Tls, ExchangeServer"`) or an array of names. */
function flagNames(value: unknown, bits: Readonly<Record<string, number>>): string[] {
  const n = num(value);
  if (n !== undefined) {
    const names = Object.entries(bits)
      .filter(([, bit]) => (n & bit) !== 0)
      .map(([name]) => name);
    return names.length > 0 ? names : ['None'];
  }
  if (typeof value === 'string') return readPsCollection(value).items;
  if (isObject(value)) return flagNames(prop(value, 'value'), bits);
  return asArray(value).flatMap((v) => str(v) ?? []);
}

function identityText(value: unknown): string | undefined {
  return str(value) ?? str(prop(value, 'DistinguishedName')) ?? str(prop(value, 'Name'));
}

/** `"0.0.0.0:25"`, or an IPBinding object with Address (string or IPAddress object) and Port. */
function bindingText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  const port = num(prop(value, 'Port'));
  const addr = prop(value, 'Address');
  const address = str(addr) ?? str(prop(addr, 'IPAddressToString'));
  if (address === undefined || port === undefined) return undefined;
  return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
}

/** `"10.0.0.0/24"`, or an IPRange object with Expression or LowerBound/UpperBound. */
function rangeText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  const expression = str(prop(value, 'Expression'));
  if (expression !== undefined) return expression;
  const lower = str(prop(value, 'LowerBound')) ?? str(prop(prop(value, 'LowerBound'), 'IPAddressToString'));
  const upper = str(prop(value, 'UpperBound')) ?? str(prop(prop(value, 'UpperBound'), 'IPAddressToString'));
  if (lower === undefined) return undefined;
  return upper === undefined || upper === lower ? lower : `${lower}-${upper}`;
}
