import { Knex } from 'knex';

/** Deployments that reached production: the ones deployment frequency, CFR and lead time count. */
export const REACHED_PRODUCTION = ['success', 'rolled_back'];

/** The environments that are production unless `delivery.productionEnvironments` says otherwise. */
export const DEFAULT_PRODUCTION_ENVIRONMENTS = ['production', 'prod'];

/**
 * SQL that is true when `column` names a production environment, compared case-insensitively
 * (`environments` are lower case). The indexes on `lower(environment)` serve it.
 */
export function isProductionSql(
  knex: Knex,
  column: string,
  environments: string[],
): Knex.Raw {
  return knex.raw(`lower(??) in (${environments.map(() => '?').join(', ')})`, [
    column,
    ...environments,
  ]);
}

/**
 * The earliest finish of a production deployment that reached production and links a change:
 * the value of its `first_deployed_at` column. The change is `options.change`, or else the
 * current row of `delivery_changes` in an update. `options.exclude` narrows out deployments
 * (aliased `d`) that are about to be deleted.
 *
 * The conditions on the deployment sit inside the aggregate rather than in a WHERE clause: then
 * the only way to the deployment is its primary key, also for a planner without statistics (a new
 * database during its first large backfill), which otherwise scans all production deployments for
 * every change.
 */
export function firstDeploymentOf(
  knex: Knex,
  options: {
    change?: { source: string; id: string };
    exclude?: (query: Knex.QueryBuilder) => void;
    productionEnvironments?: string[];
  } = {},
): Knex.QueryBuilder {
  const {
    change,
    exclude,
    productionEnvironments = DEFAULT_PRODUCTION_ENVIRONMENTS,
  } = options;
  const query = knex('delivery_deployment_changes as dc').join(
    'delivery_deployments as d',
    join => join.on('d.source', 'dc.source').andOn('d.id', 'dc.deployment_id'),
  );
  if (change) {
    query.where('dc.source', change.source).where('dc.change_id', change.id);
  } else {
    query
      .whereRaw('?? = ??', ['dc.source', 'delivery_changes.source'])
      .whereRaw('?? = ??', ['dc.change_id', 'delivery_changes.id']);
  }
  const production = isProductionSql(
    knex,
    'd.environment',
    productionEnvironments,
  ).toSQL();
  query.select(
    knex.raw(
      `min(case when ${production.sql} and ?? in (${REACHED_PRODUCTION.map(
        () => '?',
      ).join(', ')}) then ?? end)`,
      [
        ...production.bindings,
        'd.status',
        ...REACHED_PRODUCTION,
        'd.finished_at',
      ],
    ),
  );
  if (exclude) {
    query.whereNot(exclude);
  }
  return query;
}
