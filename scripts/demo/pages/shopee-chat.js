// BuyerLens demo of Shopee's web chat: conversations and messages over XHR from /webchat/api/v1.2,
// and a reply box whose state, like the real app's, lives in JavaScript and follows input events.
// Sending only happens on a click of "Enviar". Demo data only.
(() => {
  const list = document.getElementById('page');
  const thread = document.getElementById('thread');
  const escape = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  const MAX = 600;
  const state = { conversations: [], active: null, messages: [], draft: '' };
  window.__demoChat = state;

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

  function renderList() {
    list.innerHTML = state.conversations
      .map((c) => `<button class="conversation${c.id === state.active?.id ? ' active' : ''}" data-conversation="${c.id}"><div class="name">${escape(c.to_name)}</div><div class="preview">${escape(c.latest_message_content.text)}</div></button>`)
      .join('');
  }

  function renderComposer() {
    const count = thread.querySelector('.count');
    const send = thread.querySelector('[data-demo="send"]');
    if (count) count.textContent = `${state.draft.length}/${MAX}`;
    if (send) send.disabled = state.draft.trim() === '';
  }

  function renderThread() {
    if (!state.active) return (thread.innerHTML = '');
    const buyer = state.active.to_id;
    thread.innerHTML =
      `<div class="thread-head">${escape(state.active.to_name)}</div>` +
      `<div class="messages">${state.messages.map((m) => `<div class="message${m.from_id === buyer ? '' : ' mine'}">${escape(m.content.text)}</div>`).join('')}</div>` +
      `<div class="chat-input"><textarea placeholder="Digite uma mensagem" maxlength="${MAX}"></textarea><span class="count"></span><button data-demo="send">Enviar</button></div>`;
    const box = thread.querySelector('textarea');
    box.value = state.draft;
    box.addEventListener('input', () => {
      state.draft = box.value;
      renderComposer();
    });
    thread.querySelector('[data-demo="send"]').addEventListener('click', () => {
      state.messages.push({ id: String(Date.now()), from_id: 0, content: { text: state.draft } });
      state.draft = '';
      renderThread();
    });
    renderComposer();
  }

  async function open(id) {
    state.active = state.conversations.find((c) => c.id === id) || null;
    state.draft = '';
    state.messages = state.active ? await xhr('GET', `/webchat/api/v1.2/conversations/${id}/messages?limit=20`) : [];
    history.replaceState(null, '', `/webchat/conversations/${id}`);
    renderList();
    renderThread();
  }

  list.addEventListener('click', (event) => {
    const button = event.target.closest('[data-conversation]');
    if (button) void open(button.dataset.conversation);
  });

  (async () => {
    state.conversations = await xhr('POST', '/webchat/api/v1.2/conversations', { limit: 50, direction: 'older' });
    renderList();
    const fromUrl = /^\/webchat\/conversations\/(\d+)/.exec(location.pathname);
    if (fromUrl) await open(fromUrl[1]);
  })();
})();
