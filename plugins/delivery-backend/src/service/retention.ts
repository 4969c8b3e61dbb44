import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { DeliveryStore } from '../database/DeliveryStore';
import { PolicyExceptionStore } from '../database/PolicyExceptionStore';

/** The exception trail, kept for the policy's audit period even when records go sooner. */
export type ExceptionRetention = {
  store: PolicyExceptionStore;
  auditDays: number;
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** `delivery.retention.days`: a positive number of days, or undefined to keep records forever. */
export function readRetentionDays(config: Config): number | undefined {
  const days = config.getOptionalNumber('delivery.retention.days');
  if (days !== undefined && !(Number.isFinite(days) && days > 0)) {
    throw new Error(
      `Invalid delivery.retention.days ${days}: must be a positive number of days`,
    );
  }
  return days;
}

/**
 * Deletes the records that ended more than `days` before `now`; answers the counts. Policy
 * exceptions that closed more than `days` ago go too, but never before their audit period.
 */
export async function applyRetention(options: {
  store: DeliveryStore;
  logger: LoggerService;
  days: number;
  exceptions?: ExceptionRetention;
  now?: Date;
}) {
  const { store, logger, days, exceptions, now = new Date() } = options;
  const cutoff = Math.floor(now.getTime() - days * DAY_MS);
  const deleted = await store.deleteOlderThan(cutoff);
  const total = Object.values(deleted).reduce((sum, n) => sum + n, 0);
  logger.info(
    `Delivery retention (${days} days, before ${new Date(
      cutoff,
    ).toISOString()}): deleted ${total} rows ${JSON.stringify(deleted)}`,
  );
  if (exceptions) {
    const keepDays = Math.max(days, exceptions.auditDays);
    const closedBefore = Math.floor(now.getTime() - keepDays * DAY_MS);
    const count = await exceptions.store.deleteClosedBefore(closedBefore);
    logger.info(
      `Delivery retention: deleted ${count} policy exceptions closed before ${new Date(
        closedBefore,
      ).toISOString()} (audit period ${exceptions.auditDays} days)`,
    );
  }
  return deleted;
}

/**
 * Runs the retention hourly. The task is global: with several replicas on one database, one of
 * them runs it per interval.
 */
export async function scheduleRetention(options: {
  store: DeliveryStore;
  logger: LoggerService;
  scheduler: SchedulerService;
  days: number;
  exceptions?: ExceptionRetention;
}) {
  const { scheduler, ...rest } = options;
  await scheduler.scheduleTask({
    id: 'delivery-retention',
    scope: 'global',
    frequency: { hours: 1 },
    timeout: { minutes: 30 },
    initialDelay: { minutes: 1 },
    fn: async () => {
      await applyRetention(rest);
    },
  });
}
