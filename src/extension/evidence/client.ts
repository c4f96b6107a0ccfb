/** Starts the evidence language server (dist/server.js) with a vscode-languageclient LanguageClient. */
import * as vscode from 'vscode';
import type { LanguageClient, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { EVIDENCE_LANGUAGES, type EvidenceSettings } from '../../shared/evidence-protocol';

export function createEvidenceClient(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  settings: EvidenceSettings,
): LanguageClient {
  // Required here, not imported at the top: the client library is most of the bundle, and it is
  // evaluated only when the language server is first needed (see ./index.ts).
  const { LanguageClient: Client, TransportKind } =
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- deferred on purpose
    require('vscode-languageclient/node') as typeof import('vscode-languageclient/node');
  const module = context.asAbsolutePath('dist/server.js');
  // stdio, not Node IPC: on stdio the server reads each message straight into one buffer
  // (src/server/stdio-reader.ts), so a large log costs it about twice its size, not four times
  // (bench/server-memory.ts); Node's IPC channel would decode it through strings first.
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio },
    debug: { module, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const languages = Object.values(EVIDENCE_LANGUAGES);
  const clientOptions: LanguageClientOptions = {
    documentSelector: languages.flatMap((language) => [
      { language, scheme: 'file' },
      { language, scheme: 'untitled' },
    ]),
    initializationOptions: settings,
    outputChannel: log,
  };
  return new Client('exchangeAuthDoctor.evidence', 'Exchange Auth Doctor evidence', serverOptions, clientOptions);
}
