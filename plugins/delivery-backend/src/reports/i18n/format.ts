import {
  MetricTarget,
  MetricUnit,
  PerformanceLevel,
} from '@delivery-insights/backstage-plugin-delivery-common';
import { ReportLanguage } from './languages';

/** The plural forms of a noun, keyed by Intl.PluralRules categories. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & {
  other: string;
};

const locales: Record<ReportLanguage, string> = {
  ru: 'ru-RU',
  en: 'en-GB',
};

const comparatorSymbols: Record<MetricTarget['comparator'], string> = {
  gte: '≥',
  gt: '>',
  lte: '≤',
  lt: '<',
};

/**
 * Numbers, dates, durations and plurals in the report's language, all through Intl: Russian gets
 * a decimal comma, grouped thousands, genitive month names in dates ("1 октября 2026 г.") and
 * the plural form CLDR chooses (1 деплой, 2 деплоя, 5 деплоев, 1,5 деплоя). Times are UTC.
 */
export class ReportFormatter {
  readonly locale: string;
  private readonly plurals: Intl.PluralRules;

  constructor(
    readonly language: ReportLanguage,
    private readonly units: {
      hours: PluralForms;
      minutes: PluralForms;
      days: PluralForms;
      perDay: string;
      perWorkingDay: string;
      perWeek: string;
      per30Days: string;
      levels: Record<PerformanceLevel, string>;
    },
  ) {
    this.locale = locales[language];
    this.plurals = new Intl.PluralRules(this.locale);
  }

  number(value: number, maximumFractionDigits = 1): string {
    return new Intl.NumberFormat(this.locale, {
      maximumFractionDigits,
    }).format(value);
  }

  /** A ratio (0..1) as a percentage: 0.125 → "12,5 %" / "12.5%". */
  percent(ratio: number): string {
    return new Intl.NumberFormat(this.locale, {
      style: 'percent',
      maximumFractionDigits: 1,
    }).format(ratio);
  }

  /** The form of `forms` that agrees with `count`; fractions take CLDR's `other`. */
  plural(count: number, forms: PluralForms): string {
    return forms[this.plurals.select(count)] ?? forms.other;
  }

  /** "5 деплоев", "1,5 дня", "3 deployments". */
  count(count: number, forms: PluralForms, maximumFractionDigits = 1): string {
    const rounded = Number(count.toFixed(maximumFractionDigits));
    return `${this.number(rounded, maximumFractionDigits)} ${this.plural(
      rounded,
      forms,
    )}`;
  }

  /** Minutes under an hour, hours under two days, days beyond. */
  duration(hours: number): string {
    if (hours < 1) {
      return this.count(Math.round(hours * 60), this.units.minutes, 0);
    }
    if (hours < 48) {
      return this.count(hours, this.units.hours);
    }
    return this.count(hours / 24, this.units.days);
  }

  /** "1 октября 2026 г." / "1 October 2026". */
  date(instant: string | Date): string {
    return new Intl.DateTimeFormat(this.locale, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(instant));
  }

  /** "1 октября 2026 г., 03:00 UTC" / "1 October 2026, 03:00 UTC". */
  dateTime(instant: string | Date): string {
    const time = new Intl.DateTimeFormat(this.locale, {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: 'UTC',
    }).format(new Date(instant));
    return `${this.date(instant)}, ${time} UTC`;
  }

  /** The month in the nominative, as a title names it: "октябрь 2026 г." / "October 2026". */
  month(year: number, month: number): string {
    return new Intl.DateTimeFormat(this.locale, {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(Date.UTC(year, month - 1, 1)));
  }

  /** Monday = 0 … Sunday = 6, as the pipeline report orders them. */
  weekday(mondayBasedIndex: number): string {
    // 2026-10-05 is a Monday.
    const date = new Date(Date.UTC(2026, 9, 5 + mondayBasedIndex));
    const name = new Intl.DateTimeFormat(this.locale, {
      weekday: 'long',
      timeZone: 'UTC',
    }).format(date);
    return name.charAt(0).toLocaleUpperCase(this.locale) + name.slice(1);
  }

  level(level: PerformanceLevel | null): string {
    return level === null ? '—' : this.units.levels[level];
  }

  /** A metric value in its unit: "0,13 в день", "2 ч", "50 %", "84,5 %". */
  metric(value: number | null, unit: MetricUnit): string {
    if (value === null) {
      return '—';
    }
    switch (unit) {
      case 'per_day':
        return `${this.number(value, 2)} ${this.units.perDay}`;
      case 'per_working_day':
        return `${this.number(value, 2)} ${this.units.perWorkingDay}`;
      case 'per_week':
        return `${this.number(value, 1)} ${this.units.perWeek}`;
      case 'per_30_days':
        return `${this.number(value, 1)} ${this.units.per30Days}`;
      case 'hours':
        return this.duration(value);
      case 'ratio':
        return this.percent(value);
      case 'percent':
        return this.percent(value / 100);
      case 'count':
      default:
        return this.number(value, 0);
    }
  }

  target(target: MetricTarget | null, unit: MetricUnit): string {
    if (target === null) {
      return '—';
    }
    return `${comparatorSymbols[target.comparator]} ${this.metric(
      target.threshold,
      unit,
    )}`;
  }
}
