/**
 * A provider's cursor stored as JSON in the sync state. Reading is defensive: a cursor that is
 * missing, not JSON or not of the expected shape reads as undefined, and the sync then starts over
 * with its backfill instead of failing on every run.
 *
 * @public
 */
export type JsonCursor<T> = {
  parse(value: string | undefined): T | undefined;
  serialize(cursor: T): string;
};

/**
 * A {@link JsonCursor} from a validator of the parsed JSON (undefined: unusable) and, optionally,
 * what to write (by default the cursor itself).
 *
 * @public
 */
export function jsonCursor<T>(
  read: (parsed: unknown) => T | undefined,
  write: (cursor: T) => unknown = cursor => cursor,
): JsonCursor<T> {
  return {
    parse(value) {
      if (!value) {
        return undefined;
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(value);
      } catch {
        return undefined;
      }
      return read(parsed);
    },
    serialize(cursor) {
      return JSON.stringify(write(cursor));
    },
  };
}

/**
 * Where an entity's incident sync goes on: incidents created at or after `since` are read again,
 * and those still `open` at the last sync are re-read one by one until they are resolved.
 *
 * @public
 */
export type IncidentCursor = { since: string; open: string[] };

/** The JSON form of an {@link IncidentCursor}; `since` normalised to ISO 8601, `open` sorted. @public */
export const incidentCursor: JsonCursor<IncidentCursor> = jsonCursor(
  parsed => {
    const { since, open } = (parsed ?? {}) as Partial<IncidentCursor>;
    if (typeof since !== 'string' || Number.isNaN(Date.parse(since))) {
      return undefined;
    }
    return {
      since: new Date(Date.parse(since)).toISOString(),
      open: Array.isArray(open)
        ? open.filter((id): id is string => typeof id === 'string')
        : [],
    };
  },
  cursor => ({ since: cursor.since, open: [...cursor.open].sort() }),
);
