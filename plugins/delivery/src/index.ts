/**
 * Delivery Insights: delivery and reliability metrics on every service page.
 *
 * @packageDocumentation
 */

export { deliveryPlugin as default } from './plugin';
export * from './api';
