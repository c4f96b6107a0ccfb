/**
 * A failed discovery becomes one item that says what is wrong in a few words and, when clicked,
 * does the next useful thing: open the right setting, sign in again, or retry.
 */
import * as vscode from 'vscode';
import type { DoctorError } from '../../core/errors';
import { FailoverError } from '../../core/directory/failover';
import { commandId } from '../../shared/command-id';
import { SECTION } from '../settings';
import { node, type TreeNode } from './node';

const openSetting = (key: string, title: string): vscode.Command => ({
  command: 'workbench.action.openSettings',
  title,
  arguments: [`${SECTION}.${key}`],
});
const retry = (): vscode.Command => ({ command: commandId('refresh'), title: vscode.l10n.t('Retry') });
const signIn = (): vscode.Command => ({ command: commandId('signIn'), title: vscode.l10n.t('Sign in') });

/** The error of the first DC tried, which names the host. */
function primary(error: DoctorError): DoctorError {
  return error instanceof FailoverError ? (error.attempts[0]?.error ?? error) : error;
}

/** A DoctorError that came from a setting (e.g. an unreadable CA file) says which one. */
export function settingOf(error: DoctorError): string | undefined {
  return (error as DoctorError & { settingKey?: string }).settingKey;
}

export function failureNode(error: DoctorError): TreeNode {
  const first = primary(error);
  let label: string;
  let command: vscode.Command;
  switch (error.kind) {
    case 'tls-untrusted':
      label = vscode.l10n.t('TLS: certificate not trusted — set a CA file');
      command = openSetting('directory.caFile', vscode.l10n.t('Set a CA file'));
      break;
    case 'tls-hostname':
      label = vscode.l10n.t('TLS: the certificate does not match the host name');
      command = openSetting('directory.hosts', vscode.l10n.t('Check the host names'));
      break;
    case 'tls-other':
      label = vscode.l10n.t('TLS: the secure connection failed');
      command = openSetting('directory.security', vscode.l10n.t('Check port and security'));
      break;
    case 'bind-invalid-credentials':
      label = vscode.l10n.t('Bind failed: invalid credentials');
      command = signIn();
      break;
    case 'bind-strong-auth-required':
      label = vscode.l10n.t('Bind refused: the DC requires LDAPS or StartTLS');
      command = openSetting('directory.security', vscode.l10n.t('Choose LDAPS or StartTLS'));
      break;
    case 'timeout':
      // TimeoutError already reads "dc1.contoso.test did not answer within 10 s".
      label = first.message;
      command = retry();
      break;
    case 'dns':
      label = vscode.l10n.t('Host name not found');
      command = openSetting('directory.hosts', vscode.l10n.t('Check the host names'));
      break;
    case 'usage': {
      label = first.message;
      const key = settingOf(first);
      command = key ? openSetting(key, vscode.l10n.t('Open the setting')) : retry();
      break;
    }
    default:
      label = first.message;
      command = retry();
  }
  const detail = error.message;
  const tooltip = new vscode.MarkdownString('', false);
  tooltip.appendText(detail);
  tooltip.appendMarkdown(`\n\n${vscode.l10n.t('Click to: {0}', command.title)}`);
  return node({
    id: 'failure',
    type: 'failure',
    label,
    ...(detail !== label ? { description: detail } : {}),
    tooltip,
    icon: 'error',
    iconColor: 'problemsErrorIcon.foreground',
    contextValue: `failure.${error.kind}`,
    command,
  });
}
