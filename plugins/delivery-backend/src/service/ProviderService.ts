import { LoggerService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  OnCallResponse,
  OnCallShift,
} from '@delivery-insights/backstage-plugin-delivery-common';
import { DeliveryProvider } from '@delivery-insights/backstage-plugin-delivery-node';
import { SyncStateStore } from '../database/SyncStateStore';
import { EntityScope } from './EntityScope';

/** A time as a UTC ISO 8601 instant; undefined when it is none. */
const utcInstant = (value: string | undefined) => {
  const time = value === undefined ? NaN : Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
};

/**
 * A shift with its bounds in UTC, whatever offset the provider wrote them in (PagerDuty answers
 * in the account's zone, e.g. `-05:00`), so clients compare and sort them as strings.
 */
const utcShift = ({ from, until, ...shift }: OnCallShift): OnCallShift => ({
  ...shift,
  ...(utcInstant(from) && { from: utcInstant(from) }),
  ...(utcInstant(until) && { until: utcInstant(until) }),
});

/** What the API tells about the provider modules: who is on call, how syncs went, backfills. */
export class ProviderService {
  constructor(
    private readonly options: {
      providers: Map<string, DeliveryProvider>;
      syncState: SyncStateStore;
      entityScope: EntityScope;
      logger: LoggerService;
    },
  ) {}

  providerIds() {
    return [...this.options.providers.keys()];
  }

  async onCall(entityRef: string): Promise<OnCallResponse> {
    const { entity } = await this.options.entityScope.resolve(entityRef);
    const answering = [...this.options.providers.values()].filter(
      provider => provider.getOnCall,
    );
    const answers = await Promise.allSettled(
      answering.map(provider => provider.getOnCall!(entity)),
    );
    const response: OnCallResponse = { items: [], errors: [] };
    answers.forEach((answer, index) => {
      if (answer.status === 'fulfilled') {
        response.items.push(...answer.value.map(utcShift));
      } else {
        const provider = answering[index].getProviderId();
        this.options.logger.warn(
          `On-call from ${provider} for ${entityRef} failed: ${answer.reason}`,
        );
        response.errors.push({
          provider,
          message: (answer.reason as Error)?.message ?? String(answer.reason),
        });
      }
    });
    return response;
  }

  syncStatus(filter: { provider?: string; entityRef?: string }) {
    return this.options.syncState.list(filter);
  }

  async backfill(providerId: string, entityRef?: string) {
    const provider = this.options.providers.get(providerId);
    if (!provider) {
      throw new NotFoundError(
        `No delivery provider '${providerId}'; installed: ${
          this.providerIds().join(', ') || 'none'
        }`,
      );
    }
    const cursorsReset = await this.options.syncState.resetCursors(
      providerId,
      entityRef,
    );
    let triggered = false;
    let startsAt: string | undefined;
    if (provider.triggerSync) {
      try {
        startsAt = (await provider.triggerSync())?.startsAt;
        triggered = true;
      } catch (error) {
        // The scheduler refuses to start a task that is running; that run reads the reset
        // cursors of the entities it has not reached yet, and the next run backfills the rest.
        if ((error as Error).name !== 'ConflictError') {
          throw error;
        }
        this.options.logger.info(
          `Backfill of ${providerId}: its sync is running now, so the reset cursors apply from the next entity on`,
        );
      }
    }
    return {
      provider: providerId,
      cursorsReset,
      triggered,
      ...(startsAt && { startsAt }),
    };
  }
}
