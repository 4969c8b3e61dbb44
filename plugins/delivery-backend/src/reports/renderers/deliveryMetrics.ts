import {
  Scorecard,
  doraMetricKeys,
  flowMetricKeys,
  performanceLevels,
} from '@delivery-insights/backstage-plugin-delivery-common';
import { ReportLocale } from '../i18n';
import { bulletList, cell, document, heading, table } from '../markdown';
import { ReportPeriod } from '../period';
import {
  ReportSubject,
  ScorecardMetricKey,
  header,
  lookAtItems,
  metricOf,
  periodLabel,
} from './shared';
import { metricTable } from './shared';

export type DeliveryMetricsInput = {
  subject: ReportSubject;
  period: ReportPeriod;
  scorecard: Scorecard;
  /** For a System or Group: the scorecard of each component it contains; null for a component. */
  children: { subject: ReportSubject; scorecard: Scorecard }[] | null;
  generatedAt: Date;
};

const doraKeys: ScorecardMetricKey[] = [
  ...doraMetricKeys.slice(0, 1),
  'deploymentDaysPerWeek',
  ...doraMetricKeys.slice(1),
];
const flowKeys: ScorecardMetricKey[] = [...flowMetricKeys];
const MAX_OFFENDERS = 5;

const missedCount = (scorecard: Scorecard, keys: ScorecardMetricKey[]) =>
  keys.filter(key => metricOf(scorecard, key).met === false).length;

/** Worse levels weigh more: low 3, medium 2, high 1, elite 0. */
const levelWeight = (scorecard: Scorecard) =>
  doraMetricKeys.reduce((total, key) => {
    const level = scorecard.dora[key].level;
    return total + (level === null ? 0 : performanceLevels.indexOf(level));
  }, 0);

/** `delivery-metrics-{period}.md`: DORA and flow metrics of an entity over a month or quarter. */
export function renderDeliveryMetrics(
  input: DeliveryMetricsInput,
  locale: ReportLocale,
): string {
  const { m, fmt } = locale;
  const { scorecard, subject } = input;
  const keys = [...doraKeys, ...flowKeys];
  const withTarget = keys.filter(key => metricOf(scorecard, key).met !== null);
  const met = withTarget.filter(key => metricOf(scorecard, key).met).length;
  const lookAt = lookAtItems(scorecard, keys, locale);
  const open = scorecard.dora.timeToRestore.open ?? 0;
  if (open > 0) {
    lookAt.push(m.common.openIncidentsHint(fmt.count(open, m.nouns.incident)));
  }

  return document([
    header(
      m.deliveryMetrics.title(subject.title, periodLabel(input.period, locale)),
      subject,
      scorecard.window,
      locale,
      input.generatedAt,
    ),
    m.deliveryMetrics.summary(
      fmt.count(
        scorecard.dora.deploymentFrequency.sampleSize,
        m.nouns.productionDeployment,
      ),
      fmt.count(scorecard.dora.leadTime.sampleSize, m.nouns.shippedChange),
      fmt.count(
        scorecard.quality.incidentsPer30Days.sampleSize,
        m.nouns.newIncident,
      ),
    ),
    [
      input.children !== null &&
        m.deliveryMetrics.entities(
          fmt.count(input.children.length, m.nouns.service),
        ),
      m.deliveryMetrics.targetsMet(met, withTarget.length),
      m.common.previousWindow(...splitWindow(scorecard.previousWindow, locale)),
    ]
      .filter(Boolean)
      .join(' '),
    heading(2, m.deliveryMetrics.dora),
    metricTable(scorecard, doraKeys, locale),
    heading(2, m.deliveryMetrics.flow),
    metricTable(scorecard, flowKeys, locale, { levels: false }),
    input.children !== null && offenders(input.children, locale),
    heading(2, m.common.lookAt),
    lookAt.length > 0 ? bulletList(lookAt) : m.common.nothingToLookAt,
  ]);
}

function splitWindow(
  window: { from: string; to: string },
  locale: ReportLocale,
): [string, string] {
  const last = new Date(new Date(window.to).getTime() - 1);
  return [locale.fmt.date(window.from), locale.fmt.date(last)];
}

function offenders(
  children: NonNullable<DeliveryMetricsInput['children']>,
  locale: ReportLocale,
): string {
  const { m, fmt } = locale;
  const keys = [...doraKeys, ...flowKeys];
  const ranked = children
    .map(child => ({ ...child, missed: missedCount(child.scorecard, keys) }))
    .filter(child => child.missed > 0)
    .sort(
      (a, b) =>
        b.missed - a.missed ||
        levelWeight(b.scorecard) - levelWeight(a.scorecard) ||
        a.subject.entityRef.localeCompare(b.subject.entityRef),
    )
    .slice(0, MAX_OFFENDERS);
  const blocks = [heading(2, m.deliveryMetrics.offenders)];
  if (ranked.length === 0) {
    blocks.push(m.deliveryMetrics.noOffenders);
    return document(blocks).trimEnd();
  }
  const short = (name: string) => name.replace(/ \(.*\)$/, '');
  blocks.push(
    m.deliveryMetrics.offendersIntro,
    table(
      [
        m.common.service,
        m.deliveryMetrics.missedTargets,
        ...doraMetricKeys.map(key => short(m.metricNames[key])),
      ],
      ranked.map(({ subject, scorecard, missed }) => [
        cell(subject.title),
        cell(fmt.number(missed, 0)),
        ...doraMetricKeys.map(key => {
          const metric = scorecard.dora[key];
          const value = fmt.metric(metric.value, metric.unit);
          return cell(
            metric.level === null
              ? value
              : `${value} (${fmt.level(metric.level)})`,
          );
        }),
      ]),
      ['left', 'right'],
    ),
  );
  return document(blocks).trimEnd();
}
