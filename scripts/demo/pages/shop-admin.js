// The demo shop admin's own script: loads a page of orders as JSON and renders it (a small SPA).
(function () {
  const feed = document.querySelector('.order-feed');
  const pageOf = document.querySelector('.page-of');
  const money = (amount, currency) => new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(Number(amount));
  const when = (iso) => new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(iso));
  const STATE = { pending: 'Pending payment', paid: 'Paid', fulfilled: 'Fulfilled', cancelled: 'Cancelled', refunded: 'Refunded' };
  let page = Number(new URLSearchParams(location.search).get('page') || '1');
  let pages = 1;

  function cell(tag, className, text) {
    const el = document.createElement(tag);
    if (className) el.className = className;
    if (text !== undefined) el.textContent = text;
    return el;
  }

  function render(orders) {
    feed.replaceChildren(
      ...orders.map((order) => {
        const row = cell('article');
        const ref = cell('a', 'ref', order.reference);
        ref.href = '/admin/orders/' + order.id;
        const who = cell('span', 'who', order.customer.display_name);
        const placed = cell('time', '', when(order.placed_at));
        const amount = cell('span', 'amount', money(order.total, order.currency));
        const state = cell('span', 'pill', STATE[order.state]);
        const lines = cell('ul', 'lines');
        for (const line of order.lines) lines.append(cell('li', '', line.qty + ' × ' + line.product));
        row.append(ref, who, placed, amount, state, lines);
        return row;
      }),
    );
    pageOf.textContent = 'Page ' + page + ' of ' + pages;
  }

  async function load(next, push) {
    const response = await fetch('/api/v1/orders?page=' + next, { headers: { accept: 'application/json' } });
    const body = await response.json();
    page = body.meta.page;
    pages = body.meta.pages;
    if (push) history.pushState({}, '', '/admin/orders?page=' + page);
    render(body.data.orders);
  }

  document.querySelector('.pager').addEventListener('click', (event) => {
    const go = event.target.closest('[data-go]');
    if (!go) return;
    const next = go.dataset.go === 'next' ? Math.min(pages, page + 1) : Math.max(1, page - 1);
    if (next !== page) void load(next, true);
  });
  void load(page, false);
})();
