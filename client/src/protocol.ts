// Custom requests and notifications between the client and the Copydesk server.
// The server computes everything; the client only displays it.

export const quoteFamiliesRequest = 'copydesk/quoteFamilies';
export const quoteFamilyMembersRequest = 'copydesk/quoteFamilyMembers';
export const entitiesRequest = 'copydesk/entities';
export const entityFilesRequest = 'copydesk/entityFiles';
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
  /** How many printings; which ones is asked with quoteFamilyMembersRequest when the panel expands it. */
  members: number;
}

/** One printing of a quote family. */
export type PanelFamilyMember = PanelLocation & { file: string; text: string };

export interface PanelEntity {
  id: string;
  name: string;
  type: 'person' | 'organization' | 'place' | 'other';
  role: string | null;
  mentions: number;
  /** Articles that mention it; which ones is asked with entityFilesRequest when the panel expands it. */
  fileCount: number;
}

/** An article that mentions an entity: its first mention, and how many there are. */
export type PanelEntityFile = PanelLocation & { file: string; count: number };

export interface Status {
  indexing: boolean;
  done: number;
  total: number;
  articles: number;
  families: number;
  problems: number;
}
