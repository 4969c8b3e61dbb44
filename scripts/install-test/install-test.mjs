// The install test: packs every package of plugins/*, creates a stock Backstage app with
// @backstage/create-app outside the repository, installs the tarballs there exactly as
// docs/install.md says, type-checks and starts that app, posts records through the ingestion API
// and checks the DORA scorecard card and the Delivery tab of an entity of the app's own catalog
// in Chromium. Run from the repository root with the toolchain of scripts/toolchain.sh on PATH:
//
//   node scripts/install-test/install-test.mjs
//
// INSTALL_TEST_KEEP=1 keeps the temporary directory (the app and every step's log); the logs are
// also copied to node_modules/.cache/install-test/logs.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { applyInstallSteps } from './installDocs.mjs';
import { startRegistry } from './registry.mjs';
import { installTestRecords, scorecardMismatch } from './records.mjs';
import { checkEntityPages } from './browserCheck.mjs';
import {
  freePort,
  printTimings,
  run,
  say,
  startService,
  step,
  until,
} from './steps.mjs';

/** The create-app release this repository was made with (backstage.json: 1.55.0). */
const CREATE_APP_VERSION = '0.9.2';
const SCOPE = '@delivery-insights';
const ENTITY = {
  kind: 'component',
  namespace: 'default',
  name: 'example-website',
};

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const GUIDE = join(REPO_ROOT, 'docs/install.md');
const REPORT_DIR = join(REPO_ROOT, 'node_modules/.cache/install-test');
const nodeBin = dirname(process.execPath);

const work = mkdtempSync(join(tmpdir(), 'delivery-install-test-'));
if (!relative(REPO_ROOT, work).startsWith('..')) {
  throw new Error(`${work} is inside the repository`);
}
const appDir = join(work, 'app');
const tarballDir = join(work, 'tarballs');
const logDir = join(work, 'logs');
const binDir = join(work, 'bin');
for (const dir of [tarballDir, logDir, binDir])
  mkdirSync(dir, { recursive: true });
rmSync(REPORT_DIR, { recursive: true, force: true });
mkdirSync(REPORT_DIR, { recursive: true });

const token = randomBytes(24).toString('hex');
const env = {
  ...process.env,
  PATH: `${binDir}:${nodeBin}:${process.env.PATH}`,
  DELIVERY_CI_TOKEN: token,
  // CI=true makes yarn refuse lockfile changes; the test app's lockfile is new by design.
  YARN_ENABLE_IMMUTABLE_INSTALLS: 'false',
  YARN_ENABLE_TELEMETRY: '0',
  YARN_ENABLE_PROGRESS_BARS: 'false',
  // `yarn add` asks Algolia whether @types/<name> exists; only the npm registry is reachable here.
  YARN_TS_ENABLE_AUTO_TYPES: 'false',
  npm_config_yes: 'true',
};
const log = name => join(logDir, `${name}.log`);
const readJson = file => JSON.parse(readFileSync(file, 'utf8'));
const writeJson = (file, value) =>
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);

const timings = [];
const services = [];
let registry;

/** Every `@backstage/*` version in the repository's lockfile, the highest per package. */
function backstageVersionsOfRepo() {
  const versions = new Map();
  const lock = readFileSync(join(REPO_ROOT, 'yarn.lock'), 'utf8');
  const entry = /^"?(@backstage\/[^@"]+)@npm:[^\n]*\n {2}version: ([^\n]+)$/gm;
  const newer = (a, b) => {
    const [pa, pb] = [a, b].map(v => v.split(/[.-]/).map(Number));
    for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] > pb[i];
    return false;
  };
  for (const [, name, version] of lock.matchAll(entry)) {
    if (!versions.has(name) || newer(version, versions.get(name))) {
      versions.set(name, version);
    }
  }
  return versions;
}

/** Checks a packed manifest for what a registry user needs: dist entry points, real ranges. */
function packagingProblems(manifest, files) {
  const problems = [];
  const pointsAtSrc = value =>
    JSON.stringify(value ?? null).match(/"\.?\/?src\//);
  for (const field of ['main', 'module', 'types', 'exports', 'typesVersions']) {
    if (pointsAtSrc(manifest[field])) problems.push(`${field} points at src/`);
  }
  if (!manifest.main?.replace(/^\.\//, '').startsWith('dist/')) {
    problems.push(`main is ${manifest.main}`);
  }
  if (!manifest.types?.replace(/^\.\//, '').startsWith('dist/')) {
    problems.push(`types is ${manifest.types}`);
  }
  if (JSON.stringify(manifest).includes('workspace:')) {
    problems.push('a workspace: range');
  }
  if (manifest.private) problems.push('private');
  for (const entry of [manifest.main, manifest.types]) {
    const path = `package/${entry?.replace(/^\.\//, '')}`;
    if (!files.includes(path)) problems.push(`${path} is not in the tarball`);
  }
  if (
    manifest.configSchema &&
    !files.includes(`package/${manifest.configSchema}`)
  ) {
    problems.push(`${manifest.configSchema} is not in the tarball`);
  }
  return problems;
}

async function buildAndPack() {
  await run('yarn', ['tsc'], { cwd: REPO_ROOT, env, log: log('pack') });
  await run(
    'yarn',
    [
      'workspaces',
      'foreach',
      '-A',
      '--include',
      `${SCOPE}/*`,
      '-j',
      '2',
      'run',
      'build',
    ],
    { cwd: REPO_ROOT, env, log: log('pack') },
  );
  await run(
    'yarn',
    [
      'workspaces',
      'foreach',
      '-A',
      '--include',
      `${SCOPE}/*`,
      '-j',
      '2',
      'pack',
      '--out',
      `${tarballDir}/%s-%v.tgz`,
    ],
    { cwd: REPO_ROOT, env, log: log('pack') },
  );
}

async function pack() {
  // INSTALL_TEST_TARBALLS=<dir> reuses the tarballs of an earlier run (when working on this test).
  const reuse = process.env.INSTALL_TEST_TARBALLS;
  if (reuse) {
    for (const f of readdirSync(reuse).filter(n => n.endsWith('.tgz'))) {
      cpSync(join(reuse, f), join(tarballDir, f));
    }
  } else {
    await buildAndPack();
  }
  const packages = [];
  const problems = [];
  for (const file of readdirSync(tarballDir).filter(f => f.endsWith('.tgz'))) {
    const tarball = join(tarballDir, file);
    const extracted = join(work, 'inspect', file);
    mkdirSync(extracted, { recursive: true });
    await run('tar', ['xzf', tarball, '-C', extracted], {
      cwd: work,
      env,
      log: log('pack'),
    });
    const manifest = readJson(join(extracted, 'package/package.json'));
    const files = listFiles(join(extracted, 'package'), 'package');
    for (const p of packagingProblems(manifest, files)) {
      problems.push(`${manifest.name}: ${p}`);
    }
    if (manifest.name.endsWith('-delivery-backend')) {
      if (!files.some(f => /^package\/migrations\/\d+_.*\.js$/.test(f))) {
        problems.push(`${manifest.name}: no migrations/ in the tarball`);
      }
    }
    packages.push({ manifest, tarball, extracted: join(extracted, 'package') });
  }
  const expected = readdirSync(join(REPO_ROOT, 'plugins')).filter(d =>
    existsSync(join(REPO_ROOT, 'plugins', d, 'package.json')),
  ).length;
  if (packages.length !== expected) {
    problems.push(
      `${packages.length} tarballs for ${expected} packages in plugins/`,
    );
  }
  if (problems.length)
    throw new Error(`packaging:\n  ${problems.join('\n  ')}`);
  say(`packed ${packages.length} packages into ${tarballDir}`);
  return packages;
}

function listFiles(dir, prefix) {
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry =>
    entry.isDirectory()
      ? listFiles(join(dir, entry.name), `${prefix}/${entry.name}`)
      : [`${prefix}/${entry.name}`],
  );
}

async function createApp() {
  await run(
    'npx',
    [
      '-y',
      `@backstage/create-app@${CREATE_APP_VERSION}`,
      '--skip-install',
      '--path',
      appDir,
    ],
    {
      cwd: work,
      env: { ...env, PATH: `${REPO_ROOT}/.tools/bin:${env.PATH}` },
      log: log('create-app'),
      input: 'delivery-install-test\n',
    },
  );
  const release = readJson(join(appDir, 'backstage.json')).version;
  say(`created a release ${release} app in ${appDir}`);
  const yarnRelease = readdirSync(join(appDir, '.yarn/releases'))[0];
  writeFileSync(
    join(binDir, 'yarn'),
    `#!/usr/bin/env bash\nexec node "${appDir}/.yarn/releases/${yarnRelease}" "$@"\n`,
    { mode: 0o755 },
  );
}

/**
 * What this machine needs of any app, not what the guide asks: native builds against the local
 * Node headers, better-sqlite3 that works on Node 24, keytar left unbuilt, every @backstage/*
 * package on the release the plugins are built against (create-app 0.9.2 is older), and the
 * registry of our packed packages. The repository's lockfile seeds the app's (as create-app
 * itself seeds one when it can reach GitHub), so that versions line up and the install is quick.
 */
function applyToolchain(registryUrl) {
  const rootManifest = join(appDir, 'package.json');
  const root = readJson(rootManifest);
  root.resolutions = { ...root.resolutions, 'better-sqlite3': '^13.2.0' };
  // Native builds that neither the backend on SQLite nor the browser check loads: keytar (as in
  // this repository), the tree-sitter parsers of the API docs' Node adapters, ssh2's optional
  // crypto bindings, and an analytics postinstall.
  const unbuilt = [
    'keytar',
    'tree-sitter',
    'tree-sitter-json',
    '@tree-sitter-grammars/tree-sitter-yaml',
    'cpu-features',
    'ssh2',
    '@scarf/scarf',
  ];
  root.dependenciesMeta = {
    ...root.dependenciesMeta,
    ...Object.fromEntries(unbuilt.map(name => [name, { built: false }])),
  };
  writeJson(rootManifest, root);

  const versions = backstageVersionsOfRepo();
  let bumped = 0;
  for (const file of [
    rootManifest,
    join(appDir, 'packages/app/package.json'),
    join(appDir, 'packages/backend/package.json'),
  ]) {
    const manifest = readJson(file);
    for (const field of ['dependencies', 'devDependencies']) {
      for (const name of Object.keys(manifest[field] ?? {})) {
        const version = versions.get(name);
        if (version && manifest[field][name] !== `^${version}`) {
          manifest[field][name] = `^${version}`;
          bumped++;
        }
      }
    }
    writeJson(file, manifest);
  }
  say(`${bumped} @backstage/* ranges brought to the repository's release`);

  writeFileSync(
    join(appDir, 'yarn.lock'),
    readFileSync(join(REPO_ROOT, 'yarn.lock')),
  );
  const yarnrc = readFileSync(join(appDir, '.yarnrc.yml'), 'utf8').replace(
    /^npmPreapprovedPackages:\n/m,
    `npmPreapprovedPackages:\n  - '${SCOPE}/*'\n`,
  );
  writeFileSync(
    join(appDir, '.yarnrc.yml'),
    `${yarnrc}\nnpmScopes:\n  ${SCOPE.slice(
      1,
    )}:\n    npmRegistryServer: '${registryUrl}'\n` +
      `unsafeHttpWhitelist:\n  - 127.0.0.1\n`,
  );
  // The same name and version are packed anew on every run: drop the previous run's archives
  // from yarn's global cache so that the install cannot pick up stale ones.
  const cache = join(homedir(), '.yarn/berry/cache');
  if (existsSync(cache)) {
    for (const f of readdirSync(cache).filter(n =>
      n.startsWith(`${SCOPE.slice(1)}-`),
    )) {
      rmSync(join(cache, f));
    }
  }
}

/** Every packed package is installed in the app, byte for byte the tarball's package.json. */
function checkInstalled(packages) {
  const problems = [];
  for (const { manifest, extracted } of packages) {
    const installed = join(appDir, 'node_modules', manifest.name);
    if (!existsSync(installed)) continue; // e.g. the demo module, which the guide leaves out
    for (const file of ['package.json', manifest.main]) {
      const a = readFileSync(join(installed, file));
      const b = readFileSync(join(extracted, file));
      if (!a.equals(b))
        problems.push(`${manifest.name}/${file} differs from the tarball`);
    }
  }
  for (const name of [
    `${SCOPE}/backstage-plugin-delivery`,
    `${SCOPE}/backstage-plugin-delivery-backend`,
  ]) {
    if (!existsSync(join(appDir, 'node_modules', name)))
      problems.push(`${name} is not installed`);
  }
  const migrations = join(
    appDir,
    'node_modules',
    SCOPE,
    'backstage-plugin-delivery-backend/migrations',
  );
  if (!existsSync(migrations) || !readdirSync(migrations).length) {
    problems.push(`no migrations in ${migrations}`);
  }
  if (problems.length) throw new Error(problems.join('; '));
}

async function startApp(configFiles) {
  const [backendPort, appPort] = [await freePort(), await freePort()];
  const appUrl = `http://localhost:${appPort}`;
  const backendUrl = `http://localhost:${backendPort}`;
  const ports = join(appDir, 'app-config.install-test-ports.yaml');
  writeFileSync(
    ports,
    [
      'app:',
      `  baseUrl: ${appUrl}`,
      'backend:',
      `  baseUrl: ${backendUrl}`,
      '  listen:',
      `    port: ${backendPort}`,
      '  cors:',
      `    origin: ${appUrl}`,
      '',
    ].join('\n'),
  );
  const configArgs = [
    join(appDir, 'app-config.yaml'),
    ...configFiles,
    ports,
  ].flatMap(f => ['--config', f]);
  services.push(
    startService('yarn', ['workspace', 'backend', 'start', ...configArgs], {
      cwd: appDir,
      env,
      log: log('backend'),
    }),
    startService('yarn', ['workspace', 'app', 'start', ...configArgs], {
      cwd: appDir,
      env: { ...env, BROWSER: 'none' },
      log: log('frontend'),
    }),
  );
  await until(
    `the backend on ${backendUrl}`,
    async () =>
      (
        await fetch(`${backendUrl}/.backstage/health/v1/readiness`)
      ).ok,
    { timeoutMs: 240_000, services },
  );
  say(`backend ready on ${backendUrl}`);
  await until(
    `the frontend on ${appUrl}`,
    async () => (await fetch(appUrl)).ok,
    {
      timeoutMs: 300_000,
      services,
    },
  );
  say(`frontend ready on ${appUrl}`);
  return { appUrl, backendUrl };
}

async function api(backendUrl, path, init = {}) {
  const response = await fetch(`${backendUrl}/api/delivery${path}`, {
    ...init,
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
    },
  });
  const text = await response.text();
  if (!response.ok)
    throw new Error(
      `${init.method ?? 'GET'} ${path}: ${response.status} ${text.slice(
        0,
        300,
      )}`,
    );
  return JSON.parse(text);
}

async function main() {
  const packages = await step(timings, 'pack the plugins/* packages', pack);
  registry = await startRegistry(packages);
  await step(
    timings,
    `create a stock app (create-app ${CREATE_APP_VERSION})`,
    createApp,
  );
  await step(timings, 'toolchain settings of this machine', () =>
    applyToolchain(registry.url),
  );
  const { configFiles } = await step(
    timings,
    'install as docs/install.md says',
    async () => {
      const applied = await applyInstallSteps(GUIDE, appDir, script =>
        run('bash', ['-eo', 'pipefail', '-c', script], {
          cwd: appDir,
          env,
          log: log('install'),
        }),
      );
      checkInstalled(packages);
      say(`applied ${applied.steps.length} steps of docs/install.md`);
      return applied;
    },
  );
  await step(timings, 'type check the app (yarn tsc)', () =>
    run('yarn', ['tsc'], { cwd: appDir, env, log: log('tsc') }),
  );
  const { appUrl, backendUrl } = await step(timings, 'start the app', () =>
    startApp(configFiles),
  );

  const entityRef = `${ENTITY.kind}:${ENTITY.namespace}/${ENTITY.name}`;
  const apiPath = `/api/delivery/entities/${ENTITY.kind}/${ENTITY.namespace}/${ENTITY.name}`;
  const records = installTestRecords(entityRef);
  await step(
    timings,
    'post records through POST /api/delivery/events',
    async () => {
      const health = await api(backendUrl, '/health');
      say(`health: ${JSON.stringify(health)}`);
      const result = await api(backendUrl, '/events', {
        method: 'POST',
        body: JSON.stringify({ events: records.events }),
      });
      say(`ingestion: ${JSON.stringify(result)}`);
      if (result.inserted !== records.events.length) {
        throw new Error(
          `inserted ${result.inserted} of ${records.events.length}`,
        );
      }
      // docs/install.md: the same token reads the scorecard (a quality gate in the pipeline)
      const scorecard = await api(
        backendUrl,
        `/entities/${ENTITY.kind}/${ENTITY.namespace}/${ENTITY.name}/scorecard`,
      );
      const wrong = scorecardMismatch(scorecard, records.expected);
      if (wrong) throw new Error(`the API's scorecard: ${wrong}`);
    },
  );

  await step(
    timings,
    'Chromium: DORA scorecard card and Delivery tab',
    async () => {
      const format = await import(
        pathToFileURL(
          join(
            appDir,
            'node_modules',
            SCOPE,
            'backstage-plugin-delivery/dist/format/formatMetricValue.esm.js',
          ),
        ).href
      );
      await checkEntityPages({
        appUrl,
        entityPath: `/catalog/${ENTITY.namespace}/${ENTITY.kind}/${ENTITY.name}`,
        apiPath,
        format,
        check: scorecard => scorecardMismatch(scorecard, records.expected),
        deploymentIds: records.deploymentIds,
        screenshotDir: REPORT_DIR,
        log: say,
      });
    },
  );
}

async function cleanup() {
  await Promise.all(services.map(s => s.stop()));
  await registry?.close();
  cpSync(logDir, join(REPORT_DIR, 'logs'), { recursive: true });
  if (process.env.INSTALL_TEST_KEEP) {
    say(`kept ${work}`);
  } else {
    // The app's ~2 GB of node_modules take minutes to delete on a busy disk: nothing waits for it.
    spawn('rm', ['-rf', work], { detached: true, stdio: 'ignore' }).unref();
    say(`removing ${work} in the background`);
  }
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    await cleanup().catch(() => {});
    process.exit(1);
  });
}

let failure;
try {
  await main();
} catch (error) {
  failure = error;
}
await step(timings, 'clean up', cleanup).catch(error => {
  failure ??= error;
});
printTimings(timings);
if (failure) {
  console.error(`\n[install-test] FAILED: ${failure.message}`);
  process.exit(1);
}
say('passed: a stock Backstage app installs the suite from its packages');
