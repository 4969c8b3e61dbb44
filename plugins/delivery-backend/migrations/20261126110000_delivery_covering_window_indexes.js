// @ts-check

/**
 * The organisation's scorecard reads every production deployment finished in its two windows and
 * every change first deployed in them (tens of thousands each), scattered over the tables' pages.
 * On PostgreSQL the range indexes carry the columns those reads need, so once (auto)vacuum has
 * marked the pages all-visible they are index-only scans instead of a heap page per row; pages
 * not yet vacuumed are read from the heap as before. They replace the plain range indexes they
 * extend. SQLite keeps its indexes: it has no `include`, and its reads are small.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  if (knex.client.config.client !== 'pg') {
    return;
  }
  await knex.raw(
    'create index delivery_deployments_finished_cover_idx on delivery_deployments (environment, finished_at) include (status, source, id)',
  );
  await knex.raw('drop index delivery_deployments_finished_idx');
  await knex.raw(
    'create index delivery_changes_deployed_cover_idx on delivery_changes (first_deployed_at) include (first_commit_at)',
  );
  await knex.raw('drop index delivery_changes_deployed_idx');
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  if (knex.client.config.client !== 'pg') {
    return;
  }
  await knex.raw(
    'create index delivery_deployments_finished_idx on delivery_deployments (environment, finished_at)',
  );
  await knex.raw('drop index delivery_deployments_finished_cover_idx');
  await knex.raw(
    'create index delivery_changes_deployed_idx on delivery_changes (first_deployed_at)',
  );
  await knex.raw('drop index delivery_changes_deployed_cover_idx');
};
