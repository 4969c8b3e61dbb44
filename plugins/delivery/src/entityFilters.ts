import { Entity } from '@backstage/catalog-model';

/**
 * Components and Systems carry delivery records of their own (a System also its parts').
 *
 * @public
 */
export const isDeliveryEntity = (entity: Entity) =>
  ['component', 'system'].includes(entity.kind.toLocaleLowerCase('en-US'));

/**
 * Groups get the rolled-up team scorecard.
 *
 * @public
 */
export const isTeamEntity = (entity: Entity) =>
  entity.kind.toLocaleLowerCase('en-US') === 'group';
