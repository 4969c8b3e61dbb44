import { ReportName } from '../../api';

/** Which reports make sense for which kind of entity. */
const reportsByKind: Record<string, ReportName[]> = {
  component: [
    'delivery-metrics',
    'quality-report',
    'postmortem',
    'runbook',
    'pipeline',
    'retrospective',
    'process',
  ],
  system: ['delivery-metrics', 'quality-report', 'retrospective', 'process'],
  group: [
    'delivery-metrics',
    'quality-report',
    'capacity',
    'retrospective',
    'process',
  ],
};

export function reportsFor(kind: string): ReportName[] {
  return (
    reportsByKind[kind.toLocaleLowerCase('en-US')] ?? [
      'delivery-metrics',
      'quality-report',
    ]
  );
}

/** The translation key of each report's name. */
export const reportTitleKeys = {
  'delivery-metrics': 'reports.names.deliveryMetrics',
  'quality-report': 'reports.names.qualityReport',
  postmortem: 'reports.names.postmortem',
  runbook: 'reports.names.runbook',
  pipeline: 'reports.names.pipeline',
  capacity: 'reports.names.capacity',
  retrospective: 'reports.names.retrospective',
  process: 'reports.names.process',
} as const satisfies Record<ReportName, string>;

/** The fields each report asks for, beyond the entity and the language. */
export type ReportField =
  | 'period'
  | 'optionalPeriod'
  | 'quarter'
  | 'incident'
  | 'sprint'
  | 'process'
  | 'capacity';

export const reportFields: Record<ReportName, ReportField[]> = {
  'delivery-metrics': ['period'],
  'quality-report': ['period'],
  postmortem: ['incident'],
  runbook: [],
  pipeline: ['optionalPeriod'],
  capacity: ['quarter', 'capacity'],
  retrospective: ['sprint'],
  process: ['process'],
};

/** The last complete month, e.g. 2026-10 during November 2026 (UTC). */
export function previousMonth(now: Date): string {
  const date = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1),
  );
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(
    2,
    '0',
  )}`;
}

/** The quarter after the current one, the one a capacity plan is for. */
export function nextQuarter(now: Date): string {
  const index =
    now.getUTCFullYear() * 4 + Math.floor(now.getUTCMonth() / 3) + 1;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}
