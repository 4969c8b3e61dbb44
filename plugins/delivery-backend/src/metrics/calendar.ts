import { DateTime, IANAZone } from 'luxon';
import type { TimeWindow } from './window';

/** ISO weekday numbers: 1 is Monday, 7 is Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Which local days are working days, and in which time zone days and weeks start. */
export type WorkingCalendar = {
  /** An IANA time zone name such as `Europe/Moscow`. */
  timeZone: string;
  workingDays: IsoWeekday[];
  /** Non-working dates (`YYYY-MM-DD`, local). */
  holidays: string[];
};

/** What configuration or annotations may set; each given setting replaces the base's. */
export type CalendarSettings = {
  timeZone?: string;
  workingDays?: string[];
  holidays?: string[];
};

export const defaultCalendar: WorkingCalendar = {
  timeZone: 'UTC',
  workingDays: [1, 2, 3, 4, 5],
  holidays: [],
};

const weekdayNames: Record<string, IsoWeekday> = {
  mon: 1,
  tue: 2,
  wed: 3,
  thu: 4,
  fri: 5,
  sat: 6,
  sun: 7,
};

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Applies settings on top of `base`. Invalid settings are reported and leave the base's value, so
 * one typo in an annotation does not hide a scorecard.
 */
export function applyCalendarSettings(
  base: WorkingCalendar,
  settings: CalendarSettings,
): { calendar: WorkingCalendar; errors: string[] } {
  const calendar = { ...base };
  const errors: string[] = [];
  if (settings.timeZone !== undefined) {
    const zone = settings.timeZone.trim();
    if (IANAZone.isValidZone(zone)) {
      calendar.timeZone = zone;
    } else {
      errors.push(
        `Time zone "${settings.timeZone}" is not an IANA time zone such as Europe/Moscow`,
      );
    }
  }
  if (settings.workingDays !== undefined) {
    const days = settings.workingDays.map(
      day => weekdayNames[day.trim().toLowerCase().slice(0, 3)],
    );
    if (days.some(day => day === undefined)) {
      errors.push(
        `Working days "${settings.workingDays.join(
          ',',
        )}" must be weekday names such as mon,tue,wed,thu,fri`,
      );
    } else {
      calendar.workingDays = [...new Set(days)].sort((a, b) => a - b);
    }
  }
  if (settings.holidays !== undefined) {
    const dates = settings.holidays.map(date => date.trim());
    const bad = dates.filter(
      date => !datePattern.test(date) || !DateTime.fromISO(date).isValid,
    );
    if (bad.length > 0) {
      errors.push(
        `Holidays must be dates such as 2026-01-01, got "${bad.join(',')}"`,
      );
    } else {
      calendar.holidays = [...new Set(dates)].sort();
    }
  }
  return { calendar, errors };
}

/** One local day of a calendar: its date and the instants it starts and ends at. */
export type LocalDay = {
  date: string;
  from: number;
  to: number;
  working: boolean;
};

/** The local days that overlap the window, in order; the first may start before, the last end after it. */
export function localDays(
  window: TimeWindow,
  calendar: WorkingCalendar,
): LocalDay[] {
  const holidays = new Set(calendar.holidays);
  const end = window.to.getTime();
  const days: LocalDay[] = [];
  let day = DateTime.fromMillis(window.from.getTime(), {
    zone: calendar.timeZone,
  }).startOf('day');
  while (day.toMillis() < end) {
    const next = day.plus({ days: 1 }).startOf('day');
    const date = day.toISODate()!;
    days.push({
      date,
      from: day.toMillis(),
      to: next.toMillis(),
      working:
        calendar.workingDays.includes(day.weekday as IsoWeekday) &&
        !holidays.has(date),
    });
    day = next;
  }
  return days;
}

/**
 * The working days inside the window: each working day counts with the share of its local day
 * that lies in the window, so whole local days count as 1 and a window cut at noon as a half.
 */
export function workingDaysIn(
  window: TimeWindow,
  calendar: WorkingCalendar,
): number {
  const from = window.from.getTime();
  const to = window.to.getTime();
  let total = 0;
  for (const day of localDays(window, calendar)) {
    if (day.working) {
      const overlap = Math.min(day.to, to) - Math.max(day.from, from);
      total += overlap / (day.to - day.from);
    }
  }
  return total;
}

/**
 * Consecutive local days or weeks (Monday 00:00 local time) covering the window: the first starts
 * at or before `from`, the last ends at or after `to`.
 */
export function calendarBuckets(
  window: TimeWindow,
  size: 'day' | 'week',
  timeZone: string,
): TimeWindow[] {
  const end = window.to.getTime();
  const result: TimeWindow[] = [];
  let start = DateTime.fromMillis(window.from.getTime(), {
    zone: timeZone,
  }).startOf(size === 'day' ? 'day' : 'week');
  while (start.toMillis() < end) {
    const next = start.plus(size === 'day' ? { days: 1 } : { weeks: 1 });
    result.push({
      from: new Date(start.toMillis()),
      to: new Date(next.toMillis()),
    });
    start = next;
  }
  return result;
}

/** The calendar weeks lying wholly inside the window. */
export function wholeWeeksIn(
  window: TimeWindow,
  timeZone: string,
): TimeWindow[] {
  return calendarBuckets(window, 'week', timeZone).filter(
    week =>
      week.from.getTime() >= window.from.getTime() &&
      week.to.getTime() <= window.to.getTime(),
  );
}

/** The index of the day holding `instant`, by binary search over ordered days; -1 outside them. */
function dayIndexOf(days: LocalDay[], instant: number): number {
  let low = 0;
  let high = days.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (instant < days[middle].from) {
      high = middle - 1;
    } else if (instant >= days[middle].to) {
      low = middle + 1;
    } else {
      return middle;
    }
  }
  return -1;
}

/**
 * The local dates (in the window) on which at least one of the instants falls, and for each whole
 * calendar week of the window how many of them it holds.
 */
export function deploymentDays(
  finishedAt: number[],
  window: TimeWindow,
  calendar: WorkingCalendar,
): { days: number; perWholeWeek: number[] } {
  const from = window.from.getTime();
  const to = window.to.getTime();
  const days = localDays(window, calendar);
  const used = new Set<number>();
  for (const instant of finishedAt) {
    if (instant >= from && instant < to) {
      used.add(dayIndexOf(days, instant));
    }
  }
  const perWholeWeek = wholeWeeksIn(window, calendar.timeZone).map(week => {
    let count = 0;
    for (const index of used) {
      const day = days[index];
      if (day.from >= week.from.getTime() && day.to <= week.to.getTime()) {
        count += 1;
      }
    }
    return count;
  });
  return { days: used.size, perWholeWeek };
}
