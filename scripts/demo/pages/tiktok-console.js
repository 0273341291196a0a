// BuyerLens demo of TikTok Shop Seller Center's order list: POST /api/fulfillment/order/list (fetch,
// as the console's SPA does) and rows rendered with the data-log_* attributes and classes of the real
// page (copiloto map, BR 2026-10-08). The buyer cell shows the masked nickname. Demo data only.
(() => {
  const rows = document.getElementById('rows');
  const pages = document.getElementById('pages');
  const escape = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  const params = new URLSearchParams(location.search);
  const count = Number(params.get('page_size') || 20);
  const money = (v) => 'R$ ' + Number(v).toLocaleString('pt-BR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const STATUS = { 100: 'Não pago', 111: 'A enviar', 121: 'Enviado', 122: 'Entregue', 130: 'Concluído', 140: 'Cancelado' };

  async function load(offset) {
    const response = await fetch('/api/fulfillment/order/list?aid=4068&app_name=i18n_ecom_shop&locale=pt-BR', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ search_condition: { condition_list: { search_tab: { value: ['101'] } } }, offset, count, sort_info: '6', search_cursor: '', pagination_type: 0 }),
    });
    const { data } = await response.json();
    rows.innerHTML = data.main_orders
      .map((o) => {
        const status = o.order_status_module[0].sku_display_status;
        const created = new Date(Number(o.trade_order_module.create_time) * 1000).toLocaleString('pt-BR');
        return (
          `<tr data-log_order_status="${status === 140 ? 104 : 102}" data-log_order_sub_status="0" data-log_order_fulfillment_type="0">` +
          `<td><input type="checkbox"></td>` +
          `<td><a href="/order/detail?order_no=${o.main_order_id}&amp;shop_region=BR"><span class="order_id_number">${o.main_order_id}</span></a><div class="text-p4-regular">${escape(created)}</div></td>` +
          `<td></td>` +
          `<td><div data-log_click_for="buyer_info">${escape(o.buyer_info_module.buyer_nickname)}</div><a class="chat-link" data-demo="chat" href="${escape(o.action_module.buyer_im_action_link)}">Conversar</a></td>` +
          `<td>${escape(STATUS[status] || status)}</td>` +
          `<td><div data-log_click_for="product_card">${o.sku_module.length} produto(s)</div></td>` +
          `<td>Envio padrão</td>` +
          `<td>${money(o.price_module.grand_total.price_val)}</td></tr>`
        );
      })
      .join('');
    const total = Number(data.total_count);
    pages.innerHTML = Array.from({ length: Math.ceil(total / count) }, (_, i) => `<li class="p-pagination-item" aria-label="Página ${i + 1}" data-offset="${i * count}">${i + 1}</li>`).join('');
    document.body.dataset.demoReady = 'true';
  }
  pages.addEventListener('click', (e) => {
    const offset = e.target.closest('[data-offset]')?.dataset.offset;
    if (offset !== undefined) void load(Number(offset));
  });
  void load(0);
})();
