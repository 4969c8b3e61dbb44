/**
 * GitHub deployments, Actions deploy runs and pull requests for the delivery plugin.
 *
 * @packageDocumentation
 */

export { deliveryModuleGithub as default } from './module';
