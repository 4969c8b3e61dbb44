// @ts-check

/**
 * Exceptions to the error-budget policy (a deployment during a freeze) and their trail: every
 * request, grant, refusal and expiry, with who, when and why.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('delivery_policy_exceptions', table => {
    table.string('id', 36).primary();
    table.string('entity_ref', 255).notNullable();
    table.string('reason_kind', 32).notNullable();
    table.text('justification').notNullable();
    table.string('deployment_id', 255).nullable();
    table.bigInteger('until').notNullable();
    table.string('status', 16).notNullable();
    table.string('requested_by', 255).notNullable();
    table.bigInteger('requested_at').notNullable();
    // When the exception stopped being pending or in force: refused or expired.
    table.bigInteger('closed_at').nullable();
    table.index(
      ['entity_ref', 'requested_at'],
      'delivery_policy_exceptions_entity_idx',
    );
    table.index(['status', 'until'], 'delivery_policy_exceptions_open_idx');
  });

  await knex.schema.createTable('delivery_policy_exception_events', table => {
    table.bigIncrements('seq').primary();
    table
      .string('exception_id', 36)
      .notNullable()
      .references('id')
      .inTable('delivery_policy_exceptions')
      .onDelete('CASCADE');
    table.string('action', 16).notNullable();
    table.string('actor', 255).notNullable();
    table.bigInteger('at').notNullable();
    table.text('comment').nullable();
    table.index(
      ['exception_id'],
      'delivery_policy_exception_events_exception_idx',
    );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('delivery_policy_exception_events');
  await knex.schema.dropTable('delivery_policy_exceptions');
};
