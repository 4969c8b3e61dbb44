import { InputError } from '@backstage/errors';
import { policyExceptionReasonKinds } from '@delivery-insights/backstage-plugin-delivery-common';
import { z } from 'zod';
import { ExceptionRequest, MAX_EXCEPTION_DAYS } from './PolicyService';

const DAY_MS = 86_400_000;

const requestSchema = z
  .object({
    reasonKind: z.enum(policyExceptionReasonKinds, {
      error: `must be one of ${policyExceptionReasonKinds.join(', ')}`,
    }),
    justification: z
      .string({ error: 'must be a string' })
      .trim()
      .min(10, 'must say why, in at least 10 characters')
      .max(2000, 'must be at most 2,000 characters'),
    deploymentId: z
      .string({ error: 'must be a string' })
      .trim()
      .min(1, 'must not be empty')
      .max(255, 'must be at most 255 characters')
      .optional(),
    until: z.iso
      .datetime({
        offset: true,
        error: 'must be an ISO 8601 time, e.g. 2026-12-06T18:00:00Z',
      })
      .optional(),
  })
  .refine(r => r.deploymentId !== undefined || r.until !== undefined, {
    path: ['deploymentId'],
    message:
      'or until is required: the exception covers one deployment or every deployment until a time',
  });

const fieldOf = (path: PropertyKey[]) => path.map(String).join('.') || 'body';

const inputError = (error: z.ZodError) =>
  new InputError(
    `Invalid request body: ${error.issues
      .map(issue => `${fieldOf(issue.path)} ${issue.message}`)
      .join('; ')}`,
  );

/** The body of `POST .../policy/exceptions`; an InputError naming each bad field otherwise. */
export function parseExceptionRequest(
  body: unknown,
  now: Date,
): ExceptionRequest {
  const parsed = requestSchema.safeParse(body ?? {});
  if (!parsed.success) throw inputError(parsed.error);
  const { until, ...rest } = parsed.data;
  if (until === undefined) return rest;
  const end = new Date(until);
  if (end.getTime() <= now.getTime()) {
    throw new InputError('Invalid request body: until must be in the future');
  }
  if (end.getTime() > now.getTime() + MAX_EXCEPTION_DAYS * DAY_MS) {
    throw new InputError(
      `Invalid request body: until must be at most ${MAX_EXCEPTION_DAYS} days ahead`,
    );
  }
  return { ...rest, until: end };
}

const decisionSchema = z.object({
  comment: z
    .string({ error: 'must be a string' })
    .trim()
    .max(2000, 'must be at most 2,000 characters')
    .optional(),
});

/** The body of a grant (comment optional) or a refusal (comment required: the reason). */
export function parseExceptionDecision(
  body: unknown,
  action: 'granted' | 'refused',
): { comment: string | null } {
  const parsed = decisionSchema.safeParse(body ?? {});
  if (!parsed.success) throw inputError(parsed.error);
  const comment = parsed.data.comment || null;
  if (action === 'refused' && comment === null) {
    throw new InputError(
      'Invalid request body: comment is required: say why the exception is refused',
    );
  }
  return { comment };
}
