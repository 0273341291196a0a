import { useId, useState } from 'react';
import { fmScore } from '@/lib/rfm/segments';
import type { RfmTier } from '@/lib/schema/records';
import { useI18n } from '@/lib/i18n/react';
import { segmentTone } from './segment';

/**
 * The buyer's RFM tier: the segment name, the three scores, and on hover or click the values
 * behind them and the rule that gave the segment.
 */
export function TierBadge({ rfm }: { rfm: RfmTier | null }) {
  const { t, money, number } = useI18n();
  const [pinned, setPinned] = useState(false);
  const [hover, setHover] = useState(false);
  const detailsId = useId();
  if (!rfm) {
    return (
      <div className="tier">
        <span className="tier-badge tier-none" data-testid="rfm-tier" title={t('tier.noneHint')}>
          {t('tier.none')}
        </span>
      </div>
    );
  }
  const open = pinned || hover;
  const segment = t(`segment.${rfm.segment}`);
  const hl = (high: boolean | undefined) => t(high ? 'tier.high' : 'tier.low');
  const rule =
    rfm.map === 'rfm11'
      ? t('tier.rule11', { r: String(rfm.r), fm: String(fmScore(rfm.f, rfm.m)), segment })
      : t('tier.ruleCn8', {
          segment,
          r: hl(rfm.highLow?.r),
          f: hl(rfm.highLow?.f),
          m: hl(rfm.highLow?.m),
          days: number(Math.round(rfm.reference?.recencyDays ?? 0)),
          count: number(Math.round((rfm.reference?.frequency ?? 0) * 10) / 10),
          amount: money(Math.round(rfm.reference?.monetaryMinor ?? 0), rfm.currency),
        });
  const rows = [
    { label: t('tier.recency'), score: rfm.r, value: t('tier.recencyValue', { days: number(Math.round(rfm.values.recencyDays)) }) },
    { label: t('tier.frequency'), score: rfm.f, value: t('tier.frequencyValue', { count: rfm.values.frequency, window: rfm.windowDays }) },
    { label: t('tier.monetary'), score: rfm.m, value: t('tier.monetaryValue', { amount: money(rfm.values.monetaryMinor, rfm.currency), window: rfm.windowDays }) },
  ];
  return (
    <div className="tier" onMouseEnter={() => setHover(true)} onMouseLeave={() => setHover(false)}>
      <button
        type="button"
        className={`tier-badge tier-${segmentTone(rfm.segment)}`}
        data-testid="rfm-tier"
        data-segment={rfm.segment}
        aria-expanded={open}
        aria-controls={detailsId}
        title={t('tier.explain')}
        onClick={() => setPinned((p) => !p)}
      >
        {segment}
      </button>
      <div className="tier-scores" data-testid="rfm-scores" id={detailsId} data-r={rfm.r} data-f={rfm.f} data-m={rfm.m}>
        <span className="tier-scores-line">{t('tier.scores', { r: String(rfm.r), f: String(rfm.f), m: String(rfm.m) })}</span>
        {open && (
          <div className="tier-explain" role="note">
            <dl>
              {rows.map((row) => (
                <div key={row.label} className="tier-row">
                  <dt>
                    {row.label} <b>{row.score}</b>
                  </dt>
                  <dd>{row.value}</dd>
                </div>
              ))}
            </dl>
            <p>{rule}</p>
            <p className="muted small">{t(rfm.method === 'quintiles' ? 'tier.methodQuintiles' : 'tier.methodThresholds', { peers: rfm.peers })}</p>
          </div>
        )}
      </div>
    </div>
  );
}
