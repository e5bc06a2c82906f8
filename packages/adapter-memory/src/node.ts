import {mkdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs';
import {dirname} from 'node:path';
import {RapportError} from '@rapport/core';
import type {AnySnapshot, SnapshotStore} from './memory-adapter.js';

/**
 * Keeps the memory backend's writes in a JSON file (Node only). Each save writes a temporary file
 * beside it and renames it over the old one, so a crash mid-write never leaves half a file.
 *
 * @throws RapportError `invalid_input` when loading a file that is not a snapshot (it is left alone:
 *   nothing is overwritten until you move or delete it).
 */
export function jsonFileStore(path: string): SnapshotStore {
  return {
    load() {
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
      try {
        const snapshot = JSON.parse(text) as AnySnapshot;
        if (
          ![1, 2, 3].includes(snapshot?.format) ||
          !Array.isArray(snapshot.complaints) ||
          !Array.isArray(snapshot.idempotency) ||
          (snapshot.format === 3 &&
            !(
              Array.isArray(snapshot.changedComplaints) &&
              Array.isArray(snapshot.redemptions) &&
              Array.isArray(snapshot.complaintUpdates) &&
              Array.isArray(snapshot.surveyAnswers)
            ))
        )
          throw new Error('not a Rapport memory snapshot');
        return snapshot;
      } catch (error) {
        throw new RapportError(
          'invalid_input',
          `${path} is not a Rapport data file (${(error as Error).message}); move or delete it to start afresh`,
          {
            fields: {path: 'is not a Rapport data file'},
          },
        );
      }
    },
    save(snapshot) {
      mkdirSync(dirname(path), {recursive: true});
      const temporary = `${path}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify(snapshot));
      renameSync(temporary, path);
    },
  };
}
