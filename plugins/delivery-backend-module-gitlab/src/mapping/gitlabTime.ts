// Webhook payloads write times as `2021-04-28 21:50:00 +0200` or `2017-09-15 16:52:00 UTC`,
// the REST API as ISO 8601; both become ISO 8601 UTC instants.
const WEBHOOK_TIME =
  /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?) (UTC|[+-]\d{2}:?\d{2})$/;

/** The UTC instant (ISO 8601) of a GitLab time in either of its formats; undefined if it is none. */
export function parseGitLabTime(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length === 0) {
    return undefined;
  }
  const webhook = WEBHOOK_TIME.exec(value);
  let iso = value;
  if (webhook) {
    const [, date, time, zone] = webhook;
    const offset =
      zone === 'UTC' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
    iso = `${date}T${time}${offset}`;
  } else if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) {
    return undefined;
  }
  // A time without a zone would be read in the server's zone: GitLab always sends one.
  if (!/(Z|[+-]\d{2}:?\d{2})$/.test(iso)) {
    return undefined;
  }
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}
