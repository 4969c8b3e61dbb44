import { toQualityGate, toQualitySnapshots } from './qualitySnapshots';

const options = {
  host: 'sonar.example.com',
  projectKey: 'shop',
  entityRef: 'component:default/shop',
};

describe('toQualitySnapshots', () => {
  it('joins the metrics of one analysis by date, oldest first, with SonarQube times as UTC', () => {
    const mapped = toQualitySnapshots(
      {
        paging: { pageIndex: 1, pageSize: 100, total: 2 },
        measures: [
          {
            metric: 'line_coverage',
            history: [
              { date: '2026-11-02T10:00:00+0100', value: '80.5' },
              { date: '2026-11-01T10:00:00+0100', value: '79' },
            ],
          },
          {
            metric: 'code_smells',
            history: [
              { date: '2026-11-02T10:00:00+0100', value: '12' },
              { date: '2026-11-01T10:00:00+0100' },
            ],
          },
          {
            metric: 'alert_status',
            history: [
              { date: '2026-11-02T10:00:00+0100', value: 'WARN' },
              { date: '2026-11-01T10:00:00+0100', value: 'NONE' },
            ],
          },
        ],
      },
      options,
    );
    expect(mapped).toEqual([
      {
        event: {
          type: 'qualitySnapshot',
          source: 'sonarqube',
          id: 'sonar.example.com/shop/2026-11-01T09:00:00.000Z',
          entityRef: 'component:default/shop',
          at: '2026-11-01T09:00:00.000Z',
          lineCoverage: 79,
        },
      },
      {
        event: {
          type: 'qualitySnapshot',
          source: 'sonarqube',
          id: 'sonar.example.com/shop/2026-11-02T09:00:00.000Z',
          entityRef: 'component:default/shop',
          at: '2026-11-02T09:00:00.000Z',
          lineCoverage: 80.5,
          codeSmells: 12,
          qualityGate: 'warning',
        },
      },
    ]);
  });

  it('skips analyses without a usable coverage or date', () => {
    const mapped = toQualitySnapshots(
      {
        paging: { pageIndex: 1, pageSize: 100, total: 2 },
        measures: [
          {
            metric: 'line_coverage',
            history: [
              { date: '2026-11-01T10:00:00+0000', value: '101' },
              { date: 'yesterday', value: '50' },
            ],
          },
        ],
      },
      options,
    );
    expect(mapped).toEqual([
      { skipped: { reason: 'analysis with an invalid date yesterday' } },
      {
        skipped: {
          id: 'sonar.example.com/shop/2026-11-01T10:00:00.000Z',
          reason: 'analysis without line coverage',
        },
      },
    ]);
  });
});

describe('toQualityGate', () => {
  it('maps the levels and treats NONE and unknown ones as no status', () => {
    expect(
      ['OK', 'WARN', 'ERROR', 'NONE', undefined].map(toQualityGate),
    ).toEqual(['passed', 'warning', 'failed', undefined, undefined]);
  });
});
