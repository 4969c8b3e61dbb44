import { createPermission } from '@backstage/plugin-permission-common';

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
 * Every permission the delivery plugin checks, for permission policies and the permission
 * integration router.
 *
 * @public
 */
export const deliveryPermissions = [deliveryEventsCreatePermission];
