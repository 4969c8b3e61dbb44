/** The languages reports are written in; Russian is the default. */
export const reportLanguages = ['ru', 'en'] as const;

export type ReportLanguage = (typeof reportLanguages)[number];

export const defaultReportLanguage: ReportLanguage = 'ru';
