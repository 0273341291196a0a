import type { MigrationStep } from './step';

/**
 * v7 → v8: team sync. Tag names are no longer a unique index (two agents may give two tags one
 * name at once, or rename one to another's name while offline: both must be stored, never refused);
 * names stay unique where a user creates or renames a tag. `syncUpdates` keeps the team documents'
 * Yjs updates, `syncOutbox` the local changes waiting to go into them, `syncState` the documents
 * this browser's annotations went into when it joined (lib/sync). No stored data
 * changes.
 */
export const toV8: MigrationStep = {
  to: 8,
  tables: [],
  drops: [],
  migrate: () => ({}),
  stale: [],
};
