/**
 * Capture work in slices. A content script shares the console page's main thread, and a task over
 * 50 ms is one the seller feels: read in one go, a 500-row order list or its JSON held the page for
 * 60–120 ms on load (when our code runs for the first time, not yet optimised). Such work is written
 * as a generator that `yield`s where it may pause (between rows). The content script runs it in
 * slices (`sliceQueue`), giving the page the thread back whenever a slice has run for SLICE_MS; the
 * CLI, the tests and the bench run the same generator straight through (`atOnce`).
 */
export type Sliced<T> = Generator<void, T, undefined>;

/** Short enough that a slice plus the longest single step (one JSON.parse, one send) stays well under 50 ms. */
const SLICE_MS = 10;

/** The work's result, without pauses. */
export function atOnce<T>(work: Sliced<T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

type PostTask = (callback: () => void) => Promise<void>;

/**
 * The next slice runs from a task callback, not a promise continuation: it is then a task of its
 * own that tracing and the profiler attribute to BuyerLens's script. scheduler.postTask (Chromium
 * 94+) does it without the 4 ms clamp nested setTimeouts get.
 */
function nextTask(slice: () => void): void {
  const scheduler = (globalThis as { scheduler?: { postTask?: PostTask } }).scheduler;
  if (scheduler?.postTask) void scheduler.postTask(slice);
  else setTimeout(slice, 0);
}

/**
 * A queue of capture jobs, run one at a time in the order they came (a DOM read must see the
 * responses that arrived before it), in slices. A job starts in the caller's task when nothing is
 * running. A job that throws is dropped with a warning: jobs catch what they can report themselves.
 * Once `live` says no (the extension was reloaded), what is left is dropped.
 */
export function sliceQueue(live: () => boolean): (job: Sliced<void>) => void {
  const jobs: Sliced<void>[] = [];
  let running = false;
  const slice = () => {
    const start = performance.now();
    while (jobs.length > 0 && live()) {
      try {
        if (jobs[0]!.next().done) jobs.shift();
      } catch (error) {
        jobs.shift();
        console.warn('[BuyerLens] capture failed', error);
      }
      if (performance.now() - start >= SLICE_MS) break;
    }
    if (jobs.length > 0 && live()) nextTask(slice);
    else {
      jobs.length = 0;
      running = false;
    }
  };
  return (job) => {
    jobs.push(job);
    if (running) return;
    running = true;
    slice();
  };
}
