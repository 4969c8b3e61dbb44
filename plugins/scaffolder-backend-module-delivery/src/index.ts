/**
 * Scaffolder actions of Delivery Insights: a service's runbook, its OpenSLO file and its
 * delivery annotations.
 *
 * @packageDocumentation
 */

export { scaffolderModuleDelivery as default } from './module';
export { createRunbookAction } from './actions/createRunbook';
export { createSloAction } from './actions/createSlo';
export {
  annotateCatalogAction,
  DELIVERY_ANNOTATIONS,
} from './actions/annotateCatalog';
