import { isCreatePermission } from '@backstage/plugin-permission-common';
import {
  deliveryEventsCreatePermission,
  deliveryPermissions,
} from './permissions';

describe('delivery permissions', () => {
  it('marks writing events as a create action so policies can match it by action', () => {
    expect(isCreatePermission(deliveryEventsCreatePermission)).toBe(true);
    expect(deliveryEventsCreatePermission.name).toBe('delivery.events.create');
  });

  it('lists every permission exactly once', () => {
    const names = deliveryPermissions.map(p => p.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain(deliveryEventsCreatePermission.name);
  });
});
