/**
 * Command-line parsing for `exchange-auth-doctor`: `diagnose` and `setspn` with their options, each
 * option falling back to the environment variables `npm run lab -- env` prints. Pure (argv and env
 * in, options out) so it is tested without a process. The password is never an option: it comes
 * from EAD_BIND_PASSWORD or a prompt, and `--password` is refused with a message saying so.
 */
import type { SetspnMode } from '../core/steps/3-spns/setspn-over-ldap';
import { isIP } from 'node:net';
import { parseArgs } from 'node:util';
import type { Step } from '../shared/findings';
import { validateHostName, validateSpn } from '../core/safety/validation';
import { LANGS, langFromEnv, parseLang, type Lang } from '../core/l10n/render';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export type AuthMode = 'password' | 'kerberos' | 'auto';

export interface ConnectionOptions {
  /** DC host names, tried in order. */
  dcs: string[];
  port: number;
  /** `ldap` (plain 389) only with Kerberos, which seals the session. */
  security: 'ldaps' | 'starttls' | 'ldap';
  /** password: a simple bind as `user`; kerberos: the ticket or Windows logon; auto: kerberos when there is one. */
  auth: AuthMode;
  caFile?: string;
  /** The bind user (password sign-in); empty with Kerberos, where the ticket says who. */
  user: string;
  realm?: string;
  timeoutMs: number;
}

export type OutputFormat = 'text' | 'json' | 'json-lines' | 'markdown';

export interface DiagnoseOptions extends ConnectionOptions {
  /** A TCP connect or a Kerberos datagram without an answer within this is "no answer". */
  connectTimeoutMs: number;
  servers: string[];
  pair?: { sending: string; receiving: string };
  steps: Step[];
  allSpns: boolean;
  format: OutputFormat;
  /** Colours in text output: only on a TTY, never with NO_COLOR. */
  color: boolean;
  /** `--source-address EX01=10.0.0.5`: addresses a server connects from besides its DNS ones, by upper-case name. */
  sourceAddresses?: Record<string, string[]>;
  /** Language of the text output (--lang, else LC_ALL/LC_MESSAGES/LANG); JSON output is language-neutral. */
  lang: Lang;
}

export type CliCommand =
  | { command: 'help'; topic?: 'diagnose' | 'setspn' }
  | { command: 'version' }
  | { command: 'diagnose'; options: DiagnoseOptions }
  | { command: 'setspn'; options: ConnectionOptions; setspn: SetspnMode };

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_CONNECT_TIMEOUT_MS = 3_000;

const PASSWORD_FLAG = /^(--?(password|pass|pwd|bind-password)(=.*)?|-p)$/i;

const CONNECTION_OPTIONS = {
  dc: { type: 'string', multiple: true },
  port: { type: 'string' },
  security: { type: 'string' },
  auth: { type: 'string' },
  'ca-file': { type: 'string' },
  user: { type: 'string' },
  realm: { type: 'string' },
  timeout: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Env = Record<string, string | undefined>;

function list(values: readonly string[] | undefined): string[] {
  return (values ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

function host(name: string, what: string): string {
  const v = validateHostName(name);
  if (!v.ok) throw new UsageError(`${what} "${name}" is not valid: ${v.reason}`);
  return v.value.name;
}

function integer(text: string, what: string, min: number, max: number): number {
  if (!/^\d+$/.test(text.trim())) throw new UsageError(`${what} must be a whole number, not "${text}"`);
  const n = Number(text);
  if (n < min || n > max) throw new UsageError(`${what} must be between ${min} and ${max}, not ${n}`);
  return n;
}

function connection(values: Record<string, string | boolean | string[] | undefined>, env: Env): ConnectionOptions {
  const dcs = list((values.dc as string[] | undefined) ?? (env.EAD_DC_HOST ? [env.EAD_DC_HOST] : undefined)).map((d) =>
    host(d, 'Domain controller'),
  );
  if (dcs.length === 0) throw new UsageError('No domain controller given: use --dc HOST (or set EAD_DC_HOST)');
  const authText = ((values.auth as string | undefined) ?? env.EAD_AUTH ?? 'password').trim();
  if (authText !== 'password' && authText !== 'kerberos' && authText !== 'auto')
    throw new UsageError(`--auth must be password, kerberos or auto, not "${authText}"`);
  const securityText = (values.security as string | undefined) ?? env.EAD_DC_SECURITY ?? 'ldaps';
  if (securityText !== 'ldaps' && securityText !== 'starttls' && securityText !== 'ldap')
    throw new UsageError(`--security must be ldaps, starttls or ldap, not "${securityText}"`);
  if (securityText === 'ldap' && authText === 'password')
    throw new UsageError(
      '--security ldap (plain, unencrypted) needs --auth kerberos: a password is never sent without TLS',
    );
  // EAD_DC_PORT goes with EAD_DC_SECURITY: a --security on the command line takes its own default port.
  const portText = (values.port as string | undefined) ?? (values.security ? undefined : env.EAD_DC_PORT);
  const port = portText ? integer(portText, '--port', 1, 65535) : securityText === 'ldaps' ? 636 : 389;
  const user = ((values.user as string | undefined) ?? env.EAD_BIND_USER ?? '').trim();
  if (!user && authText === 'password')
    throw new UsageError('No bind user given: use --user UPN (or set EAD_BIND_USER), or --auth kerberos');
  // eslint-disable-next-line no-control-regex -- a user name with control characters is refused
  if (/[\u0000-\u001f\u007f]/.test(user)) throw new UsageError('The bind user contains a control character');
  const timeoutText = (values.timeout as string | undefined) ?? env.EAD_TIMEOUT_MS;
  const options: ConnectionOptions = {
    dcs,
    port,
    security: securityText,
    auth: authText,
    user,
    timeoutMs: timeoutText ? integer(timeoutText, '--timeout', 100, 600_000) : DEFAULT_TIMEOUT_MS,
  };
  const caFile = (values['ca-file'] as string | undefined) ?? env.EAD_CA_FILE;
  if (caFile) options.caFile = caFile;
  const realm = (values.realm as string | undefined) ?? env.EAD_REALM;
  if (realm) options.realm = realm.toUpperCase();
  return options;
}

export function parseSteps(text: string): Step[] {
  const steps = new Set<Step>();
  for (const part of text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const range = /^([1-6])-([1-6])$/.exec(part);
    if (range) {
      for (let s = Number(range[1]); s <= Number(range[2]); s++) steps.add(s as Step);
      continue;
    }
    if (!/^[1-6]$/.test(part))
      throw new UsageError(`--steps takes step numbers 1 to 6 such as 1,3,6 or 1-4, not "${part}"`);
    steps.add(Number(part) as Step);
  }
  if (steps.size === 0) throw new UsageError('--steps needs at least one step number');
  return [...steps].sort((a, b) => a - b);
}

function refusePassword(argv: readonly string[]): void {
  const bad = argv.find((a) => PASSWORD_FLAG.test(a));
  if (bad) {
    throw new UsageError(
      `${bad.replace(/=.*$/, '=…')} is not accepted: a password on the command line ends up in shell history and process lists. ` +
        'Set EAD_BIND_PASSWORD in the environment, or run in a terminal and type it at the prompt.',
    );
  }
}

/** An option as the user typed it, with control characters shown as `?` (it goes to a terminal). */
function shown(option: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is replaced
  return option.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}

/**
 * Runs node:util parseArgs, turning its errors into UsageError. Node's own texts quote unevenly and
 * talk about positionals; ours name the option and the command's help.
 */
function guarded<T>(command: 'diagnose' | 'setspn', parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    const help = `See exchange-auth-doctor ${command} --help`;
    const code = (e as { code?: unknown }).code;
    const message = e instanceof Error ? e.message : String(e);
    const option = /^(?:Unknown option|Option) '([^' ]+)/.exec(message)?.[1];
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option)
      throw new UsageError(`Unknown option "${shown(option)}" for ${command}. ${help}`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option && /argument missing/.test(message))
      throw new UsageError(`Option ${shown(option)} needs a value. ${help}`);
    throw new UsageError(`${shown(message)}. ${help}`);
  }
}

function parseDiagnose(argv: string[], env: Env, isTty: boolean): CliCommand {
  const { values, positionals, tokens } = guarded('diagnose', () =>
    parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      tokens: true,
      options: {
        ...CONNECTION_OPTIONS,
        server: { type: 'string', multiple: true },
        pair: { type: 'string' },
        steps: { type: 'string' },
        'all-spns': { type: 'boolean' },
        'connect-timeout': { type: 'string' },
        'source-address': { type: 'string', multiple: true },
        json: { type: 'boolean' },
        'json-lines': { type: 'boolean' },
        markdown: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        lang: { type: 'string' },
      },
    }),
  );
  if (values.help) return { command: 'help', topic: 'diagnose' };
  let rest = [...positionals];
  let pair: DiagnoseOptions['pair'];
  if (values.pair !== undefined) {
    const parts = values.pair
      .split(/,|->/)
      .map((s) => s.trim())
      .filter(Boolean);
    if (parts.length === 1) {
      // `--pair EX01 EX02`: the receiving server is the positional right after the option.
      const at = tokens.findIndex((t) => t.kind === 'option' && t.name === 'pair');
      const next = tokens[at + 1];
      if (next?.kind !== 'positional') throw new UsageError('--pair needs two servers: --pair SENDING RECEIVING');
      parts.push(next.value);
      rest = rest.filter((p, i) => !(p === next.value && i === rest.indexOf(next.value)));
    }
    if (parts.length !== 2) throw new UsageError('--pair needs two servers: --pair SENDING RECEIVING');
    const [sending = '', receiving = ''] = parts.map((p) => host(p, 'Server'));
    if (sending.toLowerCase() === receiving.toLowerCase()) throw new UsageError('--pair needs two different servers');
    pair = { sending, receiving };
  }
  if (rest.length) throw new UsageError(`Unexpected argument "${rest[0]}". See exchange-auth-doctor diagnose --help`);
  if ([values.json, values['json-lines'], values.markdown].filter(Boolean).length > 1)
    throw new UsageError('Choose one of --json and --markdown, or --json-lines alone');
  const connectText = values['connect-timeout'] ?? env.EAD_CONNECT_TIMEOUT_MS;
  const servers = list(values.server ?? (pair ? undefined : env.EAD_SERVERS ? [env.EAD_SERVERS] : undefined)).map((s) =>
    host(s, 'Server'),
  );
  if (pair && values.server?.length) throw new UsageError('Use either --server or --pair, not both');
  const options: DiagnoseOptions = {
    ...connection(values, env),
    connectTimeoutMs: connectText
      ? integer(connectText, '--connect-timeout', 100, 600_000)
      : DEFAULT_CONNECT_TIMEOUT_MS,
    servers,
    steps: parseSteps(values.steps ?? env.EAD_STEPS ?? '1-6'),
    allSpns: values['all-spns'] === true || env.EAD_ALL_SPNS === '1',
    format: values.json ? 'json' : values['json-lines'] ? 'json-lines' : values.markdown ? 'markdown' : 'text',
    color: isTty && !values['no-color'] && env.NO_COLOR === undefined && env.TERM !== 'dumb',
    lang: values.lang === undefined ? langFromEnv(env) : cliLang(values.lang),
  };
  if (pair) options.pair = pair;
  const sources = sourceAddresses(values['source-address'] ?? []);
  if (Object.keys(sources).length) options.sourceAddresses = sources;
  return { command: 'diagnose', options };
}

/** `EX01=10.0.0.5` (repeatable): a server and an address it may connect from. */
function sourceAddresses(texts: readonly string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const text of texts) {
    const m = /^([^=]+)=(.+)$/.exec(text.trim());
    const address = (m?.[2] ?? '').trim().replace(/^\[|\]$/g, '');
    if (!m || isIP(address) === 0)
      throw new UsageError('--source-address needs SERVER=ADDRESS, e.g. --source-address EX01=10.0.0.5');
    const name = host((m[1] ?? '').trim(), 'Server').toUpperCase();
    out[name] = [...(out[name] ?? []), address];
  }
  return out;
}

function parseSetspn(argv: string[], env: Env): CliCommand {
  const { values, positionals } = guarded('setspn', () =>
    parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        ...CONNECTION_OPTIONS,
        L: { type: 'string', short: 'L' },
        X: { type: 'boolean', short: 'X' },
        Q: { type: 'string', short: 'Q' },
        F: { type: 'boolean', short: 'F' },
      },
    }),
  );
  if (values.help) return { command: 'help', topic: 'setspn' };
  if (positionals.length)
    throw new UsageError(`Unexpected argument "${positionals[0]}". See exchange-auth-doctor setspn --help`);
  const chosen = [values.L !== undefined, values.X === true, values.Q !== undefined].filter(Boolean).length;
  if (chosen !== 1) throw new UsageError('setspn needs exactly one of -L <account>, -X or -Q <spn>');
  let setspn: SetspnMode;
  if (values.L !== undefined) {
    const account = values.L.trim();
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,254}\$?$/.test(account))
      throw new UsageError(`-L takes an account or host name, not "${account}"`);
    setspn = { mode: 'list', account };
  } else if (values.Q !== undefined) {
    const spn = values.Q.trim();
    // setspn -Q accepts * as a wildcard; everything else must be a valid SPN.
    if (!validateSpn(spn.replace(/\*/g, 'x')).ok)
      throw new UsageError(`-Q takes an SPN such as SMTPSVC/ex01.contoso.test (wildcards allowed), not "${spn}"`);
    setspn = { mode: 'query', spn };
  } else setspn = { mode: 'duplicates' };
  return { command: 'setspn', options: connection(values, env), setspn };
}

/** Parses `argv` (without node and the script); `env` and `isTty` decide the defaults. */
export function parseCli(argv: readonly string[], env: Env = {}, isTty = false): CliCommand {
  refusePassword(argv);
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      return { command: 'help', ...(rest[0] === 'diagnose' || rest[0] === 'setspn' ? { topic: rest[0] } : {}) };
    case '--version':
    case 'version':
      return { command: 'version' };
    case 'diagnose':
      return parseDiagnose(rest, env, isTty);
    case 'setspn':
      return parseSetspn(rest, env);
    default:
      throw new UsageError(`Unknown command "${command}". Commands: diagnose, setspn. See exchange-auth-doctor --help`);
  }
}

/** `--lang es`, `--lang zh-CN`: one of the five languages, else a usage error (not a silent English). */
function cliLang(value: string): Lang {
  const lang = parseLang(value);
  if (lang === 'en' && !/^en([-_]|$)/i.test(value.trim()))
    throw new UsageError(`--lang must be one of ${LANGS.join(', ')}`);
  return lang;
}
