/**
 * Extension points and helpers for modules that feed the delivery backend.
 *
 * @packageDocumentation
 */

export * from './extensions';
export * from './providers/annotations';
export * from './providers/catalogEntities';
export * from './providers/createDeliveryProviderModule';
export * from './providers/EntitySyncProvider';
export * from './providers/eventMapping';
export * from './providers/fetchWithRetry';
export * from './providers/IncidentSyncProgress';
export * from './providers/jsonCursor';
export * from './providers/ProviderHttpClient';
export * from './providers/providerSyncConfig';
export * from './providers/webhookPayload';
export * from './providers/webhookSignature';
