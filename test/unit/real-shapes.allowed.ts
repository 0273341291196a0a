import keyPathsFile from '../reference-samples/key-paths.json';
/**
 * Keys of demo responses and fixtures that no real sample in ../shared/reference/samples has, each
 * with the public source that documents it (test/unit/real-shapes.test.ts). An endpoint with no real
 * sample has all its keys here. "Code-search index id N" is a public file whose repository could not
 * be identified, as EVIDENCE.md (round 2) writes it; ../shared/reference/EVIDENCE.md is "EVIDENCE.md".
 */
export interface Citation {
  /** Where the keys are documented: an EVIDENCE.md section, or a public file (repository, path, commit). */
  source: string;
  /** Key paths (`data.order_items[].item_model.sku`), as real-shapes.test.ts writes them. */
  paths: readonly string[];
  /** The paths are a whole shape the source documents (derived from a real sample), not each key a body uses. */
  shape?: true;
}

/** Answers keyed by an id: the id keys are written as this placeholder. */
export const KEYED_BY: Readonly<Record<string, { key: RegExp; as: string }>> = {
  '/orders-st/resolve': { key: /^\d{3}-\d{7}-\d{7}$/, as: '{orderId}' },
  // orderItemHistory.dataSource is keyed by order line id (redacted to <ORDER_LINE_ID> in the sample).
  '/h5/mtop.lazada.seller.order.extra.detail/1.0/': { key: /^(?:\d+|<ORDER_LINE_ID>)$/, as: '{orderLineId}' },
  // user_info_map is keyed by the chat's conversation id (side_endpoints.shapes.json: "<conversation id>").
  '/api/v1/shop_im/shop/user/mget_info_v2': { key: /^(?:\d+|<conversation id>)$/, as: '{conversationId}' },
};

/** The real main-order key paths of a TikTok endpoint (test/reference-samples/key-paths.json), below `prefix`. */
function mainOrderPaths(endpoint: string, prefix: string): string[] {
  const paths = (keyPathsFile as unknown as Record<string, Record<string, { paths: string[] }>>).tiktok?.[endpoint]?.paths ?? [];
  return paths.filter((p) => p.startsWith(`${prefix}.`)).map((p) => p.slice(prefix.length + 1));
}
const WORKBENCH_ORDERS = 'data.order_workbench_data.seller_order_data.main_orders[]';

/** The order list's masked buyer nickname and chat link (EVIDENCE.md; the BR capture's author filtered the buyer out). */
const TIKTOK_LIST_BUYER: Citation = {
  source:
    'EVIDENCE.md, "TikTok Shop": the order list maps the buyer to buyer_info_module.buyer_nickname (masked), which the VN order/get ' +
    'capture shows; the BR list capture has no buyer_info_module because its author filtered it out (tiktok_shop/SOURCES.md). The ' +
    'order\'s chat link is action_module.buyer_im_action_link = /chat?... (EVIDENCE.md, same section).',
  paths: ['data.main_orders[].buyer_info_module', 'data.main_orders[].buyer_info_module.buyer_nickname', 'data.main_orders[].action_module.buyer_im_action_link'],
};

/** By adapter, then by endpoint (the request path, ids as {placeholders}). */
export const ALLOWED: Readonly<Record<string, Readonly<Record<string, readonly Citation[]>>>> = {
  amazon: {
    '/orders-api/order/{id}': [
      {
        source:
          'RefundTotal is null in the saved sample (an unrefunded order). A refunded order\'s is a money object: a public script reads ' +
          '`RefundTotal_Amount` from this body\'s orderCost (code-search index id 45032738544, one of EVIDENCE.md\'s Amazon sources); ' +
          'its keys are those of every money object of the sample (GrandTotal, ShippingTotal, Total: Amount, CurrencyCode, EncryptedAmount).',
        paths: ['order.orderCost.RefundTotal.Amount', 'order.orderCost.RefundTotal.CurrencyCode', 'order.orderCost.RefundTotal.EncryptedAmount'],
      },
    ],
    '/orders-api/search': [
      {
        source:
          'No sample in ../shared. A real GET /orders-api/search response (2021-11-16, order 114-7941379-5480234, the order of the saved ' +
          'detail sample) in a public .js file, code-search index id 42535897373, whose header records the request (and the seller\'s ' +
          'session cookies). Every key below is in it. EVIDENCE.md, Amazon, cites the endpoint (index ids 45032738544 and 34435523283 read ' +
          '`orders[].amazonOrderId`, `orders[].homeMarketplaceId`, `orders[].orderItems[].asin`).',
        paths: [
          'appliedSearchFilters', 'appliedSearchFilters[].key', 'appliedSearchFilters[].selectedValues', 'debugInfo',
          'exceptions', 'featureList', 'offset', 'orders', 'orders[].actions', 'orders[].alerts',
          'orders[].amazonOrderId', 'orders[].badgeList', 'orders[].blob', 'orders[].cancellationDate',
          'orders[].earliestDeliveryDate', 'orders[].earliestShipDate', 'orders[].electronicInvoiceStatus',
          'orders[].fulfillmentMethod', 'orders[].homeMarketplaceId', 'orders[].invoiceNotUploaded',
          'orders[].isAccessPointOrder', 'orders[].isMerchantFulfilled', 'orders[].latestDeliveryDate',
          'orders[].latestShipDate', 'orders[].maximumTransitTimeDisplayUnit', 'orders[].orderDate',
          'orders[].orderFulfillmentStatus', 'orders[].orderItems', 'orders[].orderItems[].asin',
          'orders[].orderItems[].billingCountry', 'orders[].orderItems[].conditionType',
          'orders[].orderItems[].customerOrderItemCode', 'orders[].orderItems[].extendedTitle',
          'orders[].orderItems[].giftMessageText', 'orders[].orderItems[].imageUrl', 'orders[].orderItems[].isGift',
          'orders[].orderItems[].orderItemId', 'orders[].orderItems[].productLink',
          'orders[].orderItems[].productName', 'orders[].orderItems[].quantityOrdered',
          'orders[].orderItems[].quantityShipped', 'orders[].orderItems[].quantityUnShipped',
          'orders[].orderItems[].sellerSku', 'orders[].orderItems[].unitPrice',
          'orders[].orderItems[].unitPrice.Amount', 'orders[].orderItems[].unitPrice.CurrencyCode',
          'orders[].orderItems[].unitPrice.EncryptedAmount', 'orders[].pickupDate', 'orders[].pluginBadges',
          'orders[].relativeOrderDate', 'orders[].salesChannel', 'orders[].sellerOrderId', 'orders[].shippingService',
          'orders[].shippingServiceOption', 'orders[].shippingServiceStringId', 'orders[].timeZoneDetailsMap',
          'orders[].timeZoneDetailsMap.orderDate', 'orders[].timeZoneDetailsMap.orderDate.offset',
          'orders[].timeZoneDetailsMap.orderDate.shortenedTzString', 'requestId', 'total',
        ],
      },
    ],
    '/orders-st/resolve': [
      {
        source:
          'No sample. EVIDENCE.md, Amazon: "POST /orders-st/resolve {"blobs":[order.blob]} -> buyer name/address". Its answer is keyed by ' +
          'order id, each with `buyerName` and `address` (`name`, `line1`, `city`, …): read so by public scripts, code-search index ids ' +
          '45032738544 (`orderAddress[amazonOrderId]` → `buyerName`, `address.name`), 36405131500 (`data[orderId].address`) and ' +
          '36241581908 (`Object.keys(response)[0]` is the order id, then `"address":`).',
        paths: ['{orderId}', '{orderId}.address', '{orderId}.address.name', '{orderId}.buyerName'],
      },
    ],
  },
  shopee: {
    '/api/v3/order/get_one_order': [
      {
        source:
          'No sample. Response envelope of the seller-centre API: ductran95/JustCSharp.ShopeeSDK ' +
          'src/JustCSharp.ShopeeSDK/Response/ShopeeResponseBase.cs @ 339b42ba (code, message, user_message, data).',
        paths: [
          'code', 'data', 'message', 'user_message',
        ],
      },
      {
        source:
          'No sample. The order: ductran95/JustCSharp.ShopeeSDK src/JustCSharp.ShopeeSDK/Domain/Order/Order.cs @ 1aaf2987 (with its ' +
          'BuyerUser, OrderItem, ItemModel, Product and SellerAddress classes), the model of GET api/v3/order/get_one_order?order_id= ' +
          '(Request/Order/GetOneOrderRequest.cs @ 1f0adec9). The CNSC script below reads the same fields from seller.shopee.cn.',
        paths: [
          'data.actual_carrier', 'data.arrange_pickup_by_date', 'data.auto_cancel_3pl_ack_date',
          'data.auto_cancel_arrange_ship_date', 'data.buyer_address_name', 'data.buyer_address_phone',
          'data.buyer_cancel_reason', 'data.buyer_cpf_id', 'data.buyer_user', 'data.buyer_user.delivery_order_count',
          'data.buyer_user.delivery_succ_count', 'data.buyer_user.followed', 'data.buyer_user.portrait',
          'data.buyer_user.rating_count', 'data.buyer_user.rating_star', 'data.buyer_user.shop_id',
          'data.buyer_user.user_id', 'data.buyer_user.user_name', 'data.cancel_reason_ext', 'data.cancel_userid',
          'data.checkout_carrier_name', 'data.complete_time', 'data.create_time', 'data.escrow_release_time',
          'data.fulfillment_carrier_name', 'data.fulfillment_channel_id', 'data.list_type', 'data.logistics_channel',
          'data.logistics_status', 'data.masking_carrier_name', 'data.note', 'data.note_mtime', 'data.order_id',
          'data.order_items', 'data.order_items[].add_on_deal_id', 'data.order_items[].amount',
          'data.order_items[].bundle_deal_id', 'data.order_items[].bundle_deal_product', 'data.order_items[].group_id',
          'data.order_items[].is_virtual_sku', 'data.order_items[].is_wholesale', 'data.order_items[].item_id',
          'data.order_items[].item_list', 'data.order_items[].item_model', 'data.order_items[].item_model.item_id',
          'data.order_items[].item_model.model_id', 'data.order_items[].item_model.name',
          'data.order_items[].item_model.sku', 'data.order_items[].item_model.status',
          'data.order_items[].item_model.weight', 'data.order_items[].line_item_id', 'data.order_items[].model_id',
          'data.order_items[].order_price', 'data.order_items[].product', 'data.order_items[].product.images',
          'data.order_items[].product.is_pre_order', 'data.order_items[].product.item_id',
          'data.order_items[].product.model_id', 'data.order_items[].product.name', 'data.order_items[].product.sku',
          'data.order_items[].product.status', 'data.order_items[].product.weight', 'data.order_items[].status',
          'data.order_sn', 'data.order_type', 'data.payby_date', 'data.payment_method', 'data.pickup_time',
          'data.price_before_discount', 'data.rate_by_date', 'data.remark', 'data.seller_address',
          'data.seller_address.address_id', 'data.seller_address.city', 'data.seller_address.country',
          'data.seller_address.name', 'data.seller_address.state', 'data.seller_address.user_id', 'data.ship_by_date',
          'data.shipping_address', 'data.shipping_confirm_time', 'data.shipping_fee', 'data.shop_id', 'data.status',
          'data.status_ext', 'data.total_price',
        ],
      },
      {
        source:
          'Not in Order.cs: a CNSC script reads it field by field from GET seller.shopee.cn/api/v3/order/get_one_order (example ' +
          '"Online Banking"; code-search index id 47318657158).',
        paths: ['data.payment_method_name'],
      },
      {
        source:
          'Not in Order.cs: the seller-centre v3 order object has it (ShopeeChat OrderInfoV3, a public C# model with captured ' +
          'values in its comments, TW 2019, code-search index id 8036220615; also JustCSharp.ShopeeSDK Domain/Finance/FinanceOrder.cs).',
        paths: ['data.shipping_traceno'],
      },
    ],
    '/webchat/api/v1.2/conversations': [
      {
        source:
          'No sample. kaojai-ai/omnichat-bridge extension/shopee-realtime.js (EVIDENCE.md, Shopee "Chat"; MIT) reads each entry of this ' +
          'answer (an array) as `id`, `shop_id`, `to_id`, `to_name`, `to_avatar` (captureProfiles).',
        paths: ['[].id', '[].shop_id', '[].to_avatar', '[].to_id', '[].to_name'],
      },
      {
        source:
          'No sample. A VN seller tool that polls GET /webchat/api/v1.2/conversations (code-search index id 7994548544) reads ' +
          '`latest_message_from_id`, `latest_message_type` and `latest_message_content.text` of each entry.',
        paths: ['[].latest_message_content', '[].latest_message_content.text', '[].latest_message_from_id', '[].latest_message_type'],
      },
    ],
    '/webchat/api/v1.2/conversations/{id}/messages': [
      {
        source:
          'No sample. EVIDENCE.md, Shopee "Chat": message {id, conversation_id, from_id, from_shop_id, to_id, to_shop_id, type, ' +
          'created_timestamp, content{text,…}} (kaojai-ai/omnichat-bridge @ 5e79c06c, MIT; public script).',
        paths: [
          '[].content', '[].content.text', '[].conversation_id', '[].created_timestamp', '[].from_id', '[].from_shop_id', '[].id',
          '[].to_id', '[].to_shop_id', '[].type',
        ],
      },
    ],
  },
  lazada: {
    '/h5/mtop.lazada.seller.order.query.list/1.0/': [
      {
        source:
          'No answer body in ../shared: the 2026 PH capture (lazada_seller_center_mtop_capture_2026-04.redacted.json) names the row ' +
          'fields only (its response_note). Every key below is in the interfaces generated from a real TH answer of this API, ' +
          '../shared/reference/samples/lazada/laqoli__order_query_list_TH_2022.types.ts.txt (manutzsong/ts-react-boilerplate ' +
          'src/pages/types/LazadaOrderFind.ts @ 4651a152, 2022-04-10, MIT): LazadaOrderFind {api, data, ret, v}, Data2 {pageInfo, ' +
          'dataSource}, PageInfo, DataSource and Sku. The PH field table of 2026 (code-search index id 52745563118) lists the same row fields.',
        paths: [
          'api', 'data', 'data.data', 'data.data.dataSource', 'data.data.dataSource[].buyerId',
          'data.data.dataSource[].buyerName', 'data.data.dataSource[].cashOnDelivery', 'data.data.dataSource[].createDate',
          'data.data.dataSource[].createTime', 'data.data.dataSource[].creationTime', 'data.data.dataSource[].orderNumber',
          'data.data.dataSource[].orderType', 'data.data.dataSource[].paymentMethod', 'data.data.dataSource[].shippingFee',
          'data.data.dataSource[].skus', 'data.data.dataSource[].skus[].buyerName',
          'data.data.dataSource[].skus[].deliveryType', 'data.data.dataSource[].skus[].image',
          'data.data.dataSource[].skus[].itemStatus', 'data.data.dataSource[].skus[].orderItemId',
          'data.data.dataSource[].skus[].orderNumber', 'data.data.dataSource[].skus[].productName',
          'data.data.dataSource[].skus[].quantity', 'data.data.dataSource[].skus[].retailPrice',
          'data.data.dataSource[].skus[].sellerSku', 'data.data.dataSource[].skus[].skuInfo',
          'data.data.dataSource[].skus[].unitPrice', 'data.data.dataSource[].skus[].warehouseType',
          'data.data.dataSource[].tabStatus', 'data.data.dataSource[].totalQuantity',
          'data.data.dataSource[].totalRetailPrice', 'data.data.dataSource[].totalUnitPrice', 'data.data.pageInfo',
          'data.data.pageInfo.page', 'data.data.pageInfo.pageSize', 'data.data.pageInfo.total', 'ret', 'v',
        ],
      },
    ],
    '/h5/mtop.lazada.seller.order.query.detail/1.0/': [
      {
        source:
          'No answer body in ../shared. Every key below is in the interfaces generated from a real TH answer of this API (the order ' +
          'page before order.main.detail), ../shared/reference/samples/lazada/laqoli__order_query_detail_TH_2022.types.ts.txt ' +
          '(manutzsong/ts-react-boilerplate src/pages/types/LazadaOrderType.ts @ 4651a152, 2022, MIT): LazadaOrder {api, data, ret, v}, ' +
          'Daum (its modules, merged into one interface), LazadaOrderItem and Children (not their `quantity` and `sum`, which that tool adds itself).',
        paths: [
          'api', 'data', 'data.data', 'data.data[].customName', 'data.data[].customerId', 'data.data[].dataSource',
          'data.data[].dataSource[].allowReturn', 'data.data[].dataSource[].children',
          'data.data[].dataSource[].children[].isVat', 'data.data[].dataSource[].children[].name',
          'data.data[].dataSource[].children[].total', 'data.data[].dataSource[].deliveryOption',
          'data.data[].dataSource[].isVat', 'data.data[].dataSource[].itemId', 'data.data[].dataSource[].itemImgUrl',
          'data.data[].dataSource[].itemName', 'data.data[].dataSource[].name',
          'data.data[].dataSource[].orderDetailItemDetailVOS', 'data.data[].dataSource[].orderLineId',
          'data.data[].dataSource[].otherFees', 'data.data[].dataSource[].promotions', 'data.data[].dataSource[].sellerSku',
          'data.data[].dataSource[].shippingFee', 'data.data[].dataSource[].shippingFeePromo',
          'data.data[].dataSource[].skuId', 'data.data[].dataSource[].skuInfo', 'data.data[].dataSource[].status',
          'data.data[].dataSource[].total', 'data.data[].dataSource[].totalAmount', 'data.data[].dataSource[].warehouseType',
          'data.data[].detailAddress', 'data.data[].finishOrderCount', 'data.data[].isNewBuyer', 'data.data[].isVat',
          'data.data[].isWork', 'data.data[].locationTree', 'data.data[].name', 'data.data[].orderDate',
          'data.data[].orderNumber', 'data.data[].receiver', 'data.data[].successfulDeliveryRate', 'data.data[].tags',
          'data.data[].total', 'ret', 'v',
        ],
      },
    ],
    '/h5/mtop.lazada.seller.order.main.detail/1.0/': [
      {
        source:
          'The sample transcribes this answer\'s modules only (response_modules; "data.data[].name 划分模块" says the capture document, ' +
          'code-search index id 52745563118). Its envelope is every h5 mtop answer\'s, {api, data, ret, v}: the real TH answers of ' +
          'order.query.list and order.query.detail (both laqoli types files in ../shared/reference/samples/lazada) have it, and the ' +
          'sample itself shows `api` on order.query.count and the IM order cards.',
        paths: ['api', 'ret', 'v'],
      },
    ],
    '/h5/mtop.global.im.web.card.order.list.get/1.0/': [
      {
        source:
          'The sample transcribes {api, data} of this answer. `ret` and `v` close every h5 mtop answer: the real TH answers of ' +
          'order.query.list and order.query.detail (both laqoli types files in ../shared/reference/samples/lazada: {api, data, ret, v}).',
        paths: ['ret', 'v'],
      },
    ],
  },
  tiktok: {
    '/api/fulfillment/order/list': [TIKTOK_LIST_BUYER],
    '/api/fulfillment/order/get': [
      {
        source:
          'The VN order/get capture (tiktok_shop/vn_capture__fulfillment_order_get_2026-09-26) writes sku_module[].product_image as ' +
          '"<image object: {height,width,uri,url_list[],thumb_uri,thumb_url_list[]} — shortened by source author>": these are its keys.',
        paths: ['data.main_order[].sku_module[].product_image.height', 'data.main_order[].sku_module[].product_image.width', 'data.main_order[].sku_module[].product_image.uri', 'data.main_order[].sku_module[].product_image.url_list'],
      },
    ],
    '/api/v1/shop_im/shop/workbench/data/list': [
      {
        source:
          'tiktok_shop/side_endpoints.shapes.json (workbench/data/list, LIKELY REAL: TokopediaAPI python client, code-search index id ' +
          '52821200063) writes main_orders[] as "<same main_order shape as /api/fulfillment/order/list>": the key paths of the real ' +
          'order/list and order/get main orders, under this answer\'s main_orders[].',
        paths: [
          ...mainOrderPaths('/api/fulfillment/order/list', 'data.main_orders[]'),
          ...mainOrderPaths('/api/fulfillment/order/get', 'data.main_order[]'),
          ...TIKTOK_LIST_BUYER.paths.map((p) => p.replace(/^data\.main_orders\[\]/, WORKBENCH_ORDERS)),
        ].map((p) => (p.startsWith(WORKBENCH_ORDERS) ? p : `${WORKBENCH_ORDERS}.${p}`)),
        shape: true,
      },
    ],
    '/api/v1/shop_im/shop/user/mget_info_v2': [
      {
        source:
          'tiktok_shop/side_endpoints.shapes.json, "create_conversation + mget_info_v2" (LIKELY REAL, same python client): ' +
          '{code, data:{user_info_map:{<conversation id>:{oec_uid}}}}.',
        paths: ['code', 'data', 'data.user_info_map', 'data.user_info_map.{conversationId}', 'data.user_info_map.{conversationId}.oec_uid'],
      },
    ],
  },
};
