/**
 * Jira issues as work items for the delivery plugin: cycle time, sprints, story points and bugs
 * found in production, from Jira Cloud or Jira Data Center.
 *
 * @packageDocumentation
 */

export { deliveryModuleJira as default } from './module';
