import { AuthService } from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_HAS_PART,
  RELATION_OWNED_BY,
  RELATION_OWNER_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';

/** The entity a scorecard is about and the entities whose records it counts. */
export type ResolvedScope = {
  entity: Entity;
  entityRef: string;
  entityRefs: string[];
};

const targetsOf = (entity: Entity, relationType: string) =>
  (entity.relations ?? [])
    .filter(relation => relation.type === relationType)
    .map(relation => relation.targetRef);

/**
 * Resolves which entities' records make up a scorecard, through the catalog: a Component (or
 * any other kind) counts its own records; a System also its parts; a Group everything it owns
 * and the parts of the systems it owns.
 *
 * The catalog is read with the plugin's own service credentials, once the router has authorized
 * the caller for the delivery permission: a caller's token may be restricted to the `delivery`
 * plugin (the CI token), and the catalog would refuse it.
 */
export class EntityScope {
  private readonly recent = new Map<
    string,
    { expires: number; scope: Promise<ResolvedScope> }
  >();

  /**
   * @param ttlMs - how long a resolved scope is reused: every read resolves its entity, and the
   * catalog's own processing loop takes longer than this to apply an ownership change anyway.
   */
  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
    private readonly ttlMs = 0,
  ) {}

  resolve(entityRef: string): Promise<ResolvedScope> {
    if (this.ttlMs <= 0) return this.lookup(entityRef);
    const now = Date.now();
    const hit = this.recent.get(entityRef);
    if (hit && hit.expires > now) return hit.scope;
    if (this.recent.size > 10_000) this.recent.clear();
    const scope = this.lookup(entityRef);
    this.recent.set(entityRef, { expires: now + this.ttlMs, scope });
    // An unknown entity or a failed lookup is asked again next time.
    scope.catch(() => this.recent.delete(entityRef));
    return scope;
  }

  private async lookup(entityRef: string): Promise<ResolvedScope> {
    const credentials = await this.auth.getOwnServiceCredentials();
    const entity = await this.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity) {
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    }
    const ref = stringifyEntityRef(entity);
    const refs = new Set([ref]);
    const kind = entity.kind.toLocaleLowerCase('en-US');

    if (kind === 'system') {
      targetsOf(entity, RELATION_HAS_PART).forEach(r => refs.add(r));
    }
    if (kind === 'group') {
      const owned = targetsOf(entity, RELATION_OWNER_OF);
      owned.forEach(r => refs.add(r));
      const ownedSystems = owned.filter(r => r.startsWith('system:'));
      if (ownedSystems.length > 0) {
        const { items } = await this.catalog.getEntitiesByRefs(
          {
            entityRefs: ownedSystems,
            fields: ['kind', 'metadata', 'relations'],
          },
          { credentials },
        );
        for (const system of items) {
          if (system) {
            targetsOf(system, RELATION_HAS_PART).forEach(r => refs.add(r));
          }
        }
      }
    }
    return { entity, entityRef: ref, entityRefs: [...refs].sort() };
  }

  /** The entity's owner (a Group, usually), or undefined when it names none the catalog has. */
  async owner(entity: Entity): Promise<Entity | undefined> {
    const [ownerRef] = targetsOf(entity, RELATION_OWNED_BY);
    if (!ownerRef) {
      return undefined;
    }
    const credentials = await this.auth.getOwnServiceCredentials();
    return (
      (await this.catalog.getEntityByRef(ownerRef, { credentials })) ??
      undefined
    );
  }
}
