import {
  isCreatePermission,
  isDeletePermission,
  isReadPermission,
  isResourcePermission,
  isUpdatePermission,
} from '@backstage/plugin-permission-common';
import {
  deliveryAdminPermission,
  deliveryEventsCreatePermission,
  deliveryPermissions,
  deliveryPolicyExceptionPermission,
  deliveryScorecardReadPermission,
} from './permissions';

describe('delivery permissions', () => {
  it('marks reading scorecards as a read action so policies can match it by action', () => {
    expect(isReadPermission(deliveryScorecardReadPermission)).toBe(true);
    expect(deliveryScorecardReadPermission.name).toBe(
      'delivery.scorecard.read',
    );
  });

  it('marks writing events as a create action so policies can match it by action', () => {
    expect(isCreatePermission(deliveryEventsCreatePermission)).toBe(true);
    expect(deliveryEventsCreatePermission.name).toBe('delivery.events.create');
  });

  it('marks administration (deleting data) as a delete action', () => {
    expect(isDeletePermission(deliveryAdminPermission)).toBe(true);
    expect(deliveryAdminPermission.name).toBe('delivery.admin');
  });

  it('marks deciding on error-budget policy exceptions as an update action', () => {
    expect(isUpdatePermission(deliveryPolicyExceptionPermission)).toBe(true);
    expect(deliveryPolicyExceptionPermission.name).toBe(
      'delivery.policy.exception',
    );
  });

  it('lists every permission exactly once: reading is a catalog-entity resource permission, the others are basic', () => {
    const names = deliveryPermissions.map(p => p.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.sort()).toEqual([
      'delivery.admin',
      'delivery.events.create',
      'delivery.policy.exception',
      'delivery.scorecard.read',
    ]);
    expect(
      deliveryPermissions.map(p => [p.name, p.type, isResourcePermission(p)]),
    ).toEqual([
      ['delivery.scorecard.read', 'resource', true],
      ['delivery.events.create', 'basic', false],
      ['delivery.admin', 'basic', false],
      ['delivery.policy.exception', 'basic', false],
    ]);
    expect(
      isResourcePermission(deliveryScorecardReadPermission, 'catalog-entity'),
    ).toBe(true);
  });
});
