import type { ReplyTemplateFields } from '../../schema/replies';

/**
 * Words buyers use when they want their money back or to send an item back, as they type them in
 * chat (matched as substrings of the lower-cased message): EN, PT-BR, ES, ZH (simplified and
 * Taiwan), ID, MS, VI (with and without diacritics), TH.
 */
export const REFUND_WORDS = [
  'refund', 'return', 'money back',
  'reembolso', 'devolução', 'devolver', 'devolución', 'estorno', 'dinheiro de volta', 'reembolsar', 'mi dinero',
  '退款', '退货', '退钱', '退貨', '退錢', '退換',
  'retur', 'pengembalian', 'kembalikan', 'uang kembali',
  'pulangan', 'pemulangan', 'bayaran balik', 'duit balik',
  'hoàn tiền', 'trả hàng', 'đổi trả', 'hoan tien',
  'คืนเงิน', 'คืนสินค้า', 'คืนของ',
];
/**
 * Words of an unhappy buyer (damaged, broken, wrong item, missing, not as pictured), as typed in
 * chat: EN, PT-BR, ES, ZH (simplified and Taiwan), ID, MS, VI, TH. Phrases rather than bare words
 * where the bare word is everyday chat ("salah", "lỗi" as in "xin lỗi", "แตก" as in "แตกต่าง").
 */
export const COMPLAINT_WORDS = [
  'broken', 'damaged', 'wrong item', 'missing', 'not as described',
  'quebrado', 'danificado', 'errado', 'faltando', 'defeito', 'não funciona', 'incompleto',
  'roto', 'dañado', 'defectuoso', 'equivocado', 'no funciona', 'no sirve',
  '坏了', '破损', '发错', '少发', '投诉', '差评',
  '壞掉', '破損', '瑕疵', '寄錯', '少寄', '負評',
  'rusak', 'pecah', 'cacat', 'salah kirim', 'tidak sesuai', 'tidak lengkap',
  'rosak', 'salah hantar', 'tak lengkap',
  'bị hỏng', 'bị hư', 'bị lỗi', 'giao sai', 'thiếu hàng', 'không giống hình',
  'ชำรุด', 'เสียหาย', 'ส่งผิด', 'ไม่ครบ', 'ไม่ตรงปก',
];

/** The default English pack: short, warm, specific; one reply per step of the after-sale flow. */
export const englishPack: ReplyTemplateFields[] = [
  {
    id: 'default-en-greeting-new',
    title: 'Welcome a new buyer',
    body: 'Hi {{buyer.name | "there"}}, thanks for choosing {{shop.name | "our shop"}}! I’m {{agent.name | "here"}} to help. What can I do for you?',
    language: 'en',
    category: 'greeting',
    conditions: { buyerKinds: ['new'] },
    shortcut: 'hi',
  },
  {
    id: 'default-en-greeting-returning',
    title: 'Welcome back a returning buyer',
    body: 'Hi {{buyer.name | "there"}}, great to hear from you again! Thanks for your {{buyer.orders}} orders with us. How can I help today?',
    language: 'en',
    category: 'greeting',
    conditions: { buyerKinds: ['returning'] },
    shortcut: 'hiagain',
  },
  {
    id: 'default-en-greeting-vip',
    title: 'Greet a VIP buyer',
    body: 'Hi {{buyer.name | "there"}}, always a pleasure! You’re one of our most valued customers, so tell me what you need and I’ll look after it personally.',
    language: 'en',
    category: 'greeting',
    conditions: { buyerKinds: ['vip'] },
    shortcut: 'hivip',
  },
  {
    id: 'default-en-payment-reminder',
    title: 'Payment reminder',
    body: 'Hi {{buyer.name | "there"}}, your order {{order.id}} ({{order.items}}) is reserved for you but the payment hasn’t come through yet. Pay when you’re ready and we’ll ship the same day. Any trouble paying? Just tell me.',
    language: 'en',
    category: 'payment-reminder',
    conditions: { orderStates: ['unpaid'] },
    shortcut: 'pay',
  },
  {
    id: 'default-en-order-confirmation',
    title: 'Confirm items and address',
    body: 'Thanks for your order {{order.id}}, {{buyer.name | "there"}}! You ordered: {{order.items}}, total {{order.total}}. Could you check that the delivery address is right? We’ll pack it as soon as you confirm.',
    language: 'en',
    category: 'order-confirmation',
    conditions: { orderStates: ['paid', 'processing'] },
    shortcut: 'confirm',
  },
  {
    id: 'default-en-shipping-notice',
    title: 'Shipped, with tracking',
    body: 'Good news, {{buyer.name | "there"}}: order {{order.id}} is on its way! Tracking number: {{order.tracking | "in your order page"}}. It usually arrives within a few days.',
    language: 'en',
    category: 'shipping-notice',
    conditions: { orderStates: ['shipped'] },
    shortcut: 'shipped',
  },
  {
    id: 'default-en-delay-apology',
    title: 'Sorry for the delay',
    body: 'Hi {{buyer.name | "there"}}, I’m sorry order {{order.id}} is taking longer than it should. I’m checking with the carrier now and will update you by {{? when you will update them}}. Thank you for your patience.',
    language: 'en',
    category: 'delay-apology',
    conditions: { orderStates: ['late'] },
    shortcut: 'sorry',
  },
  {
    id: 'default-en-delivery-followup',
    title: 'Check in after delivery',
    body: 'Hi {{buyer.name | "there"}}, your order {{order.id}} shows as delivered. Is everything as you expected? If anything isn’t right, reply here and I’ll sort it out.',
    language: 'en',
    category: 'delivery-followup',
    conditions: { orderStates: ['delivered'] },
    shortcut: 'arrived',
  },
  {
    id: 'default-en-review-request',
    title: 'Ask for a review',
    body: 'Hi {{buyer.name | "there"}}, thanks again for order {{order.id}}. If you have a minute, an honest review of {{order.items}} helps other buyers (and us) a lot.',
    language: 'en',
    category: 'review-request',
    conditions: { orderStates: ['completed'] },
    shortcut: 'review',
  },
  {
    id: 'default-en-after-sales',
    title: 'Return or refund request',
    body: 'Hi {{buyer.name | "there"}}, I’m sorry {{order.items | "your item"}} didn’t work out. I can help with a return or refund for order {{order.id}}. Could you send a photo of the item and tell me what went wrong?',
    language: 'en',
    category: 'after-sales',
    conditions: { keywords: REFUND_WORDS },
    shortcut: 'refund',
  },
  {
    id: 'default-en-complaint',
    title: 'Something went wrong',
    body: 'I’m really sorry, {{buyer.name | "there"}}. That’s not the experience we want for you. Please send a photo of what you received for order {{order.id}} and I’ll make it right today.',
    language: 'en',
    category: 'complaint',
    conditions: { keywords: COMPLAINT_WORDS },
    shortcut: 'complaint',
  },
  {
    id: 'default-en-vip-thanks',
    title: 'Thank a loyal buyer',
    body: '{{buyer.name | "Hi"}}, thank you for {{buyer.orders}} orders with {{shop.name | "us"}}! As a thank-you, here’s a code for your next order: {{? coupon code}}.',
    language: 'en',
    category: 'vip-thanks',
    conditions: { buyerKinds: ['vip'] },
    shortcut: 'thanks',
  },
  {
    id: 'default-en-win-back',
    title: 'We miss you',
    body: 'Hi {{buyer.name | "there"}}, it’s been a while! We have new arrivals we think you’ll like, and {{? coupon code}} takes {{? discount}} off your next order.',
    language: 'en',
    category: 'win-back',
    conditions: { buyerKinds: ['at-risk'] },
    shortcut: 'missyou',
  },
];
