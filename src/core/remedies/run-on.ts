/**
 * The places a remedy runs on that are named in our words rather than by a host name, as
 * `{ runOn, runOnText }` to spread into a remedy: `runOn` is the English text (with the command
 * and shell it identifies the remedy, src/core/session/remedy-registry.ts), `runOnText` the phrase
 * a view words it from (src/core/l10n/phrases/places-values.ts).
 */
import { runOnOf } from '../l10n/worded-parts';

export const RUN_ON = {
  anyWindows: runOnOf('fp.run.any-windows'),
  anyWindowsDomainAdmin: runOnOf('fp.run.any-windows-domain-admin'),
  adTools: runOnOf('fp.run.ad-tools'),
  adToolsSyncAll: runOnOf('fp.run.ad-tools-syncall'),
  adModule: runOnOf('fp.run.ad-module'),
  dcWithChanges: runOnOf('fp.run.dc-with-changes'),
  eachExchange: runOnOf('fp.run.each-exchange'),
  exchange: runOnOf('fp.run.exchange'),
  exchangeElevated: runOnOf('fp.run.exchange-elevated'),
  managementShell: runOnOf('fp.run.ems'),
  winrm: runOnOf('fp.run.winrm'),
  remoteRegistry: runOnOf('fp.run.remote-registry'),
  remoteEventLog: runOnOf('fp.run.remote-event-log'),
} as const;

export type RunOnPlace = (typeof RUN_ON)[keyof typeof RUN_ON];
