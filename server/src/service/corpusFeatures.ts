// Cross-file features: hover, references, definition, highlights, symbols, code lenses.
import type { CodeLens, DocumentHighlight, DocumentSymbol, Hover, Location, Position, SymbolInformation } from 'vscode-languageserver';
import type { Corpus } from './corpus';

export class CorpusFeatures {
  constructor(private readonly corpus: Corpus) {}

  hover(_uri: string, _position: Position): Hover | null {
    return null;
  }
  references(_uri: string, _position: Position, _includeDeclaration: boolean): Location[] {
    return [];
  }
  definition(_uri: string, _position: Position): Location | null {
    return null;
  }
  highlights(_uri: string, _position: Position): DocumentHighlight[] {
    return [];
  }
  documentSymbols(_uri: string): DocumentSymbol[] {
    return [];
  }
  workspaceSymbols(_query: string): SymbolInformation[] {
    return [];
  }
  codeLenses(_uri: string): CodeLens[] {
    void this.corpus;
    return [];
  }
}
