import {
  WorkingCalendar,
  applyCalendarSettings,
  calendarBuckets,
  defaultCalendar,
  deploymentDays,
  localDays,
  wholeWeeksIn,
  workingDaysIn,
} from './calendar';

/** Russian public holidays of 2026 that fall on weekdays, with the transferred days off. */
const russia2026: WorkingCalendar = {
  timeZone: 'Europe/Moscow',
  workingDays: [1, 2, 3, 4, 5],
  holidays: [
    '2026-01-01',
    '2026-01-02',
    '2026-01-05',
    '2026-01-06',
    '2026-01-07',
    '2026-01-08',
    '2026-01-09',
    '2026-02-23',
    '2026-03-09',
    '2026-05-01',
    '2026-05-11',
    '2026-06-12',
    '2026-11-04',
    '2026-12-31',
  ],
};

const window = (from: string, to: string) => ({
  from: new Date(from),
  to: new Date(to),
});

describe('workingDaysIn', () => {
  it('counts the weekdays of March 2026 with the default calendar', () => {
    expect(
      workingDaysIn(window('2026-03-01', '2026-04-01'), defaultCalendar),
    ).toBe(22);
  });

  it('leaves out holidays: March 2026 in Moscow has 21 working days', () => {
    expect(
      workingDaysIn(
        window('2026-03-01T00:00:00+03:00', '2026-04-01T00:00:00+03:00'),
        russia2026,
      ),
    ).toBe(21);
  });

  it('counts the share of a local day a window cut mid-day holds', () => {
    // 2026-03-01T00:00Z is Sunday 03:00 in Moscow (not working); the window ends on Wednesday
    // 1 April at 03:00 Moscow time, 3 of that working day's 24 hours.
    expect(
      workingDaysIn(window('2026-03-01', '2026-04-01'), russia2026),
    ).toBeCloseTo(21.125, 12);
    expect(
      workingDaysIn(
        window('2026-03-02T12:00:00Z', '2026-03-03T12:00:00Z'),
        defaultCalendar,
      ),
    ).toBe(1);
  });

  it('is 0 for a weekend and for a holiday', () => {
    expect(
      workingDaysIn(window('2026-03-07', '2026-03-09'), defaultCalendar),
    ).toBe(0);
    expect(
      workingDaysIn(
        window('2026-03-09T00:00:00+03:00', '2026-03-10T00:00:00+03:00'),
        russia2026,
      ),
    ).toBe(0);
  });

  it('counts a 23-hour day across a daylight-saving change as one day', () => {
    const berlin = { ...defaultCalendar, timeZone: 'Europe/Berlin' };
    // Sunday 29 March 2026 has 23 hours in Berlin; Monday 30 March is a whole working day.
    const days = localDays(
      window('2026-03-29T00:00:00+01:00', '2026-03-31T00:00:00+02:00'),
      berlin,
    );
    expect(
      days.map(day => [day.date, (day.to - day.from) / 3_600_000]),
    ).toEqual([
      ['2026-03-29', 23],
      ['2026-03-30', 24],
    ]);
    expect(
      workingDaysIn(
        window('2026-03-29T00:00:00+01:00', '2026-03-31T00:00:00+02:00'),
        berlin,
      ),
    ).toBe(1);
  });
});

describe('calendarBuckets and wholeWeeksIn', () => {
  it('starts weeks on Monday at local midnight', () => {
    const weeks = calendarBuckets(
      window('2026-03-04', '2026-03-10'),
      'week',
      'Europe/Moscow',
    );
    expect(weeks.map(w => w.from.toISOString())).toEqual([
      '2026-03-01T21:00:00.000Z',
      '2026-03-08T21:00:00.000Z',
    ]);
  });

  it('starts days at local midnight', () => {
    const days = calendarBuckets(
      window('2026-03-02T00:00:00Z', '2026-03-03T00:00:00Z'),
      'day',
      'Europe/Moscow',
    );
    expect(days.map(d => d.from.toISOString())).toEqual([
      '2026-03-01T21:00:00.000Z',
      '2026-03-02T21:00:00.000Z',
    ]);
  });

  it('keeps only the weeks lying wholly inside the window', () => {
    const weeks = wholeWeeksIn(
      window('2026-03-01T00:00:00+03:00', '2026-04-01T00:00:00+03:00'),
      'Europe/Moscow',
    );
    expect(weeks.map(w => w.from.toISOString())).toEqual([
      '2026-03-01T21:00:00.000Z',
      '2026-03-08T21:00:00.000Z',
      '2026-03-15T21:00:00.000Z',
      '2026-03-22T21:00:00.000Z',
    ]);
    expect(wholeWeeksIn(window('2026-03-03', '2026-03-09'), 'UTC')).toEqual([]);
  });
});

describe('deploymentDays', () => {
  const march = window(
    '2026-03-02T00:00:00+03:00',
    '2026-03-16T00:00:00+03:00',
  );

  it('counts local days, weekends included, per whole week', () => {
    const result = deploymentDays(
      [
        // Monday 2 March, twice: one day
        Date.parse('2026-03-02T09:00:00+03:00'),
        Date.parse('2026-03-02T18:00:00+03:00'),
        // Sunday 8 March 23:30 Moscow time is still Sunday there (20:30 UTC)
        Date.parse('2026-03-08T20:30:00Z'),
        // Monday 9 March 00:30 Moscow time, Sunday in UTC
        Date.parse('2026-03-08T21:30:00Z'),
        // outside the window
        Date.parse('2026-03-16T00:00:00+03:00'),
      ],
      march,
      russia2026,
    );
    expect(result).toEqual({ days: 3, perWholeWeek: [2, 1] });
  });

  it('has no weeks when the window holds no whole week', () => {
    expect(
      deploymentDays(
        [Date.parse('2026-03-04T10:00:00Z')],
        window('2026-03-03', '2026-03-09'),
        defaultCalendar,
      ),
    ).toEqual({ days: 1, perWholeWeek: [] });
  });
});

describe('applyCalendarSettings', () => {
  it('replaces only the settings given', () => {
    const { calendar, errors } = applyCalendarSettings(defaultCalendar, {
      timeZone: 'Europe/Moscow',
      workingDays: ['Sun', 'mon', 'tue', 'wed', 'thu'],
    });
    expect(errors).toEqual([]);
    expect(calendar).toEqual({
      timeZone: 'Europe/Moscow',
      workingDays: [1, 2, 3, 4, 7],
      holidays: [],
    });
  });

  it('reports bad settings and keeps the base value', () => {
    const { calendar, errors } = applyCalendarSettings(russia2026, {
      timeZone: 'Mars/Olympus',
      workingDays: ['mon', 'funday'],
      holidays: ['2026-02-30', '2026-03-08'],
    });
    expect(calendar).toEqual(russia2026);
    expect(errors).toEqual([
      'Time zone "Mars/Olympus" is not an IANA time zone such as Europe/Moscow',
      'Working days "mon,funday" must be weekday names such as mon,tue,wed,thu,fri',
      'Holidays must be dates such as 2026-01-01, got "2026-02-30"',
    ]);
  });
});
