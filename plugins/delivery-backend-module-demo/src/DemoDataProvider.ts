import {
  AuthService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DeliveryProvider,
  DeliveryProviderContext,
  ingestInBatches,
} from '@delivery-insights/backstage-plugin-delivery-node';
import {
  DEMO_SOURCE,
  generateDemoEvents,
  generateDemoSliSamples,
} from './generator/generateDemoEvents';
import {
  DemoProfileName,
  demoProfileNames,
  demoProfiles,
} from './generator/profiles';
import { seededRandom } from './generator/random';

/** Annotation that pins a demo service to a profile; others get one drawn from their name. */
export const DEMO_PROFILE_ANNOTATION = 'delivery-insights.io/demo-profile';

const DAY_MS = 86_400_000;
const SLI_DAYS = 30;

export function demoProfileOf(entity: Entity): DemoProfileName {
  const pinned = entity.metadata.annotations?.[DEMO_PROFILE_ANNOTATION];
  if (demoProfileNames.includes(pinned as DemoProfileName)) {
    return pinned as DemoProfileName;
  }
  const random = seededRandom(stringifyEntityRef(entity));
  return demoProfileNames[Math.floor(random() * demoProfileNames.length)];
}

/**
 * Feeds labelled demo records (source `demo`) for every Component in the catalog through the
 * delivery backend's own ingestion path, on start and then hourly so the portal stays current.
 */
export class DemoDataProvider implements DeliveryProvider {
  private context?: DeliveryProviderContext;

  constructor(
    private readonly options: {
      auth: AuthService;
      catalog: CatalogService;
      logger: LoggerService;
      scheduler: SchedulerService;
      days: number;
    },
  ) {}

  getProviderId() {
    return DEMO_SOURCE;
  }

  async connect(context: DeliveryProviderContext) {
    this.context = context;
    await this.options.scheduler.scheduleTask({
      id: 'delivery-demo-data',
      frequency: { hours: 1 },
      timeout: { minutes: 15 },
      initialDelay: { seconds: 5 },
      fn: () => this.run(new Date()),
    });
  }

  async run(now: Date) {
    const { auth, catalog, logger, days } = this.options;
    if (!this.context) {
      throw new Error('The demo data provider is not connected');
    }
    const { ingestion, syncState } = this.context;
    const { items } = await catalog.getEntities(
      { filter: { kind: 'component' } },
      { credentials: await auth.getOwnServiceCredentials() },
    );
    if (items.length === 0) {
      logger.info(
        'No components in the catalog yet; demo data follows on the next run',
      );
      return;
    }
    const from = new Date(now.getTime() - days * DAY_MS);
    const sliFrom = new Date(now.getTime() - SLI_DAYS * DAY_MS);
    let ingested = 0;
    for (const [index, entity] of items.entries()) {
      const entityRef = stringifyEntityRef(entity);
      const profile = demoProfiles[demoProfileOf(entity)];
      const events = [
        ...generateDemoEvents({ entityRef, profile, from, now }),
        ...generateDemoSliSamples({ entityRef, profile, from: sliFrom, now }),
      ];
      await ingestInBatches(ingestion, events);
      ingested += events.length;
      await syncState.saveProgress(entityRef, { recordsSeen: events.length });
      await syncState.recordSuccess(entityRef);
      logger.info(
        `Demo data: ${index + 1}/${
          items.length
        } components, ${ingested} events (${entityRef})`,
      );
    }
  }
}
