import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Allows reading delivery metrics and the records behind them: scorecards (entity, batch and
 * organisation), time series, record lists and SLOs.
 *
 * @public
 */
export const deliveryScorecardReadPermission = createPermission({
  name: 'delivery.scorecard.read',
  attributes: { action: 'read' },
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
