import { reportLocale } from '../i18n';
import { renderPostmortem } from './postmortem';

const incident = {
  source: 'pagerduty',
  id: 'P-1',
  entityRef: 'component:default/a',
  severity: null,
  title: 'Checkout | payments down',
  url: 'https://pd.test/incidents/P-1',
  openedAt: '2026-10-10T01:00:00Z',
  acknowledgedAt: '2026-10-10T01:05:00Z',
  resolvedAt: null,
  causedByDeploymentId: null,
};

describe('renderPostmortem', () => {
  it('shows an open incident as ongoing, without a cause, with escaped titles', () => {
    const text = renderPostmortem(
      {
        subject: { entityRef: 'component:default/a', title: 'a' },
        incident,
        cause: null,
        target: { comparator: 'lt', threshold: 1 },
        met: null,
        level: null,
        generatedAt: new Date('2026-10-10T04:00:00Z'),
      },
      reportLocale('ru'),
    );
    expect(text).toContain('# Постмортем: Checkout \\| payments down (P-1)');
    expect(text).toContain('| Устранён | ещё открыт |');
    expect(text).toContain('длительность на момент отчёта: 3 часа');
    expect(text).toContain('Время до принятия в работу: 5 минут.');
    expect(text).toContain('Деплой-причина для этого инцидента не указан.');
    expect(text).toContain('| ID | [P-1](https://pd.test/incidents/P-1) |');
    expect(text).not.toContain('Время восстановления 3');
  });

  it('lists the changes of the causing deployment in English', () => {
    const text = renderPostmortem(
      {
        subject: { entityRef: 'component:default/a', title: 'a' },
        incident: {
          ...incident,
          resolvedAt: '2026-10-10T01:45:00Z',
          causedByDeploymentId: 'd9',
        },
        cause: {
          deployment: {
            source: 'pagerduty',
            id: 'd9',
            entityRef: 'component:default/a',
            environment: 'production',
            status: 'success',
            startedAt: null,
            finishedAt: '2026-10-10T00:30:00Z',
            url: null,
            changeIds: ['pr-7', 'pr-8'],
            causedIncidentIds: ['P-1'],
          },
          changes: [
            {
              source: 'pagerduty',
              id: 'pr-7',
              entityRef: 'component:default/a',
              title: 'Retry payments',
              author: 'ann',
              url: null,
              firstCommitAt: null,
              mergedAt: '2026-10-09T12:00:00Z',
            },
          ],
        },
        target: { comparator: 'lt', threshold: 1 },
        met: true,
        level: 'elite',
        generatedAt: new Date('2026-10-11T00:00:00Z'),
      },
      reportLocale('en'),
    );
    expect(text).toContain(
      'Time to restore 45 minutes against the target < 1 hour: ✅ met.',
    );
    expect(text).toContain('at the DORA level “elite”');
    expect(text).toContain(
      '| pr-7 | Retry payments | ann | — | 9 October 2026, 12:00 UTC |',
    );
    // A change the deployment names but the store does not know is still listed.
    expect(text).toContain('| pr-8 | — | — | — | — |');
  });
});
