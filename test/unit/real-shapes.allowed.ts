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
}

/** Answers keyed by an id: the id keys are written as this placeholder. */
export const KEYED_BY: Readonly<Record<string, { key: RegExp; as: string }>> = {
  '/orders-st/resolve': { key: /^\d{3}-\d{7}-\d{7}$/, as: '{orderId}' },
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
};
