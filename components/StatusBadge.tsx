import type { OrderStatus } from '@/lib/schema/common';
import { useI18n } from '@/lib/i18n/react';

export function StatusBadge({ status, text }: { status: OrderStatus; text?: string | undefined }) {
  const { t } = useI18n();
  return (
    <span className={`status status-${status}`} title={text}>
      {t(`status.${status}`)}
    </span>
  );
}
