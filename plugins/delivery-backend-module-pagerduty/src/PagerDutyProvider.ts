import {
  AuthService,
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { OnCallShift } from '@internal/backstage-plugin-delivery-common';
import {
  annotationValues,
  DeliveryProvider,
  DeliveryProviderContext,
  entitiesWithAnnotation,
  SkippedRecord,
} from '@internal/backstage-plugin-delivery-node';
import { PAGE_SIZE, PagerDutyClient } from './client/PagerDutyClient';
import { PagerDutyIncident } from './client/types';
import {
  IncidentEvent,
  PAGERDUTY_SOURCE,
  toIncidentEvent,
} from './mapping/toIncidentEvent';
import { IncidentCursor, parseCursor, serializeCursor } from './cursor';

/** Comma-separated PagerDuty service ids of the entity (the PagerDuty plugin's annotation). */
export const PAGERDUTY_SERVICE_ID_ANNOTATION = 'pagerduty.com/service-id';

export const PAGERDUTY_SYNC_TASK_ID = 'delivery-pagerduty-sync';

const DAY_MS = 86_400_000;
/** PagerDuty refuses `since`/`until` ranges longer than six months. */
const MAX_RANGE_MS = 179 * DAY_MS;
/** PagerDuty refuses an `offset + limit` above 10,000 with classic pagination. */
const MAX_OFFSET = 10_000 - PAGE_SIZE;
/** Incidents can appear in the list a little after they were created; read that much again. */
const OVERLAP_MS = 10 * 60_000;
const BATCH_SIZE = 1000;

/**
 * Incidents of the entities annotated with `pagerduty.com/service-id`, synchronised on a schedule
 * from a per-entity cursor, and who is on call for them.
 */
export class PagerDutyProvider implements DeliveryProvider {
  private context?: DeliveryProviderContext;

  constructor(
    private readonly options: {
      client: PagerDutyClient;
      auth: AuthService;
      catalog: CatalogService;
      logger: LoggerService;
      scheduler: SchedulerService;
      schedule: SchedulerServiceTaskScheduleDefinition;
      backfillDays: number;
      now?: () => Date;
    },
  ) {}

  getProviderId() {
    return PAGERDUTY_SOURCE;
  }

  async connect(context: DeliveryProviderContext) {
    this.context = context;
    await this.options.scheduler.scheduleTask({
      id: PAGERDUTY_SYNC_TASK_ID,
      ...this.options.schedule,
      fn: () => this.sync(),
    });
  }

  async triggerSync() {
    await this.options.scheduler.triggerTask(PAGERDUTY_SYNC_TASK_ID);
  }

  /** Synchronises every annotated entity; one entity's failure is recorded and the rest go on. */
  async sync() {
    const { auth, catalog, logger } = this.options;
    const { syncState } = this.connected();
    const entities = await entitiesWithAnnotation(
      catalog,
      auth,
      PAGERDUTY_SERVICE_ID_ANNOTATION,
    );
    for (const entity of entities) {
      const entityRef = stringifyEntityRef(entity);
      try {
        await this.syncEntity(entity);
        await syncState.recordSuccess(entityRef);
      } catch (error) {
        logger.warn(
          `PagerDuty sync of ${entityRef} failed: ${(error as Error).message}`,
        );
        await syncState.recordFailure(entityRef, error as Error);
      }
    }
  }

  async getOnCall(entity: Entity): Promise<OnCallShift[]> {
    const { client } = this.options;
    const policies = new Set<string>();
    for (const serviceId of annotationValues(
      entity,
      PAGERDUTY_SERVICE_ID_ANNOTATION,
    )) {
      const policy = (await client.getService(serviceId))?.escalation_policy;
      if (policy?.id) {
        policies.add(policy.id);
      }
    }
    if (policies.size === 0) {
      return [];
    }
    const shifts = new Map<string, OnCallShift>();
    for (const oncall of await client.listOnCalls([...policies])) {
      const name = oncall.user?.name || oncall.user?.summary;
      if (!name) {
        continue;
      }
      const shift: OnCallShift = {
        provider: PAGERDUTY_SOURCE,
        schedule: oncall.schedule?.summary || oncall.escalation_policy?.summary,
        level: oncall.escalation_level,
        person: {
          name,
          ...(oncall.user?.email ? { email: oncall.user.email } : {}),
          ...(oncall.user?.html_url ? { url: oncall.user.html_url } : {}),
        },
        ...(oncall.start ? { from: oncall.start } : {}),
        ...(oncall.end ? { until: oncall.end } : {}),
      };
      shifts.set(JSON.stringify(shift), shift);
    }
    return [...shifts.values()].sort(
      (a, b) =>
        (a.level ?? Infinity) - (b.level ?? Infinity) ||
        a.person.name.localeCompare(b.person.name),
    );
  }

  private connected() {
    if (!this.context) {
      throw new Error('The PagerDuty provider is not connected');
    }
    return this.context;
  }

  /**
   * Reads the incidents created since the entity's cursor page by page, saving the cursor after
   * each page, then re-reads the incidents that were still open at the last sync so that their
   * acknowledgement and resolution arrive.
   */
  private async syncEntity(entity: Entity) {
    const { client, backfillDays } = this.options;
    const { syncState } = this.connected();
    const entityRef = stringifyEntityRef(entity);
    const serviceIds = annotationValues(
      entity,
      PAGERDUTY_SERVICE_ID_ANNOTATION,
    );
    if (serviceIds.length === 0) {
      return;
    }
    const until = (this.options.now?.() ?? new Date()).getTime();
    const cursor: IncidentCursor = parseCursor(
      await syncState.getCursor(entityRef),
    ) ?? {
      since: new Date(until - backfillDays * DAY_MS).toISOString(),
      open: [],
    };
    const open = new Set(cursor.open);
    const seen = new Set<string>();
    let newest = cursor.since;
    const progress = async (
      events: IncidentEvent[],
      recordsSeen: number,
      skipped: SkippedRecord[],
    ) => {
      await this.ingest(events);
      await syncState.saveProgress(entityRef, {
        cursor: serializeCursor({ since: newest, open: [...open] }),
        recordsSeen,
        skipped,
      });
    };

    let since = Date.parse(cursor.since);
    while (since < until) {
      const windowEnd = Math.min(until, since + MAX_RANGE_MS);
      let offset = 0;
      for (;;) {
        const page = await client.listIncidents({
          serviceIds,
          since: new Date(since).toISOString(),
          until: new Date(windowEnd).toISOString(),
          offset,
        });
        const incidents = page.incidents ?? [];
        const { events, skipped } = await this.mapAll(incidents, entityRef);
        for (const event of events) {
          seen.add(event.id);
          if (event.resolvedAt) {
            open.delete(event.id);
          } else {
            open.add(event.id);
          }
          if (event.openedAt > newest) {
            newest = event.openedAt;
          }
        }
        await progress(events, incidents.length, skipped);
        if (!page.more || incidents.length === 0) {
          break;
        }
        offset += incidents.length;
        if (offset > MAX_OFFSET) {
          // Classic pagination ends at 10,000 records: go on from the newest one read.
          if (Date.parse(newest) <= since) {
            throw new Error(
              `More than 10,000 PagerDuty incidents created at ${newest}`,
            );
          }
          since = Date.parse(newest);
          offset = 0;
        }
      }
      since = windowEnd;
    }

    const stillOpen = [...open].filter(id => !seen.has(id));
    if (stillOpen.length > 0) {
      const refreshed: PagerDutyIncident[] = [];
      for (const id of stillOpen) {
        const incident = await client.getIncident(id);
        if (incident) {
          refreshed.push(incident);
        } else {
          open.delete(id);
        }
      }
      const { events, skipped } = await this.mapAll(refreshed, entityRef);
      for (const event of events) {
        if (event.resolvedAt) {
          open.delete(event.id);
        }
      }
      for (const record of skipped) {
        // A record that no longer maps is not re-read forever.
        open.delete(record.id ?? '');
      }
      await progress(events, refreshed.length, skipped);
    }

    const caughtUp = new Date(until - OVERLAP_MS).toISOString();
    newest = newest > caughtUp ? newest : caughtUp;
    await syncState.saveProgress(entityRef, {
      cursor: serializeCursor({ since: newest, open: [...open] }),
      recordsSeen: 0,
    });
  }

  private async mapAll(incidents: PagerDutyIncident[], entityRef: string) {
    const events: IncidentEvent[] = [];
    const skipped: SkippedRecord[] = [];
    for (const incident of incidents) {
      let acknowledgedAt: string | undefined;
      if (
        incident.status === 'resolved' &&
        typeof incident.id === 'string' &&
        !(incident.acknowledgements ?? []).length
      ) {
        acknowledgedAt = await this.options.client.firstAcknowledgedAt(
          incident.id,
        );
      }
      const mapped = toIncidentEvent(incident, entityRef, { acknowledgedAt });
      if ('skipped' in mapped) {
        skipped.push(mapped.skipped);
      } else {
        events.push(mapped.event);
      }
    }
    return { events, skipped };
  }

  private async ingest(events: IncidentEvent[]) {
    const { ingestion } = this.connected();
    for (let i = 0; i < events.length; i += BATCH_SIZE) {
      await ingestion.ingest(events.slice(i, i + BATCH_SIZE));
    }
  }
}
