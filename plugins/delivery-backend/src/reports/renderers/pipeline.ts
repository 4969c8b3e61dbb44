import { Scorecard } from '@delivery-insights/backstage-plugin-delivery-common';
import { ReportDeployment } from '../../database/ReportRecordsQuery';
import { median, percentile } from '../../metrics';
import { ReportLocale } from '../i18n';
import { cell, document, heading, link, rawCell, table } from '../markdown';
import { ReportSubject, header } from './shared';

export type PipelineInput = {
  subject: ReportSubject;
  scorecard: Scorecard;
  /** Every deployment of the service in the window, in any environment and status. */
  deployments: ReportDeployment[];
  generatedAt: Date;
};

const HOUR_MS = 3_600_000;

const durationHours = (deployment: ReportDeployment) =>
  deployment.startedAt && deployment.finishedAt
    ? (new Date(deployment.finishedAt).getTime() -
        new Date(deployment.startedAt).getTime()) /
      HOUR_MS
    : null;

const mondayBasedWeekday = (instant: string) =>
  (new Date(instant).getUTCDay() + 6) % 7;

const reachedProduction = (deployment: ReportDeployment) =>
  deployment.environment === 'production' && deployment.status !== 'failure';

/**
 * `pipeline-{service}.md`: the delivery pipeline as the records show it — production deployments
 * per weekday (UTC), durations, environments, and where deployments failed or were rolled back.
 * The frequency and its level are the scorecard's.
 */
export function renderPipeline(
  input: PipelineInput,
  locale: ReportLocale,
): string {
  const { m, fmt } = locale;
  const p = m.pipeline;
  const { scorecard, deployments } = input;
  const frequency = scorecard.dora.deploymentFrequency;

  const weekdays = Array.from({ length: 7 }, () => ({
    production: 0,
    failures: 0,
    rollbacks: 0,
  }));
  for (const deployment of deployments) {
    const at = deployment.finishedAt ?? deployment.startedAt;
    if (!at || deployment.environment !== 'production') continue;
    const day = weekdays[mondayBasedWeekday(at)];
    if (reachedProduction(deployment)) day.production += 1;
    if (deployment.status === 'failure') day.failures += 1;
    if (deployment.status === 'rolled_back') day.rollbacks += 1;
  }

  const environments = [...new Set(deployments.map(d => d.environment))].sort(
    (a, b) =>
      Number(b === 'production') - Number(a === 'production') ||
      a.localeCompare(b),
  );
  const durationText = (values: number[], fraction: number) => {
    const value = percentile(values, fraction);
    return value === null ? '—' : fmt.duration(value);
  };

  const productionDurations = deployments
    .filter(reachedProduction)
    .map(durationHours)
    .filter((hours): hours is number => hours !== null);
  const productionMedian = median(productionDurations);

  const failures = deployments.filter(
    d =>
      d.status !== 'success' ||
      (d.causedIncidentIds.length > 0 && d.environment === 'production'),
  );

  return document([
    header(
      p.title(input.subject.title),
      input.subject,
      scorecard.window,
      locale,
      input.generatedAt,
    ),
    p.summary(
      fmt.count(frequency.sampleSize, m.nouns.productionDeployment),
      fmt.metric(frequency.value, frequency.unit),
      fmt.level(frequency.level),
    ),
    heading(2, p.byWeekday),
    table(
      [p.weekday, p.production, p.pipelineFailures, p.rollbacks],
      weekdays.map((day, index) => [
        cell(fmt.weekday(index)),
        cell(fmt.number(day.production, 0)),
        cell(fmt.number(day.failures, 0)),
        cell(fmt.number(day.rollbacks, 0)),
      ]),
      ['left', 'right', 'right', 'right'],
    ),
    heading(2, p.durations),
    productionMedian === null
      ? p.noDurations
      : p.durationsText(
          fmt.duration(productionMedian),
          durationText(productionDurations, 0.9),
          fmt.count(productionDurations.length, m.nouns.deployment, 0),
        ),
    heading(2, p.environments),
    environments.length === 0
      ? m.common.none
      : table(
          [
            p.environment,
            p.deployments,
            p.succeeded,
            p.failed,
            p.rolledBack,
            p.medianDuration,
            p.p90Duration,
            p.lastDeployment,
          ],
          environments.map(environment => {
            const of = deployments.filter(d => d.environment === environment);
            const durations = of
              .map(durationHours)
              .filter((hours): hours is number => hours !== null);
            const last = of
              .map(d => d.finishedAt ?? d.startedAt)
              .filter((at): at is string => at !== null)
              .sort()
              .at(-1);
            const count = (status: ReportDeployment['status']) =>
              cell(fmt.number(of.filter(d => d.status === status).length, 0));
            return [
              cell(environment),
              cell(fmt.number(of.length, 0)),
              count('success'),
              count('failure'),
              count('rolled_back'),
              cell(durationText(durations, 0.5)),
              cell(durationText(durations, 0.9)),
              cell(last && fmt.dateTime(last)),
            ];
          }),
          ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
        ),
    heading(2, p.failurePoints),
    failures.length === 0
      ? p.noFailures
      : table(
          [p.when, p.environment, m.postmortem.deployment, p.what],
          failures.map(d => {
            const what = [
              d.status === 'failure' && p.failedInPipeline,
              d.status === 'rolled_back' && p.rolledBackInProduction,
              d.causedIncidentIds.length > 0 &&
                p.causedIncident(d.causedIncidentIds.join(', ')),
            ].filter(Boolean);
            const at = d.finishedAt ?? d.startedAt;
            return [
              cell(at && fmt.dateTime(at)),
              cell(d.environment),
              rawCell(link(d.id, d.url)),
              cell(what.join('; ')),
            ];
          }),
        ),
  ]);
}
