import { DAY_MS } from '../../metrics/window';

/**
 * When the error budget runs out if the current burn rate holds. Burning at rate b spends a
 * `windowDays` budget in windowDays / b days, so the remaining share lasts
 * remaining × windowDays / b days from `now`.
 *
 * - null when `remaining` is null (no events in the window);
 * - `now` when the budget is already spent (remaining ≤ 0), whatever the burn rate;
 * - null when the burn rate is null or ≤ 0 (nothing is being spent), or the date would be beyond
 *   what a Date can hold.
 */
export function exhaustionAt({
  remaining,
  burnRate6h,
  windowDays,
  now,
}: {
  remaining: number | null;
  burnRate6h: number | null;
  windowDays: number;
  now: Date;
}): Date | null {
  if (!(windowDays > 0)) {
    throw new RangeError(`windowDays must be positive, got ${windowDays}`);
  }
  if (remaining === null) {
    return null;
  }
  if (remaining <= 0) {
    return new Date(now.getTime());
  }
  if (burnRate6h === null || !(burnRate6h > 0)) {
    return null;
  }
  const days = (remaining * windowDays) / burnRate6h;
  const at = new Date(now.getTime() + Math.round(days * DAY_MS));
  return Number.isNaN(at.getTime()) ? null : at;
}
