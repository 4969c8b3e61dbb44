// @ts-check

/**
 * `delivery_data_versions`: one counter per entity, raised in the transaction that writes or
 * deletes any of its records. Cached scorecards, time series and SLO status are keyed by the
 * counters of the entities they count, so every replica sees an ingestion at once. Counters only
 * grow and rows are never deleted: the sum over a set of entities changes whenever one of them
 * changes. Entities with records stored before start at 1.
 */

const RECORD_TABLES = [
  'delivery_deployments',
  'delivery_changes',
  'delivery_incidents',
  'delivery_work_items',
  'delivery_sli_samples',
  'delivery_quality_snapshots',
];

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('delivery_data_versions', table => {
    table.comment('A change counter per entity, for cache keys');
    table.string('entity_ref', 255).primary().notNullable();
    table.bigInteger('version').notNullable();
  });
  const refs = new Set();
  for (const name of RECORD_TABLES) {
    const rows = await knex(name).distinct('entity_ref');
    rows.forEach(row => refs.add(row.entity_ref));
  }
  const rows = [...refs].map(entityRef => ({
    entity_ref: entityRef,
    version: 1,
  }));
  for (let i = 0; i < rows.length; i += 500) {
    await knex('delivery_data_versions').insert(rows.slice(i, i + 500));
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('delivery_data_versions');
};
