// The status bar item: indexing progress, then a compact corpus summary; opens the panel.
import * as vscode from 'vscode';
import type { Status } from './protocol';

export class CorpusStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('copydesk.status', vscode.StatusBarAlignment.Left, 10);

  constructor() {
    this.item.name = 'Copydesk';
    this.item.command = 'copydesk.showCorpusPanel';
    this.item.text = '$(sync~spin) Copydesk';
    this.item.show();
  }

  update(status: Status): void {
    if (status.indexing) {
      this.item.text = `$(sync~spin) Copydesk: indexing ${status.done}/${status.total}`;
      this.item.tooltip = 'Copydesk is reading the corpus';
    } else {
      this.item.text = `$(book) ${status.articles} articles · $(quote) ${status.families} · $(warning) ${status.problems}`;
      this.item.tooltip = `Copydesk: ${status.articles} articles, ${status.families} quote families shared across articles, ${status.problems} problems in open articles. Click to open the corpus panel.`;
    }
  }

  dispose(): void {
    this.item.dispose();
  }
}
