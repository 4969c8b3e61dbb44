// The naive way to get an entity scorecard's DORA numbers: load the raw rows the metrics need
// straight from the database and compute everything (first deployment per change, medians,
// percentiles, rates) in JavaScript. The benchmark times this against the engine's HTTP answer.

import { DAY_MS, HOUR_MS } from './generate.mjs';

const REACHED = new Set(['success', 'rolled_back']);

/** Linear interpolation between closest ranks, like percentile_cont. */
export function percentile(values, p) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (rank - lower);
}

/** `db.all(sql, params)` with `?` placeholders, on PostgreSQL (pg) or SQLite (better-sqlite3). */
export async function openDatabase({ sqliteFile, pgDatabase }) {
  if (sqliteFile) {
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(sqliteFile, { readonly: true });
    return {
      all: async (sql, params = []) => db.prepare(sql).all(...params),
      close: async () => db.close(),
    };
  }
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({
    host: '127.0.0.1',
    port: 5432,
    user: 'postgres',
    database: pgDatabase,
    max: 4,
  });
  return {
    all: async (sql, params = []) => {
      let n = 0;
      const text = sql.replace(/\?/g, () => `$${++n}`);
      return (await pool.query(text, params)).rows;
    },
    close: () => pool.end(),
  };
}

const inList = refs => `(${refs.map(() => '?').join(', ')})`;

/** Loads the raw rows of a set of entities (null: everything) up to `to`. */
async function loadRows(db, refs, to) {
  const where = refs ? `and entity_ref in ${inList(refs)}` : '';
  const params = refs ? [to, ...refs] : [to];
  const [deployments, changes, links, incidents] = await Promise.all([
    db.all(
      `select source, id, environment, status, finished_at from delivery_deployments
       where finished_at < ? ${where}`,
      params,
    ),
    db.all(
      `select source, id, first_commit_at from delivery_changes
       where first_commit_at < ? ${where}`,
      params,
    ),
    db.all(
      `select dc.source, dc.deployment_id, dc.change_id from delivery_deployment_changes dc
       join delivery_changes c on c.source = dc.source and c.id = dc.change_id
       where c.first_commit_at < ? ${where.replace(
         'entity_ref',
         'c.entity_ref',
       )}`,
      params,
    ),
    db.all(
      `select source, id, opened_at, resolved_at, caused_by_deployment_id from delivery_incidents
       where opened_at < ? ${where}`,
      params,
    ),
  ]);
  return { deployments, changes, links, incidents };
}

function windowNumbers(rows, from, to) {
  const days = (to - from) / DAY_MS;
  const caused = new Set(
    rows.incidents
      .filter(i => i.caused_by_deployment_id !== null)
      .map(i => `${i.source}\u0000${i.caused_by_deployment_id}`),
  );
  const deploymentsByKey = new Map();
  let counted = 0;
  let failed = 0;
  const deploymentDays = new Set();
  for (const d of rows.deployments) {
    const finished = d.finished_at === null ? null : Number(d.finished_at);
    const key = `${d.source}\u0000${d.id}`;
    if (d.environment !== 'production' || !REACHED.has(d.status)) continue;
    if (finished === null) continue;
    deploymentsByKey.set(key, finished);
    if (finished >= from && finished < to) {
      counted++;
      if (d.status === 'rolled_back' || caused.has(key)) failed++;
      deploymentDays.add(Math.floor(finished / DAY_MS));
    }
  }
  const firstDeployed = new Map();
  for (const l of rows.links) {
    const finished = deploymentsByKey.get(
      `${l.source}\u0000${l.deployment_id}`,
    );
    if (finished === undefined) continue;
    const key = `${l.source}\u0000${l.change_id}`;
    const seen = firstDeployed.get(key);
    if (seen === undefined || finished < seen) firstDeployed.set(key, finished);
  }
  const leadTimes = [];
  for (const c of rows.changes) {
    const deployed = firstDeployed.get(`${c.source}\u0000${c.id}`);
    const firstCommit = Number(c.first_commit_at);
    if (deployed === undefined || deployed < from || deployed >= to) continue;
    if (deployed < firstCommit) continue;
    leadTimes.push((deployed - firstCommit) / HOUR_MS);
  }
  const restoreTimes = [];
  let open = 0;
  let opened = 0;
  for (const i of rows.incidents) {
    const openedAt = Number(i.opened_at);
    const resolvedAt = i.resolved_at === null ? null : Number(i.resolved_at);
    if (resolvedAt !== null && resolvedAt >= from && resolvedAt < to) {
      restoreTimes.push((resolvedAt - openedAt) / HOUR_MS);
    }
    if (openedAt < to && (resolvedAt === null || resolvedAt >= to)) open++;
    if (openedAt >= from && openedAt < to) opened++;
  }
  return {
    deploymentFrequency: counted / days,
    deploymentDaysPerWeek: (deploymentDays.size * 7) / days,
    changeFailureRate: counted === 0 ? null : failed / counted,
    leadTime: percentile(leadTimes, 0.5),
    leadTimeP90: percentile(leadTimes, 0.9),
    leadTimeSamples: leadTimes.length,
    timeToRestore: percentile(restoreTimes, 0.5),
    timeToRestoreP90: percentile(restoreTimes, 0.9),
    openIncidents: open,
    incidentsPer30Days: (opened * 30) / days,
  };
}

/** The DORA numbers of the window and the previous window, computed the naive way. */
export async function naiveScorecard(db, refs, from, to) {
  const previousFrom = from - (to - from);
  const rows = await loadRows(db, refs, to);
  return {
    current: windowNumbers(rows, from, to),
    previous: windowNumbers(rows, previousFrom, from),
  };
}

const close = (a, b) =>
  (a === null && b === null) ||
  (typeof a === 'number' &&
    typeof b === 'number' &&
    Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b)));

/** Differences between the engine's scorecard and the naive numbers (empty when they agree). */
export function compareWithEngine(scorecard, naive) {
  const { dora, quality } = scorecard;
  const pairs = [
    [
      'deploymentFrequency',
      dora.deploymentFrequency.value,
      naive.current.deploymentFrequency,
    ],
    [
      'deploymentDaysPerWeek',
      dora.deploymentDaysPerWeek?.value,
      naive.current.deploymentDaysPerWeek,
    ],
    [
      'changeFailureRate',
      dora.changeFailureRate.value,
      naive.current.changeFailureRate,
    ],
    ['leadTime', dora.leadTime.value, naive.current.leadTime],
    ['leadTime.p90', dora.leadTime.p90, naive.current.leadTimeP90],
    [
      'leadTime.previous',
      dora.leadTime.previous?.value,
      naive.previous.leadTime,
    ],
    ['timeToRestore', dora.timeToRestore.value, naive.current.timeToRestore],
    [
      'timeToRestore.open',
      dora.timeToRestore.open,
      naive.current.openIncidents,
    ],
    [
      'incidentsPer30Days',
      quality.incidentsPer30Days?.value,
      naive.current.incidentsPer30Days,
    ],
  ];
  return pairs
    .filter(([, engine, mine]) => engine !== undefined && !close(engine, mine))
    .map(([name, engine, mine]) => `${name}: engine ${engine}, naive ${mine}`);
}
