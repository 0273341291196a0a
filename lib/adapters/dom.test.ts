// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { queryFirst, queryFirstEach, textOf } from './dom';

describe('queryFirstEach', () => {
  it('finds in every row what queryFirst finds in it, fallbacks and all', () => {
    document.body.innerHTML = `
      <div class="header"><span class="name">page title</span></div>
      <div class="list">
        <div class="row"><div class="header"><span class="name">ana</span><span class="name">second</span></div></div>
        <div class="row"><div class="old-header"><span class="name">bia</span></div></div>
        <div class="row"><span class="name">outside any header</span></div>
        <div class="row"><div class="header"><div class="row"><span class="name">nested row</span></div></div></div>
      </div>`;
    const rows = [...document.querySelectorAll('.row')];
    const selectors = ['.header .name', '.old-header .name'];
    expect(queryFirstEach(document, rows, selectors)).toEqual(rows.map((row) => queryFirst(row, selectors)));
    expect(queryFirstEach(document, rows, selectors).map((el) => textOf(el))).toEqual(['ana', 'bia', undefined, 'nested row', 'nested row']);
  });

  it('gives nothing for no rows', () => {
    expect(queryFirstEach(document, [], ['.name'])).toEqual([]);
  });
});

describe('textOf', () => {
  it('collapses the whitespace of a printed line', () => {
    document.body.innerHTML = '<p id="a">  R$\u00a065,85 </p><p id="b">\n  Rosa,\tM  </p><p id="c">Caneca Azul</p><p id="d">  </p>';
    expect(['a', 'b', 'c', 'd'].map((id) => textOf(document.getElementById(id)))).toEqual(['R$ 65,85', 'Rosa, M', 'Caneca Azul', undefined]);
  });
});
