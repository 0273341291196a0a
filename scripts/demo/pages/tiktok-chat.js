// BuyerLens demo of TikTok Shop's customer-service chat: the conversation's buyer from
// /api/v1/shop_im/shop/user/mget_info_v2, then the sidebar of that buyer's orders from
// /api/v1/shop_im/shop/workbench/data/list (fetch, request naming the buyer, as the real chat does;
// EVIDENCE.md). Choosing another conversation in the list asks both again for its buyer; the URL
// stays as it was (the evidence does not say the real chat changes it). The reply box is one
// textarea (≤ 2000 characters); nothing is sent without a click.
(() => {
  const post = async (url, body) => (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json();
  const escape = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  const box = document.querySelector('textarea');
  const send = document.querySelector('[data-demo="send"]');
  const head = document.getElementById('head');
  const sidebar = document.getElementById('orders');
  const state = { draft: '', conversation: '' };
  window.__demoChat = state;
  box.addEventListener('input', () => {
    state.draft = box.value;
    send.disabled = state.draft.trim() === '';
  });

  async function open(conversation) {
    state.conversation = conversation;
    state.draft = box.value = '';
    send.disabled = true;
    document.body.dataset.demoReady = 'false';
    for (const c of document.querySelectorAll('[data-conversation]')) c.classList.toggle('active', c.dataset.conversation === conversation);
    head.textContent = 'Carregando…';
    sidebar.innerHTML = '';
    const info = await post('/api/v1/shop_im/shop/user/mget_info_v2?aid=4068', { imcloud_conversation_ids: [conversation] });
    const buyer = info.data.user_info_map[conversation];
    if (!buyer) return (head.textContent = 'Conversa não encontrada');
    const list = await post('/api/v1/shop_im/shop/workbench/data/list?im_version_code=1523&aid=4068&PIGEON_BIZ_TYPE=1', {
      order_workbench_query: {
        seller_order_req: { without_overview: true, pagination_type: 0, sort_info: '6', count: 20, offset: 0, search_condition: { condition_list: { search_tab: { value: ['0'] }, buyer_user_id: { value: [buyer.oec_uid] } } } },
      },
    });
    if (state.conversation !== conversation) return; // another conversation was chosen meanwhile
    const orders = list.data.order_workbench_data.seller_order_data.main_orders;
    head.textContent = orders[0] ? orders[0].buyer_info_module.buyer_nickname : 'Comprador';
    sidebar.innerHTML = orders.map((o) => `<div class="order">#${escape(o.main_order_id)} · R$ ${escape(o.price_module.grand_total.price_val)}</div>`).join('');
    document.body.dataset.demoReady = 'true';
  }

  document.getElementById('conversations').addEventListener('click', (event) => {
    const button = event.target.closest('[data-conversation]');
    if (button && button.dataset.conversation !== state.conversation) void open(button.dataset.conversation);
  });
  void open(new URLSearchParams(location.search).get('conversation') || '');
})();
