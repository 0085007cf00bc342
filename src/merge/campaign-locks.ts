/**
 * Which tab runs a campaign, and one writer at a time for its record. Both are Web Locks (navigator.locks), shared by
 * every tab of the origin and let go by the browser when a tab closes:
 * - `fumi-campaign:<id>` is held by the tab that runs the campaign for as long as it runs. Other tabs queue for it
 *   and show progress meanwhile; when the running tab closes, the next in the queue takes over where it stopped.
 * - `fumi-campaign-record:<id>` is held for one read-change-write of the record, so a Pause pressed in one tab and
 *   a state the runner derives in another never overwrite each other.
 * The outbox's own lock per entry is what keeps a message from going twice; these keep the work in one place.
 */

export interface CampaignLocks {
  /** Waits for the run lock, then holds it until `signal` aborts; `onAcquired` runs once it is held. */
  holdRun(id: string, signal: AbortSignal, onAcquired: () => void): void;
  /** Runs `work` holding the record lock (waiting for it). */
  withRecord<T>(id: string, work: () => Promise<T>): Promise<T>;
}

export const runLockName = (id: string) => `fumi-campaign:${id}`;
const recordLockName = (id: string) => `fumi-campaign-record:${id}`;

const whenAborted = (signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });

export function webCampaignLocks(locks: LockManager | undefined = globalThis.navigator?.locks): CampaignLocks {
  if (!locks) return memoryCampaignLocks();
  return {
    holdRun(id, signal, onAcquired) {
      locks
        .request(runLockName(id), { signal }, async () => {
          onAcquired();
          await whenAborted(signal);
        })
        // An abort while still queued rejects the request: nothing was held.
        .catch(() => {});
    },
    withRecord: (id, work) => locks.request(recordLockName(id), work) as Promise<Awaited<ReturnType<typeof work>>>,
  };
}

/** Locks shared by whatever holds the same object: several "tabs" in one test share one. */
export function memoryCampaignLocks(): CampaignLocks & { holders: Map<string, number> } {
  const queues = new Map<string, Promise<void>>();
  const holders = new Map<string, number>();
  let next = 0;
  const exclusive = <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const before = queues.get(name) ?? Promise.resolve();
    const result = before.then(work);
    queues.set(
      name,
      result.then(
        () => {},
        () => {},
      ),
    );
    return result;
  };
  return {
    holders,
    holdRun(id, signal, onAcquired) {
      const me = ++next;
      void exclusive(runLockName(id), async () => {
        if (signal.aborted) return;
        holders.set(id, me);
        onAcquired();
        await whenAborted(signal);
        if (holders.get(id) === me) holders.delete(id);
      });
    },
    withRecord: (id, work) => exclusive(recordLockName(id), work),
  };
}
