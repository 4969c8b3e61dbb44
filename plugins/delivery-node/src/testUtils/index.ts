/**
 * Test utilities for delivery provider modules: a backend with the delivery plugin, the module,
 * a real test database, a mock catalog and a scheduler the test drives, and an msw server for the
 * upstream API.
 *
 * @packageDocumentation
 */

export * from './captureScheduledTasks';
export * from './catalogComponent';
export * from './incidentProviderScenarios';
export * from './providerMswServer';
export * from './startProviderTestBackend';
