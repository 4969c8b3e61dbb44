import { ReportLocale } from '../i18n';
import { cell, document, heading, table } from '../markdown';
import { ReportPeriod, workingDays } from '../period';
import { ReportSubject, header } from './shared';

export type CapacityParameters = {
  /** People in the team during the forecast quarter. */
  teamSize: number;
  /** People in the team during the past quarters the rate is measured over. */
  referenceTeamSize: number;
  /** Working days off in the forecast quarter: public holidays, planned leave. */
  holidays: number;
  /** Share of the past quarters' focus on planned work: 1 = the same, 0.8 = a fifth less. */
  focusFactor: number;
};

export type QuarterHistory = {
  quarter: ReportPeriod;
  /** Work items completed: the scorecard's throughput sample. */
  items: number;
  /** The scorecard's throughput: items per week. */
  itemsPerWeek: number | null;
  points: number;
};

export type CapacityInput = {
  subject: ReportSubject;
  quarter: ReportPeriod;
  parameters: CapacityParameters;
  /** The team first, then its sub-teams, each with the same past quarters. */
  teams: { subject: ReportSubject; history: QuarterHistory[] }[];
  generatedAt: Date;
};

export type CapacityForecast = {
  workingDays: number;
  availableDays: number;
  /** null without any past quarter with completed work. */
  points: { expected: number; low: number; high: number } | null;
  items: { expected: number; low: number; high: number } | null;
};

/**
 * The forecast: the past quarters' output per working day and person (quarters without any
 * completed item are left out: they predate the data), times the forecast quarter's team size,
 * available working days and focus factor. Low and high use the weakest and strongest quarter.
 */
export function forecastCapacity(
  quarter: ReportPeriod,
  history: QuarterHistory[],
  parameters: CapacityParameters,
): CapacityForecast {
  const days = workingDays(quarter.window);
  const availableDays = Math.max(0, days - parameters.holidays);
  const measured = history.filter(h => h.items > 0);
  const scale = parameters.teamSize * availableDays * parameters.focusFactor;
  const rate = (amount: (h: QuarterHistory) => number) => {
    if (measured.length === 0) {
      return null;
    }
    const perPersonDay = (h: QuarterHistory) =>
      amount(h) /
      (parameters.referenceTeamSize * workingDays(h.quarter.window));
    const total = measured.reduce((sum, h) => sum + amount(h), 0);
    const totalPersonDays = measured.reduce(
      (sum, h) =>
        sum + parameters.referenceTeamSize * workingDays(h.quarter.window),
      0,
    );
    const rates = measured.map(perPersonDay);
    return {
      expected: (total / totalPersonDays) * scale,
      low: Math.min(...rates) * scale,
      high: Math.max(...rates) * scale,
    };
  };
  return {
    workingDays: days,
    availableDays,
    points: rate(h => h.points),
    items: rate(h => h.items),
  };
}

/** `capacity-{quarter}.md`: throughput and points per team over past quarters, and a forecast. */
export function renderCapacity(
  input: CapacityInput,
  locale: ReportLocale,
): string {
  const { m, fmt } = locale;
  const c = m.capacity;
  const { parameters } = input;
  const quarterName = (q: ReportPeriod) => m.common.quarter(q.number, q.year);
  const own = input.teams[0];
  const forecast = forecastCapacity(input.quarter, own.history, parameters);
  const range = (r: { low: number; high: number }) =>
    `${fmt.number(r.low, 0)}–${fmt.number(r.high, 0)}`;
  const pastQuarters = own.history.length;

  return document([
    header(
      c.title(input.subject.title, quarterName(input.quarter)),
      input.subject,
      input.quarter.window,
      locale,
      input.generatedAt,
    ),
    heading(2, c.parameters),
    table(
      [c.parameter, m.common.value],
      [
        [
          cell(c.teamSize),
          cell(fmt.count(parameters.teamSize, m.nouns.person, 0)),
        ],
        [
          cell(c.referenceTeamSize),
          cell(fmt.count(parameters.referenceTeamSize, m.nouns.person, 0)),
        ],
        [cell(c.workingDays), cell(fmt.number(forecast.workingDays, 0))],
        [cell(c.holidays), cell(fmt.number(parameters.holidays, 0))],
        [cell(c.availableDays), cell(fmt.number(forecast.availableDays, 0))],
        [cell(c.focusFactor), cell(fmt.number(parameters.focusFactor, 2))],
      ],
      ['left', 'right'],
    ),
    heading(2, c.history),
    table(
      [
        c.team,
        c.quarter,
        c.itemsCompleted,
        c.perWeek,
        c.points,
        c.pointsPerDay,
      ],
      input.teams.flatMap(team =>
        team.history.map(h => [
          cell(team.subject.title),
          cell(quarterName(h.quarter)),
          cell(fmt.number(h.items, 0)),
          cell(h.itemsPerWeek === null ? null : fmt.number(h.itemsPerWeek, 1)),
          cell(fmt.number(h.points, 1)),
          cell(fmt.number(h.points / workingDays(h.quarter.window), 2)),
        ]),
      ),
      ['left', 'left', 'right', 'right', 'right', 'right'],
    ),
    heading(2, c.forecast),
    forecast.points === null || forecast.items === null
      ? c.noHistory
      : table(
          [c.quarter, c.expectedPoints, c.range, c.expectedItems, c.range],
          [
            [
              cell(quarterName(input.quarter)),
              cell(fmt.number(forecast.points.expected, 0)),
              cell(range(forecast.points)),
              cell(fmt.number(forecast.items.expected, 0)),
              cell(range(forecast.items)),
            ],
          ],
          ['left', 'right', 'right', 'right', 'right'],
        ),
    `_${c.method(pastQuarters)}_`,
  ]);
}
