// BuyerLens demo of TikTok Shop Seller Center's order detail (/order/detail?order_no=…&shop_region=BR):
// POST /api/fulfillment/order/get {main_order_id: [order_no]} (fetch, as the console's SPA does;
// EVIDENCE.md), then the order rendered: its number, date and status, items, total, the buyer's
// username as the order data has it (a masked nickname, under "Nome de usuário" as the BR page labels
// it) and the order's chat link. Demo data only.
(() => {
  const detail = document.getElementById('detail');
  const escape = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  const money = (v) => 'R$ ' + Number(v).toLocaleString('pt-BR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const STATUS = { 100: 'Não pago', 111: 'A enviar', 121: 'Enviado', 122: 'Entregue', 130: 'Concluído', 140: 'Cancelado' };
  const orderNo = new URLSearchParams(location.search).get('order_no') || '';

  function render(o) {
    const status = o.order_status_module[0].sku_display_status;
    const created = new Date(Number(o.trade_order_module.create_time) * 1000).toLocaleString('pt-BR');
    const items = o.sku_module
      .map((s) => `<tr><td>${escape(s.product_name)}<div class="muted">${escape(s.sku_name || '')} · ${escape(s.seller_sku_name)}</div></td><td>x${s.quantity}</td><td>${money(s.sku_total_price.price_val)}</td></tr>`)
      .join('');
    detail.innerHTML =
      `<section><h1>Pedido <span data-demo="order-no">${escape(o.main_order_id)}</span></h1><p class="muted">${escape(created)} · ${escape(STATUS[status] || status)}</p>` +
      `<table><tbody>${items}</tbody></table><p class="total">Total: ${money(o.price_module.grand_total.price_val)}</p></section>` +
      `<section><h2>Informações do cliente</h2><p class="muted">Nome de usuário</p><p>${escape(o.buyer_info_module.buyer_nickname)}</p>` +
      `<a data-demo="chat" href="${escape(o.action_module.buyer_im_action_link)}">Conversar</a></section>`;
  }

  (async () => {
    const response = await fetch('/api/fulfillment/order/get?aid=4068&app_name=i18n_ecom_shop&locale=pt-BR', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ main_order_id: [orderNo] }),
    });
    const { data } = await response.json();
    if (data.main_order[0]) render(data.main_order[0]);
    else detail.innerHTML = '<section>Pedido não encontrado</section>';
    document.body.dataset.demoReady = 'true';
  })();
})();
