/**
 * SonarQube coverage, issue counts and quality gate for the delivery plugin, with their history.
 *
 * @packageDocumentation
 */

export { deliveryModuleSonarQube as default } from './module';
