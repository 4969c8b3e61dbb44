import {
  IncidentRecord,
  Scorecard,
  qualityMetricKeys,
} from '@delivery-insights/backstage-plugin-delivery-common';
import { ReportLocale } from '../i18n';
import {
  bulletList,
  cell,
  document,
  heading,
  link,
  rawCell,
  table,
} from '../markdown';
import { ReportPeriod } from '../period';
import {
  ReportSubject,
  ScorecardMetricKey,
  header,
  lookAtItems,
  metricTable,
  periodLabel,
} from './shared';

export type QualityReportInput = {
  subject: ReportSubject;
  period: ReportPeriod;
  scorecard: Scorecard;
  /** Incidents opened in the period, from the scorecard's drill-down list. */
  incidents: IncidentRecord[];
  generatedAt: Date;
};

const qualityKeys: ScorecardMetricKey[] = [...qualityMetricKeys];
const contextKeys: ScorecardMetricKey[] = [
  'changeFailureRate',
  'timeToRestore',
];

/** `quality-report-{period}.md`: coverage, defect escape rate and incidents against targets. */
export function renderQualityReport(
  input: QualityReportInput,
  locale: ReportLocale,
): string {
  const { m, fmt } = locale;
  const { scorecard, subject } = input;
  const escape = scorecard.quality.defectEscapeRate;
  const escaped =
    escape.value === null ? 0 : Math.round(escape.value * escape.sampleSize);
  const lookAt = lookAtItems(
    scorecard,
    [...qualityKeys, ...contextKeys],
    locale,
  );
  const opened = input.incidents.filter(
    incident =>
      incident.openedAt >= scorecard.window.from &&
      incident.openedAt < scorecard.window.to,
  );

  return document([
    header(
      m.quality.title(subject.title, periodLabel(input.period, locale)),
      subject,
      scorecard.window,
      locale,
      input.generatedAt,
    ),
    heading(2, m.quality.metrics),
    metricTable(scorecard, qualityKeys, locale, { levels: false }),
    m.quality.bugs(fmt.count(escape.sampleSize, m.nouns.bug, 0), escaped),
    heading(2, m.quality.incidents),
    opened.length === 0
      ? m.common.none
      : table(
          [
            m.common.opened,
            m.common.id,
            m.common.severity,
            m.common.title,
            m.common.timeToRestore,
          ],
          opened.map(incident => [
            cell(fmt.dateTime(incident.openedAt)),
            rawCell(link(incident.id, incident.url)),
            cell(incident.severity),
            cell(incident.title),
            cell(
              incident.timeToRestoreHours === null
                ? m.common.stillOpen
                : fmt.duration(incident.timeToRestoreHours),
            ),
          ]),
        ),
    heading(2, m.quality.deliveryContext),
    metricTable(scorecard, contextKeys, locale),
    heading(2, m.common.lookAt),
    lookAt.length > 0 ? bulletList(lookAt) : m.common.nothingToLookAt,
  ]);
}
