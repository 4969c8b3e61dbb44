// The benchmark's organisation: a catalog of components and groups, and a deterministic stream of
// deployments, changes and incidents over two years. The same seed and scale always give the same
// events in the same order (the PRNG is the demo module's mulberry32).

export const BENCH_SOURCE = 'bench';
export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** Full-size figures from issue 9; events scale with `--scale`, the catalog does not. */
export const FULL_SIZE = {
  components: 2000,
  groups: 50,
  deployments: 1_000_000,
  changes: 2_000_000,
  incidents: 100_000,
  days: 730,
};

export function seededRandom(seed) {
  let state = 2166136261;
  for (let i = 0; i < seed.length; i++) {
    state = Math.imul(state ^ seed.charCodeAt(i), 16777619);
  }
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function logNormal(random, median, sigma) {
  const u1 = Math.max(random(), 1e-12);
  const u2 = random();
  const normal = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  return median * Math.exp(sigma * normal);
}

/** Elite to low, so that every level appears; `weight` is the share of deployments. */
const PROFILES = [
  {
    name: 'elite',
    share: 0.15,
    weight: 4,
    leadH: 6,
    restoreH: 0.5,
    rollback: 0.02,
    pipelineFail: 0.05,
  },
  {
    name: 'high',
    share: 0.35,
    weight: 2,
    leadH: 60,
    restoreH: 5,
    rollback: 0.04,
    pipelineFail: 0.08,
  },
  {
    name: 'medium',
    share: 0.35,
    weight: 1,
    leadH: 300,
    restoreH: 40,
    rollback: 0.06,
    pipelineFail: 0.12,
  },
  {
    name: 'low',
    share: 0.15,
    weight: 0.3,
    leadH: 900,
    restoreH: 200,
    rollback: 0.15,
    pipelineFail: 0.2,
  },
];

const pad = (n, width) => String(n).padStart(width, '0');

export const componentName = i => `bench-svc-${pad(i, 4)}`;
export const groupName = g => `bench-team-${pad(g, 2)}`;

/** Component i is owned by group i mod groups: 2,000 / 50 gives every team 40 services. */
export function catalogYaml({ components, groups }) {
  const docs = [];
  for (let g = 0; g < groups; g++) {
    docs.push(
      [
        'apiVersion: backstage.io/v1alpha1',
        'kind: Group',
        'metadata:',
        `  name: ${groupName(g)}`,
        'spec:',
        '  type: team',
        '  children: []',
      ].join('\n'),
    );
  }
  for (let i = 0; i < components; i++) {
    docs.push(
      [
        'apiVersion: backstage.io/v1alpha1',
        'kind: Component',
        'metadata:',
        `  name: ${componentName(i)}`,
        'spec:',
        '  type: service',
        '  lifecycle: production',
        `  owner: group:default/${groupName(i % groups)}`,
      ].join('\n'),
    );
  }
  return `${docs.join('\n---\n')}\n`;
}

/** Splits `total` over weights exactly (largest remainder). */
function allocate(total, weights) {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map(w => (total * w) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => [x - Math.floor(x), i])
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k++, left--) counts[order[k % order.length][1]]++;
  return counts;
}

export function plan({ scale, seed, end }) {
  const deployments = Math.round(FULL_SIZE.deployments * scale);
  const incidents = Math.round(FULL_SIZE.incidents * scale);
  const random = seededRandom(`${seed}|plan`);
  const profiles = [];
  const weights = [];
  for (let i = 0; i < FULL_SIZE.components; i++) {
    let roll = random();
    const profile =
      PROFILES.find(p => (roll -= p.share) < 0) ??
      PROFILES[PROFILES.length - 1];
    profiles.push(profile);
    weights.push(profile.weight * (0.5 + random()));
  }
  return {
    deployments,
    // Deployments come in pairs shipping 1+3, 2+2 or 3+1 changes: exactly two per deployment.
    changes: deployments * 2,
    incidents,
    perComponent: allocate(deployments, weights),
    profiles,
    seed,
    endMs: end.getTime(),
    startMs: end.getTime() - FULL_SIZE.days * DAY_MS,
  };
}

const iso = ms => new Date(ms).toISOString();

/**
 * Yields every event of the plan, component after component. Deployment k (counted over the
 * whole organisation) has an incident when floor(k * incidents / deployments) steps, so the total
 * is exact; 70 % of incidents name their deployment as the cause.
 */
export function* events(p) {
  let k = 0;
  let pairFirst = 0;
  const span = p.endMs - p.startMs;
  for (let i = 0; i < p.perComponent.length; i++) {
    const name = componentName(i);
    const entityRef = `component:default/${name}`;
    const profile = p.profiles[i];
    const random = seededRandom(`${p.seed}|${name}`);
    const base = { source: BENCH_SOURCE, entityRef };
    for (let n = 0; n < p.perComponent[i]; n++, k++) {
      const id = `${name}-d${n}`;
      const finishedAt = Math.floor(p.startMs + random() * span);
      const roll = random();
      let status = 'success';
      if (roll < profile.pipelineFail) status = 'failure';
      else if (roll < profile.pipelineFail + profile.rollback)
        status = 'rolled_back';

      let changeCount = 2;
      if (k % 2 === 0 && k + 1 < p.deployments) {
        pairFirst = 1 + Math.floor(random() * 3);
        changeCount = pairFirst;
      } else if (k % 2 === 1) {
        changeCount = 4 - pairFirst;
      }
      const changeIds = [];
      for (let c = 0; c < changeCount; c++) {
        const changeId = `${id}-c${c}`;
        const lead = logNormal(random, profile.leadH, 0.6) * HOUR_MS;
        changeIds.push(changeId);
        yield {
          ...base,
          type: 'change',
          id: changeId,
          firstCommitAt: iso(finishedAt - lead),
          mergedAt: iso(finishedAt - Math.min(lead, HOUR_MS) * random()),
          title: `Change ${c + 1} of ${id}`,
          author: `dev${1 + Math.floor(random() * 8)}@bench.example`,
        };
      }
      yield {
        ...base,
        type: 'deployment',
        id,
        environment: 'production',
        status,
        startedAt: iso(finishedAt - (5 + random() * 20) * 60_000),
        finishedAt: iso(finishedAt),
        changeIds,
      };

      const steps =
        Math.floor(((k + 1) * p.incidents) / p.deployments) -
        Math.floor((k * p.incidents) / p.deployments);
      for (let s = 0; s < steps; s++) {
        const openedAt = finishedAt + (10 + random() * 110) * 60_000;
        const resolvedAt =
          openedAt + logNormal(random, profile.restoreH, 0.8) * HOUR_MS;
        yield {
          ...base,
          type: 'incident',
          id: `${id}-i${s}`,
          severity: random() < 0.3 ? 'SEV1' : 'SEV2',
          title: `Errors after ${id}`,
          openedAt: iso(openedAt),
          acknowledgedAt: iso(openedAt + 5 * 60_000),
          ...(resolvedAt < p.endMs ? { resolvedAt: iso(resolvedAt) } : {}),
          ...(random() < 0.7 && status !== 'failure'
            ? { causedByDeploymentId: id }
            : {}),
        };
      }
    }
  }
}
