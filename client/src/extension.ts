// The thin VS Code client: starts the bundled language server over IPC and forwards
// corpus file events to it. All analysis happens in the server.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';

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
      fileEvents: vscode.workspace.createFileSystemWatcher(filesGlob),
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

  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
