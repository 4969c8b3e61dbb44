// @ts-check

/**
 * Deployment rework and data quality (docs/metrics.md): deployments get an optional `reason`
 * (hotfix and rollback are rework) and the incidents they fix (a JSON array, NULL when none);
 * changes get `data_quality`, the flag that leaves a change out of lead time while keeping it
 * stored. Production environments are compared case-insensitively, so the deployments' range
 * reads get indexes on `lower(environment)`.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('delivery_deployments', table => {
    table.string('reason', 32).nullable();
    table.text('fixes_incident_ids').nullable();
  });
  await knex.schema.alterTable('delivery_changes', table => {
    table.string('data_quality', 64).nullable();
  });
  await knex.raw(
    'create index delivery_deployments_prod_finished_idx on delivery_deployments (lower(environment), finished_at)',
  );
  await knex.raw(
    'create index delivery_deployments_entity_prod_finished_idx on delivery_deployments (entity_ref, lower(environment), finished_at)',
  );
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.raw('drop index delivery_deployments_entity_prod_finished_idx');
  await knex.raw('drop index delivery_deployments_prod_finished_idx');
  await knex.schema.alterTable('delivery_changes', table => {
    table.dropColumn('data_quality');
  });
  await knex.schema.alterTable('delivery_deployments', table => {
    table.dropColumn('fixes_incident_ids');
    table.dropColumn('reason');
  });
};
