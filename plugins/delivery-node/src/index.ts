/**
 * Extension points for modules that feed the delivery backend.
 *
 * @packageDocumentation
 */

export * from './extensions';
