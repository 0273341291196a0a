import { describe, expect, it } from 'vitest';
import { patternProblem } from './recipe-fields';

describe('a recipe’s patterns', () => {
  it('take what teaching writes and what the built-in recipes use', () => {
    for (const source of ['^#(\\S+)', '^#\\S+\\s+(.+)$', '#\\s*([A-Za-z0-9][A-Za-z0-9_-]*)', '(?:^|\\s)([A-Za-z0-9_-]*\\d[A-Za-z0-9_-]*)(?=\\s|$)', '^#\\s*[A-Za-z0-9][A-Za-z0-9_-]*[\\s:|·,–—-]+(.+?)\\s*$', '(\\d{2,4})-(\\d+)']) {
      expect(patternProblem(source), source).toBeUndefined();
    }
  });

  it('refuse what could hold a page’s thread: nested repetition, backreferences, lookbehind, too many repetitions, invalid ones', () => {
    expect(patternProblem('(a+)+$')).toMatch(/repeated group/);
    expect(patternProblem('^(\\w|\\s*)*x')).toMatch(/repeated group/);
    expect(patternProblem('((ab)+c){2,}')).toMatch(/repeated group/);
    expect(patternProblem('(a)\\1')).toMatch(/backreference/);
    expect(patternProblem('(?<=x)y')).toMatch(/lookbehind/);
    expect(patternProblem('a*b*c*d*e*f*g*h*i*')).toMatch(/at most 8/);
    expect(patternProblem('(')).toMatch(/not a valid/);
  });

  it('are not fooled by brackets and escapes', () => {
    expect(patternProblem('[(a+)]+')).toBeUndefined();
    expect(patternProblem('\\(a+\\)+')).toBeUndefined();
  });
});
