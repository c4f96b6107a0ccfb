/**
 * A mocha reporter for the extension host. The host's stdout is not the runner's terminal (in
 * code-server it goes to the server, in desktop VS Code to the launcher), so besides console.log it
 * appends each line to `<results>.log`, which the runner tails to show progress live, and writes
 * the results JSON the runner judges the run by.
 */
import { appendFileSync, mkdirSync, writeFileSync, renameSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { knownSecrets, scrub, type SuiteResults, type TestOutcome } from './results';

const { EVENT_RUN_END, EVENT_SUITE_BEGIN, EVENT_TEST_FAIL, EVENT_TEST_PASS, EVENT_TEST_PENDING } =
  Mocha.Runner.constants;

export interface ResultsReporterOptions {
  resultsFile: string;
  vscodeVersion: string;
}

export class ResultsReporter extends Mocha.reporters.Base {
  private readonly outcomes: TestOutcome[] = [];
  private readonly started = Date.now();
  private readonly secrets = knownSecrets();
  private readonly resultsFile: string;
  private readonly logFile: string;
  private readonly vscodeVersion: string;

  constructor(runner: Mocha.Runner, options: Mocha.MochaOptions) {
    super(runner, options);
    const own = options.reporterOptions as ResultsReporterOptions;
    this.resultsFile = own.resultsFile;
    this.logFile = `${own.resultsFile}.log`;
    this.vscodeVersion = own.vscodeVersion;
    mkdirSync(path.dirname(this.resultsFile), { recursive: true });
    writeFileSync(this.logFile, '');
    this.save(false);

    runner.on(EVENT_SUITE_BEGIN, (suite: Mocha.Suite) => {
      if (suite.title) this.line(`${'  '.repeat(depth(suite))}${suite.title}`);
    });
    runner.on(EVENT_TEST_PASS, (test: Mocha.Test) => {
      this.outcomes.push({ fullTitle: test.fullTitle(), state: 'passed', durationMs: test.duration });
      this.line(`${indent(test)}✔ ${test.title} (${test.duration ?? 0} ms)`);
    });
    runner.on(EVENT_TEST_PENDING, (test: Mocha.Test) => {
      this.outcomes.push({ fullTitle: test.fullTitle(), state: 'pending' });
      this.line(`${indent(test)}- ${test.title} (skipped)`);
    });
    runner.on(EVENT_TEST_FAIL, (test: Mocha.Test, err: Error) => {
      const error = this.clean(describeError(err));
      this.outcomes.push({ fullTitle: test.fullTitle(), state: 'failed', durationMs: test.duration, error });
      this.line(`${indent(test)}✖ ${test.title}\n${error.replace(/^/gm, `${indent(test)}    `)}`);
    });
    runner.once(EVENT_RUN_END, () => {
      const r = this.save(true);
      this.line(`\n${r.passed} passing, ${r.failed} failing, ${r.pending} skipped (${r.durationMs} ms)`);
    });
  }

  private clean(text: string): string {
    return scrub(text, this.secrets);
  }

  private line(text: string): void {
    const clean = this.clean(text);
    console.log(clean);
    appendFileSync(this.logFile, `${clean}\n`);
  }

  private save(finished: boolean): SuiteResults {
    const count = (s: TestOutcome['state']) => this.outcomes.filter((o) => o.state === s).length;
    const results: SuiteResults = {
      finished,
      passed: count('passed'),
      failed: count('failed'),
      pending: count('pending'),
      durationMs: Date.now() - this.started,
      vscodeVersion: this.vscodeVersion,
      tests: this.outcomes,
    };
    // Write then rename, so the runner never reads half a file.
    const tmp = `${this.resultsFile}.tmp`;
    writeFileSync(tmp, JSON.stringify(results, null, 2));
    renameSync(tmp, this.resultsFile);
    return results;
  }
}

function depth(suite: Mocha.Suite): number {
  let d = 0;
  for (let s = suite.parent; s && !s.root; s = s.parent) d++;
  return d;
}

function indent(test: Mocha.Test): string {
  return '  '.repeat(test.parent ? depth(test.parent) + 1 : 1);
}

function describeError(err: Error): string {
  const stack = err.stack ?? `${err.name}: ${err.message}`;
  // Keep the message and the first frames that point into our code; the rest is mocha and the host.
  const lines = stack.split('\n');
  const head = lines.filter((l) => !/^\s+at /.test(l));
  const frames = lines.filter((l) => /^\s+at /.test(l) && !/node_modules|node:internal/.test(l)).slice(0, 4);
  return [...head, ...frames].join('\n').trim();
}

/** Writes a results file for a suite that could not run at all (load error, no test files). */
export function writeFatal(resultsFile: string, vscodeVersion: string, message: string): void {
  mkdirSync(path.dirname(resultsFile), { recursive: true });
  const clean = scrub(message, knownSecrets());
  const results: SuiteResults = {
    finished: true,
    passed: 0,
    failed: 0,
    pending: 0,
    durationMs: 0,
    vscodeVersion,
    fatal: clean,
    tests: [],
  };
  appendFileSync(`${resultsFile}.log`, `${clean}\n`);
  writeFileSync(resultsFile, JSON.stringify(results, null, 2));
}
