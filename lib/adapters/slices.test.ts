import { describe, expect, it, vi } from 'vitest';
import { atOnce, sliceQueue, type Sliced } from './slices';

/** A job that takes `ms` of main thread per step, like reading one slow row. */
function* rows(log: string[], name: string, count: number, ms: number): Sliced<void> {
  for (let row = 1; row <= count; row++) {
    const until = performance.now() + ms;
    while (performance.now() < until);
    log.push(`${name}${row}`);
    yield;
  }
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 100));

describe('slices', () => {
  it('runs a sliced reading straight through for the CLI and the tests', () => {
    function* read(): Sliced<number> {
      yield;
      yield;
      return 42;
    }
    expect(atOnce(read())).toBe(42);
  });

  it('gives the page the thread back between slices of a long capture', async () => {
    const log: string[] = [];
    const enqueue = sliceQueue(() => true);
    enqueue(rows(log, 'row', 8, 4));
    // The page's own task, queued while the capture runs: it must not wait for all eight rows.
    setTimeout(() => log.push('page'), 0);
    // Until every row is read, however slow the machine is today.
    await vi.waitFor(() => expect(log.filter((entry) => entry !== 'page')).toHaveLength(8), { timeout: 10_000 });
    expect(log.indexOf('page')).toBeGreaterThan(0);
    expect(log.indexOf('page')).toBeLessThan(7);
    expect(log.filter((entry) => entry !== 'page')).toEqual(['row1', 'row2', 'row3', 'row4', 'row5', 'row6', 'row7', 'row8']);
  });

  it('runs captures one at a time, in the order they came', async () => {
    const log: string[] = [];
    const enqueue = sliceQueue(() => true);
    enqueue(rows(log, 'json', 3, 6));
    enqueue(rows(log, 'dom', 2, 0));
    await settled();
    expect(log).toEqual(['json1', 'json2', 'json3', 'dom1', 'dom2']);
  });

  it('goes on with the next capture when one throws', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const log: string[] = [];
    const enqueue = sliceQueue(() => true);
    // eslint-disable-next-line require-yield
    enqueue((function* (): Sliced<void> {
      throw new Error('page changed under the adapter');
    })());
    enqueue(rows(log, 'dom', 1, 0));
    await settled();
    expect(log).toEqual(['dom1']);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });

  it('stops once the extension is reloaded', async () => {
    const log: string[] = [];
    let live = true;
    const enqueue = sliceQueue(() => live);
    enqueue(rows(log, 'row', 20, 3));
    live = false;
    await settled();
    expect(log.length).toBeLessThan(20);
  });
});
