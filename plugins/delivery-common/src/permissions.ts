import { RESOURCE_TYPE_CATALOG_ENTITY } from '@backstage/plugin-catalog-common/alpha';
import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Allows reading an entity's delivery metrics and the records behind them: scorecards, time
 * series, record lists and SLOs. A resource permission on catalog entities (as the catalog's own
 * `catalog.entity.read`), so a policy may answer with catalog conditions (`isEntityOwner`, ...):
 * entity reads are authorized for that entity, and group and organisation rollups count only
 * the entities the caller may read.
 *
 * @public
 */
export const deliveryScorecardReadPermission = createPermission({
  name: 'delivery.scorecard.read',
  attributes: { action: 'read' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Allows storing delivery records (deployments, changes, incidents, ...) through the ingestion API.
 *
 * @public
 */
export const deliveryEventsCreatePermission = createPermission({
  name: 'delivery.events.create',
  attributes: { action: 'create' },
});

/**
 * Allows administering delivery data: deleting a source's or an entity's records.
 *
 * @public
 */
export const deliveryAdminPermission = createPermission({
  name: 'delivery.admin',
  attributes: { action: 'delete' },
});

/**
 * Allows granting or refusing an exception to an entity's error-budget policy: a deployment
 * during a freeze. Requesting one only needs ownership of the entity.
 *
 * @public
 */
export const deliveryPolicyExceptionPermission = createPermission({
  name: 'delivery.policy.exception',
  attributes: { action: 'update' },
});

/**
 * Every permission the delivery plugin checks, for permission policies and the permission
 * integration router.
 *
 * @public
 */
export const deliveryPermissions = [
  deliveryScorecardReadPermission,
  deliveryEventsCreatePermission,
  deliveryAdminPermission,
  deliveryPolicyExceptionPermission,
];
