/**
 * Turns the directory state into the tree: organisation -> site -> server -> receive connectors,
 * then "Domain Controllers", then any warnings. Failures become one actionable item; servers
 * listed in settings appear too, so the tree is useful when the directory cannot be read.
 */
import * as vscode from 'vscode';
import type { DiscoveryResult, ExchangeServer } from '../../core/directory/model';
import type { DirectoryState } from '../directory/discovery-service';
import { commandId } from '../../shared/command-id';
import {
  connectorDescription,
  connectorTooltip,
  dcDescription,
  dcTooltip,
  serverDescription,
  serverTooltip,
} from './format';
import { failureNode } from './failure-node';
import { node, type TreeNode } from './node';
import { bindingText } from './binding-text';

export function serverNode(server: ExchangeServer, idPrefix = 'server'): TreeNode {
  const connectors = server.receiveConnectors.map((c) =>
    node({
      id: `connector:${c.dn}`,
      type: 'receiveConnector',
      label: c.name,
      description: connectorDescription(c),
      tooltip: connectorTooltip(c),
      icon: c.enabled ? 'plug' : 'debug-disconnect',
    }),
  );
  return node(
    {
      id: `${idPrefix}:${server.dn}`,
      type: 'exchangeServer',
      label: server.name,
      description: serverDescription(server),
      tooltip: serverTooltip(server),
      icon: 'server',
      serverName: server.name,
    },
    connectors,
  );
}

function bySite(servers: ExchangeServer[]): Map<string, ExchangeServer[]> {
  const sites = new Map<string, ExchangeServer[]>();
  for (const s of servers) {
    const site = s.site ?? vscode.l10n.t('(no site)');
    sites.set(site, [...(sites.get(site) ?? []), s]);
  }
  return new Map([...sites.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

function resultNodes(result: DiscoveryResult): TreeNode[] {
  const roots: TreeNode[] = [];
  if (result.organisation) {
    const sites = [...bySite(result.servers)].map(([site, servers]) =>
      node(
        {
          id: `site:${site}`,
          type: 'site',
          label: site,
          description: vscode.l10n.t('{0} server(s)', servers.length),
          icon: 'globe',
          expanded: true,
        },
        servers.map((s) => serverNode(s)),
      ),
    );
    roots.push(
      node(
        {
          id: `organisation:${result.organisation.dn}`,
          type: 'organisation',
          label: result.organisation.name,
          description: vscode.l10n.t('Exchange organisation'),
          tooltip: `${result.organisation.dn}\n${vscode.l10n.t('Read from {0} at {1}', result.source, result.discoveredAt)}${result.binding ? `\n${bindingText(result.binding)}` : ''}`,
          icon: 'organization',
          expanded: true,
        },
        sites,
      ),
    );
  } else {
    roots.push(
      message('no-organisation', vscode.l10n.t('No Exchange organisation found in Active Directory'), 'info', {
        command: commandId('refresh'),
        title: vscode.l10n.t('Retry'),
      }),
    );
  }
  const dcs = result.domainControllers.map((dc) =>
    node({
      id: `dc:${dc.dn}`,
      type: 'domainController',
      label: dc.name,
      description: dcDescription(dc),
      tooltip: dcTooltip(dc),
      icon: 'server-environment',
    }),
  );
  roots.push(
    node(
      {
        id: 'domainControllers',
        type: 'domainControllers',
        label: vscode.l10n.t('Domain Controllers'),
        description: String(dcs.length),
        icon: 'server-environment',
        expanded: true,
      },
      dcs,
    ),
  );
  if (result.warnings.length) {
    const items = result.warnings.map((w, i) =>
      node({
        id: `warning:${i}`,
        type: 'warning',
        label: w,
        tooltip: w,
        icon: 'warning',
        iconColor: 'problemsWarningIcon.foreground',
      }),
    );
    roots.push(
      node(
        {
          id: 'warnings',
          type: 'warnings',
          label: vscode.l10n.t('{0} warning(s) while reading the directory', items.length),
          icon: 'warning',
          iconColor: 'problemsWarningIcon.foreground',
        },
        items,
      ),
    );
  }
  return roots;
}

function message(id: string, label: string, icon: string, command?: vscode.Command, description?: string): TreeNode {
  return node({
    id: `message:${id}`,
    type: 'message',
    label,
    icon,
    ...(command ? { command } : {}),
    ...(description ? { description } : {}),
  });
}

function manualNode(names: string[]): TreeNode {
  const servers = names.map((name) =>
    node({
      id: `manual:${name}`,
      type: 'exchangeServer',
      label: name.split('.')[0]?.toUpperCase() ?? name,
      description: name.includes('.') ? name : vscode.l10n.t('from settings'),
      tooltip: vscode.l10n.t('{0} (listed in the setting exchangeAuthDoctor.servers.manual)', name),
      icon: 'server',
      serverName: name.split('.')[0]?.toUpperCase() ?? name,
    }),
  );
  return node(
    {
      id: 'manualServers',
      type: 'manualServers',
      label: vscode.l10n.t('Servers from settings'),
      icon: 'list-unordered',
      expanded: true,
    },
    servers,
  );
}

export function buildNodes(state: DirectoryState): TreeNode[] {
  const manual = state.settings.manualServers.length ? [manualNode(state.settings.manualServers)] : [];
  switch (state.kind) {
    case 'ready':
      return resultNodes(state.result);
    case 'loading':
      return [message('loading', vscode.l10n.t('Reading Active Directory…'), 'loading~spin')];
    case 'failed':
      return [failureNode(state.error), ...manual];
    case 'invalid-settings':
      return [
        ...state.problems.map((p, i) =>
          message(`invalid:${i}`, p, 'error', {
            command: 'workbench.action.openSettings',
            title: vscode.l10n.t('Open Settings'),
            arguments: ['exchangeAuthDoctor.directory'],
          }),
        ),
        ...manual,
      ];
    // With nothing else to show, the view's welcome content explains what to do.
    case 'signed-out':
      return manual.length
        ? [
            message('signed-out', vscode.l10n.t('Not signed in to the directory'), 'account', {
              command: commandId('signIn'),
              title: vscode.l10n.t('Sign in'),
            }),
            ...manual,
          ]
        : [];
    case 'not-configured':
      return manual;
  }
}
