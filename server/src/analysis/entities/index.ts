// Public API of the entity module: NER over raw text and the corpus-level entity index.
export { recognizeEntities } from './recognize';
export type { Mention, MentionType } from './recognize';
export { EntityIndex, entitySpellingVariants } from './entityIndex';
export type { ClusterSnapshot, Entity, EntityMention, EntityType } from './entityIndex';
