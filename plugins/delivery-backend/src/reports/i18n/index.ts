import { en, ReportMessages } from './en';
import { ReportFormatter } from './format';
import { ReportLanguage } from './languages';
import { ru } from './ru';

export type { ReportMessages } from './en';
export { ReportFormatter } from './format';
export type { PluralForms } from './format';
export {
  defaultReportLanguage,
  reportLanguages,
  type ReportLanguage,
} from './languages';

const catalogues: Record<ReportLanguage, ReportMessages> = { ru, en };

/** What a renderer writes with: the catalogue and the formatter of one language. */
export type ReportLocale = {
  language: ReportLanguage;
  m: ReportMessages;
  fmt: ReportFormatter;
};

export function reportLocale(language: ReportLanguage): ReportLocale {
  const m = catalogues[language];
  return { language, m, fmt: new ReportFormatter(language, m.units) };
}
