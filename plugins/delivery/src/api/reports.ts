/** The reports the backend renders (`GET /api/delivery/reports/:report`, docs/reports.md). @public */
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

/** @public */
export type ReportName = (typeof reportNames)[number];

/** @public */
export type ReportLanguage = 'ru' | 'en';

/** What a report is asked for with; each report reads the parameters it needs. @public */
export type ReportQuery = {
  report: ReportName;
  lang: ReportLanguage;
  entityRef?: string;
  /** A month (2026-10) or a quarter (2026-Q4). */
  period?: string;
  incidentId?: string;
  source?: string;
  sprint?: string;
  /** The process name, for `process`. */
  name?: string;
  teamSize?: number;
  referenceTeamSize?: number;
  holidays?: number;
  focusFactor?: number;
};

/** A rendered report: the file name the backend gave it and its Markdown. @public */
export type ReportFile = { fileName: string; markdown: string };

/**
 * The file name of a Content-Disposition header: the UTF-8 `filename*` when present (a sprint
 * may be called «Спринт 7»), else `filename`.
 *
 * @public
 */
export function fileNameFromDisposition(
  header: string | null,
  fallback: string,
): string {
  if (!header) {
    return fallback;
  }
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // A malformed escape falls through to the plain name.
    }
  }
  const plain = /filename="([^"]*)"/i.exec(header);
  return plain?.[1] || fallback;
}

/**
 * Hands a text file to the browser's download, the way a link with `download` would.
 *
 * @public
 */
export function saveTextFile(fileName: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  try {
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = fileName;
    anchor.style.display = 'none';
    document.body.appendChild(anchor);
    anchor.click();
    anchor.remove();
  } finally {
    URL.revokeObjectURL(url);
  }
}
