// @ts-check

/**
 * One table per record type, keyed by (source, id) so that delivering a record again updates it.
 * Instants are stored as epoch milliseconds (UTC) so that durations and day buckets are plain
 * integer arithmetic on SQLite and PostgreSQL alike.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  /** @param {import('knex').Knex.CreateTableBuilder} table */
  const recordColumns = table => {
    table.string('source', 255).notNullable();
    table.string('id', 255).notNullable();
    table.string('entity_ref', 255).notNullable();
    table.bigInteger('ingested_at').notNullable();
    table.primary(['source', 'id']);
  };

  await knex.schema.createTable('delivery_deployments', table => {
    recordColumns(table);
    table.string('environment', 255).notNullable();
    table.string('status', 32).notNullable();
    table.bigInteger('started_at').nullable();
    table.bigInteger('finished_at').nullable();
    table.string('url', 2048).nullable();
    table.index(
      ['entity_ref', 'environment', 'finished_at'],
      'delivery_deployments_entity_finished_idx',
    );
    table.index(
      ['environment', 'finished_at'],
      'delivery_deployments_finished_idx',
    );
  });

  await knex.schema.createTable('delivery_deployment_changes', table => {
    table.string('source', 255).notNullable();
    table.string('deployment_id', 255).notNullable();
    table.string('change_id', 255).notNullable();
    table.primary(['source', 'deployment_id', 'change_id']);
    table.index(
      ['source', 'change_id'],
      'delivery_deployment_changes_change_idx',
    );
  });

  await knex.schema.createTable('delivery_changes', table => {
    recordColumns(table);
    table.bigInteger('first_commit_at').nullable();
    table.bigInteger('merged_at').nullable();
    table.text('title').nullable();
    table.string('author', 255).nullable();
    table.string('url', 2048).nullable();
    table.index(
      ['entity_ref', 'merged_at'],
      'delivery_changes_entity_merged_idx',
    );
  });

  await knex.schema.createTable('delivery_incidents', table => {
    recordColumns(table);
    table.string('severity', 64).nullable();
    table.text('title').nullable();
    table.bigInteger('opened_at').notNullable();
    table.bigInteger('acknowledged_at').nullable();
    table.bigInteger('resolved_at').nullable();
    table.string('caused_by_deployment_id', 255).nullable();
    table.string('url', 2048).nullable();
    table.index(
      ['entity_ref', 'opened_at'],
      'delivery_incidents_entity_opened_idx',
    );
    table.index(
      ['entity_ref', 'resolved_at'],
      'delivery_incidents_entity_resolved_idx',
    );
    table.index(
      ['source', 'caused_by_deployment_id'],
      'delivery_incidents_cause_idx',
    );
  });

  await knex.schema.createTable('delivery_work_items', table => {
    recordColumns(table);
    table.string('kind', 16).notNullable();
    table.string('sprint', 255).nullable();
    table.bigInteger('created_at').notNullable();
    table.bigInteger('started_at').nullable();
    table.bigInteger('completed_at').nullable();
    table.boolean('escaped').notNullable().defaultTo(false);
    table.double('points').nullable();
    table.double('active_hours').nullable();
    table.index(
      ['entity_ref', 'completed_at'],
      'delivery_work_items_entity_completed_idx',
    );
    table.index(
      ['entity_ref', 'created_at'],
      'delivery_work_items_entity_created_idx',
    );
  });

  await knex.schema.createTable('delivery_sli_samples', table => {
    recordColumns(table);
    table.string('slo', 255).notNullable();
    table.bigInteger('timestamp').notNullable();
    table.double('good').notNullable();
    table.double('total').notNullable();
    table.index(
      ['entity_ref', 'slo', 'timestamp'],
      'delivery_sli_samples_entity_slo_idx',
    );
  });

  await knex.schema.createTable('delivery_quality_snapshots', table => {
    recordColumns(table);
    table.bigInteger('at').notNullable();
    table.double('line_coverage').notNullable();
    table.double('branch_coverage').nullable();
    table.index(
      ['entity_ref', 'at'],
      'delivery_quality_snapshots_entity_at_idx',
    );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  for (const table of [
    'delivery_quality_snapshots',
    'delivery_sli_samples',
    'delivery_work_items',
    'delivery_incidents',
    'delivery_changes',
    'delivery_deployment_changes',
    'delivery_deployments',
  ]) {
    await knex.schema.dropTable(table);
  }
};
