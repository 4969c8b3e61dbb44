import { InputError } from '@backstage/errors';
import { z } from 'zod';
import {
  DeliveryEvent,
  deliveryEventSchema,
  MAX_EVENTS_PER_BATCH,
} from './eventSchema';

const batchSchema = z.object({
  events: z.array(z.unknown()).min(1).max(MAX_EVENTS_PER_BATCH),
});

/** How many problems the error message spells out before it summarises the rest. */
const MAX_LISTED_PROBLEMS = 50;

const describeIssue = (prefix: string, issue: z.core.$ZodIssue) => {
  const path = issue.path.map(String).join('.');
  return `${path ? `${prefix}.${path}` : prefix}: ${issue.message}`;
};

/**
 * Validates an ingestion request body as a whole: either every event is valid, or an InputError
 * names every offending event index and field, so that nothing of a bad batch is stored. A record
 * twice in one request body is refused too, naming both indexes; provider modules, which page
 * through data that may shift while they read it, may repeat one (the last one is stored).
 */
export function parseEventBatch(
  body: unknown,
  options: { refuseDuplicates: boolean } = { refuseDuplicates: true },
): DeliveryEvent[] {
  const batch = batchSchema.safeParse(body);
  if (!batch.success) {
    throw new InputError(
      `Invalid request body: ${batch.error.issues
        .map(issue => describeIssue('body', issue))
        .join('; ')}`,
    );
  }

  const events: DeliveryEvent[] = [];
  const problems: string[] = [];
  const firstIndexOf = new Map<string, number>();
  batch.data.events.forEach((raw, index) => {
    const parsed = deliveryEventSchema.safeParse(raw);
    if (parsed.success) {
      const { type, source, id } = parsed.data;
      const key = JSON.stringify([type, source, id]);
      const first = firstIndexOf.get(key);
      if (first !== undefined && options.refuseDuplicates) {
        // Which of the two the sender meant to be stored is not ours to guess.
        problems.push(
          `events[${index}].id: duplicates events[${first}] (the same type, source and id)`,
        );
      }
      firstIndexOf.set(key, first ?? index);
      events.push(parsed.data);
      return;
    }
    for (const issue of parsed.error.issues) {
      problems.push(describeIssue(`events[${index}]`, issue));
    }
  });

  if (problems.length > 0) {
    const listed = problems.slice(0, MAX_LISTED_PROBLEMS).join('; ');
    const more =
      problems.length > MAX_LISTED_PROBLEMS
        ? `; and ${problems.length - MAX_LISTED_PROBLEMS} more`
        : '';
    throw new InputError(
      `${problems.length} invalid event field(s), nothing was stored: ${listed}${more}`,
    );
  }
  return events;
}
