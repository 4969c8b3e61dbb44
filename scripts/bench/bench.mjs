#!/usr/bin/env node
// The scale benchmark of issue 9: starts the real backend on PostgreSQL (or SQLite), ingests a
// generated organisation through POST /api/delivery/events, times the read endpoints against a
// naive computation and writes the figures to docs/benchmarks.md. `yarn bench --help` for flags.

import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { apiClient, waitFor } from '../lib/backendClient.mjs';
import {
  DAY_MS,
  FULL_SIZE,
  catalogYaml,
  componentName,
  events,
  groupName,
  plan,
  seededRandom,
} from './generate.mjs';
import { compareWithEngine, naiveScorecard, openDatabase } from './naive.mjs';
import { writeReport } from './report.mjs';

const REPO_ROOT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../..',
);
const DB_PREFIX = 'bench_delivery_';
const requireFromRoot = createRequire(path.join(REPO_ROOT, 'package.json'));

const { values: flags } = parseArgs({
  options: {
    scale: { type: 'string' },
    sqlite: { type: 'boolean', default: false },
    dev: { type: 'boolean', default: false },
    requests: { type: 'string', default: '200' },
    'naive-requests': { type: 'string' },
    'max-seconds': { type: 'string', default: '240' },
    concurrency: { type: 'string', default: '4' },
    'batch-size': { type: 'string', default: '1000' },
    seed: { type: 'string', default: 'delivery-bench' },
    end: { type: 'string', default: '2026-11-23' },
    port: { type: 'string', default: '7107' },
    out: { type: 'string', default: 'docs/benchmarks.md' },
    'no-write': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
    'report-only': { type: 'string' },
  },
});

if (flags.help) {
  console.log(`yarn bench [flags]
  --scale N          share of the full-size event volume (1 = 1,000,000 deployments,
                     2,000,000 changes, 100,000 incidents); default 0.1 (0.02 with --sqlite)
  --sqlite           run on SQLite files under the temp directory instead of PostgreSQL
  --dev              start the backend with \`yarn workspace backend start\` (development mode,
                     file watcher, NODE_ENV=development) instead of one plain node process
  --requests N       timed requests per endpoint (default 200)
  --naive-requests N naive computations timed (default: --requests)
  --max-seconds S    stop an endpoint's timing after S seconds even if fewer requests ran (240)
  --concurrency N    ingestion requests in flight (default 4); --batch-size N events each (1000)
  --seed S, --end YYYY-MM-DD   generator seed and the end of the two generated years
  --port N           backend port (default 7107)
  --out FILE         results file (default docs/benchmarks.md); --no-write to skip it
  --keep             leave the backend running at the end (it prints its pid)
  --report-only FILE rewrite --out from a run's results.json, without running anything`);
  process.exit(0);
}

if (flags['report-only']) {
  const results = JSON.parse(fs.readFileSync(flags['report-only'], 'utf8'));
  await writeReport(path.resolve(REPO_ROOT, flags.out), results);
  process.exit(0);
}

const scale = Number(flags.scale ?? (flags.sqlite ? '0.02' : '0.1'));
const requests = Number(flags.requests);
const naiveRequests = Number(flags['naive-requests'] ?? requests);
const maxSeconds = Number(flags['max-seconds']);
const concurrency = Number(flags.concurrency);
const batchSize = Number(flags['batch-size']);
const port = Number(flags.port);
const end = new Date(`${flags.end}T00:00:00Z`);
const baseUrl = `http://localhost:${port}`;
const token = randomBytes(24).toString('hex');
const api = apiClient(baseUrl, token);
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'delivery-bench-'));
const engine = flags.sqlite ? 'sqlite' : 'postgres';

const log = message =>
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
const fmt = n => Math.round(n).toLocaleString('en-US');

// ---------------------------------------------------------------- database

async function resetPostgres() {
  const { default: pg } = await import('pg');
  const client = new pg.Client({
    host: '127.0.0.1',
    port: 5432,
    user: 'postgres',
    database: 'postgres',
  });
  await client.connect();
  const { rows } = await client.query(
    `select datname from pg_database where datname like $1`,
    [`${DB_PREFIX}%`],
  );
  for (const { datname } of rows) {
    if (!datname.startsWith(DB_PREFIX)) continue;
    log(`dropping database ${datname}`);
    await client.query(`drop database "${datname}" with (force)`);
  }
  const version = (await client.query('show server_version')).rows[0]
    .server_version;
  await client.end();
  return version;
}

async function databaseSize() {
  if (flags.sqlite) {
    const files = fs.readdirSync(workDir).filter(f => /sqlite/.test(f));
    const of = f => fs.statSync(path.join(workDir, f)).size;
    return {
      delivery: files
        .filter(f => f.startsWith('delivery'))
        .reduce((sum, f) => sum + of(f), 0),
      all: files.reduce((sum, f) => sum + of(f), 0),
    };
  }
  const db = await openDatabase({ pgDatabase: 'postgres' });
  const [row] = await db.all(
    `select sum(pg_database_size(datname))::bigint as all,
            sum(case when datname = ? then pg_database_size(datname) else 0 end)::bigint as delivery
     from pg_database where datname like ?`,
    [`${DB_PREFIX}delivery`, `${DB_PREFIX}%`],
  );
  await db.close();
  return { delivery: Number(row.delivery), all: Number(row.all) };
}

const deliveryDatabase = () =>
  flags.sqlite
    ? { sqliteFile: path.join(workDir, 'delivery.sqlite') }
    : { pgDatabase: `${DB_PREFIX}delivery` };

// ---------------------------------------------------------------- backend

function writeConfig() {
  const catalogFile = path.join(workDir, 'catalog.yaml');
  fs.writeFileSync(catalogFile, catalogYaml(FULL_SIZE));
  const database = flags.sqlite
    ? { client: 'better-sqlite3', connection: { directory: workDir } }
    : {
        client: 'pg',
        prefix: DB_PREFIX,
        connection: { host: '127.0.0.1', port: 5432, user: 'postgres' },
      };
  const config = {
    backend: {
      baseUrl,
      listen: { port },
      database,
      auth: {
        externalAccess: [
          {
            type: 'static',
            // The token is read from the environment of the backend process only.
            options: {
              token: '${DELIVERY_BENCH_TOKEN}',
              subject: 'delivery-bench',
            },
            accessRestrictions: [{ plugin: 'delivery' }, { plugin: 'catalog' }],
          },
        ],
      },
    },
    catalog: {
      locations: [
        {
          type: 'file',
          target: catalogFile,
          rules: [{ allow: ['Component', 'Group'] }],
        },
      ],
    },
    delivery: { demoData: { enabled: false } },
  };
  const configFile = path.join(workDir, 'app-config.bench.json');
  // JSON is YAML: Backstage's config loader reads it as such.
  fs.writeFileSync(configFile, JSON.stringify(config, null, 2));
  return configFile;
}

function startBackend(configFile) {
  const logFile = path.join(workDir, 'backend.log');
  const out = fs.openSync(logFile, 'a');
  const configArgs = [
    '--config',
    path.join(REPO_ROOT, 'app-config.yaml'),
    '--config',
    configFile,
  ];
  // Without --dev: one node process as in production (NODE_ENV=production, no watcher parent, no
  // --enable-source-maps, which keeps every loaded module's source map in memory), still loading
  // the TypeScript sources through Backstage's require hook since the workspace is not built.
  const [command, args] = flags.dev
    ? ['yarn', ['workspace', 'backend', 'start', ...configArgs]]
    : [
        process.execPath,
        [
          '--require',
          requireFromRoot.resolve(
            '@backstage/cli-node/config/nodeTransform.cjs',
          ),
          'src/index.ts',
          ...configArgs,
        ],
      ];
  const child = spawn(command, args, {
    cwd: flags.dev ? REPO_ROOT : path.join(REPO_ROOT, 'packages/backend'),
    env: {
      ...process.env,
      ...(flags.dev ? {} : { NODE_ENV: 'production' }),
      DELIVERY_BENCH_TOKEN: token,
    },
    stdio: ['ignore', out, out],
    detached: true,
  });
  log(`backend starting (pid ${child.pid}), log ${logFile}`);
  let exited = false;
  child.on('exit', code => {
    exited = true;
    if (!stopping) {
      console.error(`backend exited with ${code}; last log lines:`);
      console.error(
        fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n'),
      );
      process.exit(1);
    }
  });
  let stopping = false;
  return {
    pid: child.pid,
    logFile,
    async stop() {
      stopping = true;
      if (exited) return;
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        return;
      }
      for (let i = 0; i < 40 && !exited; i++) await sleep(250);
      if (!exited) process.kill(-child.pid, 'SIGKILL');
    },
  };
}

/** The backend's node process: the descendant of the spawned yarn with the largest RSS. */
function backendProcess(rootPid) {
  const children = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended meanwhile
    }
  }
  const all = [];
  const visit = pid => {
    all.push(pid);
    (children.get(pid) ?? []).forEach(visit);
  };
  visit(rootPid);
  let best = { pid: rootPid, rssKb: 0, hwmKb: 0 };
  for (const pid of all) {
    const m = memoryOf(pid);
    if (m && m.rssKb > best.rssKb) best = { pid, ...m };
  }
  return best;
}

function memoryOf(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = key =>
      Number(status.match(new RegExp(`${key}:\\s+(\\d+)`))?.[1] ?? 0);
    return { rssKb: kb('VmRSS'), hwmKb: kb('VmHWM') };
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- ingestion

async function ingest(p) {
  const total = p.deployments + p.changes + p.incidents;
  log(
    `ingesting ${fmt(total)} events (${fmt(p.deployments)} deployments, ${fmt(
      p.changes,
    )} changes, ` +
      `${fmt(
        p.incidents,
      )} incidents) in batches of ${batchSize}, ${concurrency} in flight`,
  );
  const iterator = events(p);
  let done = 0;
  let batches = 0;
  let retries = 0;
  let nextReport = 0;
  const batchMs = [];
  const started = performance.now();
  const nextBatch = () => {
    const batch = [];
    for (let r = iterator.next(); !r.done; r = iterator.next()) {
      batch.push(r.value);
      if (batch.length === batchSize) break;
    }
    return batch;
  };
  const worker = async () => {
    for (let batch = nextBatch(); batch.length > 0; batch = nextBatch()) {
      const body = JSON.stringify({ events: batch });
      const t0 = performance.now();
      // A keep-alive connection the server closes as the next request goes out surfaces as
      // "fetch failed"; delivering the batch again is safe, ingestion is an upsert.
      let result;
      for (let attempt = 1; !result; attempt++) {
        try {
          result = await api('/api/delivery/events', { method: 'POST', body });
        } catch (error) {
          if (attempt >= 3 || error.message !== 'fetch failed') throw error;
          retries++;
        }
      }
      batchMs.push(performance.now() - t0);
      if (result.received !== batch.length) {
        throw new Error(
          `batch of ${batch.length} answered ${JSON.stringify(result)}`,
        );
      }
      done += batch.length;
      batches++;
      if (done >= nextReport) {
        const seconds = (performance.now() - started) / 1000;
        log(
          `  ${fmt(done)} / ${fmt(total)} events (${(
            (100 * done) /
            total
          ).toFixed(0)} %), ` + `${fmt(done / seconds)} events/s`,
        );
        nextReport += Math.max(batchSize, Math.round(total / 20));
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  const result = {
    events: done,
    batches,
    seconds,
    eventsPerSecond: done / seconds,
    retries,
    batchLatency: summarize(batchMs),
  };
  log(
    `ingested ${fmt(done)} events in ${seconds.toFixed(1)} s: ${fmt(
      result.eventsPerSecond,
    )} events/s`,
  );
  return result;
}

// ---------------------------------------------------------------- timing

function summarize(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = q =>
    sorted.length === 0
      ? null
      : sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return {
    count: sorted.length,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: sorted.length ? sorted[sorted.length - 1] : null,
    mean: sorted.length
      ? sorted.reduce((a, b) => a + b, 0) / sorted.length
      : null,
  };
}

/** Runs `fn(i)` sequentially (one request in flight: latency, not throughput) after a warm-up. */
async function time(label, count, fn, warmup = 3) {
  for (let i = 0; i < warmup; i++) await fn(-1 - i);
  const samples = [];
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    await fn(i);
    samples.push(performance.now() - t0);
    if (performance.now() - started > maxSeconds * 1000) {
      log(
        `  ${label}: stopped after ${samples.length} requests (--max-seconds ${maxSeconds})`,
      );
      break;
    }
  }
  const summary = summarize(samples);
  log(
    `${label}: n=${summary.count} p50 ${summary.p50.toFixed(
      1,
    )} ms, p95 ${summary.p95.toFixed(1)} ms, ` +
      `p99 ${summary.p99.toFixed(1)} ms`,
  );
  return summary;
}

async function measureReads() {
  const to = end.toISOString().slice(0, 10);
  const from = new Date(end.getTime() - 30 * DAY_MS).toISOString().slice(0, 10);
  const seriesFrom = new Date(end.getTime() - 26 * 7 * DAY_MS)
    .toISOString()
    .slice(0, 10);
  const window = `from=${from}&to=${to}`;
  const random = seededRandom(`${flags.seed}|reads`);
  const pick = n => Math.floor(random() * n);
  const components = Array.from({ length: requests + 10 }, () =>
    componentName(pick(FULL_SIZE.components)),
  );
  const groups = Array.from({ length: requests + 10 }, () =>
    groupName(pick(FULL_SIZE.groups)),
  );
  const comp = i => components[(i + components.length) % components.length];
  const group = i => groups[(i + groups.length) % groups.length];

  const entityUrl = name =>
    `/api/delivery/entities/component/default/${name}/scorecard?${window}`;
  const teamUrl = name =>
    `/api/delivery/entities/group/default/${name}/scorecard?${window}`;

  const team = await api(teamUrl(group(0)));
  log(`team scorecard covers ${team.entityRefs?.length ?? '?'} entities`);

  const results = {
    window: { from, to, seriesFrom },
    entity: await time('entity scorecard', requests, i =>
      api(entityUrl(comp(i))),
    ),
    team: await time('team scorecard', requests, i => api(teamUrl(group(i)))),
    organization: await time('organisation scorecard', requests, () =>
      api(`/api/delivery/organization/scorecard?${window}`),
    ),
    timeSeries: await time('time series (26 weekly buckets)', requests, i =>
      api(
        `/api/delivery/entities/component/default/${comp(
          i,
        )}/timeseries?metric=leadTime&bucket=week&from=${seriesFrom}&to=${to}`,
      ),
    ),
    // The fixed cost of any authenticated request: what an engine answer cannot go below.
    httpFloor: await time('HTTP floor', requests, () =>
      api('/api/delivery/health'),
    ),
    teamSize: team.entityRefs?.length ?? null,
  };

  // The naive computation of the same entity scorecards, checked against the engine's numbers.
  const fromMs = new Date(`${from}T00:00:00Z`).getTime();
  const toMs = new Date(`${to}T00:00:00Z`).getTime();
  const db = await openDatabase(deliveryDatabase());
  const mismatches = [];
  for (let i = 0; i < 10; i++) {
    const name = comp(i);
    const engineCard = await api(entityUrl(name));
    const naive = await naiveScorecard(
      db,
      [`component:default/${name}`],
      fromMs,
      toMs,
    );
    mismatches.push(
      ...compareWithEngine(engineCard, naive).map(m => `${name} ${m}`),
    );
  }
  const teamRefs = Array.from(
    { length: FULL_SIZE.components / FULL_SIZE.groups },
    (_, k) => `component:default/${componentName(k * FULL_SIZE.groups)}`,
  );
  const teamCheck = compareWithEngine(
    await api(teamUrl(groupName(0))),
    await naiveScorecard(db, teamRefs, fromMs, toMs),
  );
  mismatches.push(...teamCheck.map(m => `${groupName(0)} ${m}`));
  if (mismatches.length) {
    log(
      `WARNING: engine and naive numbers differ:\n  ${mismatches
        .slice(0, 20)
        .join('\n  ')}`,
    );
  } else {
    log('engine and naive numbers agree (10 components, 1 team)');
  }
  const teamRefsOf = g =>
    Array.from(
      { length: FULL_SIZE.components / FULL_SIZE.groups },
      (_, k) => `component:default/${componentName(k * FULL_SIZE.groups + g)}`,
    ).concat(`group:default/${groupName(g)}`);
  results.naiveEntity = await time('naive entity scorecard', naiveRequests, i =>
    naiveScorecard(db, [`component:default/${comp(i)}`], fromMs, toMs),
  );
  results.naiveTeam = await time(
    'naive team scorecard',
    Math.min(naiveRequests, 50),
    i =>
      naiveScorecard(db, teamRefsOf(Number(group(i).slice(-2))), fromMs, toMs),
  );
  results.naiveOrganization = await time(
    'naive organisation scorecard',
    Math.min(naiveRequests, scale > 0.3 ? 3 : 10),
    () => naiveScorecard(db, null, fromMs, toMs),
    1,
  );
  await db.close();
  results.mismatches = mismatches;
  return results;
}

// ---------------------------------------------------------------- machine

function machine(databaseVersion) {
  const cpuinfo = fs.readFileSync('/proc/cpuinfo', 'utf8');
  const meminfo = fs.readFileSync('/proc/meminfo', 'utf8');
  return {
    cpus: os.availableParallelism(),
    cpuModel:
      cpuinfo.match(/model name\s*:\s*(.*)/)?.[1]?.trim() ??
      os.cpus()[0]?.model,
    memoryGb: Number(meminfo.match(/MemTotal:\s+(\d+)/)[1]) / 1024 / 1024,
    node: process.version,
    database: databaseVersion,
    os: `${os.type()} ${os.release()}`,
  };
}

/**
 * PostgreSQL plans the metric joins from table statistics. Right after a bulk load they are
 * empty, and with autovacuum off (as on the CI server) nothing refreshes them: the planner then
 * estimates one row per table and picks nested loops that take minutes. A production server's
 * autovacuum analyzes after such a load; the benchmark does the same explicitly and says so.
 * Autovacuum also vacuums a table after many inserts, which marks its pages all-visible so that
 * the covering window indexes answer without reading the heap: VACUUM ANALYZE does both.
 */
async function refreshStatistics() {
  if (flags.sqlite) return 'SQLite: no ANALYZE (the product does not run one)';
  const db = await openDatabase(deliveryDatabase());
  const [{ autovacuum }] = await db.all('show autovacuum');
  const started = performance.now();
  await db.all('vacuum analyze');
  const seconds = (performance.now() - started) / 1000;
  await db.close();
  const note = `autovacuum is ${autovacuum} on this server; the bench ran VACUUM ANALYZE after ingestion, as autovacuum would after such a load (${seconds.toFixed(
    1,
  )} s)`;
  log(note);
  return note;
}

async function rowCounts() {
  const db = await openDatabase(deliveryDatabase());
  const counts = {};
  for (const table of [
    'delivery_deployments',
    'delivery_changes',
    'delivery_deployment_changes',
    'delivery_incidents',
  ]) {
    counts[table] = Number(
      (await db.all(`select count(*) as n from ${table}`))[0].n,
    );
  }
  await db.close();
  return counts;
}

// ---------------------------------------------------------------- main

async function main() {
  log(`engine ${engine}, scale ${scale}, work directory ${workDir}`);
  let databaseVersion;
  if (flags.sqlite) {
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(':memory:');
    databaseVersion = `SQLite ${
      db.prepare('select sqlite_version() as v').get().v
    } (better-sqlite3)`;
    db.close();
  } else {
    databaseVersion = `PostgreSQL ${await resetPostgres()}`;
  }
  const backend = startBackend(writeConfig());
  const cleanup = async () => {
    if (!flags.keep) await backend.stop();
  };
  process.on('SIGINT', () => cleanup().then(() => process.exit(130)));
  try {
    const startedAt = Date.now();
    await waitFor(
      'delivery API',
      async () => (await api('/api/delivery/health')).status === 'ok',
      { timeoutMs: 300_000, intervalMs: 2000, onProgress: log },
    );
    log(`backend up after ${((Date.now() - startedAt) / 1000).toFixed(0)} s`);
    await waitFor(
      'catalog',
      async () => {
        const groups = await api(
          '/api/catalog/entities/by-query?filter=kind=group&fields=metadata.name,relations&limit=1000',
        );
        const owning = groups.items.filter(
          g =>
            (g.relations ?? []).filter(r => r.type === 'ownerOf').length ===
            FULL_SIZE.components / FULL_SIZE.groups,
        ).length;
        const facets = await api('/api/catalog/entity-facets?facet=kind');
        const components =
          facets.facets.kind.find(f => f.value === 'Component')?.count ?? 0;
        if (components >= FULL_SIZE.components && owning === FULL_SIZE.groups)
          return true;
        return `${components} components, ${owning} of ${FULL_SIZE.groups} groups own their services`;
      },
      { timeoutMs: 600_000, intervalMs: 2000, onProgress: log },
    );
    log(
      `catalog ready after ${((Date.now() - startedAt) / 1000).toFixed(0)} s`,
    );
    const backendPid = backendProcess(backend.pid).pid;
    const rssIdle = memoryOf(backendPid);

    const p = plan({ scale, seed: flags.seed, end });
    const ingestion = await ingest(p);
    const rssAfterIngest = memoryOf(backendPid);
    const statistics = await refreshStatistics();
    const size = await databaseSize();
    const rows = await rowCounts();
    log(
      `database: delivery ${(size.delivery / 1024 ** 2).toFixed(
        0,
      )} MB, all bench databases ${(size.all / 1024 ** 2).toFixed(0)} MB`,
    );

    const reads = await measureReads();
    const rssEnd = memoryOf(backendPid);
    const results = {
      date: new Date().toISOString(),
      command: `yarn bench ${process.argv.slice(2).join(' ')}`.trim(),
      engine,
      scale,
      seed: flags.seed,
      end: flags.end,
      backendMode: flags.dev
        ? 'development mode (yarn workspace backend start)'
        : 'one node process, NODE_ENV=production, TypeScript loaded by the Backstage require hook',
      plan: {
        deployments: p.deployments,
        changes: p.changes,
        incidents: p.incidents,
      },
      catalog: { components: FULL_SIZE.components, groups: FULL_SIZE.groups },
      rows,
      ingestion,
      reads,
      memory: {
        pid: backendPid,
        idle: rssIdle,
        afterIngest: rssAfterIngest,
        end: rssEnd,
      },
      databaseSize: size,
      statistics,
      machine: machine(databaseVersion),
    };
    fs.writeFileSync(
      path.join(workDir, 'results.json'),
      JSON.stringify(results, null, 2),
    );
    log(
      `RSS of the backend (pid ${backendPid}): idle ${fmt(
        rssIdle.rssKb / 1024,
      )} MB, after ingestion ${fmt(rssAfterIngest.rssKb / 1024)} MB, end ${fmt(
        rssEnd.rssKb / 1024,
      )} MB, peak ${fmt(rssEnd.hwmKb / 1024)} MB`,
    );
    log(
      `naive/engine (entity scorecard, p50): ${(
        reads.naiveEntity.p50 / reads.entity.p50
      ).toFixed(2)}x`,
    );
    log(`machine: ${JSON.stringify(results.machine)}`);
    log(`raw results: ${path.join(workDir, 'results.json')}`);
    if (!flags['no-write']) {
      const file = path.resolve(REPO_ROOT, flags.out);
      await writeReport(file, results);
      log(`wrote ${path.relative(REPO_ROOT, file)}`);
    }
  } finally {
    if (flags.keep) {
      log(`backend left running: kill -- -${backend.pid}`);
    } else {
      await cleanup();
    }
  }
}

main().then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
