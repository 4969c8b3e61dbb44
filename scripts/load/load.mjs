#!/usr/bin/env node
// The load test of issue 10: starts the real backend (PostgreSQL by default) on its own port with a
// static token, seeds a small organisation, then runs autocannon for --duration seconds against a
// mix of scorecard reads (entity, team, organisation) and ingestion batches, all at once on
// loopback. Prints throughput, p50/p99 latency and error/non-2xx counts per route and exits
// non-zero on any error. `yarn load --help` for flags; docs/reliability.md for the figures.

import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { apiClient, waitFor } from '../lib/backendClient.mjs';

const REPO_ROOT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../..',
);
const DB_PREFIX = 'load_delivery_';
const SOURCE = 'load';
const DAY_MS = 86_400_000;
const requireFromRoot = createRequire(path.join(REPO_ROOT, 'package.json'));

const { values: flags } = parseArgs({
  options: {
    duration: { type: 'string', default: '60' },
    url: { type: 'string' },
    token: { type: 'string' },
    sqlite: { type: 'boolean', default: false },
    'no-cache': { type: 'boolean', default: false },
    port: { type: 'string', default: '7117' },
    components: { type: 'string', default: '200' },
    groups: { type: 'string', default: '10' },
    'batch-size': { type: 'string', default: '100' },
    'entity-connections': { type: 'string', default: '3' },
    'team-connections': { type: 'string', default: '2' },
    'org-connections': { type: 'string', default: '1' },
    'ingest-connections': { type: 'string', default: '2' },
    out: { type: 'string' },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (flags.help) {
  console.log(`yarn load [flags]
  --duration S         seconds of load (default 60; the suite's short variant uses 5)
  --url URL            target a running backend on loopback instead of starting one; needs
  --token T            a token it accepts (or DELIVERY_LOAD_TOKEN); records are written with
                       source "${SOURCE}" and the scorecards read are those of its catalog
  --sqlite             start the backend on SQLite files instead of PostgreSQL
  --no-cache           start the backend with delivery.cache.enabled: false (every read computes)
  --port N             port of the started backend (default 7117)
  --components N, --groups N   size of the seeded catalog (default 200 components, 10 teams)
  --batch-size N       events per ingestion request (default 100)
  --entity-connections N, --team-connections N, --org-connections N, --ingest-connections N
                       concurrent connections per route (default 3, 2, 1, 2)
  --out FILE           also write the results as JSON
  --keep               leave the started backend running (it prints its pid)
Exits 1 if any request failed, timed out or answered other than 2xx.`);
  process.exit(0);
}

const duration = Number(flags.duration);
const batchSize = Number(flags['batch-size']);
const componentCount = Number(flags.components);
const groupCount = Number(flags.groups);
const log = message =>
  console.log(`[load ${new Date().toISOString().slice(11, 19)}] ${message}`);
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
const pad = (n, width) => String(n).padStart(width, '0');
const componentName = i => `load-svc-${pad(i, 4)}`;
const groupName = g => `load-team-${pad(g, 2)}`;

/** mulberry32: the same seed gives the same organisation. */
function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------- the backend

function isLoopback(url) {
  const host = new URL(url).hostname;
  return (
    host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host)
  );
}

function catalogYaml() {
  const docs = [];
  for (let g = 0; g < groupCount; g++) {
    docs.push(
      `apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: ${groupName(
        g,
      )}\nspec:\n  type: team\n  children: []`,
    );
  }
  for (let i = 0; i < componentCount; i++) {
    docs.push(
      `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${componentName(
        i,
      )}\nspec:\n  type: service\n  lifecycle: production\n  owner: group:default/${groupName(
        i % groupCount,
      )}`,
    );
  }
  return `${docs.join('\n---\n')}\n`;
}

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
    if (datname.startsWith(DB_PREFIX)) {
      await client.query(`drop database "${datname}" with (force)`);
    }
  }
  const version = (await client.query('show server_version')).rows[0]
    .server_version;
  await client.end();
  return version;
}

/** Starts packages/backend as one plain node process (as in production), like `yarn bench`. */
async function startBackend({ port, token, workDir }) {
  const catalogFile = path.join(workDir, 'catalog.yaml');
  fs.writeFileSync(catalogFile, catalogYaml());
  const baseUrl = `http://127.0.0.1:${port}`;
  const config = {
    backend: {
      baseUrl,
      listen: { port, host: '127.0.0.1' },
      database: flags.sqlite
        ? { client: 'better-sqlite3', connection: { directory: workDir } }
        : {
            client: 'pg',
            prefix: DB_PREFIX,
            connection: { host: '127.0.0.1', port: 5432, user: 'postgres' },
          },
      auth: {
        externalAccess: [
          {
            type: 'static',
            options: {
              token: '${DELIVERY_LOAD_TOKEN}',
              subject: 'delivery-load',
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
    delivery: {
      demoData: { enabled: false },
      cache: { enabled: !flags['no-cache'] },
    },
  };
  const configFile = path.join(workDir, 'app-config.load.json');
  fs.writeFileSync(configFile, JSON.stringify(config, null, 2));
  const logFile = path.join(workDir, 'backend.log');
  const out = fs.openSync(logFile, 'a');
  const child = spawn(
    process.execPath,
    [
      '--enable-source-maps',
      '--require',
      requireFromRoot.resolve('@backstage/cli-node/config/nodeTransform.cjs'),
      'src/index.ts',
      '--config',
      path.join(REPO_ROOT, 'app-config.yaml'),
      '--config',
      configFile,
    ],
    {
      cwd: path.join(REPO_ROOT, 'packages/backend'),
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DELIVERY_LOAD_TOKEN: token,
      },
      stdio: ['ignore', out, out],
      detached: true,
    },
  );
  log(`backend starting (pid ${child.pid}) on ${baseUrl}, log ${logFile}`);
  let exited = false;
  let stopping = false;
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
  return {
    baseUrl,
    pid: child.pid,
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

// ---------------------------------------------------------------- data

/** Records of the last 90 days for every component: deployments shipping changes, incidents. */
function* seedEvents(components) {
  const now = Date.now();
  for (const name of components) {
    const random = seededRandom(
      [...name].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619), 7),
    );
    const entityRef = `component:default/${name}`;
    for (let n = 0; n < 30; n++) {
      const finishedAt = now - Math.floor(random() * 90 * DAY_MS);
      const changeIds = [`${name}-seed-c${n}`];
      yield {
        type: 'change',
        source: SOURCE,
        id: changeIds[0],
        entityRef,
        firstCommitAt: new Date(
          finishedAt - (1 + random() * 72) * 3_600_000,
        ).toISOString(),
        mergedAt: new Date(finishedAt - 600_000).toISOString(),
      };
      yield {
        type: 'deployment',
        source: SOURCE,
        id: `${name}-seed-d${n}`,
        entityRef,
        status: random() < 0.1 ? 'failure' : 'success',
        finishedAt: new Date(finishedAt).toISOString(),
        changeIds,
      };
      if (n % 10 === 0) {
        yield {
          type: 'incident',
          source: SOURCE,
          id: `${name}-seed-i${n}`,
          entityRef,
          openedAt: new Date(finishedAt + 600_000).toISOString(),
          resolvedAt: new Date(finishedAt + 7_200_000).toISOString(),
          causedByDeploymentId: `${name}-seed-d${n}`,
        };
      }
    }
  }
}

async function seed(api, components) {
  let batch = [];
  let total = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await api('/api/delivery/events', {
      method: 'POST',
      body: JSON.stringify({ events: batch }),
    });
    total += batch.length;
    batch = [];
  };
  for (const event of seedEvents(components)) {
    batch.push(event);
    if (batch.length === 1000) await flush();
  }
  await flush();
  return total;
}

/** Ingestion batches under load: half deployments, half the changes they ship; keys recur. */
function ingestionBody(components, counter) {
  const events = [];
  const now = Date.now();
  for (let i = 0; i < batchSize / 2; i++) {
    const n = counter.next++ % 50_000;
    const name = components[n % components.length];
    const entityRef = `component:default/${name}`;
    const finishedAt = now - (n % 30) * DAY_MS;
    events.push(
      {
        type: 'change',
        source: SOURCE,
        id: `load-c${n}`,
        entityRef,
        firstCommitAt: new Date(finishedAt - 86_400_000).toISOString(),
      },
      {
        type: 'deployment',
        source: SOURCE,
        id: `load-d${n}`,
        entityRef,
        status: n % 9 === 0 ? 'failure' : 'success',
        finishedAt: new Date(finishedAt).toISOString(),
        changeIds: [`load-c${n}`],
      },
    );
  }
  return JSON.stringify({ events });
}

// ---------------------------------------------------------------- load

function runRoute(route, baseUrl, token) {
  return new Promise((resolve, reject) => {
    const statuses = {};
    const instance = autocannon(
      {
        url: baseUrl,
        connections: route.connections,
        duration,
        timeout: 30,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
        },
        requests: [
          {
            method: route.method,
            setupRequest: request => ({
              ...request,
              path: route.path(),
              ...(route.body ? { body: route.body() } : {}),
            }),
          },
        ],
      },
      (error, result) =>
        error ? reject(error) : resolve({ result, statuses }),
    );
    instance.on('response', (_client, statusCode) => {
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    });
  });
}

function summarize(name, { result, statuses }) {
  const requests = result.requests.total;
  return {
    route: name,
    requests,
    perSecond: requests / (result.duration || duration),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statuses,
  };
}

function printTable(rows) {
  const header = `| route | requests | req/s | p50 ms | p99 ms | max ms | errors | timeouts | non-2xx |`;
  console.log(header);
  console.log(header.replace(/[^|]+/g, ' --- '));
  for (const r of rows) {
    console.log(
      `| ${r.route} | ${r.requests} | ${r.perSecond.toFixed(1)} | ${
        r.p50Ms
      } | ${r.p99Ms} | ${r.maxMs} | ${r.errors} | ${r.timeouts} | ${
        r.non2xx
      } |`,
    );
  }
}

// ---------------------------------------------------------------- main

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'delivery-load-'));
let backend;
let exitCode = 1;
try {
  let baseUrl = flags.url;
  let token = flags.token ?? process.env.DELIVERY_LOAD_TOKEN;
  let engine = 'external';
  if (baseUrl) {
    if (!isLoopback(baseUrl)) {
      throw new Error(`--url must be a loopback address, not ${baseUrl}`);
    }
    if (!token) throw new Error('--url needs --token or DELIVERY_LOAD_TOKEN');
  } else {
    token = randomBytes(24).toString('hex');
    engine = flags.sqlite
      ? 'sqlite'
      : `postgres ${await resetPostgres()}`.trim();
    backend = await startBackend({
      port: Number(flags.port),
      token,
      workDir,
    });
    baseUrl = backend.baseUrl;
  }
  const api = apiClient(baseUrl, token);
  await waitFor(
    'the delivery backend',
    () => api('/api/delivery/health').then(() => true),
    { timeoutMs: 240_000 },
  );

  // The scorecards read are those of the catalog's components and teams.
  const namesOf = async kind => {
    const entities = await api(
      `/api/catalog/entities?filter=kind=${kind}&fields=metadata.name,relations`,
    );
    return entities;
  };
  let components = [];
  let groups = [];
  await waitFor(
    'the catalog (components and team ownership)',
    async () => {
      components = (await namesOf('component')).map(e => e.metadata.name);
      const teams = await namesOf('group');
      groups = teams
        .filter(e => (e.relations ?? []).some(r => r.type === 'ownerOf'))
        .map(e => e.metadata.name);
      return (
        components.length > 0 &&
        (backend
          ? groups.length === groupCount && components.length === componentCount
          : true)
      );
    },
    { timeoutMs: 300_000 },
  );
  if (groups.length === 0) {
    throw new Error('the catalog has no group that owns anything');
  }
  log(`catalog: ${components.length} components, ${groups.length} teams`);
  const seeded = await seed(api, components.slice(0, componentCount));
  log(`seeded ${seeded} events (source "${SOURCE}")`);

  const random = seededRandom(42);
  const pick = list => list[Math.floor(random() * list.length)];
  const counter = { next: 0 };
  const routes = [
    {
      name: 'GET entity scorecard',
      connections: Number(flags['entity-connections']),
      method: 'GET',
      path: () =>
        `/api/delivery/entities/component/default/${pick(
          components,
        )}/scorecard`,
    },
    {
      name: 'GET team scorecard',
      connections: Number(flags['team-connections']),
      method: 'GET',
      path: () =>
        `/api/delivery/entities/group/default/${pick(groups)}/scorecard`,
    },
    {
      name: 'GET organisation scorecard',
      connections: Number(flags['org-connections']),
      method: 'GET',
      path: () => '/api/delivery/organization/scorecard',
    },
    {
      name: `POST events (${batchSize} per batch)`,
      connections: Number(flags['ingest-connections']),
      method: 'POST',
      path: () => '/api/delivery/events',
      body: () => ingestionBody(components, counter),
    },
  ];
  log(
    `running ${duration} s of mixed load: ${routes
      .map(r => `${r.name} x${r.connections}`)
      .join(', ')}`,
  );
  const loadBefore = os.loadavg()[0];
  const results = await Promise.all(
    routes.map(route => runRoute(route, baseUrl, token)),
  );
  const rows = routes.map((route, i) => summarize(route.name, results[i]));
  const failures = rows.reduce(
    (sum, r) => sum + r.errors + r.timeouts + r.non2xx,
    0,
  );
  console.log('');
  printTable(rows);
  const ingested = rows[3].requests * batchSize;
  const report = {
    at: new Date().toISOString(),
    engine,
    durationSeconds: duration,
    machine: {
      cpus: os.cpus().length,
      model: os.cpus()[0]?.model,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      loadAverageBefore: loadBefore,
      loadAverageAfter: os.loadavg()[0],
    },
    seededEvents: seeded,
    ingestedEvents: ingested,
    rows,
    failures,
  };
  console.log(
    `\n${rows.reduce((s, r) => s + r.requests, 0)} requests in ${duration} s ` +
      `(${ingested} events ingested), ${failures} failed; engine ${engine}, ` +
      `${report.machine.cpus} cores, load average ${loadBefore.toFixed(
        1,
      )} -> ${report.machine.loadAverageAfter.toFixed(1)}`,
  );
  for (const r of rows) {
    const bad = Object.entries(r.statuses).filter(([s]) => !s.startsWith('2'));
    if (bad.length > 0)
      console.log(`${r.route}: statuses ${JSON.stringify(r.statuses)}`);
  }
  if (flags.out) {
    fs.writeFileSync(flags.out, `${JSON.stringify(report, null, 2)}\n`);
    log(`results written to ${flags.out}`);
  }
  exitCode = failures === 0 && rows.every(r => r.requests > 0) ? 0 : 1;
} catch (error) {
  console.error(`load test failed: ${error.stack ?? error}`);
  exitCode = 1;
} finally {
  if (backend && flags.keep) {
    log(`backend left running, pid ${backend.pid}`);
  } else if (backend) {
    await backend.stop();
    if (!flags.sqlite) await resetPostgres().catch(() => {});
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}
process.exit(exitCode);
