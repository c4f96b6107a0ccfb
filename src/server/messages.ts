/** Sends and handles the typed descriptors of src/shared/evidence-protocol.ts on the server's connection. */
import type { CancellationToken, Connection } from 'vscode-languageserver';
import type { NotificationDescriptor, RequestDescriptor } from '../shared/evidence-protocol';

export function sendRequest<P, R>(connection: Connection, type: RequestDescriptor<P, R>, params: P): Promise<R> {
  return connection.sendRequest<R>(type.method, params);
}

export function onRequest<P, R>(
  connection: Connection,
  type: RequestDescriptor<P, R>,
  handler: (params: P, token: CancellationToken) => R | Promise<R>,
): void {
  connection.onRequest(type.method, async (params: unknown, token: CancellationToken): Promise<unknown> =>
    handler(params as P, token),
  );
}

export function sendNotification<P>(connection: Connection, type: NotificationDescriptor<P>, params: P): void {
  void connection.sendNotification(type.method, params);
}

export function onNotification<P>(
  connection: Connection,
  type: NotificationDescriptor<P>,
  handler: (params: P) => void,
): void {
  connection.onNotification(type.method, (params: unknown) => handler(params as P));
}
