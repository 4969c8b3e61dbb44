import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { OnCallResponse } from '@internal/backstage-plugin-delivery-common';
import { DeliveryProvider } from '@internal/backstage-plugin-delivery-node';
import { SyncStateStore } from '../database/SyncStateStore';
import { EntityScope } from './EntityScope';

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

  async onCall(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<OnCallResponse> {
    const { entity } = await this.options.entityScope.resolve(
      entityRef,
      credentials,
    );
    const answering = [...this.options.providers.values()].filter(
      provider => provider.getOnCall,
    );
    const answers = await Promise.allSettled(
      answering.map(provider => provider.getOnCall!(entity)),
    );
    const response: OnCallResponse = { items: [], errors: [] };
    answers.forEach((answer, index) => {
      if (answer.status === 'fulfilled') {
        response.items.push(...answer.value);
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
    if (provider.triggerSync) {
      await provider.triggerSync();
    }
    return {
      provider: providerId,
      cursorsReset,
      triggered: Boolean(provider.triggerSync),
    };
  }
}
