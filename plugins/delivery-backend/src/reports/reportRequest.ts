import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { ReportLanguage, defaultReportLanguage, reportLanguages } from './i18n';
import { ReportPeriod, parsePeriod } from './period';

/** The reports, by the first part of their file name. */
export const reportNames = [
  'delivery-metrics',
  'quality-report',
  'postmortem',
  'runbook',
  'pipeline',
  'capacity',
  'retrospective',
  'process',
] as const;

export type ReportName = (typeof reportNames)[number];

type Common = { language: ReportLanguage };

/** A validated report request: each report with exactly the parameters it needs. */
export type ReportRequest = Common &
  (
    | {
        report: 'delivery-metrics' | 'quality-report';
        entityRef: string;
        period: ReportPeriod;
      }
    | { report: 'postmortem'; incidentId: string; source?: string }
    | { report: 'runbook'; entityRef: string }
    | { report: 'pipeline'; entityRef: string; period?: ReportPeriod }
    | {
        report: 'capacity';
        entityRef: string;
        period: ReportPeriod;
        teamSize?: number;
        referenceTeamSize?: number;
        holidays?: number;
        focusFactor?: number;
      }
    | { report: 'retrospective'; entityRef: string; sprint: string }
    | { report: 'process'; name: string }
  );

type Query = Record<string, unknown>;

const single = (query: Query, name: string): string | undefined => {
  const value = query[name];
  if (value === undefined) {
    return undefined;
  }
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InputError(
      `Invalid query parameter ${name}: expected one non-empty value`,
    );
  }
  return value.trim();
};

const required = (query: Query, name: string, example: string): string => {
  const value = single(query, name);
  if (value === undefined) {
    throw new InputError(
      `Missing query parameter ${name}, e.g. ${name}=${example}`,
    );
  }
  return value;
};

const entityRefParam = (query: Query) => {
  const text = required(query, 'entityRef', 'component:default/my-service');
  try {
    return stringifyEntityRef(
      parseEntityRef(text, { defaultNamespace: 'default' }),
    );
  } catch {
    throw new InputError(
      `Invalid query parameter entityRef: must be an entity reference such as component:default/my-service, got "${text}"`,
    );
  }
};

const numberParam = (
  query: Query,
  name: string,
  check: (value: number) => boolean,
  expected: string,
): number | undefined => {
  const text = single(query, name);
  if (text === undefined) {
    return undefined;
  }
  const value = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || !check(value)) {
    throw new InputError(
      `Invalid query parameter ${name}: expected ${expected}, got "${text}"`,
    );
  }
  return value;
};

/** A name that is safe as part of a file name: what the name parameters of a report allow. */
const fileNamePart = /^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,127}$/u;

/**
 * Validates the query of GET /reports/{report}; every problem is a 400 naming the parameter.
 * `lang` defaults to Russian.
 */
export function parseReportRequest(
  report: string,
  query: Query,
): ReportRequest {
  if (!(reportNames as readonly string[]).includes(report)) {
    throw new InputError(
      `Invalid path parameter report: expected one of ${reportNames.join(
        ', ',
      )}, got "${report}"`,
    );
  }
  const lang = single(query, 'lang') ?? defaultReportLanguage;
  if (!(reportLanguages as readonly string[]).includes(lang)) {
    throw new InputError(
      `Invalid query parameter lang: expected one of ${reportLanguages.join(
        ', ',
      )}, got "${lang}"`,
    );
  }
  const language = lang as ReportLanguage;
  const name = (param: string, example: string) => {
    const value = required(query, param, example);
    if (!fileNamePart.test(value)) {
      throw new InputError(
        `Invalid query parameter ${param}: letters, digits, spaces, dots, dashes and underscores only (at most 128), got "${value}"`,
      );
    }
    return value;
  };

  switch (report as ReportName) {
    case 'delivery-metrics':
    case 'quality-report':
      return {
        language,
        report: report as 'delivery-metrics' | 'quality-report',
        entityRef: entityRefParam(query),
        period: parsePeriod(required(query, 'period', '2026-10')),
      };
    case 'postmortem':
      return {
        language,
        report: 'postmortem',
        incidentId: name('incidentId', 'INC-42'),
        source: single(query, 'source'),
      };
    case 'runbook':
      return { language, report: 'runbook', entityRef: entityRefParam(query) };
    case 'pipeline': {
      const period = single(query, 'period');
      return {
        language,
        report: 'pipeline',
        entityRef: entityRefParam(query),
        period: period === undefined ? undefined : parsePeriod(period),
      };
    }
    case 'capacity':
      return {
        language,
        report: 'capacity',
        entityRef: entityRefParam(query),
        period: parsePeriod(required(query, 'period', '2026-Q4'), ['quarter']),
        teamSize: numberParam(
          query,
          'teamSize',
          v => Number.isInteger(v) && v >= 1 && v <= 1000,
          'a whole number of people from 1 to 1000',
        ),
        referenceTeamSize: numberParam(
          query,
          'referenceTeamSize',
          v => Number.isInteger(v) && v >= 1 && v <= 1000,
          'a whole number of people from 1 to 1000',
        ),
        holidays: numberParam(
          query,
          'holidays',
          v => Number.isInteger(v) && v >= 0 && v <= 66,
          'a whole number of working days from 0 to 66',
        ),
        focusFactor: numberParam(
          query,
          'focusFactor',
          v => v > 0 && v <= 2,
          'a number above 0 and at most 2, e.g. 0.8',
        ),
      };
    case 'retrospective':
      return {
        language,
        report: 'retrospective',
        entityRef: entityRefParam(query),
        sprint: name('sprint', 'Sprint 42'),
      };
    case 'process':
      return { language, report: 'process', name: name('name', 'release') };
    default:
      throw new InputError(`Invalid path parameter report: "${report}"`);
  }
}

/**
 * The Content-Disposition of a report: an ASCII `filename` for old clients and the exact UTF-8
 * name in `filename*` (RFC 6266), so a sprint called «Спринт 7» keeps its name.
 */
export function contentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\]/g, '')
    .replace(/\s+/g, '-');
  const fallback = ascii.replace(/^-+/, '') || 'report.md';
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(
    fileName,
  )}`;
}
