// The records the install test posts for one entity, and the scorecard they must produce.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Four successful production deployments in the last week, one of which caused an incident that
 * took two hours to resolve (docs/metrics.md: a change failure); every deployment ships one change whose first commit was five hours
 * before the deployment finished.
 */
export function installTestRecords(entityRef, now = Date.now()) {
  const source = 'install-test';
  const iso = ms => new Date(ms).toISOString();
  const events = [];
  const daysAgo = [6, 4, 2, 1];
  daysAgo.forEach((days, i) => {
    const finishedAt = Math.floor((now - days * DAY) / HOUR) * HOUR;
    const causesIncident = i === 2;
    events.push({
      type: 'change',
      source,
      id: `install-change-${i + 1}`,
      entityRef,
      firstCommitAt: iso(finishedAt - 5 * HOUR),
      mergedAt: iso(finishedAt - HOUR),
      title: `Install test change ${i + 1}`,
    });
    events.push({
      type: 'deployment',
      source,
      id: `install-deploy-${i + 1}`,
      entityRef,
      environment: 'production',
      status: 'success',
      startedAt: iso(finishedAt - 10 * 60_000),
      finishedAt: iso(finishedAt),
      changeIds: [`install-change-${i + 1}`],
    });
    if (causesIncident) {
      events.push({
        type: 'incident',
        source,
        id: 'install-incident-1',
        entityRef,
        severity: 'SEV2',
        title: 'Install test incident',
        openedAt: iso(finishedAt + 10 * 60_000),
        resolvedAt: iso(finishedAt + 10 * 60_000 + 2 * HOUR),
        causedByDeploymentId: `install-deploy-${i + 1}`,
      });
    }
  });
  return {
    events,
    deploymentIds: events.filter(e => e.type === 'deployment').map(e => e.id),
    expected: {
      deployments: 4,
      leadTimeHours: 5,
      changeFailureRate: 0.25,
      timeToRestoreHours: 2,
    },
  };
}

/** Why a scorecard does not show the posted records, or null when it does. */
export function scorecardMismatch(scorecard, expected) {
  const { deploymentFrequency, leadTime, changeFailureRate, timeToRestore } =
    scorecard.dora;
  const problems = [];
  const near = (a, b) => a !== null && Math.abs(a - b) < 1e-6;
  if (deploymentFrequency.sampleSize !== expected.deployments) {
    problems.push(
      `deployment samples ${deploymentFrequency.sampleSize}, want ${expected.deployments}`,
    );
  }
  if (!near(leadTime.value, expected.leadTimeHours)) {
    problems.push(
      `lead time ${leadTime.value}, want ${expected.leadTimeHours}`,
    );
  }
  if (!near(changeFailureRate.value, expected.changeFailureRate)) {
    problems.push(
      `change failure rate ${changeFailureRate.value}, want ${expected.changeFailureRate}`,
    );
  }
  if (!near(timeToRestore.value, expected.timeToRestoreHours)) {
    problems.push(
      `time to restore ${timeToRestore.value}, want ${expected.timeToRestoreHours}`,
    );
  }
  return problems.length ? problems.join('; ') : null;
}
