/** Which entities' delivery metrics a caller may read: rollups count only those. */
export interface EntityReadAccess {
  /** Whether every entity is readable, so a rollup needs no per-entity decision. */
  readonly all: boolean;
  /** The entities among `entityRefs` the caller may read. */
  readable(entityRefs: string[]): Promise<string[]>;
}

/** Every entity is readable: service principals, allow-all policies, the plugin itself. */
export const readAll: EntityReadAccess = {
  all: true,
  readable: async entityRefs => entityRefs,
};
