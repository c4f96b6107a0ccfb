/** Sends and handles the typed descriptors of src/shared/evidence-protocol.ts on the language client. */
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { NotificationDescriptor, RequestDescriptor } from '../../shared/evidence-protocol';

export function sendRequest<P, R>(
  client: LanguageClient,
  type: RequestDescriptor<P, R>,
  params: P,
  token?: vscode.CancellationToken,
): Promise<R> {
  // Passing `undefined` as a third argument would send two positional parameters.
  return token ? client.sendRequest<R>(type.method, params, token) : client.sendRequest<R>(type.method, params);
}

export function sendNotification<P>(client: LanguageClient, type: NotificationDescriptor<P>, params: P): Promise<void> {
  return client.sendNotification(type.method, params);
}

export function onRequest<P, R>(
  client: LanguageClient,
  type: RequestDescriptor<P, R>,
  handler: (params: P) => R | Promise<R>,
): vscode.Disposable {
  return client.onRequest(type.method, async (params: unknown): Promise<unknown> => handler(params as P));
}

export function onNotification<P>(
  client: LanguageClient,
  type: NotificationDescriptor<P>,
  handler: (params: P) => void,
): vscode.Disposable {
  return client.onNotification(type.method, (params: unknown) => handler(params as P));
}
