import { isConsoleLink } from '@/lib/adapters/catalog';
import { BackupError, readBackupFile, restoreBackup, type Backup, type RestoreProgress } from '@/lib/db/backup';
import { db } from '@/lib/db/database';

/**
 * Restore off the page's main thread: the worker reads the file, checks every row and, once the
 * seller confirms the counts, writes it in one transaction. The page only ever holds the counts.
 */
export type RestoreRequest = { kind: 'read'; file: Blob } | { kind: 'restore' };
export type RestoreMessage =
  | ({ kind: 'progress' } & RestoreProgress)
  | { kind: 'checked'; counts: Record<string, number> }
  | { kind: 'restored'; counts: Record<string, number> }
  /** `refused`: the file is not one to restore (its message says why); otherwise writing failed. */
  | { kind: 'failed'; error: string; refused: boolean };

const post = (message: RestoreMessage) => (self as unknown as { postMessage(message: RestoreMessage): void }).postMessage(message);
const onProgress = (progress: RestoreProgress) => post({ kind: 'progress', ...progress });
const failed = (error: unknown) => post({ kind: 'failed', error: error instanceof Error ? error.message : String(error), refused: error instanceof BackupError });

let checked: Backup | null = null;

self.addEventListener('message', (event: MessageEvent<RestoreRequest>) => {
  const request = event.data;
  if (request.kind === 'read') {
    checked = null;
    readBackupFile(request.file, { isConsoleLink, onProgress }).then((backup) => {
      checked = backup;
      post({ kind: 'checked', counts: backup.counts });
    }, failed);
  } else if (checked) {
    const backup = checked;
    checked = null;
    restoreBackup(db, backup, onProgress).then(() => post({ kind: 'restored', counts: backup.counts }), failed);
  }
});
