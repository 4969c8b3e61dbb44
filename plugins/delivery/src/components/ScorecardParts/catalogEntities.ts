import {
  Entity,
  RELATION_OWNED_BY,
  RELATION_PART_OF,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/** The entity fields the delivery views read from the catalog. */
export const catalogFields = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'spec.type',
  'spec.owner',
  'spec.system',
  'spec.lifecycle',
  'relations',
];

/** The title if the entity has one, else its name. */
export const entityDisplayName = (entity: Entity): string =>
  entity.metadata.title ?? entity.metadata.name;

const relationTarget = (
  entity: Entity,
  type: string,
  kind: string,
): string | undefined =>
  entity.relations?.find(
    relation =>
      relation.type === type &&
      parseEntityRef(relation.targetRef).kind.toLocaleLowerCase('en-US') ===
        kind,
  )?.targetRef;

const specRef = (
  entity: Entity,
  field: 'owner' | 'system',
  defaultKind: string,
): string | undefined => {
  const value = entity.spec?.[field];
  if (typeof value !== 'string' || !value) {
    return undefined;
  }
  try {
    return stringifyEntityRef(
      parseEntityRef(value, {
        defaultKind,
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    );
  } catch {
    return undefined;
  }
};

/** The full ref of the entity's owner: the ownedBy relation, else `spec.owner`. */
export const ownerRefOf = (entity: Entity): string | undefined =>
  relationTarget(entity, RELATION_OWNED_BY, 'group') ??
  relationTarget(entity, RELATION_OWNED_BY, 'user') ??
  specRef(entity, 'owner', 'group');

/** The full ref of the system the entity is part of: the partOf relation, else `spec.system`. */
export const systemRefOf = (entity: Entity): string | undefined =>
  relationTarget(entity, RELATION_PART_OF, 'system') ??
  specRef(entity, 'system', 'system');

/** The entity's `spec.lifecycle`, if any. */
export const lifecycleOf = (entity: Entity): string | undefined => {
  const value = entity.spec?.lifecycle;
  return typeof value === 'string' && value ? value : undefined;
};
