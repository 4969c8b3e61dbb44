/**
 * Who is on call for an entity now, as one provider (PagerDuty, Opsgenie, ...) reports it.
 *
 * @public
 */
export type OnCallShift = {
  /** Id of the provider that answered, e.g. `pagerduty`. */
  provider: string;
  /** The provider's schedule or escalation policy the shift belongs to. */
  schedule?: string;
  /** Escalation level, 1 being the first person paged. */
  level?: number;
  person: { name: string; email?: string; url?: string };
  /** ISO 8601 instants of the shift, when the provider gives them. */
  from?: string;
  until?: string;
};

/**
 * The answer of `GET /api/delivery/entities/{kind}/{namespace}/{name}/oncall`: the shifts of every
 * provider that knows the entity, and the providers that failed to answer.
 *
 * @public
 */
export type OnCallResponse = {
  items: OnCallShift[];
  errors: { provider: string; message: string }[];
};

/**
 * How a provider's synchronisation of one entity went, as `GET /api/delivery/sync-status` reports it.
 *
 * @public
 */
export type SyncStatus = {
  provider: string;
  entityRef: string;
  /** ISO 8601 instants. */
  lastAttemptAt?: string;
  lastSuccessAt?: string;
  lastErrorAt?: string;
  lastError?: string;
  /** Upstream records seen since the first sync, and those skipped as malformed. */
  recordsSeen: number;
  recordsSkipped: number;
  /** The last skipped records' ids and reasons (a few, newest first). */
  lastSkipped: { id?: string; reason: string }[];
};
