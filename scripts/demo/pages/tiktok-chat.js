// BuyerLens demo of TikTok Shop's customer-service chat: the conversation's buyer from
// /api/v1/shop_im/shop/user/mget_info_v2, then the sidebar of that buyer's orders from
// /api/v1/shop_im/shop/workbench/data/list (fetch, request naming the buyer, as the real chat does;
// EVIDENCE.md). The reply box is one textarea (≤ 2000 characters); nothing is sent without a click.
(() => {
  const post = async (url, body) => (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json();
  const escape = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  const box = document.querySelector('textarea');
  const send = document.querySelector('[data-demo="send"]');
  const state = { draft: '' };
  window.__demoChat = state;
  box.addEventListener('input', () => {
    state.draft = box.value;
    send.disabled = state.draft.trim() === '';
  });
  (async () => {
    const conversation = new URLSearchParams(location.search).get('conversation') || '';
    const info = await post('/api/v1/shop_im/shop/user/mget_info_v2?aid=4068', { imcloud_conversation_ids: [conversation] });
    const buyer = info.data.user_info_map[conversation];
    if (!buyer) return (document.getElementById('head').textContent = 'Conversa não encontrada');
    const sidebar = await post('/api/v1/shop_im/shop/workbench/data/list?im_version_code=1523&aid=4068&PIGEON_BIZ_TYPE=1', {
      order_workbench_query: {
        seller_order_req: { without_overview: true, pagination_type: 0, sort_info: '6', count: 20, offset: 0, search_condition: { condition_list: { search_tab: { value: ['0'] }, buyer_user_id: { value: [buyer.oec_uid] } } } },
      },
    });
    const orders = sidebar.data.order_workbench_data.seller_order_data.main_orders;
    document.getElementById('head').textContent = orders[0] ? orders[0].buyer_info_module.buyer_nickname : 'Comprador';
    document.getElementById('orders').innerHTML = orders.map((o) => `<div class="order">#${escape(o.main_order_id)} · R$ ${escape(o.price_module.grand_total.price_val)}</div>`).join('');
    document.body.dataset.demoReady = 'true';
  })();
})();
