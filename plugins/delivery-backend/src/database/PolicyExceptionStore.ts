import {
  PolicyException,
  PolicyExceptionEvent,
  PolicyExceptionReasonKind,
  PolicyExceptionStatus,
} from '@delivery-insights/backstage-plugin-delivery-common';
import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';

const EXCEPTIONS = 'delivery_policy_exceptions';
const EVENTS = 'delivery_policy_exception_events';

type ExceptionRow = {
  id: string;
  entity_ref: string;
  reason_kind: string;
  justification: string;
  deployment_id: string | null;
  until: string | number;
  status: string;
  requested_by: string;
  requested_at: string | number;
  closed_at: string | number | null;
};

type EventRow = {
  seq: string | number;
  exception_id: string;
  action: PolicyExceptionEvent['action'];
  actor: string;
  at: string | number;
  comment: string | null;
};

const iso = (ms: string | number) => new Date(Number(ms)).toISOString();

/** The result of a decision on a pending exception. */
export type DecisionResult =
  | { outcome: 'decided'; exception: PolicyException }
  | { outcome: 'not_found' }
  | { outcome: 'not_pending'; exception: PolicyException };

/**
 * Exceptions to the error-budget policy and their trail. Expiry is recorded lazily: every read
 * first closes the exceptions whose `until` has passed, each once (the update that changes the
 * status is the one that writes the event, so concurrent replicas record it a single time).
 */
export class PolicyExceptionStore {
  constructor(private readonly knex: Knex) {}

  async create(input: {
    entityRef: string;
    reasonKind: PolicyExceptionReasonKind;
    justification: string;
    deploymentId: string | null;
    until: Date;
    requestedBy: string;
    now: Date;
  }): Promise<PolicyException> {
    const id = randomUUID();
    const now = input.now.getTime();
    await this.knex.transaction(async tx => {
      await tx(EXCEPTIONS).insert({
        id,
        entity_ref: input.entityRef,
        reason_kind: input.reasonKind,
        justification: input.justification,
        deployment_id: input.deploymentId,
        until: input.until.getTime(),
        status: 'requested',
        requested_by: input.requestedBy,
        requested_at: now,
        closed_at: null,
      });
      await tx(EVENTS).insert({
        exception_id: id,
        action: 'requested',
        actor: input.requestedBy,
        at: now,
        comment: input.justification,
      });
    });
    return (await this.get(input.entityRef, id))!;
  }

  /** The entity's exceptions, newest request first, with their trails. */
  async list(entityRef: string, now: Date): Promise<PolicyException[]> {
    await this.expire(now);
    const rows: ExceptionRow[] = await this.knex(EXCEPTIONS)
      .where('entity_ref', entityRef)
      .orderBy([
        { column: 'requested_at', order: 'desc' },
        { column: 'id', order: 'asc' },
      ]);
    return this.withEvents(rows);
  }

  async get(
    entityRef: string,
    id: string,
  ): Promise<PolicyException | undefined> {
    const rows: ExceptionRow[] = await this.knex(EXCEPTIONS).where({
      entity_ref: entityRef,
      id,
    });
    const [exception] = await this.withEvents(rows);
    return exception;
  }

  /** Grants or refuses a pending, unexpired request; anything else is left as it is. */
  async decide(input: {
    entityRef: string;
    id: string;
    action: 'granted' | 'refused';
    actor: string;
    comment: string | null;
    now: Date;
  }): Promise<DecisionResult> {
    await this.expire(input.now);
    const now = input.now.getTime();
    const changed = await this.knex.transaction(async tx => {
      const updated = await tx(EXCEPTIONS)
        .where({
          entity_ref: input.entityRef,
          id: input.id,
          status: 'requested',
        })
        .update({
          status: input.action,
          closed_at: input.action === 'refused' ? now : null,
        });
      if (updated === 1) {
        await tx(EVENTS).insert({
          exception_id: input.id,
          action: input.action,
          actor: input.actor,
          at: now,
          comment: input.comment,
        });
      }
      return updated === 1;
    });
    const exception = await this.get(input.entityRef, input.id);
    if (!exception) return { outcome: 'not_found' };
    return changed
      ? { outcome: 'decided', exception }
      : { outcome: 'not_pending', exception };
  }

  /**
   * Marks every requested or granted exception whose `until` has passed as expired, recording
   * the expiry at `until`.
   */
  async expire(now: Date): Promise<number> {
    const due: Array<{ id: string; status: string; until: string | number }> =
      await this.knex(EXCEPTIONS)
        .whereIn('status', ['requested', 'granted'])
        .where('until', '<=', now.getTime())
        .select('id', 'status', 'until');
    let expired = 0;
    for (const row of due) {
      const changed = await this.knex.transaction(async tx => {
        const updated = await tx(EXCEPTIONS)
          .where({ id: row.id, status: row.status })
          .update({ status: 'expired', closed_at: Number(row.until) });
        if (updated !== 1) return false;
        await tx(EVENTS).insert({
          exception_id: row.id,
          action: 'expired',
          actor: 'system',
          at: Number(row.until),
          comment:
            row.status === 'requested'
              ? 'expired before a decision'
              : 'the exception ended',
        });
        return true;
      });
      if (changed) expired += 1;
    }
    return expired;
  }

  /**
   * Deletes the exceptions that closed (refused or expired) before `cutoff`, with their trails;
   * open ones are kept whatever their age.
   */
  async deleteClosedBefore(cutoff: number): Promise<number> {
    return this.knex.transaction(async tx => {
      const closed = tx(EXCEPTIONS)
        .whereNotNull('closed_at')
        .where('closed_at', '<', cutoff)
        .select('id');
      await tx(EVENTS).whereIn('exception_id', closed).delete();
      return Number(
        await tx(EXCEPTIONS)
          .whereNotNull('closed_at')
          .where('closed_at', '<', cutoff)
          .delete(),
      );
    });
  }

  private async withEvents(rows: ExceptionRow[]): Promise<PolicyException[]> {
    if (rows.length === 0) return [];
    const events: EventRow[] = await this.knex(EVENTS)
      .whereIn(
        'exception_id',
        rows.map(row => row.id),
      )
      .orderBy('seq', 'asc');
    const byException = new Map<string, PolicyExceptionEvent[]>();
    for (const event of events) {
      const list = byException.get(event.exception_id) ?? [];
      list.push({
        action: event.action,
        actor: event.actor,
        at: iso(event.at),
        comment: event.comment,
      });
      byException.set(event.exception_id, list);
    }
    return rows.map(row => ({
      id: row.id,
      entityRef: row.entity_ref,
      reasonKind: row.reason_kind as PolicyExceptionReasonKind,
      justification: row.justification,
      deploymentId: row.deployment_id,
      until: iso(row.until),
      status: row.status as PolicyExceptionStatus,
      requestedBy: row.requested_by,
      requestedAt: iso(row.requested_at),
      events: byException.get(row.id) ?? [],
    }));
  }
}
