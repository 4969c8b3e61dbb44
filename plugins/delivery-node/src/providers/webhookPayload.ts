import { InputError } from '@backstage/errors';
import { z } from 'zod';

/** How many problems a 400 spells out. */
const MAX_LISTED_ISSUES = 10;

/**
 * An upstream time as the webhook senders write it (ISO 8601, any offset): refused when it is no
 * time at all, so a record never gets an `Invalid Date`.
 *
 * @public
 */
export const webhookInstant = z
  .string()
  .refine(value => !Number.isNaN(Date.parse(value)), {
    message: 'must be an ISO 8601 time',
  });

/**
 * Parses a verified webhook body with the provider's schema. A body that is not JSON, or whose
 * fields do not have the types the provider documents, is an `InputError` (answered 400, nothing
 * stored) that names each offending field, e.g. `pull_request.merged_at: must be an ISO 8601 time`.
 *
 * @public
 */
export function parseWebhookPayload<T extends z.ZodType>(
  provider: string,
  rawBody: Buffer,
  schema: T,
): z.output<T> {
  let json: unknown;
  try {
    json = JSON.parse(rawBody.toString('utf8'));
  } catch {
    throw new InputError(`The ${provider} webhook body is not JSON`);
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) {
    return parsed.data;
  }
  const issues = parsed.error.issues;
  const listed = issues.slice(0, MAX_LISTED_ISSUES).map(issue => {
    const path = issue.path.map(String).join('.');
    return `${path || 'body'}: ${issue.message}`;
  });
  throw new InputError(
    `Invalid ${provider} webhook payload, nothing was stored: ${listed.join(
      '; ',
    )}${
      issues.length > MAX_LISTED_ISSUES
        ? `; and ${issues.length - MAX_LISTED_ISSUES} more`
        : ''
    }`,
  );
}
