// BuyerLens demo of Amazon Seller Central's order pages: an SPA that fetches the orders-api JSON and
// renders it with the data-test-id markup of the real pages. Demo data only.
// As on the real page, the order JSON carries no buyer name: the page POSTs the order's `blob` to
// /orders-st/resolve and prints the name it gets back in the ship-to block and the "Contact Buyer"
// line (EVIDENCE.md, Amazon; markup as test/fixtures/amazon/order-detail-dom.html).
(() => {
  const app = document.getElementById('MYO-app');
  const escape = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  const usd = (m) => '$' + m.Amount.toFixed(2);
  const dateText = (seconds) => new Date(seconds * 1000).toLocaleString('en-US', { timeZone: 'Etc/GMT+8', month: 'short', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit' }) + ' PST';
  const api = (url) => fetch(url, { credentials: 'include', headers: { 'anti-csrftoken-a2z-request': 'true' } }).then((r) => r.json());
  const resolve = (blob) =>
    fetch('/orders-st/resolve', {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'anti-csrftoken-a2z-request': 'true' },
      body: JSON.stringify({ blobs: [blob] }),
    }).then((r) => r.json());

  async function renderList() {
    const params = new URLSearchParams(location.search);
    const pageNumber = Number(params.get('page') || 1);
    const limit = Number(params.get('page_size') || 15);
    const offset = (pageNumber - 1) * limit;
    const result = await api(`/orders-api/search?limit=${limit}&offset=${offset}&sort=order_date_desc&date-range=last-365&fulfillmentType=mfn&orderStatus=all&forceOrdersTableRefreshTrigger=false`);
    const rows = result.orders.map((o) =>
      `<tr><td data-test-id="oth-order-date"><div class="cell-body">${escape(dateText(o.orderDate))}</div></td>` +
      `<td data-test-id="oth-order-details"><div class="cell-body"><div class="cell-body-title"><a href="/orders-v3/order/${o.amazonOrderId}">${o.amazonOrderId}</a></div><div>Sales channel: ${escape(o.salesChannel)}</div></div></td>` +
      `<td data-test-id="oth-product-info">${o.orderItems.map((i) => `<div class="myo-list-orders-product-name-cell"><a href="#"><div>${escape(i.productName)}</div></a><div>SKU: ${escape(i.sellerSku)}</div><div>Quantity: ${i.quantityOrdered}</div></div>`).join('')}</td>` +
      `<td><div class="main-status">${escape(o.orderFulfillmentStatus)}</div></td></tr>`).join('');
    const last = Math.max(1, Math.ceil(result.total / limit));
    app.innerHTML = `<h1>Manage Orders</h1><div class="myo-table-container"><table id="orders-table"><thead><tr><th>Order date</th><th>Order details</th><th>Product name</th><th>Order status</th></tr></thead><tbody>${rows}</tbody></table></div>` +
      `<div class="pager"><span data-demo="page-info">Page ${pageNumber} of ${last} · ${result.total} orders</span>` +
      (pageNumber < last ? `<button type="button" data-demo="next-page" data-page="${pageNumber + 1}">Next</button>` : '') + '</div>';
  }

  async function renderDetail(orderId) {
    const response = await api(`/orders-api/order/${orderId}`);
    const o = response.order;
    const buyer = (await resolve(o.blob))[o.amazonOrderId] || {};
    const shipTo = (buyer.address && buyer.address.name) || '';
    const items = o.orderItems.map((i) =>
      `<tr><td data-test-id="item-status-cell"><div data-test-id="item-status-label"><span class="main-status">${escape(i.ItemStatus.ItemStatus)}</span></div></td>` +
      `<td><div class="myo-list-orders-product-name-cell"><a href="#"><div>${escape(i.Title)}</div></a><div>ASIN: <b>${escape(i.ASIN)}</b></div><div>SKU: ${escape(i.SellerSKU)}</div></div></td>` +
      `<td>${i.QuantityOrdered}</td><td>${usd(i.ItemCost.UnitPrice)}</td></tr>`).join('');
    app.innerHTML = `<div class="a-row"><h1>Order details</h1><span>Order ID: # <span data-test-id="order-id-value" class="a-text-bold">${escape(o.amazonOrderId)}</span></span></div>` +
      `<div class="columns"><div class="a-box"><h4>Order summary</h4><table><tbody>` +
      `<tr><td>Purchase date:</td><td><span data-test-id="order-summary-purchase-date-value">${escape(dateText(o.purchaseDate))}</span></td></tr>` +
      `<tr><td>Sales channel:</td><td><span data-test-id="order-summary-sales-channel-value">${escape(o.salesChannel)}</span></td></tr>` +
      `<tr><td>Order total:</td><td>${usd(o.orderCost.GrandTotal)}</td></tr></tbody></table></div>` +
      `<div class="a-box" id="myo-order-details-ship-section"><h4>Ship to</h4><div data-test-id="shipping-section-buyer-address"><span>${escape(shipTo)}</span></div>` +
      `<div>Contact Buyer: <span data-test-id="shipping-section-contact-buyer-value"><a data-test-id="buyer-name-with-link" href="/messaging/contact?orderID=${o.amazonOrderId}&amp;marketplaceID=ATVPDKIKX0DER">${escape(buyer.buyerName || '')}</a></span></div></div></div>` +
      `<div id="myo-order-details-product-section"><table class="a-keyvalue"><thead><tr><th data-test-id="item-status-heading">Status</th><th data-test-id="item-name-heading">Product name</th>` +
      `<th data-test-id="item-quantity-heading">Quantity</th><th data-test-id="item-unit-price-inclusive-heading">Unit price</th></tr></thead><tbody>${items}</tbody></table></div>`;
  }

  function route() {
    const detail = /^\/orders-v3\/order\/(\d{3}-\d{7}-\d{7})/.exec(location.pathname);
    app.textContent = 'Loading…';
    return detail ? renderDetail(detail[1]) : renderList();
  }

  document.addEventListener('click', (event) => {
    const next = event.target.closest('[data-demo="next-page"]');
    if (next) {
      const params = new URLSearchParams(location.search);
      params.set('page', next.dataset.page);
      history.pushState(null, '', `${location.pathname}?${params}`);
      void route();
      return;
    }
    const link = event.target.closest('a[href^="/orders-v3/order/"]');
    if (!link) return;
    event.preventDefault();
    history.pushState(null, '', link.getAttribute('href'));
    void route();
  });
  window.addEventListener('popstate', () => void route());
  void route();
})();
