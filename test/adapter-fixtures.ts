import { describe, expect, it } from 'vitest';
import { fixtureCases, readExpected, runFixture } from './fixture-cases';

/** Every fixture of an adapter, read as the CLI reads it, equals its `.expected.json`. */
export function describeFixtures(adapterId: string): void {
  describe(`${adapterId} fixtures`, () => {
    it.each(fixtureCases(adapterId).map((c) => [c.name, c] as const))('%s', (_name, fixture) => {
      const expected = readExpected(fixture);
      expect(runFixture(fixture, expected.input)).toEqual(expected.output);
    });
  });
}
