/**
 * Extension points and helpers for modules that feed the delivery backend.
 *
 * @packageDocumentation
 */

export * from './extensions';
export * from './providers/annotations';
export * from './providers/catalogEntities';
export * from './providers/fetchWithRetry';
export * from './providers/webhookSignature';
