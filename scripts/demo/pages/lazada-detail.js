// BuyerLens demo of Lazada Seller Center's order page (/apps/order/detail?tradeOrderId=…): the modules
// of mtop.lazada.seller.order.main.detail from the gateway (lazada-mtop.js). The order number is in
// the markup Laqoli documents (.order-field.order-field-order-number "Order <number>", div.detail-record,
// item rows at .next-table-body td[data-next-table-col='0']); the rest is the demo's own (demo-*).
(() => {
  const { demoMtop: mtop, demoEscape: escape, demoPesos: pesos, demoStatus: STATUS } = window;
  const root = document.getElementById('page');
  const tradeOrderId = new URLSearchParams(location.search).get('tradeOrderId') || '';
  const line = (label, value, cls = '') => `<div class="demo-row ${cls}"><span class="label">${escape(label)}</span><span>${escape(value)}</span></div>`;

  (async () => {
    let data;
    try {
      data = await mtop('mtop.lazada.seller.order.main.detail', { tradeOrderId });
    } catch {
      root.textContent = 'Order not found';
      document.body.dataset.demoReady = 'true';
      return;
    }
    const modules = Object.fromEntries(data.data.map((m) => [m.name, m]));
    const { orderInfo, basicInfo, shippingAddress, buyerPaymentInformation, itemTable } = modules;
    const payment = buyerPaymentInformation.dataSource
      .map((p) => line(p.name, pesos(p.total), p.key === 'grand_total' ? 'grand' : '') + (p.children || []).map((c) => line(c.name, pesos(c.total), 'sub')).join(''))
      .join('');
    const items = itemTable.dataSource
      .map(
        (i) =>
          `<tr><td data-next-table-col="0"><div class="next-table-cell-wrapper">${escape(i.itemName)}<div class="demo-muted">${escape(i.skuInfo)} · ${escape(i.sellerSku)}</div></div></td>` +
          `<td>× ${escape(i.quantity)}</td><td>${pesos(i.totalAmount)}</td><td class="demo-status">${escape(STATUS[i.status] || i.status)}</td></tr>`,
      )
      .join('');
    root.innerHTML =
      `<a class="back" href="/apps/order/list">← Orders</a>` +
      `<div class="order-field order-field-order-number">Order ${escape(orderInfo.orderNumber)}</div>` +
      `<div class="detail-record">Created ${escape(orderInfo.orderDate)}</div>` +
      `<div class="demo-grid"><div>` +
      `<div class="demo-card"><h2>Items</h2><div class="next-table-body"><table><tbody>${items}</tbody></table></div></div>` +
      `<div class="demo-card"><h2>Buyer payment information</h2>${payment}</div></div><div>` +
      `<div class="demo-card"><h2>Customer</h2><div class="demo-row"><strong data-demo="buyer-name">${escape(basicInfo.customName)}</strong></div>` +
      line('Customer ID', basicInfo.customerId) + line('Finished orders', basicInfo.finishOrderCount) + line('Successful delivery', basicInfo.successfulDeliveryRate) +
      line(basicInfo.phoneLabel, basicInfo.phone) + `</div>` +
      `<div class="demo-card"><h2>Shipping address</h2>` + line('Receiver', shippingAddress.receiver) + line('Address', shippingAddress.detailAddress) +
      `<div class="demo-muted">${escape(shippingAddress.locationTree)}</div></div></div></div>`;
    document.body.dataset.demoReady = 'true';
  })();
})();
