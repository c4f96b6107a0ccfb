/**
 * How the directory was read, in words, for the tree's tooltip: "LDAPS, password of
 * ead-reader@contoso.test", "LDAP with Kerberos sealing as alice@CONTOSO.TEST".
 */
import * as vscode from 'vscode';
import type { DirectoryBinding } from '../../core/io';
import { SEALED_SSF } from '../../io/ldapsearch-args';

export function bindingText(b: DirectoryBinding): string {
  const who = b.identity || '?';
  if (b.mechanism === 'simple') {
    return b.transport === 'ldaps'
      ? vscode.l10n.t('LDAPS, password of {0}', who)
      : vscode.l10n.t('LDAP with StartTLS, password of {0}', who);
  }
  if (b.mechanism === 'negotiate') {
    return b.transport === 'ldaps'
      ? vscode.l10n.t('LDAPS with the Windows logon of {0}', who)
      : vscode.l10n.t('LDAP signed and sealed with the Windows logon of {0}', who);
  }
  if (b.transport === 'ldaps') return vscode.l10n.t('LDAPS with Kerberos as {0}', who);
  return (b.ssf ?? 0) >= SEALED_SSF
    ? vscode.l10n.t('LDAP with Kerberos sealing as {0}', who)
    : vscode.l10n.t('LDAP with Kerberos as {0}', who);
}
