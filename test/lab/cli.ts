/**
 * `npm run lab -- <command>`:
 *   start [--scenario NAME] [--servers N] [--drop PORTS [--drop-on HOSTS]] [--latency MS]
 *                                           start the lab or switch it (provisions once)
 *   reset                                   the current scenario again from its pristine directory
 *   stop                                    stop it; no process or drop rule is left behind
 *   env                                     `export EAD_...='...'` lines: eval "$(npm run --silent lab -- env)"
 *   status                                  what runs, which scenario, last timings
 *   scenarios                               the scenarios and the errors each one must produce
 *   bulk-spns N                             add N service accounts' SPNs (for bench/spn-scan.ts)
 *   kinit                                   a ticket for the reader in a private cache; prints the exports
 */
import { parseArgs } from 'node:util';
import { labEnv, labStatus, resetLab, startLab, stopLab, type StartOptions, type StartResult } from './api';
import { describeFaults, parseDropList, parseHostList, parseLatency } from './network-faults';
import { labServers } from './model';
import { DC1, DC2 } from './layout';
import { exportLines } from './env';
import { SCENARIOS, SCENARIO_NAMES } from './scenarios';
import { addBulkSpns } from './bulk-spns';
import { kinitLab } from './kerberos';

const USAGE = `usage: npm run lab -- start [--scenario ${SCENARIO_NAMES.join('|')}] [--servers N]
                         [--drop PORTS [--drop-on HOSTS]] [--latency MS]
       npm run lab -- reset | stop | env | status | scenarios | bulk-spns N | kinit
  --drop 465,717,udp/88   drop these ports silently (TCP unless udp/ is written), on every lab host
                          or on --drop-on EX03,DC2 only
  --latency MS            add MS to every round trip to the DCs and the Exchange servers`;

const WHAT_CHANGED: Record<StartResult['changed'], string> = {
  unchanged: 'reused the running lab as it was',
  exchange: 'listeners or network restarted; directory kept',
  reset: 'directory reset from its pristine copy',
};

function report(r: StartResult, started: number): void {
  const env = labEnv();
  console.error(
    `lab: ${r.state.scenario} with ${r.state.servers} Exchange server(s) and ${r.state.dcs.join(', ')} ` +
      `(${WHAT_CHANGED[r.changed]}, ${((Date.now() - started) / 1000).toFixed(1)} s)\n` +
      `lab: network: ${describeFaults(r.state.network ?? { drop: [], latencyMs: 0 })}\n` +
      `lab: DC ${env.EAD_DC_HOST}:636 (LDAPS, CA ${env.EAD_CA_FILE}), bind as ${env.EAD_BIND_USER}; workspace ${env.EAD_WORKSPACE}\n` +
      (r.changed === 'unchanged'
        ? 'lab: changes made to its directory by hand are still there; `npm run lab -- reset` undoes them\n'
        : '') +
      'lab: eval "$(npm run --silent lab -- env)" sets the EAD_* variables (password included)',
  );
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'start': {
      const { values } = parseArgs({
        args: rest,
        options: {
          scenario: { type: 'string' },
          servers: { type: 'string' },
          drop: { type: 'string' },
          'drop-on': { type: 'string' },
          latency: { type: 'string' },
        },
      });
      const servers = values.servers ? Number(values.servers) : undefined;
      const hosts = [DC1.name, DC2.name, ...labServers(servers ?? labStatus().state?.servers ?? 2).map((x) => x.name)];
      if (values['drop-on'] && !values.drop) throw new Error('--drop-on goes with --drop');
      const on = values['drop-on'] ? parseHostList(values['drop-on'], hosts) : [];
      const options: StartOptions = {
        ...(values.scenario ? { scenario: values.scenario } : {}),
        ...(servers !== undefined ? { servers } : {}),
        ...(values.drop ? { drop: parseDropList(values.drop, on) } : {}),
        ...(values.latency !== undefined ? { latencyMs: parseLatency(values.latency) } : {}),
      };
      const started = Date.now();
      report(await startLab(options), started);
      return 0;
    }
    case 'reset': {
      const started = Date.now();
      report(await resetLab(), started);
      return 0;
    }
    case 'stop':
      await stopLab();
      console.error('lab: stopped');
      return 0;
    case 'env':
      console.log(exportLines(labEnv()));
      return 0;
    case 'status': {
      const s = labStatus();
      console.log(JSON.stringify(s, null, 2));
      return s.running ? 0 : 3;
    }
    case 'scenarios':
      for (const [name, s] of Object.entries(SCENARIOS)) {
        console.log(`${name}: ${s.description}`);
        console.log(`  expected errors: ${s.expected.map((e) => `step ${e.step} ${e.subject}`).join('; ') || 'none'}`);
      }
      return 0;
    case 'bulk-spns': {
      const n = Number(rest[0]);
      if (!Number.isInteger(n) || n < 1) throw new Error(USAGE);
      await addBulkSpns(n);
      return 0;
    }
    case 'kinit': {
      labEnv(); // throws "not running" with the start command
      const k = await kinitLab();
      console.error(`lab: ticket for ${k.principal} in ${k.ccname}; eval these lines to use it:`);
      console.log(exportLines({ KRB5CCNAME: k.ccname, KRB5_CONFIG: k.krb5Config }));
      return 0;
    }
    default:
      console.error(USAGE);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`lab: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
