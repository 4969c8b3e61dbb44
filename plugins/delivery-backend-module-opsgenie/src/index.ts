/**
 * Opsgenie alerts or incidents and on-call for the delivery backend.
 *
 * @packageDocumentation
 */

export { deliveryModuleOpsgenie as default } from './module';
