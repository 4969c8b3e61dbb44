/**
 * PagerDuty incidents, on-call and v3 webhooks for the delivery backend.
 *
 * @packageDocumentation
 */

export { deliveryModulePagerDuty as default } from './module';
