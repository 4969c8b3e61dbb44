import { reportLocale } from '.';

/** Intl separates "50 %" and "1 234" with no-break spaces; tests read them as spaces. */
const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('ReportFormatter in Russian', () => {
  const { fmt, m } = reportLocale('ru');

  it.each([
    [1, '1 деплой'],
    [2, '2 деплоя'],
    [4, '4 деплоя'],
    [5, '5 деплоев'],
    [11, '11 деплоев'],
    [21, '21 деплой'],
    [22, '22 деплоя'],
    [25, '25 деплоев'],
    [1.5, '1,5 деплоя'],
  ])('agrees %p with its noun: %p', (count, expected) => {
    expect(fmt.count(count, m.nouns.deployment)).toBe(expected);
  });

  it('writes numbers with a decimal comma and grouped thousands', () => {
    expect(spaces(fmt.number(1234.56, 2))).toBe('1 234,56');
    expect(spaces(fmt.percent(0.125))).toBe('12,5 %');
    expect(spaces(fmt.metric(84.5, 'percent'))).toBe('84,5 %');
    expect(fmt.metric(4 / 30, 'per_day')).toBe('0,13 в день');
  });

  it('writes dates with the month in the genitive and titles in the nominative', () => {
    expect(fmt.date('2026-10-01T00:00:00Z')).toBe('1 октября 2026 г.');
    expect(fmt.dateTime('2026-10-19T21:30:00Z')).toBe(
      '19 октября 2026 г., 21:30 UTC',
    );
    expect(fmt.month(2026, 10)).toBe('октябрь 2026 г.');
    expect(fmt.weekday(0)).toBe('Понедельник');
  });

  it('writes durations in minutes, hours or days with their plural forms', () => {
    expect(fmt.duration(0.5)).toBe('30 минут');
    expect(fmt.duration(1)).toBe('1 час');
    expect(fmt.duration(1.25)).toBe('1,3 часа');
    expect(fmt.duration(3)).toBe('3 часа');
    expect(fmt.duration(36)).toBe('36 часов');
    expect(fmt.duration(48)).toBe('2 дня');
    expect(fmt.duration(120)).toBe('5 дней');
    expect(fmt.duration(21 * 24)).toBe('21 день');
  });

  it('writes targets with their comparator in the metric’s unit', () => {
    expect(fmt.target({ comparator: 'lt', threshold: 24 }, 'hours')).toBe(
      '< 24 часа',
    );
    expect(
      spaces(fmt.target({ comparator: 'lte', threshold: 0.05 }, 'ratio')),
    ).toBe('≤ 5 %');
    expect(fmt.level('elite')).toBe('элитный');
  });
});

describe('ReportFormatter in English', () => {
  const { fmt, m } = reportLocale('en');

  it('uses English plurals, a decimal point and day-month-year dates', () => {
    expect(fmt.count(1, m.nouns.deployment)).toBe('1 deployment');
    expect(fmt.count(5, m.nouns.deployment)).toBe('5 deployments');
    expect(fmt.number(1234.56, 2)).toBe('1,234.56');
    expect(fmt.date('2026-10-01T00:00:00Z')).toBe('1 October 2026');
    expect(fmt.dateTime('2026-10-01T03:00:00Z')).toBe(
      '1 October 2026, 03:00 UTC',
    );
    expect(fmt.month(2026, 10)).toBe('October 2026');
    expect(fmt.duration(1.25)).toBe('1.3 hours');
  });
});
