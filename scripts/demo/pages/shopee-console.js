// BuyerLens demo of Shopee Seller Centre: an SPA that loads orders over XHR from the v3 order APIs
// and renders them with the markup the real order pages use. Demo data only.
(() => {
  const SPC = 'SPC_CDS=6b1d2f0e-6c39-4b8e-9d0f-1f2a3b4c5d6e&SPC_CDS_VER=2';
  const page = document.getElementById('page');
  const escape = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  const brl = (minor) => 'R$' + (minor / 100).toFixed(2).replace('.', ',').replace(/\B(?=(\d{3})+(?!\d))/g, '.');

  function xhr(method, url, body) {
    return new Promise((resolve, reject) => {
      const request = new XMLHttpRequest();
      request.open(method, url);
      request.setRequestHeader('content-type', 'application/json;charset=UTF-8');
      request.onload = () => resolve(JSON.parse(request.responseText));
      request.onerror = reject;
      request.send(body ? JSON.stringify(body) : null);
    });
  }

  function cardHtml(card) {
    const c = card.package_level_order_card || card.order_card;
    const parts = card.package_level_order_card ? c.package_list[0] : c;
    const items = parts.item_info_group.item_info_list.flatMap((info) => info.item_list).map((item) =>
      `<div class="order-item"><div class="item-info"><div class="item-name">${escape(item.name)}</div>` +
      (item.description ? `<div class="item-description">Variação: ${escape(item.description)}</div>` : '') +
      `</div><div class="item-amount">x${item.amount}</div></div>`).join('');
    const id = c.order_ext_info.order_id;
    return `<a class="order-card" data-testid="order-item" href="/portal/sale/order/${id}">` +
      `<div class="order-card-header" data-testid="order-card-header"><div class="buyer-info"><span class="buyer-username">${escape(c.card_header.buyer_info.username)}</span></div>` +
      `<div class="order-sn">ID do Pedido ${escape(c.card_header.order_sn)}</div></div>` +
      `<div class="order-card-body"><div class="order-item-infos" data-testid="order-item-infos">${items}</div>` +
      `<div class="order-payment-info" data-testid="order-payment-info"><div class="total-price">${brl(parts.payment_info.total_price / 1000)}</div><div class="payment-method">${escape(parts.payment_info.payment_method)}</div></div>` +
      `<div class="order-status-info-v2"><div class="status">${escape(parts.status_info.status)}</div></div>` +
      `<div class="order-fulfilment-info" data-testid="order-fulfilment-info"><div class="fulfilment-channel-name">${escape(parts.fulfilment_info.fulfilment_channel_name)}</div></div></div></a>`;
  }

  async function renderList() {
    const params = new URLSearchParams(location.search);
    const pageNumber = Number(params.get('page') || 1);
    const pageSize = Number(params.get('page_size') || 40);
    const index = await xhr('POST', `/api/v3/order/search_order_list_index?${SPC}`, {
      order_list_tab: 100, entity_type: 1, pagination: { from_page_number: 1, page_number: pageNumber, page_size: pageSize },
    });
    const cards = await xhr('POST', `/api/v3/order/get_order_list_card_list?${SPC}`, {
      order_list_tab: 100, need_count_down_desc: true, order_param_list: index.data.index_list,
    });
    const total = index.data.pagination.total;
    const last = Math.max(1, Math.ceil(total / pageSize));
    page.innerHTML = `<h2>Meus Pedidos</h2><div class="order-list-table-all"><div class="table-header"><div>Produto(s)</div><div>Total do pedido</div><div>Status</div><div>Canal de envio</div></div>` +
      `<div class="table-body-wrapper">${cards.data.card_list.map(cardHtml).join('')}</div></div>` +
      `<div class="pager"><span data-demo="page-info">Página ${pageNumber} de ${last} · ${total} pedidos</span>` +
      (pageNumber < last ? `<button type="button" data-demo="next-page" data-page="${pageNumber + 1}">Próxima</button>` : '') + '</div>';
  }

  async function renderDetail(orderId) {
    const response = await xhr('GET', `/api/v3/order/get_one_order?${SPC}&order_id=${orderId}`);
    const o = response.data;
    if (!o) { page.textContent = 'Pedido não encontrado'; return; }
    const statusText = { 9: 'Não pago', 7: 'A Enviar', 8: 'Enviado', 3: 'Concluído', 4: 'Cancelado' }[o.list_type] || '';
    const products = o.order_items.map((i) =>
      `<div class="product-item"><div class="product-detail"><div class="product-name">${escape(i.product.name)}</div>` +
      (i.item_model.name ? `<div class="product-model">Variação: ${escape(i.item_model.name)}</div>` : '') +
      `</div><div class="product-price">R$${escape(i.order_price.replace('.', ','))}</div><div class="product-quantity">${i.amount}</div></div>`).join('');
    page.innerHTML = `<div class="order-detail-page"><div class="eds-row"><div class="eds-col eds-col-18">` +
      `<div class="eds-card card-style" data-testid="order-detail-status"><div class="status">${statusText}</div></div>` +
      `<div class="eds-card card-style order-info"><div class="info-row"><span class="label">ID do Pedido</span><span class="value">${escape(o.order_sn)}</span></div>` +
      `<div class="info-row"><span class="label">Endereço de entrega</span><span class="value">${escape(o.buyer_address_name)}, ${escape(o.shipping_address)}</span></div></div>` +
      `<div class="eds-card card-style product-payment-wrapper"><div class="product-list">${products}</div>` +
      `<div data-testid="odp-order-payment" class="payment-info-details"><div class="cardStyle" type="FinalAmount"><span class="label">Total do Pedido</span><span class="amount">R$${escape(o.total_price.replace('.', ','))}</span></div></div></div>` +
      `</div><div class="eds-col eds-col-6 od-history"><div class="eds-card card-style"><div data-testid="odp-buyer-user" class="user-view-item linkable">` +
      `<div class="content"><div class="username">${escape(o.buyer_user.user_name)}</div></div><div class="button-box"><button>Conversar agora</button></div></div></div></div></div></div>`;
  }

  function route() {
    const detail = /^\/portal\/sale\/order\/(\d+)/.exec(location.pathname);
    page.textContent = 'Carregando…';
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
    const link = event.target.closest('a.order-card');
    if (!link) return;
    event.preventDefault();
    history.pushState(null, '', link.getAttribute('href'));
    void route();
  });
  window.addEventListener('popstate', () => void route());
  void route();
})();
