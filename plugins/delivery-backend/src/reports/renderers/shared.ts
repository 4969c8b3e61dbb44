import {
  MetricValue,
  Scorecard,
  metricDirections,
} from '@delivery-insights/backstage-plugin-delivery-common';
import { ReportLocale } from '../i18n';
import { cell, document, heading, table } from '../markdown';
import { ReportPeriod } from '../period';

export type ScorecardMetricKey =
  | keyof Scorecard['dora']
  | keyof Scorecard['flow']
  | keyof Scorecard['quality'];

/** The entity a report is about, as its header names it. */
export type ReportSubject = {
  entityRef: string;
  /** metadata.title, or the name. */
  title: string;
};

/** "октябрь 2026 г." / "4-й квартал 2026 г." / "October 2026" / "Q4 2026". */
export function periodLabel(period: ReportPeriod, { m, fmt }: ReportLocale) {
  return period.kind === 'month'
    ? fmt.month(period.year, period.number)
    : m.common.quarter(period.number, period.year);
}

/** The inclusive date range of a half-open window: [1 Oct, 1 Nov) reads "1 October – 31 October". */
export function windowLabel(
  window: { from: string | Date; to: string | Date },
  { m, fmt }: ReportLocale,
) {
  const lastInstant = new Date(new Date(window.to).getTime() - 1);
  return m.common.periodRange(fmt.date(window.from), fmt.date(lastInstant));
}

export function header(
  title: string,
  subject: ReportSubject | null,
  window: { from: string | Date; to: string | Date } | null,
  locale: ReportLocale,
  generatedAt: Date,
): string {
  const { m, fmt } = locale;
  const lines = [
    subject &&
      `**${m.common.entity}:** ${cell(subject.title)} (\`${
        subject.entityRef
      }\`)`,
    window && `**${m.common.period}:** ${windowLabel(window, locale)}`,
    `_${m.common.generated(fmt.dateTime(generatedAt))}_`,
  ].filter((line): line is string => typeof line === 'string');
  return document([heading(1, title), lines.join('  \n')]).trimEnd();
}

export function metricOf(
  scorecard: Scorecard,
  key: ScorecardMetricKey,
): MetricValue {
  const sections = [
    scorecard.dora,
    scorecard.flow,
    scorecard.quality,
  ] as Record<string, MetricValue>[];
  return sections.find(section => key in section)![key];
}

export type TrendKind = 'better' | 'worse' | 'unchanged' | 'none';

/** Better or worse than the previous window, in the metric's own direction. */
export function trendOf(
  key: ScorecardMetricKey,
  metric: MetricValue,
): TrendKind {
  const now = metric.value;
  const before = metric.previous.value;
  if (now === null || before === null) {
    return 'none';
  }
  // Differences below display precision are noise, not a trend.
  if (Math.abs(now - before) <= 1e-9 * Math.max(1, Math.abs(before))) {
    return 'unchanged';
  }
  const higherIsBetter = metricDirections[key] === 'higher';
  return now > before === higherIsBetter ? 'better' : 'worse';
}

export function trendLabel(
  kind: TrendKind,
  metric: MetricValue,
  { m }: ReportLocale,
) {
  switch (kind) {
    case 'better':
      return `${metric.value! > metric.previous.value! ? '▲' : '▼'} ${
        m.common.better
      }`;
    case 'worse':
      return `${metric.value! > metric.previous.value! ? '▲' : '▼'} ${
        m.common.worse
      }`;
    case 'unchanged':
      return `= ${m.common.unchanged}`;
    default:
      return m.common.noComparison;
  }
}

export function statusLabel(metric: MetricValue, { m }: ReportLocale) {
  if (metric.met === null) {
    return m.common.noTarget;
  }
  return metric.met ? m.common.met : m.common.missed;
}

/**
 * The scorecard table of a report: value with its sample, DORA level, target, met or missed,
 * the previous window and the trend. Values are formatted exactly from the scorecard's numbers.
 */
export function metricTable(
  scorecard: Scorecard,
  keys: ScorecardMetricKey[],
  locale: ReportLocale,
  options: { levels: boolean } = { levels: true },
): string {
  const { m, fmt } = locale;
  const headers = [
    m.common.metric,
    m.common.value,
    m.common.sampleSize,
    ...(options.levels ? [m.common.level] : []),
    m.common.target,
    m.common.status,
    m.common.previous,
    m.common.trend,
  ];
  const rows = keys.map(key => {
    const metric = metricOf(scorecard, key);
    return [
      cell(m.metricNames[key]),
      cell(fmt.metric(metric.value, metric.unit)),
      cell(fmt.number(metric.sampleSize, 0)),
      ...(options.levels ? [cell(fmt.level(metric.level))] : []),
      cell(fmt.target(metric.target, metric.unit)),
      cell(statusLabel(metric, locale)),
      cell(fmt.metric(metric.previous.value, metric.unit)),
      cell(trendLabel(trendOf(key, metric), metric, locale)),
    ];
  });
  return table(headers, rows, [
    'left',
    'right',
    'right',
    ...(options.levels ? ['left' as const] : []),
  ]);
}

/**
 * "What to look at": each missed target with its hint, then each metric that got worse, then
 * metrics without data. Ordered by the order of `keys`, so DORA comes before flow.
 */
export function lookAtItems(
  scorecard: Scorecard,
  keys: ScorecardMetricKey[],
  locale: ReportLocale,
): string[] {
  const { m, fmt } = locale;
  const missed: string[] = [];
  const worse: string[] = [];
  const empty: string[] = [];
  for (const key of keys) {
    const metric = metricOf(scorecard, key);
    const name = m.metricNames[key];
    if (metric.met === false) {
      missed.push(
        m.common.missedHint(
          name,
          fmt.metric(metric.value, metric.unit),
          fmt.target(metric.target, metric.unit),
          m.metricHints[key],
        ),
      );
    } else if (trendOf(key, metric) === 'worse') {
      worse.push(
        m.common.worseHint(
          name,
          fmt.metric(metric.previous.value, metric.unit),
          fmt.metric(metric.value, metric.unit),
        ),
      );
    } else if (metric.value === null && metric.target !== null) {
      empty.push(m.common.noDataHint(name));
    }
  }
  return [...missed, ...worse, ...empty];
}
