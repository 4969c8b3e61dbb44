import { createBackendModule } from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { annotateCatalogAction } from './actions/annotateCatalog';
import { createRunbookAction } from './actions/createRunbook';
import { createSloAction } from './actions/createSlo';

/**
 * The delivery scaffolder actions: `delivery:runbook:create`, `delivery:slo:create` and
 * `delivery:catalog:annotate`.
 *
 * @public
 */
export const scaffolderModuleDelivery = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'delivery',
  register(reg) {
    reg.registerInit({
      deps: { scaffolder: scaffolderActionsExtensionPoint },
      async init({ scaffolder }) {
        scaffolder.addActions(
          createRunbookAction(),
          createSloAction(),
          annotateCatalogAction(),
        );
      },
    });
  },
});
