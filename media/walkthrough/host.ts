/**
 * The webview's line to the extension host: the one `acquireVsCodeApi()` handle, the typed
 * `post`, and the state saved for a reload of the panel.
 */
import type { WalkthroughState, WebviewToHost } from '../../src/shared/walkthrough-protocol';

interface VsCodeApi {
  postMessage(message: WebviewToHost): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();

export const post = (m: WebviewToHost): void => vscode.postMessage(m);

export function saveState(s: WalkthroughState): void {
  vscode.setState(s);
}
