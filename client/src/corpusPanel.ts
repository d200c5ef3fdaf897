// The corpus panel in the Explorer: quote families and entities, fetched from the server.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { entitiesRequest, entityFilesRequest, quoteFamiliesRequest, quoteFamilyMembersRequest, type PanelEntity, type PanelEntityFile, type PanelFamilyMember, type PanelLocation, type PanelQuoteFamily } from './protocol';

type Node =
  | { kind: 'family'; family: PanelQuoteFamily }
  | { kind: 'member'; member: PanelFamilyMember }
  | { kind: 'entity'; entity: PanelEntity }
  | { kind: 'file'; file: PanelEntityFile };

const entityIcon: Record<PanelEntity['type'], string> = { person: 'person', organization: 'organization', place: 'location', other: 'symbol-misc' };

abstract class ServerTree implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  constructor(protected readonly client: LanguageClient) {}
  refresh(): void {
    this.changed.fire();
  }
  abstract getChildren(node?: Node): Promise<Node[]> | Node[];
  abstract getTreeItem(node: Node): vscode.TreeItem;
}

function openCommand(location: PanelLocation): vscode.Command {
  const range = new vscode.Range(location.range.start.line, location.range.start.character, location.range.end.line, location.range.end.character);
  return { command: 'vscode.open', title: 'Open', arguments: [vscode.Uri.parse(location.uri), { selection: range }] };
}

export class QuotesTree extends ServerTree {
  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      const families = await this.client.sendRequest<PanelQuoteFamily[]>(quoteFamiliesRequest, {});
      return families.map((family) => ({ kind: 'family', family }));
    }
    if (node.kind !== 'family') return [];
    const members = await this.client.sendRequest<PanelFamilyMember[]>(quoteFamilyMembersRequest, { id: node.family.id });
    return members.map((member) => ({ kind: 'member', member }));
  }
  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'family') {
      const item = new vscode.TreeItem(`“${node.family.text}”`, vscode.TreeItemCollapsibleState.Collapsed);
      item.description = `${node.family.speaker ?? 'unattributed'} · ${node.family.outlets} articles`;
      item.iconPath = new vscode.ThemeIcon('quote');
      item.tooltip = node.family.text;
      return item;
    }
    if (node.kind === 'member') {
      const item = new vscode.TreeItem(node.member.file, vscode.TreeItemCollapsibleState.None);
      item.description = node.member.text;
      item.tooltip = node.member.text;
      item.command = openCommand(node.member);
      return item;
    }
    return new vscode.TreeItem('');
  }
}

export class EntitiesTree extends ServerTree {
  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      const entities = await this.client.sendRequest<PanelEntity[]>(entitiesRequest, {});
      return entities.map((entity) => ({ kind: 'entity', entity }));
    }
    if (node.kind !== 'entity') return [];
    const files = await this.client.sendRequest<PanelEntityFile[]>(entityFilesRequest, { id: node.entity.id });
    return files.map((file) => ({ kind: 'file', file }));
  }
  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'entity') {
      const item = new vscode.TreeItem(node.entity.name, vscode.TreeItemCollapsibleState.Collapsed);
      const articles = node.entity.fileCount === 1 ? '1 article' : `${node.entity.fileCount} articles`;
      item.description = `${node.entity.role ? node.entity.role + ' · ' : ''}${node.entity.mentions} mentions in ${articles}`;
      item.iconPath = new vscode.ThemeIcon(entityIcon[node.entity.type]);
      return item;
    }
    if (node.kind === 'file') {
      const item = new vscode.TreeItem(node.file.file, vscode.TreeItemCollapsibleState.None);
      item.description = `${node.file.count}`;
      item.command = openCommand(node.file);
      return item;
    }
    return new vscode.TreeItem('');
  }
}
