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
  EntitySyncProvider,
  EntitySyncTarget,
  IncidentEvent,
  IncidentSyncProgress,
  partitionMapped,
} from '@delivery-insights/backstage-plugin-delivery-node';
import {
  OpsgenieClient,
  OpsgenieRecord,
  PAGE_SIZE,
} from './client/OpsgenieClient';
import { OpsgenieParticipant } from './client/types';
import { OpsgenieRecordSource } from './config';
import { OPSGENIE_SOURCE, toIncidentEvent } from './mapping/toIncidentEvent';

/** An Opsgenie search query that selects the entity's alerts or incidents, e.g. `tag:checkout`. */
export const OPSGENIE_COMPONENT_SELECTOR_ANNOTATION =
  'opsgenie.com/component-selector';

/** The Opsgenie team (name or id) whose schedules tell who is on call for the entity. */
export const OPSGENIE_TEAM_ANNOTATION = 'opsgenie.com/team';

export const OPSGENIE_SYNC_TASK_ID = 'delivery-opsgenie-sync';

const DAY_MS = 86_400_000;
/** Opsgenie refuses an `offset + limit` above 20,000. */
const MAX_OFFSET = 20_000 - PAGE_SIZE;
/** Records can appear in a search a little after they were created; read that much again. */
const OVERLAP_MS = 10 * 60_000;

/** The users on call in a schedule's answer, with the escalation level they are notified at. */
function onCallUsers(
  participants: OpsgenieParticipant[],
  level: number,
): { participant: OpsgenieParticipant; level: number }[] {
  return participants.flatMap(participant => {
    if (participant.type === 'user') {
      return participant.name ? [{ participant, level }] : [];
    }
    const nested = participant.onCallParticipants ?? [];
    if (participant.type === 'escalation') {
      // Each later escalation time is the next level.
      const times = [
        ...new Set(nested.map(next => next.escalationTime ?? 0)),
      ].sort((a, b) => a - b);
      return nested.flatMap(next =>
        onCallUsers([next], level + times.indexOf(next.escalationTime ?? 0)),
      );
    }
    return onCallUsers(nested, level);
  });
}

/**
 * Alerts or incidents of the entities annotated with `opsgenie.com/component-selector`,
 * synchronised on a schedule from a per-entity cursor, and who is on call for them (from the
 * schedules of their `opsgenie.com/team`).
 */
export class OpsgenieProvider extends EntitySyncProvider {
  constructor(
    private readonly options: {
      client: OpsgenieClient;
      source: OpsgenieRecordSource;
      webUrl?: string;
      auth: AuthService;
      catalog: CatalogService;
      logger: LoggerService;
      scheduler: SchedulerService;
      schedule: SchedulerServiceTaskScheduleDefinition;
      backfillDays: number;
    },
  ) {
    super({
      ...options,
      providerId: OPSGENIE_SOURCE,
      displayName: 'Opsgenie',
      taskId: OPSGENIE_SYNC_TASK_ID,
      annotation: OPSGENIE_COMPONENT_SELECTOR_ANNOTATION,
    });
  }

  async getOnCall(entity: Entity): Promise<OnCallShift[]> {
    const { client } = this.options;
    const team =
      entity.metadata.annotations?.[OPSGENIE_TEAM_ANNOTATION]?.trim();
    if (!team) {
      return [];
    }
    const schedules = (await client.listSchedules()).filter(
      schedule =>
        schedule.id &&
        schedule.enabled !== false &&
        (schedule.ownerTeam?.name === team || schedule.ownerTeam?.id === team),
    );
    const shifts: OnCallShift[] = [];
    for (const schedule of schedules) {
      const onCalls = await client.getOnCalls(schedule.id!);
      const name = onCalls?._parent?.name ?? schedule.name;
      for (const { participant, level } of onCallUsers(
        onCalls?.onCallParticipants ?? [],
        1,
      )) {
        shifts.push({
          provider: OPSGENIE_SOURCE,
          ...(name ? { schedule: name } : {}),
          level,
          person: {
            name: participant.name!,
            // Opsgenie names a user by the username, which is the email address.
            ...(participant.name!.includes('@')
              ? { email: participant.name }
              : {}),
          },
        });
      }
    }
    return shifts.sort(
      (a, b) =>
        (a.level ?? Infinity) - (b.level ?? Infinity) ||
        (a.schedule ?? '').localeCompare(b.schedule ?? '') ||
        a.person.name.localeCompare(b.person.name),
    );
  }

  /**
   * Reads the records created since the entity's cursor that match its selector page by page,
   * saving the cursor after each page, then re-reads the records that were still open at the
   * last sync so that their acknowledgement and close arrive.
   */
  protected async syncEntity({ entity, entityRef }: EntitySyncTarget) {
    const { client, source, webUrl, backfillDays } = this.options;
    const selector =
      entity.metadata.annotations?.[
        OPSGENIE_COMPONENT_SELECTOR_ANNOTATION
      ]?.trim();
    if (!selector) {
      return;
    }
    const until = Date.now();
    const progress = await IncidentSyncProgress.start<IncidentEvent>({
      syncState: this.connected().syncState,
      entityRef,
      backfillFrom: new Date(until - backfillDays * DAY_MS).toISOString(),
      ingest: events => this.ingest(events),
    });
    const mapAll = (records: OpsgenieRecord[]) =>
      partitionMapped(
        records.map(record =>
          toIncidentEvent(record, source, entityRef, webUrl),
        ),
      );

    let since = Date.parse(progress.since);
    let offset = 0;
    for (;;) {
      const page = await client.list(source, {
        query: `(${selector}) AND createdAt>=${since}`,
        offset,
      });
      const records = page.data ?? [];
      const { events, skipped } = mapAll(records);
      await progress.page(events, records.length, skipped);
      if (!page.paging?.next || records.length === 0) {
        break;
      }
      offset += records.length;
      if (offset > MAX_OFFSET) {
        // Opsgenie pages end at 20,000 records: go on from the newest one read.
        if (Date.parse(progress.newest) <= since) {
          throw new Error(
            `More than 20,000 Opsgenie ${source} created at ${progress.newest}`,
          );
        }
        since = Date.parse(progress.newest);
        offset = 0;
      }
    }

    const stillOpen = progress.stillOpen();
    if (stillOpen.length > 0) {
      const refreshed: OpsgenieRecord[] = [];
      const gone: string[] = [];
      for (const id of stillOpen) {
        const record = await client.getRecord(source, id);
        if (record) {
          refreshed.push(record);
        } else {
          gone.push(id);
        }
      }
      const { events, skipped } = mapAll(refreshed);
      await progress.refreshed(events, refreshed.length, skipped, gone);
    }

    await progress.finish(new Date(until - OVERLAP_MS).toISOString());
  }
}
