/**
 * Where an entity's incident sync goes on: incidents created at or after `since` are read again,
 * and those still `open` at the last sync are re-read one by one until they are resolved.
 */
export type IncidentCursor = { since: string; open: string[] };

/** The stored cursor, or undefined when there is none (first sync: backfill) or it is unreadable. */
export function parseCursor(
  value: string | undefined,
): IncidentCursor | undefined {
  if (!value) {
    return undefined;
  }
  try {
    const parsed = JSON.parse(value) as Partial<IncidentCursor>;
    if (
      typeof parsed.since !== 'string' ||
      Number.isNaN(Date.parse(parsed.since))
    ) {
      return undefined;
    }
    return {
      since: new Date(Date.parse(parsed.since)).toISOString(),
      open: Array.isArray(parsed.open)
        ? parsed.open.filter((id): id is string => typeof id === 'string')
        : [],
    };
  } catch {
    return undefined;
  }
}

export function serializeCursor(cursor: IncidentCursor): string {
  return JSON.stringify({ since: cursor.since, open: [...cursor.open].sort() });
}
