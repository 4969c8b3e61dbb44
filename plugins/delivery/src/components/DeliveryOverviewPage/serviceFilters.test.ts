import { Entity } from '@backstage/catalog-model';
import { component } from '../../__testUtils__/teamScorecardFixtures';
import { filterComponents, filterOptions } from './serviceFilters';

const checkout = component('checkout', {
  owner: 'group:default/team-payments',
  system: 'system:default/storefront',
});
const cart = component('cart', {
  owner: 'group:default/team-payments',
  system: 'system:default/storefront',
  lifecycle: 'experimental',
});
const search = component('search', {
  owner: 'group:default/team-search',
  lifecycle: 'experimental',
});
/** Straight from YAML, before the catalog adds relations: spec.owner is a short ref. */
const legacy: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'legacy', namespace: 'default' },
  spec: { owner: 'team-search', system: 'storefront', lifecycle: 'deprecated' },
};
const all = [checkout, cart, search, legacy];
const names = (entities: Entity[]) => entities.map(e => e.metadata.name);

describe('filterComponents', () => {
  it('keeps everything without filters', () => {
    expect(names(filterComponents(all, {}))).toEqual([
      'checkout',
      'cart',
      'search',
      'legacy',
    ]);
  });

  it('filters by owner, system and lifecycle, all at once', () => {
    expect(
      names(filterComponents(all, { owner: 'group:default/team-search' })),
    ).toEqual(['search', 'legacy']);
    expect(
      names(filterComponents(all, { system: 'system:default/storefront' })),
    ).toEqual(['checkout', 'cart', 'legacy']);
    expect(names(filterComponents(all, { lifecycle: 'experimental' }))).toEqual(
      ['cart', 'search'],
    );
    expect(
      names(
        filterComponents(all, {
          owner: 'group:default/team-payments',
          lifecycle: 'experimental',
        }),
      ),
    ).toEqual(['cart']);
  });
});

describe('filterOptions', () => {
  it('lists the distinct full refs and lifecycles, sorted', () => {
    expect(filterOptions(all)).toEqual({
      owner: ['group:default/team-payments', 'group:default/team-search'],
      system: ['system:default/storefront'],
      lifecycle: ['deprecated', 'experimental', 'production'],
    });
  });
});
