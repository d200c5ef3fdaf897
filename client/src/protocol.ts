// Custom requests and notifications between the client and the Copydesk server.
// The server computes everything; the client only displays it.

export const quoteFamiliesRequest = 'copydesk/quoteFamilies';
export const entitiesRequest = 'copydesk/entities';
export const statusNotification = 'copydesk/status';

export interface PanelLocation {
  uri: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

export interface PanelQuoteFamily {
  id: string;
  text: string;
  speaker: string | null;
  outlets: number;
  members: Array<PanelLocation & { file: string; text: string }>;
}

export interface PanelEntity {
  id: string;
  name: string;
  type: 'person' | 'organization' | 'place' | 'other';
  role: string | null;
  mentions: number;
  files: Array<PanelLocation & { file: string; count: number }>;
}

export interface Status {
  indexing: boolean;
  done: number;
  total: number;
  articles: number;
  families: number;
  problems: number;
}
