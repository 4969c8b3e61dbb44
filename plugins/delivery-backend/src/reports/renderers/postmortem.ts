import {
  MetricTarget,
  PerformanceLevel,
} from '@delivery-insights/backstage-plugin-delivery-common';
import {
  ReportChange,
  ReportDeployment,
  ReportIncident,
} from '../../database/ReportRecordsQuery';
import { ReportLocale } from '../i18n';
import { cell, document, heading, link, rawCell, table } from '../markdown';
import { ReportSubject, header } from './shared';

export type PostmortemInput = {
  subject: ReportSubject;
  incident: ReportIncident;
  /** The deployment the incident names as its cause, with the changes it shipped. */
  cause: { deployment: ReportDeployment; changes: ReportChange[] } | null;
  /** The entity's time-to-restore target (organisation target with its overrides). */
  target: MetricTarget | null;
  /** Whether this one restore time meets the target, and its DORA level; null while open. */
  met: boolean | null;
  level: PerformanceLevel | null;
  generatedAt: Date;
};

const HOUR_MS = 3_600_000;
const hoursBetween = (from: string, to: string | Date) =>
  (new Date(to).getTime() - new Date(from).getTime()) / HOUR_MS;

/**
 * `postmortem-{incident-id}.md`: the facts of an incident (timeline, duration against the target,
 * the deployment that caused it and its changes) followed by the blameless sections people write,
 * each marked as theirs to fill.
 */
export function renderPostmortem(
  input: PostmortemInput,
  locale: ReportLocale,
): string {
  const { m, fmt } = locale;
  const { incident } = input;
  const p = m.postmortem;
  const name = incident.title
    ? `${incident.title} (${incident.id})`
    : incident.id;

  const impact: string[] = [];
  if (incident.resolvedAt) {
    const hours = hoursBetween(incident.openedAt, incident.resolvedAt);
    impact.push(p.duration(fmt.duration(hours)));
    if (input.target) {
      impact.push(
        p.restoreAgainstTarget(
          fmt.duration(hours),
          fmt.target(input.target, 'hours'),
          input.met ? m.common.met : m.common.missed,
        ),
      );
    }
    if (input.level) {
      impact.push(p.restoreLevel(fmt.level(input.level)));
    }
  } else {
    impact.push(
      p.ongoing(
        fmt.duration(hoursBetween(incident.openedAt, input.generatedAt)),
      ),
    );
  }
  if (incident.acknowledgedAt) {
    impact.push(
      p.timeToAcknowledge(
        fmt.duration(hoursBetween(incident.openedAt, incident.acknowledgedAt)),
      ),
    );
  }

  const toFill = (title: string, prompt?: string) =>
    document([heading(3, title), p.toFill, prompt && `> ${prompt}`]).trimEnd();

  return document([
    header(p.title(name), input.subject, null, locale, input.generatedAt),
    `> ${p.blameless}`,
    heading(2, p.summary),
    table(
      [m.common.field, m.common.value],
      [
        [cell(m.common.service), cell(input.subject.title)],
        [cell(m.common.id), rawCell(link(incident.id, incident.url))],
        [cell(p.source), cell(incident.source)],
        [cell(m.common.severity), cell(incident.severity ?? m.common.unknown)],
        [cell(p.state), cell(incident.resolvedAt ? p.resolved : p.open)],
      ],
    ),
    heading(2, p.timeline),
    table(
      [p.event, p.time],
      [
        [cell(m.common.opened), cell(fmt.dateTime(incident.openedAt))],
        [
          cell(p.acknowledged),
          cell(
            incident.acknowledgedAt
              ? fmt.dateTime(incident.acknowledgedAt)
              : p.notAcknowledged,
          ),
        ],
        [
          cell(p.resolvedEvent),
          cell(
            incident.resolvedAt
              ? fmt.dateTime(incident.resolvedAt)
              : m.common.stillOpen,
          ),
        ],
      ],
    ),
    heading(2, p.impact),
    impact.join(' '),
    heading(2, p.cause),
    input.cause ? cause(input.cause, locale) : p.noCause,
    heading(2, p.analysis),
    toFill(p.userImpact, p.userImpactPrompt),
    toFill(p.rootCause, p.rootCausePrompt),
    toFill(p.detection, p.detectionPrompt),
    toFill(p.response, p.responsePrompt),
    toFill(p.wentWell),
    toFill(p.wentWrong),
    toFill(p.lucky),
    toFill(p.actions),
    table([p.action, p.owner, p.due, p.ticket], [[' ', ' ', ' ', ' ']]),
  ]);
}

function cause(
  { deployment, changes }: NonNullable<PostmortemInput['cause']>,
  { m, fmt }: ReportLocale,
): string {
  const p = m.postmortem;
  return document([
    table(
      [p.deployment, p.environment, p.deploymentStatus, p.started, p.finished],
      [
        [
          rawCell(link(deployment.id, deployment.url)),
          cell(deployment.environment),
          cell(deployment.status),
          cell(deployment.startedAt && fmt.dateTime(deployment.startedAt)),
          cell(deployment.finishedAt && fmt.dateTime(deployment.finishedAt)),
        ],
      ],
    ),
    heading(3, p.changes),
    changes.length === 0 && deployment.changeIds.length === 0
      ? p.noChanges
      : table(
          [m.common.id, m.common.title, p.author, p.firstCommit, p.merged],
          deployment.changeIds.map(id => {
            const change = changes.find(c => c.id === id);
            return [
              rawCell(link(id, change?.url)),
              cell(change?.title),
              cell(change?.author),
              cell(change?.firstCommitAt && fmt.dateTime(change.firstCommitAt)),
              cell(change?.mergedAt && fmt.dateTime(change.mergedAt)),
            ];
          }),
        ),
  ]).trimEnd();
}
