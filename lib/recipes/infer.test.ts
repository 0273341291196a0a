// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { domSourceSchema, type DomSource } from '../schema/recipes';
import { describeElement, inferDomSource, readDomRows, sharedParts } from './infer';
import { partOf } from './split';

/** A WooCommerce orders list row, in the markup WooCommerce's admin renders (wp-list-table, #the-list). */
function wooRow(id: number, name: string, iso: string, shown: string, status: string | null, amount: string): string {
  const statusCell = status
    ? `<mark class="order-status status-${status.toLowerCase()} tips"><span>${status}</span></mark>`
    : '';
  return `
    <tr id="order-${id}" class="order-${id} type-shop_order status-${(status ?? 'draft').toLowerCase()}">
      <th scope="row" class="check-column"><input id="cb-select-${id}" type="checkbox" name="id[]" value="${id}"></th>
      <td class="order_number column-order_number has-row-actions column-primary" data-colname="Order">
        <a href="#" class="order-preview" data-order-id="${id}" title="Preview">Preview</a>
        <a href="https://shop.example/wp-admin/post.php?post=${id}&amp;action=edit" class="order-view"><strong>#${id} ${name}</strong></a>
      </td>
      <td class="order_date column-order_date" data-colname="Date"><time datetime="${iso}" title="${shown}">${shown}</time></td>
      <td class="order_status column-order_status" data-colname="Status">${statusCell}</td>
      <td class="order_total column-order_total" data-colname="Total">
        <span class="tips"><span class="woocommerce-Price-amount amount"><bdi><span class="woocommerce-Price-currencySymbol">$</span>${amount}</bdi></span></span>
      </td>
    </tr>`;
}

function wooPage(rows: string): void {
  document.body.innerHTML = `
    <div id="wpbody-content"><div class="wrap">
      <h1 class="wp-heading-inline">Orders</h1>
      <ul class="subsubsub"><li class="all"><a href="#">All <span class="count">(3)</span></a></li><li class="wc-processing"><a href="#">Processing</a></li></ul>
      <table class="wp-list-table widefat fixed striped table-view-list orders">
        <thead><tr><td class="manage-column column-cb check-column"></td><th class="manage-column column-order_number">Order</th><th>Date</th><th>Status</th><th>Total</th></tr></thead>
        <tbody id="the-list">${rows}</tbody>
        <tfoot><tr><td></td><th>Order</th><th>Date</th><th>Status</th><th>Total</th></tr></tfoot>
      </table>
    </div></div>`;
}

const $ = (selector: string, root: ParentNode = document) => {
  const found = root.querySelector(selector);
  if (!found) throw new Error(`test page has no ${selector}`);
  return found;
};

function inferred(picks: Parameters<typeof inferDomSource>[0]): DomSource {
  const source = inferDomSource(picks);
  if ('error' in source) throw new Error(source.error);
  // Whatever is inferred must be a recipe source the schema accepts.
  expect(domSourceSchema.parse(source)).toEqual(source);
  return source;
}

describe('inferDomSource on a WooCommerce orders list', () => {
  beforeEach(() => {
    wooPage(
      wooRow(1001, 'Jane Doe', '2026-11-28T14:05:00+00:00', 'Nov 28, 2026', 'Processing', '45.00') +
        wooRow(1002, 'John Smith', '2026-11-27T09:30:00+00:00', 'Nov 27, 2026', 'Completed', '1,234.50') +
        wooRow(1003, 'Ana Souza Lima', '2026-11-20T23:59:00+00:00', 'Nov 20, 2026', 'On hold', '7.99'),
    );
  });

  const picks = () => {
    const row = $('#order-1001');
    const strong = $('.order-view strong', row);
    return { orderNumber: strong, buyer: strong, placedAt: $('time', row), status: $('mark span', row), total: $('.woocommerce-Price-amount', row) };
  };

  it('finds exactly the three order rows, not the header or footer rows', () => {
    const source = inferred(picks());
    expect(source.rows).toBe('#the-list > tr');
    expect([...document.querySelectorAll(source.rows!)].map((r) => r.id)).toEqual(['order-1001', 'order-1002', 'order-1003']);
  });

  it('splits "#1001 Jane Doe" into the order number and the buyer, and reads the date from datetime', () => {
    const { fields } = inferred(picks());
    expect(fields.orderNumber?.part).toBe('orderNumber');
    expect(fields.buyer?.part).toBe('afterOrderNumber');
    expect(fields.orderNumber?.selector).toBe(fields.buyer?.selector);
    expect(fields.placedAt?.attribute).toBe('datetime');
    expect(fields.total?.attribute).toBeUndefined();
  });

  it('reads every row', () => {
    expect(readDomRows(document, inferred(picks()))).toEqual([
      { orderNumber: ['1001'], buyer: ['Jane Doe'], placedAt: ['2026-11-28T14:05:00+00:00'], status: ['Processing'], total: ['$45.00'] },
      { orderNumber: ['1002'], buyer: ['John Smith'], placedAt: ['2026-11-27T09:30:00+00:00'], status: ['Completed'], total: ['$1,234.50'] },
      { orderNumber: ['1003'], buyer: ['Ana Souza Lima'], placedAt: ['2026-11-20T23:59:00+00:00'], status: ['On hold'], total: ['$7.99'] },
    ]);
  });

  it('uses the <time> when the click lands on its wrapping cell, and the mark when the click is on it', () => {
    const row = $('#order-1002');
    const strong = $('.order-view strong', row);
    const source = inferred({ orderNumber: strong, buyer: strong, placedAt: $('td.order_date', row), status: $('mark', row), total: $('.woocommerce-Price-amount', row) });
    expect(source.fields.placedAt).toMatchObject({ attribute: 'datetime' });
    expect(readDomRows(document, source).map((r) => [r.placedAt?.[0], r.status?.[0]])).toEqual([
      ['2026-11-28T14:05:00+00:00', 'Processing'],
      ['2026-11-27T09:30:00+00:00', 'Completed'],
      ['2026-11-20T23:59:00+00:00', 'On hold'],
    ]);
  });

  it('does not rely on the per-row ids and status classes', () => {
    const { rows, fields } = inferred(picks());
    const all = [rows!, ...Object.values(fields).map((f) => f.selector)].join(' ');
    expect(all).not.toMatch(/1001|status-processing/);
  });
});

describe('inferDomSource where a row lacks a field', () => {
  it('still reads the rows, the one without a status has none', () => {
    wooPage(
      wooRow(2001, 'Jane Doe', '2026-11-28T14:05:00Z', 'Nov 28, 2026', 'Processing', '45.00') +
        wooRow(2002, 'John Smith', '2026-11-27T09:30:00Z', 'Nov 27, 2026', null, '12.00') +
        wooRow(2003, 'Ana Lima', '2026-11-26T10:00:00Z', 'Nov 26, 2026', 'Completed', '9.90'),
    );
    const row = $('#order-2001');
    const strong = $('.order-view strong', row);
    const source = inferred({ orderNumber: strong, buyer: strong, placedAt: $('time', row), status: $('mark span', row), total: $('.amount', row) });
    const rows = readDomRows(document, source);
    expect(rows.map((r) => r.orderNumber?.[0])).toEqual(['2001', '2002', '2003']);
    expect(rows.map((r) => r.status?.[0])).toEqual(['Processing', undefined, 'Completed']);
    expect(rows[1]).toEqual({ orderNumber: ['2002'], buyer: ['John Smith'], placedAt: ['2026-11-27T09:30:00Z'], total: ['$12.00'] });
  });
});

describe('inferDomSource where rows wrap a field differently', () => {
  it('finds the total of a refunded order (<del>/<ins>) and of one without the tips wrapper', () => {
    wooPage(
      wooRow(3001, 'Jane Doe', '2026-11-28T14:05:00Z', 'Nov 28, 2026', 'Processing', '45.00') +
        wooRow(3002, 'John Smith', '2026-11-27T09:30:00Z', 'Nov 27, 2026', 'Completed', '95.00') +
        wooRow(3003, 'Ana Lima', '2026-11-26T10:00:00Z', 'Nov 26, 2026', 'Cancelled', '18.00'),
    );
    // As WooCommerce renders a partly refunded total, and a total with no payment method tip.
    $('#order-3002 td.order_total').innerHTML =
      '<span class="tips"><del aria-hidden="true">$120.00</del> <ins><span class="woocommerce-Price-amount amount"><span class="woocommerce-Price-currencySymbol">$</span>95.00</span></ins></span>';
    $('#order-3003 td.order_total').innerHTML = '<span class="woocommerce-Price-amount amount"><span class="woocommerce-Price-currencySymbol">$</span>18.00</span>';
    const row = $('#order-3001');
    const strong = $('.order-view strong', row);
    const source = inferred({ orderNumber: strong, buyer: strong, total: $('.woocommerce-Price-amount', row) });
    expect(readDomRows(document, source).map((r) => r.total)).toEqual([['$45.00'], ['$95.00'], ['$18.00']]);
  });
});

describe('inferDomSource row detection', () => {
  it('reads every group of a list grouped by day, and not the pager', () => {
    const group = (day: string, orders: [string, string, string][]) =>
      `<section class="day"><h3>${day}</h3><ul class="order-list">${orders.map(([n, who, amt]) => `<li class="order"><b class="no">#${n}</b> <span class="who">${who}</span> <span class="amt">${amt}</span></li>`).join('')}</ul></section>`;
    document.body.innerHTML = `<div class="orders-page">${group('Today', [['11', 'Ana', '$1.00'], ['12', 'Bia', '$2.00']])}${group('Yesterday', [['21', 'Caio', '$3.00']])}<ul class="pager"><li>1</li><li>2</li></ul></div>`;
    const first = $('li.order');
    const source = inferred({ orderNumber: $('.no', first), buyer: $('.who', first), total: $('.amt', first) });
    expect(readDomRows(document, source).map((r) => [r.orderNumber?.[0], r.buyer?.[0]])).toEqual([['#11', 'Ana'], ['#12', 'Bia'], ['#21', 'Caio']]);
  });

  it('does not take a detail page\'s cards of the same markup for rows', () => {
    const line = (label: string, value: string) => `<p class="line"><span>${label}</span><span>${value}</span></p>`;
    document.body.innerHTML = `<main>
      <section class="card"><h2>Order</h2>${line('No.', '#5001')}${line('Buyer', 'Jane Doe')}${line('Total', '$45.00')}</section>
      <section class="card"><h2>Shipping</h2>${line('Address', 'Rua 1, 123')}${line('Phone', '555-1234')}</section>
    </main>`;
    const values = document.querySelectorAll('section')[0]!.querySelectorAll('p span:nth-child(2)');
    const source = inferred({ orderNumber: values[0]!, buyer: values[1]!, total: values[2]! });
    expect(source.rows).toBeNull();
    expect(readDomRows(document, source)).toEqual([{ orderNumber: ['#5001'], buyer: ['Jane Doe'], total: ['$45.00'] }]);
  });

  it('tells a table without any class or id from another table on the page', () => {
    const rows = [1, 2, 3].map((i) => `<tr><td>${1000 + i}</td><td>Buyer ${i}</td><td>$${i}.00</td></tr>`).join('');
    document.body.innerHTML = `<table><tr><th>No</th><th>Buyer</th><th>Total</th></tr>${rows}</table><table><tr><td>9</td><td>x</td><td>1</td></tr></table>`;
    const row = document.querySelectorAll('tr')[1]!;
    const source = inferred({ orderNumber: row.children[0]!, buyer: row.children[1]!, total: row.children[2]! });
    expect(readDomRows(document, source)).toEqual([
      { orderNumber: ['1001'], buyer: ['Buyer 1'], total: ['$1.00'] },
      { orderNumber: ['1002'], buyer: ['Buyer 2'], total: ['$2.00'] },
      { orderNumber: ['1003'], buyer: ['Buyer 3'], total: ['$3.00'] },
    ]);
  });
});

describe('inferDomSource on a card list with generated class names', () => {
  const card = (n: string, buyer: string, total: string, status: string, items: string[]) => `
    <div data-testid="order-card" class="css-a1b2c3 css-d4e5f6">
      <div class="css-7h8j9k"><span data-testid="order-number">${n}</span><span class="css-0p9o8i">${buyer}</span></div>
      <div class="css-5t6y7u"><span data-testid="order-total">${total}</span><span class="sc-bdVaJa kHlqVv">${status}</span></div>
      <ul class="css-2w3e4r">${items.map((i) => `<li class="css-9i8u7y">${i}</li>`).join('')}</ul>
    </div>`;

  beforeEach(() => {
    document.body.innerHTML = `
      <div class="css-1k2j3h">
        <header class="css-9x8y7z"><h1>Pedidos</h1><span data-testid="order-number-filter">#</span></header>
        <div data-testid="order-list" class="css-4f5g6h">
          ${card('#A-1001', 'Jane Doe', 'R$ 1.234,56', 'Enviado', ['2 × Caneca azul', '1 × Prato'])}
          ${card('#A-1002', 'João Silva', 'R$ 45,00', 'Pago', ['Caneca vermelha'])}
          ${card('#A-1003', 'Maria Souza', 'R$ 99,90', 'Cancelado', ['3 × Copo', '1 × Pires', '1 × Bule'])}
          <div class="css-q1w2e3"><button>Carregar mais</button></div>
        </div>
      </div>`;
  });

  const picks = () => {
    const first = $('[data-testid="order-card"]');
    return {
      orderNumber: $('[data-testid="order-number"]', first),
      buyer: $('.css-0p9o8i', first),
      total: $('[data-testid="order-total"]', first),
      status: $('.sc-bdVaJa', first),
      items: $('li', first),
    };
  };

  it('builds the rows from test ids and no generated class', () => {
    const source = inferred(picks());
    expect(document.querySelectorAll(source.rows!)).toHaveLength(3);
    expect(source.rows).toBe('[data-testid="order-list"] > div[data-testid="order-card"]');
    expect(source.fields.orderNumber?.selector).toBe('[data-testid="order-number"]');
    expect(source.fields.total?.selector).toBe('[data-testid="order-total"]');
    const all = [source.rows, ...Object.values(source.fields).map((f) => f.selector)].join(' ');
    expect(all).not.toMatch(/css-|sc-|kHlqVv/);
  });

  it('reads every card, every item of each', () => {
    expect(readDomRows(document, inferred(picks()))).toEqual([
      { orderNumber: ['#A-1001'], buyer: ['Jane Doe'], total: ['R$ 1.234,56'], status: ['Enviado'], items: ['2 × Caneca azul', '1 × Prato'] },
      { orderNumber: ['#A-1002'], buyer: ['João Silva'], total: ['R$ 45,00'], status: ['Pago'], items: ['Caneca vermelha'] },
      { orderNumber: ['#A-1003'], buyer: ['Maria Souza'], total: ['R$ 99,90'], status: ['Cancelado'], items: ['3 × Copo', '1 × Pires', '1 × Bule'] },
    ]);
  });

  it('takes every item whichever item was clicked', () => {
    const p = picks();
    const source = inferred({ ...p, items: $('li:nth-child(2)', $('[data-testid="order-card"]')) });
    expect(readDomRows(document, source)[2]?.items).toEqual(['3 × Copo', '1 × Pires', '1 × Bule']);
  });
});

describe('inferDomSource on a detail page', () => {
  beforeEach(() => {
    document.body.innerHTML = `
      <div id="app"><main class="order-detail">
        <h1>Pedido <span class="order-no">#5001</span></h1>
        <section class="card"><h2>Cliente</h2><p class="customer-name">Jane Doe</p><p>Rua 1, 123</p></section>
        <section class="card"><h2>Resumo</h2>
          <dl><dt>Data</dt><dd>28/11/2026 14:05</dd><dt>Total</dt><dd>R$ 45,00</dd><dt>Situação</dt><dd>Pago</dd></dl>
        </section>
        <section class="card"><h2>Itens</h2><ul class="lines"><li>2 × Caneca azul</li><li>Prato</li></ul></section>
      </main></div>`;
  });

  it('has no rows and reads the one order from the document', () => {
    const dds = document.querySelectorAll('dd');
    const source = inferred({ orderNumber: $('.order-no'), buyer: $('.customer-name'), placedAt: dds[0]!, total: dds[1]!, status: dds[2]!, items: $('.lines li') });
    expect(source.rows).toBeNull();
    for (const [field, pick] of Object.entries(source.fields)) {
      if (field !== 'items') expect(document.querySelectorAll(pick.selector), field).toHaveLength(1);
    }
    expect(readDomRows(document, source)).toEqual([
      { orderNumber: ['#5001'], buyer: ['Jane Doe'], placedAt: ['28/11/2026 14:05'], total: ['R$ 45,00'], status: ['Pago'], items: ['2 × Caneca azul', 'Prato'] },
    ]);
  });
});

describe('inferDomSource on a chat page', () => {
  beforeEach(() => {
    document.body.innerHTML = `
      <div class="chat-window">
        <header class="conversation-header"><img alt=""><span class="buyer-name">Jane Doe</span></header>
        <ol class="messages"><li class="message">Oi!</li><li class="message">Tudo bem?</li></ol>
        <div class="composer">
          <label for="ignored">Mensagem</label>
          <div class="editor-wrap"><div contenteditable="true" role="textbox"><p>Digite aqui</p></div></div>
          <button>Enviar</button>
        </div>
      </div>
      <div class="chat-window-list"><span class="buyer-name-preview">Outro</span></div>`;
  });

  it('has no rows; the reply box is the contenteditable itself, even when the click is in its paragraph', () => {
    const source = inferred({ chatBuyer: $('.buyer-name'), replyBox: $('[contenteditable] p') });
    expect(source.rows).toBeNull();
    expect(document.querySelector(source.fields.replyBox!.selector)).toBe($('[contenteditable]'));
    expect(document.querySelector(source.fields.chatBuyer!.selector)).toBe($('.buyer-name'));
    // The reply box is where replies go, not a value.
    expect(readDomRows(document, source)).toEqual([{ chatBuyer: ['Jane Doe'] }]);
  });

  it('follows a label to its textarea', () => {
    document.body.innerHTML = `<div class="box"><span class="who">Jane</span><label for="reply">Reply</label><textarea id="reply-area-x" class="input"></textarea></div>`;
    $('label').setAttribute('for', 'reply-area-x');
    const source = inferred({ chatBuyer: $('.who'), replyBox: $('label') });
    expect(document.querySelector(source.fields.replyBox!.selector)).toBe($('textarea'));
  });
});

describe('inferDomSource refusals', () => {
  it('asks for a pick when there is none', () => {
    expect(inferDomSource({})).toEqual({ error: expect.any(String) });
  });

  it('refuses an element no longer on the page', () => {
    const gone = document.createElement('span');
    expect(inferDomSource({ orderNumber: gone })).toEqual({ error: expect.stringMatching(/no longer on the page/) });
  });
});

describe('readDomRows', () => {
  it('caps rows at 500 and strings at 1,000 characters, and drops rows where nothing is found', () => {
    document.body.innerHTML = `<ul class="orders">${Array.from({ length: 600 }, (_, i) => `<li><b class="n">#${i}</b><i class="note">${'x'.repeat(i === 0 ? 1500 : 3)}</i></li>`).join('')}<li></li></ul>`;
    const rows = readDomRows(document, { type: 'dom', rows: 'ul.orders > li', fields: { orderNumber: { selector: '.n' }, buyer: { selector: '.note' } } });
    expect(rows).toHaveLength(500);
    expect(rows[0]?.buyer?.[0]).toHaveLength(1000);
    expect(rows[499]?.orderNumber).toEqual(['#499']);
  });

  it('reads attributes, parts of a text and finds nothing with a selector the browser rejects', () => {
    document.body.innerHTML = `<div class="o"><a class="v" href="/orders/77?tab=info">Order 77 - Ana</a></div>`;
    const rows = readDomRows(document, {
      type: 'dom',
      rows: null,
      fields: { orderNumber: { selector: '.v', attribute: 'href', part: 'orderNumber' }, buyer: { selector: '.v', part: 'afterOrderNumber' }, total: { selector: '[[bad' } },
    });
    expect(rows).toEqual([{ orderNumber: ['77'], buyer: ['Ana'] }]);
  });

  it('takes a text apart in time linear in its length, whatever the buyer wrote in their name', () => {
    const hostile = `${'a1 '.repeat(300)}${'-'.repeat(500)}!`;
    const started = performance.now();
    for (const part of ['orderNumber', 'afterOrderNumber', 'beforeOrderNumber'] as const) partOf(hostile, part);
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe('sharedParts', () => {
  it.each([
    ['#1001 Jane Doe', '1001', 'Jane Doe'],
    ['#A-2026-7 – Ana Lima', 'A-2026-7', 'Ana Lima'],
    ['Order #88 Jane', '88', 'Jane'],
    ['Jane Doe #1001', '1001', 'Jane Doe'],
    ['SO-0042 Bob Ray', 'SO-0042', 'Bob Ray'],
  ])('%s → %s and %s, and the same on another row', (text, number, buyer) => {
    const parts = sharedParts(text)!;
    expect(partOf(text, parts.orderNumber)).toBe(number);
    expect(partOf(text, parts.buyer!)).toBe(buyer);
  });

  it('gives the buyer no part where the text has nothing besides the number', () => {
    expect(sharedParts('#1001')).toEqual({ orderNumber: 'orderNumber' });
  });
});

describe('describeElement', () => {
  it('names the element and its parent by tag and stable names', () => {
    document.body.innerHTML = `<table><tr><td class="order_total column-order_total css-1x2y3z"><span>$4</span></td></tr></table><div data-testid="order-card"><b id="total">1</b></div>`;
    expect(describeElement($('td span'))).toBe('td.order_total.column-order_total › span');
    expect(describeElement($('#total'))).toBe('div[data-testid="order-card"] › b#total');
    const long = document.createElement('span');
    long.className = Array.from({ length: 10 }, (_, i) => `very-long-class-name-${'abcdefghij'[i]}`).join(' ');
    $('#total').append(long);
    expect(describeElement(long).length).toBeLessThanOrEqual(80);
  });
});
