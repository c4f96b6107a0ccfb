/**
 * `npm run lab -- <command>`:
 *   start [--scenario NAME] [--servers N]   start the lab or switch it (provisions once)
 *   stop                                    stop it; no process is left behind
 *   env                                     `export EAD_...='...'` lines: eval "$(npm run --silent lab -- env)"
 *   status                                  what runs, which scenario, last timings
 *   scenarios                               the scenarios and the errors each one must produce
 *   bulk-spns N                             add N service accounts' SPNs (for bench/spn-scan.ts)
 *   kinit                                   a ticket for the reader in a private cache; prints the exports
 */
import { parseArgs } from 'node:util';
import { labEnv, labStatus, startLab, stopLab } from './api';
import { exportLines } from './env';
import { SCENARIOS, SCENARIO_NAMES } from './scenarios';
import { addBulkSpns } from './bulk-spns';
import { kinitLab } from './kerberos';

const USAGE = `usage: npm run lab -- start [--scenario ${SCENARIO_NAMES.join('|')}] [--servers N]
       npm run lab -- stop | env | status | scenarios | bulk-spns N | kinit`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'start': {
      const { values } = parseArgs({
        args: rest,
        options: { scenario: { type: 'string' }, servers: { type: 'string' } },
      });
      const started = Date.now();
      const r = await startLab({
        ...(values.scenario ? { scenario: values.scenario } : {}),
        ...(values.servers ? { servers: Number(values.servers) } : {}),
      });
      const env = labEnv();
      console.error(
        `lab: ${r.state.scenario} with ${r.state.servers} Exchange server(s) and ${r.state.dcs.join(', ')} ` +
          `(${r.changed === 'unchanged' ? 'already running' : r.changed === 'exchange' ? 'listeners restarted' : 'directory reset'}, ${((Date.now() - started) / 1000).toFixed(1)} s)\n` +
          `lab: DC ${env.EAD_DC_HOST}:636 (LDAPS, CA ${env.EAD_CA_FILE}), bind as ${env.EAD_BIND_USER}; workspace ${env.EAD_WORKSPACE}\n` +
          'lab: eval "$(npm run --silent lab -- env)" sets the EAD_* variables (password included)',
      );
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
