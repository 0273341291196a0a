// BuyerLens demo of Lazada Seller Center's order list (/apps/order/list): the rows of
// mtop.lazada.seller.order.query.list from the gateway (lazada-mtop.js), each order's header in the
// markup Laqoli documents (div.list-item-header, its checkbox, the number at .order-field-value a,
// linked to /apps/order/detail?tradeOrderId=…); the rest of each order is the demo's own markup
// (demo-* classes): no public source shows the real one. `pageSize` in the URL is a demo convenience.
(() => {
  const { demoMtop: mtop, demoEscape: escape, demoPesos: pesos, demoStatus: STATUS } = window;
  const params = new URLSearchParams(location.search);
  const pageSize = Number(params.get('pageSize') || 20);
  const TABS = [['all', 'All'], ['unpaid', 'Unpaid'], ['topack', 'To Pack'], ['shipping', 'Shipping'], ['shipped', 'Shipped'], ['canceled', 'Canceled'], ['returnRefund', 'Return/Refund']];
  const state = { tab: params.get('tab') || 'all', page: 1 };
  const tabs = document.getElementById('tabs');
  const orders = document.getElementById('orders');
  const pager = document.getElementById('pager');

  const row = (o) =>
    `<div><div class="list-item-header">` +
    `<label class="next-checkbox-wrapper"><span class="next-checkbox"><input type="checkbox" class="next-checkbox-input" aria-checked="false"></span></label>` +
    `<div class="order-field"><span class="order-field-label">Order </span><span class="order-field-value"><a href="/apps/order/detail?tradeOrderId=${escape(o.orderNumber)}" data-demo="order-link">${escape(o.orderNumber)}</a></span></div>` +
    `<span>Created ${escape(o.createDate)} ${escape(o.createTime)}</span><span>${escape(o.paymentMethod)}</span></div>` +
    `<div class="demo-order-body"><div>${o.skus
      .map((s) => `<div class="demo-sku">${escape(s.productName)} × ${escape(s.quantity)}<small>${escape(s.skuInfo)} · ${escape(s.sellerSku)}</small></div>`)
      .join('')}</div>` +
    `<div><div class="demo-buyer">${escape(o.buyerName)}</div><div class="demo-muted">Buyer ID ${escape(o.buyerId)}</div></div>` +
    `<div><div class="demo-total">${pesos(Number(o.totalRetailPrice) + Number(o.shippingFee))}</div><div class="demo-muted">incl. shipping ${pesos(o.shippingFee)}</div></div>` +
    `<div class="demo-status">${escape(STATUS[o.skus[0] && o.skus[0].itemStatus === 'delivered' ? 'delivered' : o.tabStatus] || o.tabStatus)}</div></div></div>`;

  async function load() {
    document.body.dataset.demoReady = 'false';
    tabs.innerHTML = TABS.map(([key, label]) => `<button role="tab" data-tab="${key}" aria-selected="${key === state.tab}">${label}</button>`).join('');
    const { data } = await mtop('mtop.lazada.seller.order.query.list', { page: state.page, pageSize, filterOrderItems: true, sort: 'GMT_CREATE', sortOrder: 'DESC', tab: state.tab });
    const pages = Math.max(Math.ceil(data.pageInfo.total / pageSize), 1);
    document.getElementById('count').textContent = `${data.pageInfo.total} orders`;
    orders.innerHTML = data.dataSource.length ? data.dataSource.map(row).join('') : '<div id="page">No orders</div>';
    pager.innerHTML =
      `<span>Page ${state.page} of ${pages}</span>` +
      (state.page > 1 ? '<button data-demo="prev-page">Previous</button>' : '') +
      (state.page < pages ? '<button data-demo="next-page">Next</button>' : '');
    document.body.dataset.demoPage = String(state.page);
    document.body.dataset.demoReady = 'true';
  }
  tabs.addEventListener('click', (e) => {
    const tab = e.target.closest('[data-tab]')?.dataset.tab;
    if (!tab) return;
    state.tab = tab;
    state.page = 1;
    void load();
  });
  pager.addEventListener('click', (e) => {
    const which = e.target.closest('[data-demo]')?.dataset.demo;
    if (which === 'next-page') state.page += 1;
    else if (which === 'prev-page') state.page -= 1;
    else return;
    void load();
  });
  void load();
})();
