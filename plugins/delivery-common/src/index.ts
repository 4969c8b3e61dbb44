/**
 * Types and permissions shared by the delivery frontend and backend plugins.
 *
 * @packageDocumentation
 */

export * from './permissions';
export type * from './health';
export * from './metrics';
export * from './slo';
export * from './policy';
export type * from './providers';
export * from './runbook';
