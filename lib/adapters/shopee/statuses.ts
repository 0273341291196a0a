import type { OrderStatus } from '../../schema/common';

/**
 * The status words Seller Centre prints on order cards and tabs, per interface language (the
 * card_list `status_info.status` is this text: "A Enviar", "Não pago" in the BR capture).
 */
const BY_TEXT: Readonly<Record<string, OrderStatus>> = Object.fromEntries(
  (
    [
      ['unpaid', ['unpaid', 'to pay', 'não pago', 'nao pago', 'a pagar', 'belum bayar', 'chờ thanh toán', '待付款', '尚未付款', 'no pagado', 'por pagar', 'ยังไม่ชำระ', 'ที่ต้องชำระ']],
      ['paid', ['to ship', 'a enviar', 'para enviar', 'perlu dikirim', 'chờ xác nhận', 'chờ lấy hàng', '待出货', '待出貨', '待发货', 'por enviar', 'ที่ต้องจัดส่ง']],
      ['shipped', ['shipping', 'shipped', 'enviado', 'em trânsito', 'dikirim', 'đang giao', '运送中', '運送中', '已发货', 'en camino', 'enviados', 'กำลังจัดส่ง']],
      ['delivered', ['delivered', 'entregue', 'đã giao', '已送达', '已送達', 'entregado', 'terkirim', 'จัดส่งสำเร็จ']],
      ['completed', ['completed', 'concluído', 'concluido', 'selesai', 'hoàn thành', '已完成', 'completado', 'completada', 'สำเร็จแล้ว']],
      ['cancelled', ['cancelled', 'canceled', 'cancelado', 'cancelada', 'dibatalkan', 'đã hủy', 'đơn hủy', '已取消', '不成立', 'ยกเลิกแล้ว']],
      ['refunded', ['return/refund', 'refunded', 'devolução/reembolso', 'reembolsado', 'pengembalian', 'trả hàng/hoàn tiền', '退货/退款', '退貨/退款', 'devolución/reembolso', 'คืนเงิน/คืนสินค้า']],
    ] as const
  ).flatMap(([status, words]) => words.map((w) => [w, status])),
);

export function statusFromText(text: string | undefined): OrderStatus {
  if (!text) return 'unknown';
  return BY_TEXT[text.trim().toLowerCase()] ?? 'unknown';
}

/**
 * get_one_order's `list_type` is the tab the order sits in; `logistics_status` 5 is delivered.
 * (Mapping from a public Shopee ERP status table; `status` alone does not tell the tabs apart.)
 */
const BY_LIST_TYPE: Readonly<Record<number, { status: OrderStatus; text: string }>> = {
  9: { status: 'unpaid', text: 'Unpaid' },
  7: { status: 'paid', text: 'To ship' },
  8: { status: 'shipped', text: 'Shipping' },
  3: { status: 'completed', text: 'Completed' },
  4: { status: 'cancelled', text: 'Cancelled' },
};

export function statusFromDetail(listType: number | undefined, logisticsStatus: number | undefined): { status: OrderStatus; text?: string } {
  const known = listType === undefined ? undefined : BY_LIST_TYPE[listType];
  if (!known) return { status: 'unknown' };
  if (known.status === 'shipped' && logisticsStatus === 5) return { status: 'delivered', text: 'Delivered' };
  return known;
}
