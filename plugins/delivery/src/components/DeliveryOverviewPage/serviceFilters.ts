import { Entity } from '@backstage/catalog-model';
import {
  lifecycleOf,
  ownerRefOf,
  systemRefOf,
} from '../ScorecardParts/catalogEntities';

/** The catalog facets the overview filters services by. */
export const serviceFilterNames = ['owner', 'system', 'lifecycle'] as const;

/** One of the filters: owner, system or lifecycle. */
export type ServiceFilterName = (typeof serviceFilterNames)[number];

/** The chosen value of each filter (a full entity ref for owner and system); absent is "all". */
export type ServiceFilters = Partial<Record<ServiceFilterName, string>>;

const facets: Record<
  ServiceFilterName,
  (entity: Entity) => string | undefined
> = {
  owner: ownerRefOf,
  system: systemRefOf,
  lifecycle: lifecycleOf,
};

const same = (a: string | undefined, b: string) =>
  a !== undefined &&
  a.toLocaleLowerCase('en-US') === b.toLocaleLowerCase('en-US');

/** The components that match every chosen filter. */
export function filterComponents(
  components: readonly Entity[],
  filters: ServiceFilters,
): Entity[] {
  return components.filter(entity =>
    serviceFilterNames.every(name => {
      const wanted = filters[name];
      return !wanted || same(facets[name](entity), wanted);
    }),
  );
}

/** The distinct values of each facet among the components, sorted. */
export function filterOptions(
  components: readonly Entity[],
): Record<ServiceFilterName, string[]> {
  const options = {} as Record<ServiceFilterName, string[]>;
  for (const name of serviceFilterNames) {
    const values = new Set<string>();
    for (const entity of components) {
      const value = facets[name](entity);
      if (value) {
        values.add(value);
      }
    }
    options[name] = [...values].sort((a, b) => a.localeCompare(b));
  }
  return options;
}
