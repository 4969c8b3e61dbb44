/**
 * The demo backend module for the delivery plugin.
 *
 * @packageDocumentation
 */

export { deliveryModuleDemo as default } from './module';
