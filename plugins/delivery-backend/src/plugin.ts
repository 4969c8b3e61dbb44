import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { deliveryPermissions } from '@delivery-insights/backstage-plugin-delivery-common';
import {
  DeliveryProvider,
  DeliveryWebhookHandler,
  deliveryProvidersExtensionPoint,
} from '@delivery-insights/backstage-plugin-delivery-node';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { DeliveryStore } from './database/DeliveryStore';
import { EventIngestion } from './ingestion/EventIngestion';
import { MetricInputsQuery } from './database/MetricInputsQuery';
import { SliSampleQuery } from './database/SliSampleQuery';
import { RecordListQuery } from './database/RecordListQuery';
import { EntityScope } from './service/EntityScope';
import { DataVersions } from './database/DataVersions';
import { ReadCache } from './service/ReadCache';
import { readMetricSettings } from './service/metricSettings';
import { readRetentionDays, scheduleRetention } from './service/retention';
import { createRouter } from './service/router';
import { ScorecardService } from './service/ScorecardService';
import { ReportService } from './reports/ReportService';
import { ReportRecordsQuery } from './database/ReportRecordsQuery';
import { SloService } from './service/SloService';
import { SloDefinitionReader } from './slo/definitions/SloDefinitionReader';
import { PrometheusSliSource } from './slo/prometheus/PrometheusSliSource';
import { ScmIntegrations } from '@backstage/integration';
import { SyncStateStore } from './database/SyncStateStore';
import { PolicyExceptionStore } from './database/PolicyExceptionStore';
import {
  readDeployImpactHours,
  readErrorBudgetPolicy,
} from './policy/policySettings';
import { PolicyService } from './service/PolicyService';
import { ProviderService } from './service/ProviderService';
import {
  createWebhookRouter,
  readWebhookSettings,
} from './webhooks/WebhookReceiver';

/** Catalog lookups behind reads are reused this long when the read cache is on. */
const ENTITY_SCOPE_TTL_MS = 30_000;

/**
 * The delivery backend plugin: stores delivery records and serves the metrics computed from them.
 *
 * @public
 */
export const deliveryPlugin = createBackendPlugin({
  pluginId: 'delivery',
  register(env) {
    const providers = new Map<string, DeliveryProvider>();
    const webhookHandlers = new Map<string, DeliveryWebhookHandler>();
    env.registerExtensionPoint(deliveryProvidersExtensionPoint, {
      addProvider(...added) {
        for (const provider of added) {
          const id = provider.getProviderId();
          if (providers.has(id)) {
            throw new Error(`Delivery provider '${id}' is registered twice`);
          }
          providers.set(id, provider);
        }
      },
      addWebhookHandler(...added) {
        for (const handler of added) {
          const name = handler.getName();
          if (webhookHandlers.has(name)) {
            throw new Error(
              `Delivery webhook handler '${name}' is registered twice`,
            );
          }
          webhookHandlers.set(name, handler);
        }
      },
    });

    env.registerInit({
      deps: {
        auth: coreServices.auth,
        cache: coreServices.cache,
        catalog: catalogServiceRef,
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        urlReader: coreServices.urlReader,
        userInfo: coreServices.userInfo,
      },
      async init({
        auth,
        cache,
        catalog,
        config,
        database,
        httpAuth,
        httpRouter,
        logger,
        permissions,
        permissionsRegistry,
        scheduler,
        urlReader,
        userInfo,
      }) {
        permissionsRegistry.addPermissions(deliveryPermissions);
        const retentionDays = readRetentionDays(config);
        const webhookSettings = readWebhookSettings(config);
        const settings = readMetricSettings(config);
        const { levels, targets } = settings;
        const store = await DeliveryStore.create(
          database,
          settings.productionEnvironments,
        );
        const ingestion = new EventIngestion(store);
        const metricInputs = new MetricInputsQuery(store.knex, settings);
        const recordLists = new RecordListQuery(
          store.knex,
          undefined,
          settings.productionEnvironments,
        );
        const cacheEnabled =
          config.getOptionalBoolean('delivery.cache.enabled') !== false;
        const entityScope = new EntityScope(
          catalog,
          auth,
          cacheEnabled ? ENTITY_SCOPE_TTL_MS : 0,
        );
        const versions = new DataVersions(store.knex);
        const readCache = new ReadCache({
          cache: cacheEnabled ? cache : undefined,
          versions,
          logger,
        });
        const slos = new SloService({
          entityScope,
          definitions: new SloDefinitionReader(
            urlReader,
            ScmIntegrations.fromConfig(config),
          ),
          samples: new SliSampleQuery(store.knex),
          prometheus: PrometheusSliSource.fromConfig(config),
          logger,
          cache: readCache,
        });
        const errorBudgetPolicy = readErrorBudgetPolicy(config);
        const policyExceptions = new PolicyExceptionStore(store.knex);
        const policies = new PolicyService({
          entityScope,
          slos,
          exceptions: policyExceptions,
          userInfo,
          policy: errorBudgetPolicy,
          deployImpactHours: readDeployImpactHours(config),
        });
        const scorecards = new ScorecardService({
          entityScope,
          metricInputs,
          recordLists,
          settings,
          versions,
          cache: readCache,
        });
        const reports = new ReportService({
          config,
          entityScope,
          scorecards,
          slos,
          recordLists,
          reportRecords: new ReportRecordsQuery(store.knex),
          levels,
          targets,
        });
        const syncState = new SyncStateStore(store.knex);
        const providerService = new ProviderService({
          providers,
          syncState,
          entityScope,
          logger,
        });
        // Webhook senders authenticate with their signature, not with a Backstage token.
        httpRouter.addAuthPolicy({
          path: '/webhooks',
          allow: 'unauthenticated',
        });
        httpRouter.use(
          createWebhookRouter({
            knex: store.knex,
            ingestion,
            handlers: webhookHandlers,
            logger,
            settings: webhookSettings,
          }),
        );
        httpRouter.use(
          await createRouter({
            httpAuth,
            permissions,
            knex: store.knex,
            store,
            logger,
            ingestion,
            scorecards,
            slos,
            reports,
            providers: providerService,
            policies,
          }),
        );
        if (retentionDays !== undefined) {
          await scheduleRetention({
            store,
            logger,
            scheduler,
            days: retentionDays,
            exceptions: {
              store: policyExceptions,
              auditDays: errorBudgetPolicy.auditDays,
            },
          });
        }
        for (const provider of providers.values()) {
          await provider.connect({
            ingestion,
            syncState: syncState.forProvider(provider.getProviderId()),
          });
        }
      },
    });
  },
});
