// @ts-check

/**
 * `source_updated_at` on every record table: when the source last changed the record (its
 * `updatedAt`, or the newest of the record's own times), epoch milliseconds. An upsert leaves a
 * row alone when the stored one is newer, so a late delivery of an older state (a webhook retried
 * after a newer one, a replayed sync page) cannot overwrite it. Rows stored before have none and
 * are overwritten by the next delivery, as before.
 */

const TABLES = [
  'delivery_deployments',
  'delivery_changes',
  'delivery_incidents',
  'delivery_work_items',
  'delivery_sli_samples',
  'delivery_quality_snapshots',
];

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  for (const table of TABLES) {
    await knex.schema.alterTable(table, t => {
      t.bigInteger('source_updated_at').nullable();
    });
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  for (const table of TABLES) {
    await knex.schema.alterTable(table, t => {
      t.dropColumn('source_updated_at');
    });
  }
};
