// @ts-check

/**
 * Each change remembers when it first reached production: the earliest finish of a `success` or
 * `rolled_back` production deployment that links it. Ingestion and deletion keep it current
 * (DeliveryStore), so lead time reads the changes shipped in a window by range instead of joining
 * and grouping a scope's whole change history. Incidents get indexes on their two instants alone
 * for the organisation, whose queries do not filter by entity.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('delivery_changes', table => {
    table.bigInteger('first_deployed_at').nullable();
  });

  // Finding a change's deployments must not read the deployment: covering the link by its change
  // also keeps SQLite, which has no statistics, from preferring the primary key (source,
  // deployment_id, change_id) and scanning every link of the source.
  await knex.schema.alterTable('delivery_deployment_changes', table => {
    table.dropIndex([], 'delivery_deployment_changes_change_idx');
    table.index(
      ['source', 'change_id', 'deployment_id'],
      'delivery_deployment_changes_change_cover_idx',
    );
  });

  await knex('delivery_changes').update({
    first_deployed_at: knex('delivery_deployment_changes as dc')
      .join('delivery_deployments as d', join =>
        join.on('d.source', 'dc.source').andOn('d.id', 'dc.deployment_id'),
      )
      .whereRaw('dc.source = delivery_changes.source')
      .whereRaw('dc.change_id = delivery_changes.id')
      .where('d.environment', 'production')
      .whereIn('d.status', ['success', 'rolled_back'])
      .whereNotNull('d.finished_at')
      .min('d.finished_at'),
  });

  await knex.schema.alterTable('delivery_changes', table => {
    table.index(
      ['entity_ref', 'first_deployed_at'],
      'delivery_changes_entity_deployed_idx',
    );
    table.index(['first_deployed_at'], 'delivery_changes_deployed_idx');
  });

  await knex.schema.alterTable('delivery_incidents', table => {
    table.index(['opened_at'], 'delivery_incidents_opened_idx');
    table.index(['resolved_at'], 'delivery_incidents_resolved_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('delivery_incidents', table => {
    table.dropIndex([], 'delivery_incidents_opened_idx');
    table.dropIndex([], 'delivery_incidents_resolved_idx');
  });
  await knex.schema.alterTable('delivery_deployment_changes', table => {
    table.dropIndex([], 'delivery_deployment_changes_change_cover_idx');
    table.index(
      ['source', 'change_id'],
      'delivery_deployment_changes_change_idx',
    );
  });
  await knex.schema.alterTable('delivery_changes', table => {
    table.dropIndex([], 'delivery_changes_entity_deployed_idx');
    table.dropIndex([], 'delivery_changes_deployed_idx');
    table.dropColumn('first_deployed_at');
  });
};
