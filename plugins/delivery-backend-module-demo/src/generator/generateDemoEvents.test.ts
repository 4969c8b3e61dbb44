import {
  generateDemoEvents,
  generateDemoSliSamples,
} from './generateDemoEvents';
import { demoProfiles } from './profiles';

const entityRef = 'component:default/checkout-service';
const from = new Date('2026-05-01T00:00:00Z');

describe('generateDemoEvents', () => {
  it('gives the same records for the same service and days', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    const a = generateDemoEvents({
      entityRef,
      profile: demoProfiles.elite,
      from,
      now,
    });
    const b = generateDemoEvents({
      entityRef,
      profile: demoProfiles.elite,
      from,
      now,
    });
    expect(a).toEqual(b);
    expect(a.length).toBeGreaterThan(100);
  });

  it('regenerates earlier days identically on a later run, so ids stay stable', () => {
    const earlier = generateDemoEvents({
      entityRef,
      profile: demoProfiles.high,
      from,
      now: new Date('2026-06-01T00:00:00Z'),
    });
    const later = generateDemoEvents({
      entityRef,
      profile: demoProfiles.high,
      from,
      now: new Date('2026-06-10T00:00:00Z'),
    });
    const laterById = new Map(later.map(event => [event.id, event]));
    const deployments = earlier.filter(event => event.type === 'deployment');
    expect(deployments.length).toBeGreaterThan(0);
    for (const deployment of deployments) {
      expect(laterById.get(deployment.id)).toEqual(deployment);
    }
  });

  it('never puts a record after now, and leaves unfinished work open', () => {
    const now = new Date('2026-05-20T12:00:00Z');
    const events = generateDemoEvents({
      entityRef,
      profile: demoProfiles.elite,
      from,
      now,
    });
    const times = events.flatMap(event =>
      ['finishedAt', 'resolvedAt', 'completedAt', 'startedAt', 'openedAt', 'at']
        .map(field => event[field])
        .filter((value): value is string => typeof value === 'string')
        .map(value => Date.parse(value)),
    );
    expect(times.length).toBeGreaterThan(100);
    expect(Math.max(...times)).toBeLessThan(now.getTime());
  });

  it('deploys an elite service far more often than a low one', () => {
    const now = new Date('2026-08-01T00:00:00Z');
    const count = (profile: keyof typeof demoProfiles) =>
      generateDemoEvents({
        entityRef,
        profile: demoProfiles[profile],
        from,
        now,
      }).filter(event => event.type === 'deployment').length;
    expect(count('elite')).toBeGreaterThan(10 * count('low'));
  });
});

describe('generateDemoSliSamples', () => {
  it('gives hourly samples, five-minute ones over the last three days, good never above total', () => {
    const recent = generateDemoSliSamples({
      entityRef,
      profile: demoProfiles.medium,
      from: new Date('2026-05-01T00:00:00Z'),
      now: new Date('2026-05-10T00:00:00Z'),
    });
    expect(recent).toHaveLength(6 * 24 + 3 * 24 * 12);
    expect(recent.at(-1)!.timestamp).toBe('2026-05-09T23:55:00.000Z');
  });

  it('never reports more good events than events', () => {
    const now = new Date('2026-05-02T00:30:00Z');
    const samples = generateDemoSliSamples({
      entityRef,
      profile: demoProfiles.medium,
      from,
      now,
    });
    expect(samples).toHaveLength(24 * 12 + 6);
    for (const sample of samples) {
      expect(sample.good as number).toBeLessThanOrEqual(sample.total as number);
    }
  });
});
