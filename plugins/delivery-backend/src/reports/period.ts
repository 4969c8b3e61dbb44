import { InputError } from '@backstage/errors';
import { TimeWindow } from '../metrics';

/** A calendar period a report covers, in UTC: a month such as `2026-10` or a quarter `2026-Q4`. */
export type ReportPeriod = {
  kind: 'month' | 'quarter';
  /** As the caller wrote it, normalised: `2026-10`, `2026-Q4`. */
  id: string;
  year: number;
  /** 1..12 for a month, 1..4 for a quarter. */
  number: number;
  window: TimeWindow;
};

const monthPattern = /^(\d{4})-(\d{2})$/;
const quarterPattern = /^(\d{4})-[Qq]([1-4])$/;

const utc = (year: number, monthIndex: number) =>
  new Date(Date.UTC(year, monthIndex, 1));

/**
 * Parses a month (`2026-10`) or a quarter (`2026-Q4`) into its UTC window [first day, first day
 * of the next period). `allowed` narrows which kinds the report accepts; anything else is a 400
 * naming the `period` parameter.
 */
export function parsePeriod(
  text: string,
  allowed: ReadonlyArray<'month' | 'quarter'> = ['month', 'quarter'],
): ReportPeriod {
  const expected = allowed
    .map(kind =>
      kind === 'month'
        ? 'a month such as 2026-10'
        : 'a quarter such as 2026-Q4',
    )
    .join(' or ');
  const invalid = () =>
    new InputError(
      `Invalid query parameter period: expected ${expected}, got "${text}"`,
    );

  const month = monthPattern.exec(text);
  if (month && allowed.includes('month')) {
    const year = Number(month[1]);
    const number = Number(month[2]);
    if (number < 1 || number > 12 || year < 1970) {
      throw invalid();
    }
    return {
      kind: 'month',
      id: `${month[1]}-${month[2]}`,
      year,
      number,
      window: { from: utc(year, number - 1), to: utc(year, number) },
    };
  }
  const quarter = quarterPattern.exec(text);
  if (quarter && allowed.includes('quarter')) {
    const year = Number(quarter[1]);
    const number = Number(quarter[2]);
    if (year < 1970) {
      throw invalid();
    }
    return quarterPeriod(year, number);
  }
  throw invalid();
}

export function quarterPeriod(year: number, number: number): ReportPeriod {
  return {
    kind: 'quarter',
    id: `${year}-Q${number}`,
    year,
    number,
    window: {
      from: utc(year, (number - 1) * 3),
      to: utc(year, number * 3),
    },
  };
}

/** The `count` quarters before this one, oldest first. */
export function quartersBefore(
  period: ReportPeriod,
  count: number,
): ReportPeriod[] {
  const index = period.year * 4 + (period.number - 1);
  return Array.from({ length: count }, (_, i) => {
    const q = index - count + i;
    return quarterPeriod(Math.floor(q / 4), (q % 4) + 1);
  });
}

/** The period before this one, of the same kind: September for October, Q3 for Q4. */
export function previousPeriod(period: ReportPeriod): ReportPeriod {
  if (period.kind === 'quarter') {
    return quartersBefore(period, 1)[0];
  }
  const index = period.year * 12 + (period.number - 1) - 1;
  const year = Math.floor(index / 12);
  const number = (index % 12) + 1;
  return parsePeriod(`${year}-${String(number).padStart(2, '0')}`);
}

/** Monday to Friday in [from, to), UTC. */
export function workingDays(window: TimeWindow): number {
  let count = 0;
  for (
    let day = window.from.getTime();
    day < window.to.getTime();
    day += 86_400_000
  ) {
    const weekday = new Date(day).getUTCDay();
    if (weekday !== 0 && weekday !== 6) {
      count += 1;
    }
  }
  return count;
}
