import { Knex } from 'knex';

const TABLE = 'delivery_data_versions';

/**
 * The change counters of entities' delivery data (migration `delivery_data_versions`): raised in
 * the writing transaction, read before a cached value is looked up, so a value cached under an
 * older version is never served after the write has committed, on any replica.
 */
export class DataVersions {
  constructor(private readonly knex: Knex) {}

  /** Raises the counters of these entities, in key order so concurrent writers cannot deadlock. */
  static async raise(tx: Knex.Transaction, entityRefs: Iterable<string>) {
    const refs = [...new Set(entityRefs)].sort();
    for (let i = 0; i < refs.length; i += 500) {
      await tx(TABLE)
        .insert(
          refs
            .slice(i, i + 500)
            .map(entityRef => ({ entity_ref: entityRef, version: 1 })),
        )
        .onConflict('entity_ref')
        .merge({ version: tx.raw('?? + 1', [`${TABLE}.version`]) });
    }
  }

  /** Raises every counter: a deletion by source or by age may touch any entity. */
  static async raiseAll(tx: Knex.Transaction) {
    await tx(TABLE).update({ version: tx.raw('?? + 1', ['version']) });
  }

  /** The version of the data of these entities, or of every entity's when `null`. */
  async of(entityRefs: string[] | null): Promise<string> {
    const query = this.knex(TABLE)
      .sum({ sum: 'version' })
      .count({ count: '*' });
    if (entityRefs !== null) query.whereIn('entity_ref', entityRefs);
    const [row] = await query;
    return `${Number(row?.count ?? 0)}.${Number(row?.sum ?? 0)}`;
  }

  /** Every entity that has (or had) delivery records. */
  async entityRefs(): Promise<string[]> {
    const rows = await this.knex(TABLE).select('entity_ref');
    return rows.map(row => row.entity_ref as string);
  }
}
