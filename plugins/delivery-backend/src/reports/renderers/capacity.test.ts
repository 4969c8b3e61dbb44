import { reportLocale } from '../i18n';
import { parsePeriod } from '../period';
import { QuarterHistory, forecastCapacity, renderCapacity } from './capacity';

const quarter = (
  id: string,
  items: number,
  points: number,
): QuarterHistory => ({
  quarter: parsePeriod(id),
  items,
  itemsPerWeek: items / 13,
  points,
});

describe('forecastCapacity', () => {
  // 2026-Q3 and Q4 have 66 working days each, 2027-Q1 has 64.
  const history = [
    quarter('2026-Q2', 0, 0),
    quarter('2026-Q3', 20, 66),
    quarter('2026-Q4', 30, 132),
  ];

  it('scales the past rate per person-day by team size, available days and focus', () => {
    const forecast = forecastCapacity(parsePeriod('2027-Q1'), history, {
      teamSize: 6,
      referenceTeamSize: 3,
      holidays: 4,
      focusFactor: 0.5,
    });
    expect(forecast.workingDays).toBe(64);
    expect(forecast.availableDays).toBe(60);
    // 198 points over 3 people x 132 days = 0.5 a person-day; x 6 people x 60 days x 0.5.
    expect(forecast.points!.expected).toBeCloseTo(90, 10);
    // Q3: 66 / (3 x 66) = 1/3 a person-day; Q4: 2/3. The quarter without items is left out.
    expect(forecast.points!.low).toBeCloseTo(60, 10);
    expect(forecast.points!.high).toBeCloseTo(120, 10);
    expect(forecast.items!.expected).toBeCloseTo((50 / (3 * 132)) * 180, 10);
  });

  it('has nothing to forecast from without any completed item', () => {
    const forecast = forecastCapacity(parsePeriod('2027-Q1'), [history[0]], {
      teamSize: 3,
      referenceTeamSize: 3,
      holidays: 0,
      focusFactor: 1,
    });
    expect(forecast.points).toBeNull();
    const text = renderCapacity(
      {
        subject: { entityRef: 'group:default/a', title: 'A' },
        quarter: parsePeriod('2027-Q1'),
        parameters: {
          teamSize: 3,
          referenceTeamSize: 3,
          holidays: 0,
          focusFactor: 1,
        },
        teams: [
          {
            subject: { entityRef: 'group:default/a', title: 'A' },
            history: [history[0]],
          },
        ],
        generatedAt: new Date('2026-12-01T00:00:00Z'),
      },
      reportLocale('ru'),
    );
    expect(text).toContain('# План мощности: A, 1-й квартал 2027 г.');
    expect(text).toContain('В прошлых кварталах нет завершённых задач');
    expect(text).toContain('| Размер команды в квартале | 3 человека |');
  });
});
