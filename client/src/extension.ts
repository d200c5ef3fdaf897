// The thin VS Code client: starts the bundled language server over IPC and forwards
// corpus file events to it. All analysis happens in the server.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { EntitiesTree, QuotesTree } from './corpusPanel';
import { statusNotification, type Status } from './protocol';
import { CorpusStatusBar } from './statusBar';

/** How long the server's statuses must pause before the corpus panel asks for its trees again. */
const panelRefreshPauseMs = 1500;

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Copydesk', { log: true });
  context.subscriptions.push(output);

  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };

  const config = vscode.workspace.getConfiguration('copydesk');
  const filesGlob = config.get<string>('files', '**/*.{txt,article}');
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'article' },
      { scheme: 'file', pattern: filesGlob.startsWith('**/') ? filesGlob : `**/${filesGlob}` },
      { scheme: 'untitled', language: 'article' },
    ],
    synchronize: {
      configurationSection: 'copydesk',
      fileEvents: [vscode.workspace.createFileSystemWatcher(filesGlob), vscode.workspace.createFileSystemWatcher('**/.copydesk.json')],
    },
    outputChannel: output,
    traceOutputChannel: output,
    initializationOptions: { storagePath: context.storageUri?.fsPath ?? context.globalStorageUri.fsPath },
  };

  client = new LanguageClient('copydesk', 'Copydesk', serverOptions, clientOptions);

  context.subscriptions.push(
    vscode.commands.registerCommand('copydesk.restartServer', async () => {
      await client?.restart();
    }),
    vscode.commands.registerCommand('copydesk.openOutput', () => output.show(true)),
    // The server's source.fixAll.copydesk action, applied to the active article.
    vscode.commands.registerCommand('copydesk.fixAllInFile', () =>
      vscode.commands.executeCommand('editor.action.sourceAction', { kind: 'source.fixAll.copydesk', apply: 'first' }),
    ),
    // Code lenses from the server carry plain JSON; the references peek needs VS Code objects.
    vscode.commands.registerCommand('copydesk.showReferences', (uri: string, position: unknown, locations: unknown[]) => {
      const convert = client!.protocol2CodeConverter;
      return vscode.commands.executeCommand(
        'editor.action.showReferences',
        vscode.Uri.parse(uri),
        convert.asPosition(position as never),
        (locations ?? []).map((l) => convert.asLocation(l as never)),
      );
    }),
  );

  const quotesTree = new QuotesTree(client);
  const entitiesTree = new EntitiesTree(client);
  const statusBar = new CorpusStatusBar();
  context.subscriptions.push(
    statusBar,
    vscode.window.registerTreeDataProvider('copydesk.quotes', quotesTree),
    vscode.window.registerTreeDataProvider('copydesk.entities', entitiesTree),
    vscode.commands.registerCommand('copydesk.showCorpusPanel', () => vscode.commands.executeCommand('copydesk.quotes.focus')),
    vscode.commands.registerCommand('copydesk.showEntities', () => vscode.commands.executeCommand('copydesk.entities.focus')),
    vscode.commands.registerCommand('copydesk.refreshCorpusPanel', () => {
      quotesTree.refresh();
      entitiesTree.refresh();
    }),
  );

  await client.start();

  // The server says when the corpus changed. The panel is refreshed once the statuses stop for a
  // moment, not while someone types: its two requests walk the whole corpus (about a second each at
  // 10,000 articles), and every keystroke would wait behind them.
  let refreshTimer: NodeJS.Timeout | undefined;
  context.subscriptions.push(
    client.onNotification(statusNotification, (status: Status) => {
      statusBar.update(status);
      if (refreshTimer) clearTimeout(refreshTimer);
      refreshTimer = undefined;
      if (status.indexing) return;
      refreshTimer = setTimeout(() => {
        refreshTimer = undefined;
        quotesTree.refresh();
        entitiesTree.refresh();
      }, panelRefreshPauseMs);
    }),
    { dispose: () => refreshTimer && clearTimeout(refreshTimer) },
  );
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
