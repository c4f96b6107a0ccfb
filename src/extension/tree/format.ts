/** Text for server, connector and DC items: descriptions and Markdown tooltips. */
import * as vscode from 'vscode';
import type { DomainController, ExchangeServer, ReceiveConnector, ServerRole } from '../../core/directory/model';
import { hasExchangeServerAuth } from '../../core/directory/model';

const ROLE_LABELS: Partial<Record<ServerRole, string>> = {
  Mailbox: 'Mailbox',
  ClientAccess: 'Client Access',
  HubTransport: 'Hub Transport',
  UnifiedMessaging: 'Unified Messaging',
  Edge: 'Edge Transport',
};

/** Roles as an admin names them; discovery already decoded them for the server's version (core/directory/roles.ts). */
export function rolesLabel(server: ExchangeServer): string {
  const labels = server.roles.map((r) => ROLE_LABELS[r]).filter((l): l is string => l !== undefined);
  return [...new Set(labels)].join(', ');
}

export function serverDescription(server: ExchangeServer): string {
  const product = server.product ? `${server.product.replace('Exchange Server ', 'Exchange ')}` : undefined;
  const version = [product, server.version].filter(Boolean).join(' ');
  return [version || vscode.l10n.t('version unknown'), rolesLabel(server)].filter(Boolean).join(' · ');
}

/** Escapes what would change meaning in our one-line Markdown (names and DNs rarely need more). */
const esc = (t: string): string => t.replace(/[\\`*_[\]<>|]/g, '\\$&');

export function serverTooltip(
  server: ExchangeServer,
  health?: { severity: string; summary?: string },
): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', false);
  md.supportThemeIcons = false;
  md.appendMarkdown(`**${esc(server.name)}**\n\n`);
  const rows: [string, string | undefined][] = [
    [vscode.l10n.t('FQDN'), server.fqdn],
    [
      vscode.l10n.t('Version'),
      [server.product, server.version ?? server.versionText].filter(Boolean).join(', ') || undefined,
    ],
    [vscode.l10n.t('Roles'), rolesLabel(server) || undefined],
    [vscode.l10n.t('Site'), server.site],
    [vscode.l10n.t('DN'), server.dn],
    [vscode.l10n.t('Computer account'), server.computer?.dn],
  ];
  for (const [k, v] of rows) if (v) md.appendMarkdown(`- ${esc(k)}: ${esc(v)}\n`);
  if (health)
    md.appendMarkdown(
      `- ${esc(vscode.l10n.t('Checks'))}: ${esc(health.severity)}${health.summary ? ` — ${esc(health.summary)}` : ''}\n`,
    );
  const spns = server.computer?.servicePrincipalNames ?? [];
  md.appendMarkdown(`\n**${esc(vscode.l10n.t('SPNs'))}** (${spns.length})\n\n`);
  for (const s of [...spns].sort()) md.appendMarkdown(`- \`${s.replace(/`/g, "'")}\`\n`);
  md.appendMarkdown(`\n**${esc(vscode.l10n.t('Receive connectors'))}** (${server.receiveConnectors.length})\n\n`);
  for (const c of server.receiveConnectors) md.appendMarkdown(`- ${esc(c.name)}: ${esc(connectorDescription(c))}\n`);
  return md;
}

export function connectorDescription(c: ReceiveConnector): string {
  const parts = [
    c.bindings.join(', ') || vscode.l10n.t('no bindings'),
    c.authMechanisms.join(', ') || vscode.l10n.t('no authentication'),
  ];
  if (!c.enabled) parts.push(vscode.l10n.t('disabled'));
  return parts.join(' · ');
}

export function connectorTooltip(c: ReceiveConnector): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', false);
  md.appendMarkdown(`**${esc(c.name)}** (${esc(c.server)})\n\n`);
  md.appendMarkdown(
    `- ${esc(vscode.l10n.t('Authentication'))}: ${esc(c.authMechanisms.join(', ') || '—')} (${c.authFlags})\n`,
  );
  md.appendMarkdown(
    `- ${esc(vscode.l10n.t('Exchange Server authentication'))}: ${hasExchangeServerAuth(c.authFlags) ? vscode.l10n.t('yes') : vscode.l10n.t('no')}\n`,
  );
  md.appendMarkdown(`- ${esc(vscode.l10n.t('Bindings'))}: ${esc(c.bindings.join(', ') || '—')}\n`);
  if (c.remoteIpRanges.length)
    md.appendMarkdown(`- ${esc(vscode.l10n.t('Remote IP ranges'))}: ${esc(c.remoteIpRanges.join(', '))}\n`);
  md.appendMarkdown(`- ${esc(vscode.l10n.t('Enabled'))}: ${c.enabled ? vscode.l10n.t('yes') : vscode.l10n.t('no')}\n`);
  md.appendMarkdown(`- DN: ${esc(c.dn)}\n`);
  return md;
}

export function dcDescription(dc: DomainController): string {
  return [dc.fqdn, dc.site].filter(Boolean).join(' · ');
}

export function dcTooltip(dc: DomainController): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', false);
  md.appendMarkdown(`**${esc(dc.name)}**\n\n`);
  if (dc.fqdn) md.appendMarkdown(`- ${esc(vscode.l10n.t('FQDN'))}: ${esc(dc.fqdn)}\n`);
  if (dc.site) md.appendMarkdown(`- ${esc(vscode.l10n.t('Site'))}: ${esc(dc.site)}\n`);
  md.appendMarkdown(`- DN: ${esc(dc.dn)}\n`);
  const source = {
    sites: vscode.l10n.t('Sites configuration'),
    ou: vscode.l10n.t('Domain Controllers OU'),
    settings: vscode.l10n.t('settings'),
  }[dc.source];
  md.appendMarkdown(`- ${esc(vscode.l10n.t('Found in'))}: ${esc(source)}\n`);
  return md;
}
