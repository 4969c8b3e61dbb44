// @ts-check

/**
 * Provider progress per entity (cursor, last success/error, records seen) and the webhook delivery
 * ids received recently, for replay protection.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('delivery_sync_state', table => {
    table.string('provider', 255).notNullable();
    table.string('entity_ref', 255).notNullable();
    table.text('cursor').nullable();
    table.bigInteger('last_attempt_at').nullable();
    table.bigInteger('last_success_at').nullable();
    table.bigInteger('last_error_at').nullable();
    table.text('last_error').nullable();
    table.bigInteger('records_seen').notNullable().defaultTo(0);
    table.bigInteger('records_skipped').notNullable().defaultTo(0);
    table.text('last_skipped').nullable();
    table.primary(['provider', 'entity_ref']);
    table.index(['entity_ref'], 'delivery_sync_state_entity_idx');
  });

  await knex.schema.createTable('delivery_webhook_deliveries', table => {
    table.string('handler', 255).notNullable();
    table.string('delivery_id', 255).notNullable();
    table.bigInteger('received_at').notNullable();
    table.primary(['handler', 'delivery_id']);
    table.index(['received_at'], 'delivery_webhook_deliveries_received_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('delivery_webhook_deliveries');
  await knex.schema.dropTable('delivery_sync_state');
};
