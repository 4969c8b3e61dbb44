import { IncidentRecord } from '@delivery-insights/backstage-plugin-delivery-common';
import { ReportWorkItem } from '../../database/ReportRecordsQuery';
import { median, percentile } from '../../metrics';
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
import { ReportSubject, header } from './shared';

export type RetrospectiveInput = {
  subject: ReportSubject;
  sprint: string;
  items: ReportWorkItem[];
  /** Incidents of the entity opened during the sprint's span. */
  incidents: IncidentRecord[];
  generatedAt: Date;
};

const HOUR_MS = 3_600_000;

/**
 * A sprint has no dates of its own in the records: it spans from its first started item (or, with
 * none started, its first created one) to its last completed item, or to now while items remain.
 */
export function sprintSpan(
  items: ReportWorkItem[],
  now: Date,
): { from: Date; to: Date } {
  const starts = items.map(item => item.startedAt ?? item.createdAt).sort();
  const completions = items
    .map(item => item.completedAt)
    .filter((at): at is string => at !== null)
    .sort();
  const allCompleted = items.every(item => item.completedAt !== null);
  const from = new Date(starts[0]);
  const to =
    allCompleted && completions.length > 0
      ? new Date(new Date(completions.at(-1)!).getTime() + 1)
      : now;
  return { from, to };
}

/** Hours from start (or creation, like the scorecard's cycle time) to completion. */
const cycleHours = (item: ReportWorkItem) =>
  (new Date(item.completedAt!).getTime() -
    new Date(item.startedAt ?? item.createdAt).getTime()) /
  HOUR_MS;

/** `retrospective-{sprint}.md`: what a sprint finished and carried over, and questions for it. */
export function renderRetrospective(
  input: RetrospectiveInput,
  locale: ReportLocale,
): string {
  const { m, fmt } = locale;
  const r = m.retrospective;
  const span = sprintSpan(input.items, input.generatedAt);
  const completed = input.items.filter(item => item.completedAt !== null);
  const carried = input.items.filter(item => item.completedAt === null);
  const added = input.items.filter(
    item => new Date(item.createdAt).getTime() > span.from.getTime(),
  );
  const cycles = completed.map(cycleHours);
  const points = (items: ReportWorkItem[]) =>
    items.reduce((sum, item) => sum + (item.points ?? 0), 0);
  const lastDay = new Date(span.to.getTime() - 1);

  const prompts = [r.promptWell];
  if (carried.length > 0) {
    prompts.push(r.promptCarried(fmt.count(carried.length, m.nouns.item, 0)));
  }
  if (added.length > 0) prompts.push(r.promptScope);
  if (input.incidents.length > 0) {
    prompts.push(
      r.promptIncidents(fmt.count(input.incidents.length, m.nouns.incident, 0)),
    );
  }
  if (completed.length > 0) prompts.push(r.promptCycle);
  prompts.push(r.promptNext);

  const stateOf = (item: ReportWorkItem) =>
    item.startedAt ? r.inProgress : r.notStarted;
  const itemTable = (items: ReportWorkItem[], done: boolean) =>
    items.length === 0
      ? m.common.none
      : table(
          [
            m.common.id,
            m.common.type,
            m.common.points,
            done ? r.cycleTime : r.state,
          ],
          items.map(item => [
            cell(item.id),
            cell(item.kind),
            cell(item.points === null ? null : fmt.number(item.points, 1)),
            cell(done ? fmt.duration(cycleHours(item)) : stateOf(item)),
          ]),
          ['left', 'left', 'right', 'right'],
        );

  return document([
    header(
      r.title(input.sprint),
      input.subject,
      null,
      locale,
      input.generatedAt,
    ),
    r.dates(fmt.date(span.from), fmt.date(lastDay)),
    r.summary(
      fmt.count(completed.length, m.nouns.item, 0),
      fmt.count(points(completed), m.nouns.point),
      fmt.count(carried.length, m.nouns.item, 0),
    ),
    heading(2, r.completed),
    itemTable(completed, true),
    heading(2, r.carriedOver),
    itemTable(carried, false),
    heading(2, r.cycleTime),
    cycles.length === 0
      ? m.common.none
      : r.cycleTimeText(
          fmt.duration(median(cycles)!),
          fmt.duration(percentile(cycles, 0.85)!),
          fmt.count(cycles.length, m.nouns.item, 0),
        ),
    heading(2, r.scopeChange),
    added.length === 0
      ? r.noScopeChange
      : document([
          r.scopeAdded(
            fmt.count(added.length, m.nouns.item, 0),
            fmt.count(points(added), m.nouns.point),
          ),
          table(
            [m.common.id, m.common.type, m.common.points, r.added],
            added.map(item => [
              cell(item.id),
              cell(item.kind),
              cell(item.points === null ? null : fmt.number(item.points, 1)),
              cell(fmt.dateTime(item.createdAt)),
            ]),
          ),
        ]).trimEnd(),
    heading(2, r.incidents),
    input.incidents.length === 0
      ? m.common.none
      : table(
          [
            m.common.opened,
            m.common.id,
            m.common.severity,
            m.common.title,
            m.common.timeToRestore,
          ],
          input.incidents.map(incident => [
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
    heading(2, r.prompts),
    bulletList(prompts),
  ]);
}
