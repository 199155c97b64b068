/**
 * Saves a draft while the user writes: once `delayMs` after the last change (so a burst of typing is one save),
 * right away on `flush` (closing, sending), never two at once and never an older revision after a newer one.
 */
import type { Draft } from '../../../shared/api/compose';

export const DRAFT_SAVE_DELAY_MS = 1_500;

export interface DraftSaverOptions {
  /** The draft as it is now, stamped with the revision the saver gives it. */
  snapshot(revision: number): Draft;
  save(draft: Draft): Promise<unknown>;
  /** The revision already stored (a reopened draft continues from its own). */
  startRevision?: number;
  delayMs?: number;
  /** A save failed: the change stays pending and the next change or flush tries again. */
  onError?(error: unknown): void;
  onSaved?(revision: number): void;
}

export interface DraftSaver {
  /** The content changed: counts a new revision and (re)starts the delay. */
  changed(): void;
  /** Saves now when something is unsaved; resolves once the latest revision is stored (or failed). */
  flush(): Promise<void>;
  /** No more saves (the draft was sent or discarded); resolves once a save in flight has finished. */
  stop(): Promise<void>;
  readonly revision: number;
  readonly unsaved: boolean;
}

export function createDraftSaver(options: DraftSaverOptions): DraftSaver {
  const delayMs = options.delayMs ?? DRAFT_SAVE_DELAY_MS;
  let revision = options.startRevision ?? 0;
  let savedRevision = revision;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;

  const clearTimer = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  const saveLatest = (): Promise<void> => {
    // Chained: a save starts only after the previous one answered, and takes the revision current at that moment.
    running = running.then(async () => {
      if (stopped || revision <= savedRevision) return;
      const wanted = revision;
      try {
        await options.save(options.snapshot(wanted));
        savedRevision = Math.max(savedRevision, wanted);
        options.onSaved?.(wanted);
      } catch (error) {
        options.onError?.(error);
      }
    });
    return running;
  };

  return {
    changed() {
      if (stopped) return;
      revision += 1;
      clearTimer();
      timer = setTimeout(() => {
        timer = null;
        void saveLatest();
      }, delayMs);
    },
    flush() {
      clearTimer();
      return saveLatest();
    },
    async stop() {
      stopped = true;
      clearTimer();
      await running;
    },
    get revision() {
      return revision;
    },
    get unsaved() {
      return revision > savedRevision;
    },
  };
}
