/**
 * GitLab deployments and merge requests for the delivery plugin: pulled through the REST API and
 * pushed by webhook.
 *
 * @packageDocumentation
 */

export { deliveryModuleGitlab as default } from './module';
