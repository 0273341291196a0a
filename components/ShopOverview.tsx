import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from 'recharts';
import { db } from '@/lib/db/database';
import { shopOverview } from '@/lib/db/queries';
import { loadRfmSettings } from '@/lib/db/settings-queries';
import type { SegmentSummary, ShopSummary } from '@/lib/rfm/overview';
import type { BuyerRecord, RfmTier, ShopRecord } from '@/lib/schema/records';
import { useI18n } from '@/lib/i18n/react';
import { BuyerList } from './BuyerList';
import { segmentTone } from './segment';
import { shopLabel } from '@/lib/adapters/catalog';
import { useThemeColors } from './use-theme-colors';

const TONE_VAR = { good: '--ok', risk: '--danger', warn: '--warn', calm: '--accent' } as const;

type Metric = 'buyers' | 'revenue';
type ThemeColors = ReturnType<typeof useThemeColors>;

function useShopOverview(shopKey: string | undefined) {
  return useLiveQuery(async () => {
    if (!shopKey) return null;
    const settings = await loadRfmSettings(db);
    return { ...(await shopOverview(db, shopKey, settings.map)), windowDays: settings.windowDays };
  }, [shopKey]);
}

function OverviewHead({ shops, shopKeys, shopKey, onChoose }: { shops: ReadonlyMap<string, ShopRecord>; shopKeys: readonly string[]; shopKey: string; onChoose: (shopKey: string) => void }) {
  const { t, language } = useI18n();
  return (
    <div className="overview-head">
      <h2 id="overview-title" className="section-title">
        {t('overview.title')}
      </h2>
      {shopKeys.length > 1 ? (
        <select className="shop-select" aria-label={t('overview.shop')} value={shopKey} onChange={(e) => onChoose(e.target.value)}>
          {shopKeys.map((key) => (
            <option key={key} value={key}>
              {shopLabel(language, key, shops.get(key))}
            </option>
          ))}
        </select>
      ) : (
        <span className="shop-chip">{shopLabel(language, shopKey, shops.get(shopKey))}</span>
      )}
    </div>
  );
}

function MetricSwitch({ metric, onMetric, windowDays }: { metric: Metric; onMetric: (metric: Metric) => void; windowDays: number }) {
  const { t } = useI18n();
  return (
    <div className="overview-sub">
      <h3>{t('overview.segments')}</h3>
      <div className="segmented" role="group">
        <button type="button" aria-pressed={metric === 'buyers'} onClick={() => onMetric('buyers')}>
          {t('overview.buyers')}
        </button>
        <button type="button" aria-pressed={metric === 'revenue'} onClick={() => onMetric('revenue')} title={t('overview.revenueHint', { window: windowDays })}>
          {t('overview.revenue')}
        </button>
      </div>
    </div>
  );
}

function SegmentChart({ segments, metric, currency, colors }: { segments: readonly SegmentSummary[]; metric: Metric; currency: string | undefined; colors: ThemeColors }) {
  const { t, money, number } = useI18n();
  const segmentRows = segments.map((s) => ({
    key: s.segment,
    name: t(`segment.${s.segment}`),
    value: metric === 'buyers' ? s.buyers : s.revenueMinor,
    tone: segmentTone(s.segment),
  }));
  const axis = { stroke: colors['--muted'], fontSize: 11 };
  const format = (value: number) => (metric === 'buyers' ? number(value) : money(value, currency));
  return (
    <div className="chart" data-testid="segment-chart" style={{ height: segmentRows.length * 26 + 16 }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={segmentRows} layout="vertical" margin={{ top: 4, right: 72, bottom: 4, left: 0 }} barCategoryGap={5}>
          <XAxis type="number" hide />
          <YAxis type="category" dataKey="name" width={118} tick={axis} tickLine={false} axisLine={false} interval={0} />
          <Bar dataKey="value" isAnimationActive={false} radius={[0, 4, 4, 0]} minPointSize={2}>
            {segmentRows.map((row) => (
              <Cell key={row.key} fill={colors[TONE_VAR[row.tone]]} />
            ))}
            <LabelList dataKey="value" position="right" formatter={(v: unknown) => format(Number(v))} style={{ fill: colors['--text'], fontSize: 11 }} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** The chart's figures as a table, for screen readers and tests. */
function SegmentTable({ segments, currency }: { segments: readonly SegmentSummary[]; currency: string | undefined }) {
  const { t, money } = useI18n();
  return (
    <table className="visually-hidden" data-testid="segment-table">
      <thead>
        <tr>
          <th>{t('overview.segments')}</th>
          <th>{t('overview.buyers')}</th>
          <th>{t('overview.revenue')}</th>
        </tr>
      </thead>
      <tbody>
        {segments.map((s) => (
          <tr key={s.segment} data-segment={s.segment} data-buyers={s.buyers}>
            <th>{t(`segment.${s.segment}`)}</th>
            <td>{s.buyers}</td>
            <td>{money(s.revenueMinor, currency)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RfGrid({ grid, colors }: { grid: readonly (readonly number[])[]; colors: ThemeColors }) {
  const { t, number } = useI18n();
  const bubbles = grid.flatMap((row, r) => row.map((count, f) => ({ r: r + 1, f: f + 1, count }))).filter((c) => c.count > 0);
  const axis = { stroke: colors['--muted'], fontSize: 11 };
  return (
    <div className="chart" data-testid="rf-grid" style={{ height: 230 }}>
      <ResponsiveContainer width="100%" height="100%">
        <ScatterChart margin={{ top: 6, right: 16, bottom: 22, left: 0 }}>
          <CartesianGrid stroke={colors['--border']} />
          <XAxis type="number" dataKey="f" domain={[0.5, 5.5]} ticks={[1, 2, 3, 4, 5]} tick={axis} stroke={colors['--border']} label={{ value: t('overview.frequencyAxis'), position: 'insideBottom', offset: -14, fill: colors['--muted'], fontSize: 11 }} />
          <YAxis type="number" dataKey="r" domain={[0.5, 5.5]} ticks={[1, 2, 3, 4, 5]} tick={axis} stroke={colors['--border']} width={28} />
          <ZAxis type="number" dataKey="count" range={[40, 900]} domain={[0, Math.max(1, ...bubbles.map((b) => b.count))]} />
          <Tooltip
            cursor={false}
            isAnimationActive={false}
            content={({ payload }) => {
              const cell = payload?.[0]?.payload as { r: number; f: number; count: number } | undefined;
              return cell ? (
                <div className="chart-tip">
                  R {cell.r} · F {cell.f}: {number(cell.count)}
                </div>
              ) : null;
            }}
          />
          <Scatter data={bubbles} fill={colors['--accent']} fillOpacity={0.75} isAnimationActive={false}>
            <LabelList dataKey="count" position="center" style={{ fill: colors['--surface'], fontSize: 10, fontWeight: 600 }} />
          </Scatter>
        </ScatterChart>
      </ResponsiveContainer>
    </div>
  );
}

function TopAndAttention({ summary, buyers, shops, onSelect }: { summary: ShopSummary; buyers: ReadonlyMap<string, BuyerRecord>; shops: ReadonlyMap<string, ShopRecord>; onSelect: (buyerKey: string) => void }) {
  const { t } = useI18n();
  const tiers = new Map<string, RfmTier>([...summary.top, ...summary.attention].map((r) => [r.buyerKey, r]));
  const listOf = (records: readonly RfmTier[]) => records.map((r) => buyers.get(r.buyerKey)).filter((b) => b !== undefined);
  return (
    <>
      <div className="overview-sub">
        <h3>{t('overview.top')}</h3>
      </div>
      <BuyerList buyers={listOf(summary.top)} shops={shops} onSelect={onSelect} tiers={tiers} />
      <div className="overview-sub" data-testid="attention-list">
        <h3>{t('overview.attention')}</h3>
      </div>
      {summary.attention.length === 0 ? (
        <p className="muted small">{t('overview.attentionEmpty')}</p>
      ) : (
        <BuyerList buyers={listOf(summary.attention)} shops={shops} onSelect={onSelect} tiers={tiers} />
      )}
    </>
  );
}

/**
 * How the shop's buyers stand: buyers and revenue per segment, the R×F grid, the top buyers and
 * those needing attention: the summary kept with the shop’s scoring, never orders.
 */
export function ShopOverview({ shops, onSelect }: { shops: ReadonlyMap<string, ShopRecord>; onSelect: (buyerKey: string) => void }) {
  const { t } = useI18n();
  const colors = useThemeColors();
  const shopKeys = [...shops.keys()].sort();
  const [chosen, setChosen] = useState<string | null>(null);
  const [metric, setMetric] = useState<Metric>('buyers');
  const shopKey = chosen && shops.has(chosen) ? chosen : shopKeys[0];
  const data = useShopOverview(shopKey);
  if (!shopKey) return null;
  const currency = shops.get(shopKey)?.currency;

  return (
    <section className="section shop-overview" data-testid="shop-overview" data-shop-key={shopKey} aria-labelledby="overview-title">
      <OverviewHead shops={shops} shopKeys={shopKeys} shopKey={shopKey} onChoose={setChosen} />
      {data && data.summary.scored === 0 && <p className="muted small">{t('overview.noTiers')}</p>}
      {data && data.summary.scored > 0 && (
        <>
          <p className="muted small">{t('overview.scored', { count: data.summary.scored })}</p>
          <MetricSwitch metric={metric} onMetric={setMetric} windowDays={data.windowDays} />
          <SegmentChart segments={data.summary.segments} metric={metric} currency={currency} colors={colors} />
          <SegmentTable segments={data.summary.segments} currency={currency} />

          <div className="overview-sub">
            <h3>{t('overview.grid')}</h3>
          </div>
          <p className="muted small">{t('overview.gridHint')}</p>
          <p className="axis-caption">↑ {t('overview.recencyAxis')}</p>
          <RfGrid grid={data.summary.grid} colors={colors} />

          <TopAndAttention summary={data.summary} buyers={data.buyers} shops={shops} onSelect={onSelect} />
        </>
      )}
    </section>
  );
}
