import { InputError } from '@backstage/errors';
import {
  DAY_MS,
  buckets,
  dayStart,
  previousWindow,
  resolveWindow,
  weekStart,
  windowDays,
} from './window';

const at = (iso: string) => new Date(iso);
const now = at('2026-11-15T12:34:56.789Z');

function errorOf(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('DAY_MS', () => {
  it('is the number of milliseconds in a day', () => {
    expect(DAY_MS).toBe(24 * 60 * 60 * 1000);
  });
});

describe('windowDays', () => {
  it('counts whole days', () => {
    expect(
      windowDays({
        from: at('2026-10-02T00:00:00Z'),
        to: at('2026-11-01T00:00:00Z'),
      }),
    ).toBe(30);
  });

  it('counts fractions of a day', () => {
    expect(
      windowDays({
        from: at('2026-11-01T00:00:00Z'),
        to: at('2026-11-01T12:00:00Z'),
      }),
    ).toBe(0.5);
  });
});

describe('previousWindow', () => {
  it('has the same length and ends where the window starts', () => {
    const window = {
      from: at('2026-10-02T00:00:00Z'),
      to: at('2026-11-01T00:00:00Z'),
    };
    expect(previousWindow(window)).toEqual({
      from: at('2026-09-02T00:00:00Z'),
      to: at('2026-10-02T00:00:00Z'),
    });
    expect(windowDays(previousWindow(window))).toBe(windowDays(window));
  });

  it('keeps lengths that are not whole days to the millisecond', () => {
    const window = {
      from: at('2026-11-01T10:00:00.250Z'),
      to: at('2026-11-03T13:30:00.500Z'),
    };
    expect(previousWindow(window)).toEqual({
      from: at('2026-10-30T06:30:00.000Z'),
      to: at('2026-11-01T10:00:00.250Z'),
    });
  });

  it('does not share the Date instances of the window it was given', () => {
    const window = {
      from: at('2026-10-02T00:00:00Z'),
      to: at('2026-11-01T00:00:00Z'),
    };
    const previous = previousWindow(window);
    expect(previous.to).toEqual(window.from);
    expect(previous.to).not.toBe(window.from);
  });
});

describe('resolveWindow', () => {
  it('defaults to the 30 days ending now', () => {
    expect(resolveWindow({}, now)).toEqual({
      from: at('2026-10-16T12:34:56.789Z'),
      to: now,
    });
  });

  it('ends now when only from is given', () => {
    expect(resolveWindow({ from: '2026-11-01' }, now)).toEqual({
      from: at('2026-11-01T00:00:00Z'),
      to: now,
    });
  });

  it('starts 30 days before to when only to is given', () => {
    expect(resolveWindow({ to: '2026-11-01' }, now)).toEqual({
      from: at('2026-10-02T00:00:00Z'),
      to: at('2026-11-01T00:00:00Z'),
    });
  });

  it('uses both bounds when both are given', () => {
    expect(
      resolveWindow({ from: '2026-01-01', to: '2026-04-01T00:00:00Z' }, now),
    ).toEqual({
      from: at('2026-01-01T00:00:00Z'),
      to: at('2026-04-01T00:00:00Z'),
    });
  });

  it.each([
    ['2026-11-01', '2026-11-01T00:00:00.000Z'],
    ['2026-11-01T03:00:00+03:00', '2026-11-01T00:00:00.000Z'],
    ['2026-10-31T19:00:00-05:00', '2026-11-01T00:00:00.000Z'],
    ['2026-11-01T05:30:00+0530', '2026-11-01T00:00:00.000Z'],
    ['2026-11-01T02:00:00+02', '2026-11-01T00:00:00.000Z'],
    ['2026-11-01T00:00:00Z', '2026-11-01T00:00:00.000Z'],
    ['2026-11-01T00:00:00-00:00', '2026-11-01T00:00:00.000Z'],
    ['2026-11-01T10:15Z', '2026-11-01T10:15:00.000Z'],
    ['2026-11-01T10:15:30', '2026-11-01T10:15:30.000Z'],
    ['2026-11-01T10:15:30.5Z', '2026-11-01T10:15:30.500Z'],
    ['2026-11-01T10:15:30.570Z', '2026-11-01T10:15:30.570Z'],
    ['2026-11-01T10:15:30,25Z', '2026-11-01T10:15:30.250Z'],
    ['2026-11-01T10:15:30.123456Z', '2026-11-01T10:15:30.123Z'],
    ['2026-11-01T01:00:00+01:00', '2026-11-01T00:00:00.000Z'],
    ['2024-02-29', '2024-02-29T00:00:00.000Z'],
    ['2026-01-01T01:00:00+02:00', '2025-12-31T23:00:00.000Z'],
  ])('parses %s as %s', (text, expected) => {
    expect(resolveWindow({ to: text }, now).to.toISOString()).toBe(expected);
  });

  it.each([
    'yesterday',
    '',
    ' 2026-11-01',
    '2026-11-01 ',
    '2026-13-01',
    '2026-00-10',
    '2026-02-29',
    '2026-04-31',
    '2026-11-00',
    '2026-11-1',
    '26-11-01',
    '20261101',
    '2026-11',
    '2026-11-01T',
    '2026-11-01T24:00:00Z',
    '2026-11-01T10:60:00Z',
    '2026-11-01T10:00:60Z',
    '2026-11-01T10Z',
    '2026-11-01 10:00:00Z',
    '2026-11-01T10:00:00+24:00',
    '2026-11-01T10:00:00+03:60',
    '2026-11-01T10:00:00 03:00',
    '2026-11-01Z',
    'Sun, 01 Nov 2026 00:00:00 GMT',
    '1762000000000',
  ])('rejects "%s" naming the field', text => {
    const fromError = errorOf(() => resolveWindow({ from: text }, now));
    expect(fromError).toBeInstanceOf(InputError);
    expect(fromError.message).toContain('"from"');
    expect(fromError.message).toContain(`"${text}"`);

    const toError = errorOf(() => resolveWindow({ to: text }, now));
    expect(toError).toBeInstanceOf(InputError);
    expect(toError.message).toContain('"to"');
  });

  it('names the bad field when only one of two bounds is bad', () => {
    expect(
      errorOf(() => resolveWindow({ from: '2026-10-01', to: 'soon' }, now))
        .message,
    ).toMatch(/^Invalid "to"/);
    expect(
      errorOf(() => resolveWindow({ from: 'then', to: '2026-10-01' }, now))
        .message,
    ).toMatch(/^Invalid "from"/);
  });

  it('rejects from equal to to', () => {
    const error = errorOf(() =>
      resolveWindow(
        { from: '2026-11-01', to: '2026-11-01T03:00:00+03:00' },
        now,
      ),
    );
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toContain('"from"');
    expect(error.message).toContain('"to"');
  });

  it('rejects from after to', () => {
    const error = errorOf(() =>
      resolveWindow({ from: '2026-11-02', to: '2026-11-01' }, now),
    );
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toContain('"from" (2026-11-02T00:00:00.000Z)');
  });

  it('rejects a from in the future when to defaults to now', () => {
    expect(() => resolveWindow({ from: '2026-12-01' }, now)).toThrow(
      InputError,
    );
  });

  it('accepts a window of exactly 731 days and rejects a longer one', () => {
    expect(
      windowDays(resolveWindow({ from: '2024-11-01', to: '2026-11-02' }, now)),
    ).toBe(731);
    const error = errorOf(() =>
      resolveWindow(
        { from: '2024-11-01', to: '2026-11-02T00:00:00.001Z' },
        now,
      ),
    );
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toContain('731 days');
  });

  it('rejects a from too far back when to defaults to now', () => {
    expect(() => resolveWindow({ from: '2020-01-01' }, now)).toThrow(
      InputError,
    );
  });
});

describe('dayStart', () => {
  it('returns 00:00 UTC of the UTC day', () => {
    expect(dayStart(at('2026-11-01T23:59:59.999Z'))).toEqual(
      at('2026-11-01T00:00:00Z'),
    );
    expect(dayStart(at('2026-11-01T00:00:00Z'))).toEqual(
      at('2026-11-01T00:00:00Z'),
    );
  });

  it('uses the UTC day, not the day at the original offset', () => {
    expect(dayStart(at('2026-11-01T01:00:00+03:00'))).toEqual(
      at('2026-10-31T00:00:00Z'),
    );
  });

  it('works before 1970', () => {
    expect(dayStart(at('1969-12-31T18:00:00Z'))).toEqual(
      at('1969-12-31T00:00:00Z'),
    );
  });
});

describe('weekStart', () => {
  it.each([
    ['2026-11-02T00:00:00Z', '2026-11-02T00:00:00Z'], // Monday
    ['2026-11-04T15:00:00Z', '2026-11-02T00:00:00Z'], // Wednesday
    ['2026-11-08T23:59:59.999Z', '2026-11-02T00:00:00Z'], // Sunday
    ['2026-11-09T00:00:00Z', '2026-11-09T00:00:00Z'], // next Monday
    ['2027-01-01T12:00:00Z', '2026-12-28T00:00:00Z'], // across a year boundary
    ['2026-11-02T01:00:00+03:00', '2026-10-26T00:00:00Z'], // still Sunday in UTC
  ])('puts %s in the week starting %s', (date, expected) => {
    expect(weekStart(at(date))).toEqual(at(expected));
  });
});

describe('buckets', () => {
  it('covers a day-aligned window with whole days', () => {
    expect(
      buckets(
        { from: at('2026-11-01T00:00:00Z'), to: at('2026-11-04T00:00:00Z') },
        'day',
      ),
    ).toEqual([
      { from: at('2026-11-01T00:00:00Z'), to: at('2026-11-02T00:00:00Z') },
      { from: at('2026-11-02T00:00:00Z'), to: at('2026-11-03T00:00:00Z') },
      { from: at('2026-11-03T00:00:00Z'), to: at('2026-11-04T00:00:00Z') },
    ]);
  });

  it('aligns day buckets to UTC midnight and extends past an unaligned end', () => {
    expect(
      buckets(
        { from: at('2026-11-01T15:00:00Z'), to: at('2026-11-02T01:00:00Z') },
        'day',
      ),
    ).toEqual([
      { from: at('2026-11-01T00:00:00Z'), to: at('2026-11-02T00:00:00Z') },
      { from: at('2026-11-02T00:00:00Z'), to: at('2026-11-03T00:00:00Z') },
    ]);
  });

  it('starts week buckets on Monday UTC', () => {
    // 2026-11-04 is a Wednesday, 2026-11-20 a Friday
    const weeks = buckets(
      { from: at('2026-11-04T10:00:00Z'), to: at('2026-11-20T00:00:00Z') },
      'week',
    );
    expect(weeks).toEqual([
      { from: at('2026-11-02T00:00:00Z'), to: at('2026-11-09T00:00:00Z') },
      { from: at('2026-11-09T00:00:00Z'), to: at('2026-11-16T00:00:00Z') },
      { from: at('2026-11-16T00:00:00Z'), to: at('2026-11-23T00:00:00Z') },
    ]);
    for (const week of weeks) {
      expect(week.from.getUTCDay()).toBe(1);
    }
  });

  it('does not add a bucket that starts exactly at the end of the window', () => {
    expect(
      buckets(
        { from: at('2026-11-02T00:00:00Z'), to: at('2026-11-16T00:00:00Z') },
        'week',
      ),
    ).toHaveLength(2);
  });

  it('covers a default 30-day window with 31 day buckets when it starts mid-day', () => {
    const window = resolveWindow({}, now);
    const days = buckets(window, 'day');
    expect(days).toHaveLength(31);
    expect(days[0].from.getTime()).toBeLessThanOrEqual(window.from.getTime());
    expect(days[days.length - 1].to.getTime()).toBeGreaterThanOrEqual(
      window.to.getTime(),
    );
  });

  it('returns no buckets for an empty window', () => {
    const instant = at('2026-11-01T12:00:00Z');
    expect(buckets({ from: instant, to: instant }, 'day')).toEqual([]);
  });
});
