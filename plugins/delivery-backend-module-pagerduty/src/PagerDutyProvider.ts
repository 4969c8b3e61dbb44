import {
  AuthService,
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { OnCallShift } from '@delivery-insights/backstage-plugin-delivery-common';
import {
  annotationValues,
  EntitySyncProvider,
  EntitySyncTarget,
  IncidentEvent,
  IncidentSyncProgress,
  partitionMapped,
} from '@delivery-insights/backstage-plugin-delivery-node';
import { PAGE_SIZE, PagerDutyClient } from './client/PagerDutyClient';
import { PagerDutyIncident } from './client/types';
import {
  MappedIncident,
  PAGERDUTY_SOURCE,
  toIncidentEvent,
} from './mapping/toIncidentEvent';

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

/**
 * Incidents of the entities annotated with `pagerduty.com/service-id`, synchronised on a schedule
 * from a per-entity cursor, and who is on call for them.
 */
export class PagerDutyProvider extends EntitySyncProvider {
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
  ) {
    super({
      ...options,
      providerId: PAGERDUTY_SOURCE,
      displayName: 'PagerDuty',
      taskId: PAGERDUTY_SYNC_TASK_ID,
      annotation: PAGERDUTY_SERVICE_ID_ANNOTATION,
    });
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

  /**
   * Reads the incidents created since the entity's cursor page by page, saving the cursor after
   * each page, then re-reads the incidents that were still open at the last sync so that their
   * acknowledgement and resolution arrive.
   */
  protected async syncEntity({ entity, entityRef }: EntitySyncTarget) {
    const { client, backfillDays } = this.options;
    const serviceIds = annotationValues(
      entity,
      PAGERDUTY_SERVICE_ID_ANNOTATION,
    );
    if (serviceIds.length === 0) {
      return;
    }
    const until = (this.options.now?.() ?? new Date()).getTime();
    const progress = await IncidentSyncProgress.start<IncidentEvent>({
      syncState: this.connected().syncState,
      entityRef,
      backfillFrom: new Date(until - backfillDays * DAY_MS).toISOString(),
      ingest: events => this.ingest(events),
    });

    let since = Date.parse(progress.since);
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
        await progress.page(events, incidents.length, skipped);
        if (!page.more || incidents.length === 0) {
          break;
        }
        offset += incidents.length;
        if (offset > MAX_OFFSET) {
          // Classic pagination ends at 10,000 records: go on from the newest one read.
          if (Date.parse(progress.newest) <= since) {
            throw new Error(
              `More than 10,000 PagerDuty incidents created at ${progress.newest}`,
            );
          }
          since = Date.parse(progress.newest);
          offset = 0;
        }
      }
      since = windowEnd;
    }

    const stillOpen = progress.stillOpen();
    if (stillOpen.length > 0) {
      const refreshed: PagerDutyIncident[] = [];
      const gone: string[] = [];
      for (const id of stillOpen) {
        const incident = await client.getIncident(id);
        if (incident) {
          refreshed.push(incident);
        } else {
          gone.push(id);
        }
      }
      const { events, skipped } = await this.mapAll(refreshed, entityRef);
      await progress.refreshed(events, refreshed.length, skipped, gone);
    }

    await progress.finish(new Date(until - OVERLAP_MS).toISOString());
  }

  private async mapAll(incidents: PagerDutyIncident[], entityRef: string) {
    const mapped: MappedIncident[] = [];
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
      mapped.push(toIncidentEvent(incident, entityRef, { acknowledgedAt }));
    }
    return partitionMapped(mapped);
  }
}
