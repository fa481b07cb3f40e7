import {
  completePendingCommit,
  type Catalog,
  type FileIO,
  type PendingCommitRecord,
} from '@nasdaq-pipeline/iceberg/read';
import { PipelineError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';

/**
 * The journal of a multi-table publish: every table's staged commit, written before the first pointer swap and
 * removed after the last. Each swap is atomic, the set is not; a run killed in between leaves the journal, and the
 * next command that opens the warehouse finishes the swaps (roll forward) before it reads or writes anything.
 */
export interface PublishJournal {
  format: 1;
  runId: string;
  writtenAt: string;
  /** In publish order. */
  tables: PendingCommitRecord[];
}

/** What {@link completeInterruptedPublish} did. */
export interface PublishRecovery {
  runId: string;
  /** Tables whose pointer was swapped now. */
  completed: string[];
  /** Tables the interrupted run had already swapped. */
  alreadyPublished: string[];
}

const JOURNAL_NAME = '.nasdaq-pipeline.publish.json';

/** Where the journal lives: beside the lock, at the warehouse root (a folder or an S3 prefix). */
export function publishJournalUri(rootUri: string): string {
  return `${rootUri.replace(/\/+$/, '')}/${JOURNAL_NAME}`;
}

/** Write the journal (atomically: a temp file renamed locally, one PUT on S3). */
export async function writePublishJournal(
  io: FileIO,
  rootUri: string,
  journal: PublishJournal,
): Promise<void> {
  await io.write(publishJournalUri(rootUri), new TextEncoder().encode(`${JSON.stringify(journal)}\n`));
}

/** Remove the journal once every table is published. */
export async function removePublishJournal(io: FileIO, rootUri: string): Promise<void> {
  await io.delete([publishJournalUri(rootUri)]);
}

/** Whether a publish was interrupted (a journal is present). One `exists` call. */
export function hasPublishJournal(io: FileIO, rootUri: string): Promise<boolean> {
  return io.exists(publishJournalUri(rootUri));
}

function parseJournal(text: string): PublishJournal | null {
  try {
    const j = JSON.parse(text) as PublishJournal;
    return j.format === 1 && Array.isArray(j.tables) ? j : null;
  } catch {
    return null;
  }
}

/**
 * Finish an interrupted publish: for each table of the journal, swap its pointer unless the interrupted run did.
 * The caller holds the warehouse lock. Returns null when there is no journal, or when it is unreadable (it is
 * written whole before the first swap, so nothing was published from it; it is removed).
 *
 * @throws PipelineError (exit 1) naming the table when a staged commit cannot be completed (the table changed
 *   outside the pipeline, or the staged files were removed); the journal is removed, and the error says to
 *   rebuild the tables. Other errors (a flaky store) leave the journal for the next command.
 */
export async function completeInterruptedPublish(
  io: FileIO,
  catalog: Catalog,
  rootUri: string,
): Promise<PublishRecovery | null> {
  const uri = publishJournalUri(rootUri);
  let text: string;
  try {
    text = new TextDecoder().decode(await io.read(uri));
  } catch (e) {
    if (await io.exists(uri)) throw e;
    return null;
  }
  const journal = parseJournal(text);
  if (!journal) {
    await removePublishJournal(io, rootUri);
    return null;
  }
  const recovery: PublishRecovery = {
    runId: journal.runId,
    completed: [],
    alreadyPublished: [],
  };
  for (const record of journal.tables) {
    let outcome: 'committed' | 'already-committed';
    try {
      outcome = await completePendingCommit(catalog, record);
    } catch (e) {
      // Anything but "cannot be completed" (a flaky store, a permission) keeps the journal for the next command.
      if ((e as { code?: string }).code !== 'ICEBERG_COMMIT_CONFLICT') throw e;
      await removePublishJournal(io, rootUri);
      throw new PipelineError(
        `the publish of run ${journal.runId} was interrupted and cannot be finished for table ${record.identifier.name} (${e instanceof Error ? e.message : String(e)}); ${recovery.completed.length + recovery.alreadyPublished.length} tables were published from it. Rebuild the tables from the raw zone: nasdaq-pipeline transform --rebuild`,
        { code: 'PUBLISH_RECOVERY_FAILED', transient: false, exitCode: ExitCode.failure, cause: e },
      );
    }
    (outcome === 'committed' ? recovery.completed : recovery.alreadyPublished).push(record.identifier.name);
  }
  await removePublishJournal(io, rootUri);
  return recovery;
}

/** One line for the log: what the recovery did. */
export function describeRecovery(r: PublishRecovery): string {
  return `finished the publish of run ${r.runId}, which was interrupted: ${r.completed.length} tables published now (${r.completed.join(', ') || 'none'}), ${r.alreadyPublished.length} already published`;
}
