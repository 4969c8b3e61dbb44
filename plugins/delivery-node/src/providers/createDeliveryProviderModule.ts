import {
  AuthService,
  coreServices,
  createBackendModule,
  LoggerService,
  RootConfigService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import {
  catalogServiceRef,
  CatalogService,
} from '@backstage/plugin-catalog-node';
import {
  DeliveryProvidersExtensionPoint,
  deliveryProvidersExtensionPoint,
} from '../extensions';

/** The services a provider module starts with. @public */
export type DeliveryProviderModuleDeps = {
  auth: AuthService;
  catalog: CatalogService;
  config: RootConfigService;
  logger: LoggerService;
  providers: DeliveryProvidersExtensionPoint;
  scheduler: SchedulerService;
};

/**
 * A backend module of the `delivery` plugin that registers providers and webhook handlers with
 * `deps.providers`. Register only what is configured, so that the module is harmless when its
 * configuration is absent.
 *
 * @public
 */
export function createDeliveryProviderModule(options: {
  /** The source, e.g. `pagerduty`. */
  moduleId: string;
  init(deps: DeliveryProviderModuleDeps): Promise<void>;
}) {
  return createBackendModule({
    pluginId: 'delivery',
    moduleId: options.moduleId,
    register(reg) {
      reg.registerInit({
        deps: {
          auth: coreServices.auth,
          catalog: catalogServiceRef,
          config: coreServices.rootConfig,
          logger: coreServices.logger,
          providers: deliveryProvidersExtensionPoint,
          scheduler: coreServices.scheduler,
        },
        init: deps => options.init(deps),
      });
    },
  });
}
