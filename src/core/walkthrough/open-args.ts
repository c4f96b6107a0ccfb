/**
 * The argument of `exchangeAuthDoctor.openWalkthrough`: `{ step, sending, receiving, server }` from
 * the palette, the Get Started page or the language server, or a server item of the Exchange
 * Servers tree (its context menu passes the tree node). Pure (no `vscode`); anything else is
 * ignored rather than trusted.
 */
export interface OpenArgs {
  step?: number;
  sending?: string;
  receiving?: string;
  server?: string;
}

const str = (x: unknown): string | undefined =>
  typeof x === 'string' && x.trim() && x.length <= 255 ? x.trim() : undefined;

export function openArgsOf(arg: unknown): OpenArgs {
  if (typeof arg !== 'object' || arg === null) return {};
  const a = arg as Record<string, unknown>;
  const out: OpenArgs = {};
  if (typeof a.step === 'number' && Number.isInteger(a.step) && a.step >= 0 && a.step <= 7) out.step = a.step;
  const sending = str(a.sending);
  const receiving = str(a.receiving);
  if (sending && receiving && sending.toLowerCase() !== receiving.toLowerCase()) {
    out.sending = sending;
    out.receiving = receiving;
  }
  const server = str(a.server) ?? (a.type === 'exchangeServer' ? (str(a.serverName) ?? str(a.label)) : undefined);
  if (server) out.server = server;
  return out;
}
