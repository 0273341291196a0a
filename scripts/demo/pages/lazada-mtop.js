// BuyerLens demo of Lazada Seller Center's mtop h5 client: the console's JSON comes from its country's
// gateway, another origin (sellercenter.lazada.com.ph → acs-m.lazada.com.ph), by GET with the request
// as URL-encoded JSON in `data` and type=originaljson (the query of the PH capture, 2026-04; Laqoli's
// copied URLs, TH 2022), with the seller's cookies. The demo has no session token, so no `sign`.
(() => {
  const gateway = location.origin.replace('//sellercenter.', '//acs-m.');
  const region = 'LAZADA_' + location.hostname.split('.').pop().toUpperCase();
  window.demoMtop = async (api, data) => {
    const query = new URLSearchParams({
      jsv: '2.6.1', appKey: '4272', t: String(Date.now()), v: '1.0', timeout: '30000', H5Request: 'true',
      type: 'originaljson', dataType: 'json', valueType: 'original', 'x-i18n-regionID': region, data: JSON.stringify(data),
    });
    const response = await fetch(`${gateway}/h5/${api}/1.0/?${query}`, { credentials: 'include' });
    if (!response.ok) throw new Error(`${api}: HTTP ${response.status}`);
    const body = await response.json();
    if (!String((body.ret || [])[0] || '').startsWith('SUCCESS')) throw new Error(`${api}: ${body.ret}`);
    return body.data;
  };
  window.demoEscape = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  // "-49.60" (a discount) is shown -₱49.60, "-0.00" -₱0.00.
  window.demoPesos = (v) => (String(v).trim().startsWith('-') ? '-' : '') + '₱' + Math.abs(Number(v)).toLocaleString('en-PH', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  window.demoStatus = { unpaid: 'Unpaid', topack: 'To Pack', pending: 'To Pack', shipping: 'Shipping', shipped: 'Shipped', delivered: 'Delivered', canceled: 'Canceled', returnRefund: 'Return/Refund', returned: 'Returned' };
})();
