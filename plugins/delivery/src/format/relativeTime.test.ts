import { formatTimeAgo, relativeTimeUnit } from './relativeTime';

const MINUTE = 60_000;

describe('relativeTimeUnit', () => {
  it('says minutes below an hour, at least one', () => {
    expect(relativeTimeUnit(10_000)).toEqual({ value: 1, unit: 'minute' });
    expect(relativeTimeUnit(59 * MINUTE)).toEqual({
      value: 59,
      unit: 'minute',
    });
  });

  it('says hours from one hour to below two days, days above', () => {
    expect(relativeTimeUnit(60 * MINUTE)).toEqual({ value: 1, unit: 'hour' });
    expect(relativeTimeUnit(47 * 60 * MINUTE)).toEqual({
      value: 47,
      unit: 'hour',
    });
    expect(relativeTimeUnit(48 * 60 * MINUTE)).toEqual({
      value: 2,
      unit: 'day',
    });
  });

  it('keeps the sign for the past', () => {
    expect(relativeTimeUnit(-5 * MINUTE)).toEqual({
      value: -5,
      unit: 'minute',
    });
  });
});

describe('formatTimeAgo', () => {
  const now = new Date('2026-11-25T12:00:00Z');

  it('says how long ago in the language, with its plural forms', () => {
    const threeHoursAgo = new Date('2026-11-25T09:00:00Z');
    expect(formatTimeAgo(threeHoursAgo, now, 'en')).toBe('3 hours ago');
    expect(formatTimeAgo(threeHoursAgo, now, 'ru')).toBe('3 часа назад');
    expect(formatTimeAgo(new Date('2026-11-25T11:55:00Z'), now, 'ru')).toBe(
      '5 минут назад',
    );
  });

  it('reads an instant slightly in the future as a minute ago', () => {
    expect(formatTimeAgo(new Date('2026-11-25T12:00:30Z'), now, 'en')).toBe(
      '1 minute ago',
    );
  });
});
