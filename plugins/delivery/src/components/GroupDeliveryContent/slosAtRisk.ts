import {
  EntitySlos,
  SloAlertState,
  SloStatus,
} from '@delivery-insights/backstage-plugin-delivery-common';
import { LOW_BUDGET } from '../EntitySloCard/EntitySloCard';

/** What the backend answered for one service: its SLOs, or why they could not be loaded. */
export type ServiceSlosResult =
  | { entityRef: string; slos: EntitySlos }
  | { entityRef: string; error: Error };

/** One SLO at risk, with the service it belongs to and when its status was computed. */
export type SloAtRisk = {
  entityRef: string;
  status: SloStatus;
  /** When the service's statuses were computed; the forecast counts from here. */
  at: string;
};

/** The SLOs at risk across a team's services, most urgent first. */
export type TeamSlosAtRisk = {
  atRisk: SloAtRisk[];
  /** The services whose SLOs could not be loaded, in the order asked. */
  failed: { entityRef: string; error: Error }[];
  /** How many SLOs were checked, at risk or not, over the services that answered. */
  checkedSlos: number;
  /** How many of the services that answered define at least one SLO. */
  servicesWithSlos: number;
  /** How many SLO definitions the backend could not read, over the services that answered. */
  unreadableDefinitions: number;
};

const alertRank: Record<SloAlertState, number> = {
  page: 0,
  ticket: 1,
  ok: 2,
  no_data: 2,
};

/**
 * Whether an SLO needs the team's attention: it pages or opens a ticket, or less than a quarter of
 * its error budget is left (an overspent budget is negative, so it counts too).
 */
export function isSloAtRisk(status: SloStatus): boolean {
  return (
    status.alert === 'page' ||
    status.alert === 'ticket' ||
    (typeof status.remaining === 'number' && status.remaining < LOW_BUDGET)
  );
}

const sloName = (status: SloStatus) =>
  status.definition.displayName || status.definition.name;

/**
 * Orders SLOs at risk: pages first, then tickets, then the rest; within each, the lowest budget
 * left first (an SLO without data last); then by service and SLO name, so the order is stable.
 */
export function compareSlosAtRisk(a: SloAtRisk, b: SloAtRisk): number {
  const byAlert = alertRank[a.status.alert] - alertRank[b.status.alert];
  if (byAlert !== 0) {
    return byAlert;
  }
  const aRemaining = a.status.remaining ?? Number.POSITIVE_INFINITY;
  const bRemaining = b.status.remaining ?? Number.POSITIVE_INFINITY;
  if (aRemaining !== bRemaining) {
    return aRemaining < bRemaining ? -1 : 1;
  }
  return (
    a.entityRef.localeCompare(b.entityRef, 'en') ||
    sloName(a.status).localeCompare(sloName(b.status), 'en')
  );
}

/** Picks the SLOs at risk out of every service's answer, sorts them and counts what was checked. */
export function slosAtRisk(
  results: readonly ServiceSlosResult[],
): TeamSlosAtRisk {
  const atRisk: SloAtRisk[] = [];
  const failed: TeamSlosAtRisk['failed'] = [];
  let checkedSlos = 0;
  let servicesWithSlos = 0;
  let unreadableDefinitions = 0;
  for (const result of results) {
    if ('error' in result) {
      failed.push({ entityRef: result.entityRef, error: result.error });
      continue;
    }
    // Read defensively, as the card does: a partial answer counts what it has.
    const statuses = result.slos.slos ?? [];
    checkedSlos += statuses.length;
    unreadableDefinitions += result.slos.errors?.length ?? 0;
    if (statuses.length > 0) {
      servicesWithSlos += 1;
    }
    for (const status of statuses) {
      if (isSloAtRisk(status)) {
        atRisk.push({
          entityRef: result.entityRef,
          status,
          at: result.slos.at,
        });
      }
    }
  }
  atRisk.sort(compareSlosAtRisk);
  return {
    atRisk,
    failed,
    checkedSlos,
    servicesWithSlos,
    unreadableDefinitions,
  };
}
