// @ts-check

/**
 * Work items carry their sprint's start, planned end and completion (Jira's Agile API), so sprints
 * can be ordered and a velocity chart drawn per sprint; quality snapshots carry the issue counts
 * and the quality-gate status of the analysis (SonarQube), next to the coverage.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('delivery_work_items', table => {
    table.bigInteger('sprint_started_at').nullable();
    table.bigInteger('sprint_ends_at').nullable();
    table.bigInteger('sprint_completed_at').nullable();
  });
  await knex.schema.alterTable('delivery_quality_snapshots', table => {
    table.integer('bugs').nullable();
    table.integer('vulnerabilities').nullable();
    table.integer('code_smells').nullable();
    table.string('quality_gate', 16).nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('delivery_quality_snapshots', table => {
    table.dropColumn('bugs');
    table.dropColumn('vulnerabilities');
    table.dropColumn('code_smells');
    table.dropColumn('quality_gate');
  });
  await knex.schema.alterTable('delivery_work_items', table => {
    table.dropColumn('sprint_started_at');
    table.dropColumn('sprint_ends_at');
    table.dropColumn('sprint_completed_at');
  });
};
