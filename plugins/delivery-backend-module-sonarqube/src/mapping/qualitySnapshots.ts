import {
  MappedRecord,
  toInstant,
} from '@delivery-insights/backstage-plugin-delivery-node';
import { HistoryMetric, HistoryPage } from '../client/SonarQubeClient';

export const SONARQUBE_SOURCE = 'sonarqube';

/** A quality snapshot as the ingestion accepts it. */
export type QualitySnapshotEvent = {
  type: 'qualitySnapshot';
  source: string;
  id: string;
  entityRef: string;
  at: string;
  lineCoverage: number;
  branchCoverage?: number;
  bugs?: number;
  vulnerabilities?: number;
  codeSmells?: number;
  qualityGate?: QualityGate;
};

export type QualityGate = 'passed' | 'warning' | 'failed';

/** SonarQube's quality gate levels; `NONE` (no gate) is no status. */
export function toQualityGate(
  level: string | undefined,
): QualityGate | undefined {
  switch (level) {
    case 'OK':
      return 'passed';
    case 'WARN':
      return 'warning';
    case 'ERROR':
      return 'failed';
    default:
      return undefined;
  }
}

const percent = (value: string | undefined) => {
  const number = value === undefined ? NaN : Number(value);
  return Number.isFinite(number) && number >= 0 && number <= 100
    ? number
    : undefined;
};

const count = (value: string | undefined) => {
  const number = value === undefined ? NaN : Number(value);
  return Number.isInteger(number) && number >= 0 ? number : undefined;
};

/** The record id of an analysis: the instance's host, the project and the analysis time. */
export const snapshotIdOf = (host: string, projectKey: string, at: string) =>
  `${host}/${projectKey}/${at}`;

/**
 * One quality snapshot per analysis of a `search_history` page, oldest first; an analysis without
 * line coverage is skipped with the reason (the snapshot's coverage is what the metrics read).
 */
export function toQualitySnapshots(
  page: HistoryPage,
  options: { host: string; projectKey: string; entityRef: string },
): MappedRecord<QualitySnapshotEvent>[] {
  const byDate = new Map<string, Partial<Record<HistoryMetric, string>>>();
  for (const measure of page.measures) {
    for (const { date, value } of measure.history) {
      const values = byDate.get(date) ?? {};
      if (value !== undefined) {
        values[measure.metric as HistoryMetric] = value;
      }
      byDate.set(date, values);
    }
  }
  const analyses = [...byDate.entries()]
    .map(([date, values]) => ({ date, at: toInstant(date), values }))
    .sort((a, b) => (a.at ?? '').localeCompare(b.at ?? ''));
  return analyses.map(({ date, at, values }) => {
    if (!at) {
      return {
        skipped: { reason: `analysis with an invalid date ${date}` },
      };
    }
    const id = snapshotIdOf(options.host, options.projectKey, at);
    const lineCoverage = percent(values.line_coverage);
    if (lineCoverage === undefined) {
      return {
        skipped: { id, reason: 'analysis without line coverage' },
      };
    }
    const event: QualitySnapshotEvent = {
      type: 'qualitySnapshot',
      source: SONARQUBE_SOURCE,
      id,
      entityRef: options.entityRef,
      at,
      lineCoverage,
    };
    const optional = {
      branchCoverage: percent(values.branch_coverage),
      bugs: count(values.bugs),
      vulnerabilities: count(values.vulnerabilities),
      codeSmells: count(values.code_smells),
      qualityGate: toQualityGate(values.alert_status),
    };
    for (const [key, value] of Object.entries(optional)) {
      if (value !== undefined) {
        (event as Record<string, unknown>)[key] = value;
      }
    }
    return { event };
  });
}
