import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { z } from 'zod';

/** The most events one ingestion call may carry. */
export const MAX_EVENTS_PER_BATCH = 5000;

/** No delivery record predates this; an earlier time is a unit or parsing mistake upstream. */
const EARLIEST_INSTANT = Date.UTC(2000, 0, 1);
/** Clocks drift, but a record more than a day ahead of ours was not observed yet. */
const MAX_FUTURE_MS = 24 * 60 * 60 * 1000;

const instant = z.iso
  .datetime({ offset: true })
  .transform(value => Date.parse(value))
  .refine(value => value >= EARLIEST_INSTANT, {
    message: 'must not be before 2000-01-01T00:00:00Z',
  })
  .refine(value => value <= Date.now() + MAX_FUTURE_MS, {
    message: 'must not be more than a day in the future',
  });

/**
 * PostgreSQL text holds neither U+0000 nor lone surrogates (stored as U+FFFD, two distinct ids
 * could collide in one upsert): such strings are refused with the request, not failed in the insert.
 */
const storable = (value: string) =>
  value.isWellFormed() && !value.includes('\u0000');
const STORABLE_MESSAGE =
  'must be well-formed Unicode without NUL (\\u0000) characters';
const text = () => z.string().refine(storable, STORABLE_MESSAGE);

const key = text().trim().min(1).max(255);

/** The width of the entity_ref columns. */
const MAX_ENTITY_REF_LENGTH = 255;

const entityRef = text().transform((value, ctx) => {
  try {
    const normalized = stringifyEntityRef(
      parseEntityRef(value, { defaultNamespace: 'default' }),
    );
    if (normalized.length > MAX_ENTITY_REF_LENGTH) {
      ctx.addIssue({
        code: 'custom',
        message: `must be at most ${MAX_ENTITY_REF_LENGTH} characters long`,
      });
      return z.NEVER;
    }
    return normalized;
  } catch {
    ctx.addIssue({
      code: 'custom',
      message:
        'must be an entity reference such as component:default/my-service',
    });
    return z.NEVER;
  }
});

const url = z
  .url({ protocol: /^https?$/ })
  .max(2048)
  .refine(storable, STORABLE_MESSAGE);

const common = {
  source: key,
  id: key,
  entityRef,
  /**
   * When the source last changed the record; without it, the newest of the record's own times
   * stands in. An older state never overwrites a newer one.
   */
  updatedAt: instant.optional(),
};

const notBefore =
  <T>(later: keyof T, earlier: keyof T) =>
  (event: T, ctx: z.RefinementCtx) => {
    const laterValue = event[later] as number | undefined;
    const earlierValue = event[earlier] as number | undefined;
    if (
      laterValue !== undefined &&
      earlierValue !== undefined &&
      laterValue < earlierValue
    ) {
      ctx.addIssue({
        code: 'custom',
        path: [later as string],
        message: `must not be before ${String(earlier)}`,
      });
    }
  };

/** More story points than any one work item is sized with: a unit or field mistake. */
const MAX_POINTS = 1000;
/** Ten years of working hours: beyond it, minutes or seconds were sent as hours. */
const MAX_ACTIVE_HOURS = 20_000;
/** Event counts stay exact as doubles up to 2^53. */
const MAX_SLI_COUNT = Number.MAX_SAFE_INTEGER;

const deployment = z
  .object({
    ...common,
    type: z.literal('deployment'),
    environment: key.default('production'),
    status: z.enum(['success', 'failure', 'rolled_back']),
    startedAt: instant.optional(),
    finishedAt: instant.optional(),
    changeIds: z.array(key).max(1000).default([]),
    url: url.optional(),
    reason: z.enum(['planned', 'hotfix', 'rollback']).optional(),
    fixesIncidentIds: z.array(key).max(100).default([]),
  })
  .superRefine(notBefore('finishedAt', 'startedAt'));

// A merge before the first commit (rebased or amended commits, skewed clocks) is stored and
// flagged (recordRows), not refused: one odd pull request must not stop a provider's sync.
const change = z.object({
  ...common,
  type: z.literal('change'),
  firstCommitAt: instant,
  mergedAt: instant.optional(),
  title: text().max(1000).optional(),
  author: text().max(255).optional(),
  url: url.optional(),
});

const incident = z
  .object({
    ...common,
    type: z.literal('incident'),
    severity: text().max(64).optional(),
    title: text().max(1000).optional(),
    openedAt: instant,
    acknowledgedAt: instant.optional(),
    resolvedAt: instant.optional(),
    causedByDeploymentId: key.optional(),
    url: url.optional(),
  })
  .superRefine(notBefore('acknowledgedAt', 'openedAt'))
  .superRefine(notBefore('resolvedAt', 'openedAt'));

const workItem = z
  .object({
    ...common,
    type: z.literal('workItem'),
    kind: z.enum(['story', 'bug', 'task']),
    sprint: text().max(255).optional(),
    sprintStartedAt: instant.optional(),
    sprintEndsAt: instant.optional(),
    sprintCompletedAt: instant.optional(),
    createdAt: instant,
    startedAt: instant.optional(),
    completedAt: instant.optional(),
    escaped: z.boolean().default(false),
    points: z.number().nonnegative().max(MAX_POINTS).optional(),
    activeHours: z.number().nonnegative().max(MAX_ACTIVE_HOURS).optional(),
  })
  .superRefine(notBefore('startedAt', 'createdAt'))
  .superRefine(notBefore('completedAt', 'startedAt'))
  .superRefine(notBefore('sprintEndsAt', 'sprintStartedAt'))
  .superRefine(notBefore('sprintCompletedAt', 'sprintStartedAt'));

const sliSample = z
  .object({
    ...common,
    type: z.literal('sliSample'),
    slo: key,
    timestamp: instant,
    good: z.number().nonnegative().max(MAX_SLI_COUNT),
    total: z.number().nonnegative().max(MAX_SLI_COUNT),
  })
  .superRefine((event, ctx) => {
    if (event.good > event.total) {
      ctx.addIssue({
        code: 'custom',
        path: ['good'],
        message: 'must not exceed total',
      });
    }
  });

const percent = z.number().min(0).max(100);
const count = z.number().int().nonnegative();

const qualitySnapshot = z.object({
  ...common,
  type: z.literal('qualitySnapshot'),
  at: instant,
  lineCoverage: percent,
  branchCoverage: percent.optional(),
  bugs: count.optional(),
  vulnerabilities: count.optional(),
  codeSmells: count.optional(),
  qualityGate: z.enum(['passed', 'warning', 'failed']).optional(),
});

/** One record as the ingestion API accepts it; times become epoch milliseconds (UTC). */
export const deliveryEventSchema = z.discriminatedUnion('type', [
  deployment,
  change,
  incident,
  workItem,
  sliSample,
  qualitySnapshot,
]);

export type DeliveryEvent = z.output<typeof deliveryEventSchema>;

export type DeliveryEventType = DeliveryEvent['type'];

export const deliveryEventTypes = deliveryEventSchema.options.map(
  option => option.shape.type.value,
);
