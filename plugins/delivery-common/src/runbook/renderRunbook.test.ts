import { renderRunbook, windowDays } from './renderRunbook';
import { RunbookInput, runbookInputSchema } from './types';

const complete: RunbookInput = {
  service: 'payments-api',
  description: 'Accepts card payments for the web shop.',
  owner: 'group:default/payments',
  system: 'checkout',
  lifecycle: 'production',
  onCall: {
    primary: 'payments-primary rotation',
    escalation: ['payments-secondary rotation', 'Head of Payments'],
    tool: 'PagerDuty',
  },
  slos: [
    {
      name: 'availability',
      objective: 99.9,
      window: '30d',
      description: 'Share of non-5xx answers',
    },
    { name: 'latency', objective: 0.99, window: '4w' },
  ],
  dashboards: [
    { title: 'Grafana: payments', url: 'https://grafana.example.com/d/pay' },
  ],
  deployment: {
    strategy: 'canary',
    steps: ['Warm up the card-token cache'],
  },
  rollback: { steps: ['Run `deploy rollback payments-api`'] },
  alerts: [
    {
      name: 'PaymentsHighErrorRate',
      diagnosis: 'Check the acquirer status page | the 5xx panel',
      remedy: 'Fail over to the backup acquirer',
    },
  ],
  dependencies: [
    { name: 'postgres-payments', kind: 'database', impact: 'No payments' },
  ],
  disasterRecovery: {
    rpo: '5 minutes',
    rto: '1 hour',
    backups: 'WAL archiving to S3, daily base backup',
    restoreSteps: ['Restore the latest base backup', 'Replay the WAL'],
  },
  revision: { version: '1.0', date: '2026-11-25', author: 'Jane Doe' },
};

describe('renderRunbook', () => {
  it('writes Russian by default with every section of a runbook', () => {
    const md = renderRunbook(complete);
    expect(md.startsWith('# Ранбук: payments-api\n')).toBe(true);
    for (const heading of [
      '## 1. Назначение сервиса',
      '## 2. Владельцы',
      '## 3. Дежурство и эскалация',
      '## 4. SLO и бюджет ошибок',
      '## 5. Дашборды',
      '## 6. Процедура развёртывания',
      '## 7. Процедура отката',
      '## 8. Типичные алерты',
      '## 9. Зависимости',
      '## 10. Аварийное восстановление (DR)',
      '## 11. История изменений и согласование',
    ]) {
      expect(md).toContain(`\n${heading}\n`);
    }
    expect(md).toContain('> Все разделы заполнены.');
    expect(md).not.toContain('не указано**');
    expect(md).toContain('| Команда-владелец | group:default/payments |');
    expect(md).toContain(
      '- Первая линия (дежурный): payments-primary rotation',
    );
    expect(md).toContain(
      '- Эскалация:\n   1. payments-secondary rotation\n   2. Head of Payments',
    );
    expect(md).toContain('- Система оповещений: PagerDuty');
  });

  it('states each SLO with its error budget as a share and as downtime in the window', () => {
    const ru = renderRunbook(complete, 'ru');
    expect(ru).toContain(
      '| availability | 99,9 % | 30 дней | 0,1 % событий (≈ 43,2 мин полной недоступности за 30 дней) | Share of non-5xx answers |',
    );
    expect(ru).toContain(
      '| latency | 99 % | 4 недели | 1 % событий (≈ 6,7 ч полной недоступности за 4 недели) | — |',
    );
    expect(ru).toContain('Бюджет ошибок = 1 − цель');
    expect(ru).toContain('burn rate > 14,4 одновременно за 1 ч и 5 мин');

    const en = renderRunbook(complete, 'en');
    expect(en).toContain(
      '| availability | 99.9% | 30 days | 0.1% of events (≈ 43.2 min of full downtime per 30 days) | Share of non-5xx answers |',
    );
    expect(en).toContain('feature releases stop');
  });

  it('gives the concrete procedure of the chosen strategy followed by the service steps', () => {
    const canary = renderRunbook(complete, 'en');
    expect(canary).toContain('Strategy: **canary release**.');
    expect(canary).toContain(
      '1. Deploy the new version next to the stable one and route 5% of traffic to it.',
    );
    expect(canary).toContain(
      '### Service-specific steps\n\n1. Warm up the card-token cache',
    );
    expect(canary).not.toContain('Switch the load balancer to green');

    const cases: [RunbookInput['deployment'], string, string][] = [
      [
        { strategy: 'blue-green' },
        'Переключите балансировщик на green (100 % трафика)',
        'Переключите балансировщик обратно на blue',
      ],
      [
        { strategy: 'rolling' },
        '`kubectl rollout pause`',
        '`kubectl rollout undo`',
      ],
      [
        { strategy: 'feature-flags' },
        'Разверните код с выключенным флагом (dark launch)',
        'Выключите флаг функции; повторное развёртывание не требуется.',
      ],
      [
        { strategy: 'canary' },
        'направьте на неё 5 % трафика',
        'Сведите долю трафика канареечной версии к 0 %',
      ],
    ];
    for (const [deployment, step, rollback] of cases) {
      const md = renderRunbook({ ...complete, deployment }, 'ru');
      expect(md).toContain(step);
      expect(md).toContain(rollback);
    }
  });

  it('writes the rollback steps and a verification checklist', () => {
    const md = renderRunbook(complete, 'ru');
    expect(md).toContain(
      '### Шаги отката сервиса\n\n1. Run `deploy rollback payments-api`',
    );
    expect(md).toContain('### Проверка после отката');
    expect(md).toContain(
      '- [ ] Доля ошибок и задержка вернулись к значениям до выпуска.',
    );
    expect(md).toContain('сработал алерт SLO с вызовом дежурного (page)');
  });

  it('puts alerts and dependencies in tables, escaping pipes', () => {
    const md = renderRunbook(complete, 'en');
    expect(md).toContain('| Alert / symptom | Diagnosis | Remedy |');
    expect(md).toContain(
      '| PaymentsHighErrorRate | Check the acquirer status page \\| the 5xx panel | Fail over to the backup acquirer |',
    );
    expect(md).toContain('| postgres-payments | database | No payments |');
  });

  it('states RPO, RTO, backups and the restore steps', () => {
    const md = renderRunbook(complete, 'ru');
    expect(md).toContain('- RPO (допустимая потеря данных): 5 minutes');
    expect(md).toContain('- RTO (допустимое время восстановления): 1 hour');
    expect(md).toContain(
      '### Порядок восстановления\n\n1. Restore the latest base backup\n2. Replay the WAL',
    );
  });

  it('ends with a revision table and a sign-off table for owner, delivery manager and on-call', () => {
    const md = renderRunbook(complete, 'ru');
    expect(md).toContain('| 1.0 | 2026-11-25 | Jane Doe | Первая версия |');
    expect(md).toContain('| Роль | Имя | Дата | Подпись |');
    expect(md).toContain('| Владелец сервиса | group:default/payments |  |  |');
    expect(md).toContain(
      '| Руководитель поставки (delivery manager) |  |  |  |',
    );
    const en = renderRunbook(complete, 'en');
    expect(en).toContain('| Delivery manager |  |  |  |');
  });

  it('marks every missing input as a gap and lists the sections to fill, in Russian', () => {
    const md = renderRunbook({ service: 'orders' });
    expect(md).toContain(
      '> Перед согласованием заполните разделы, в которых есть пробелы',
    );
    for (const section of [
      'Назначение сервиса',
      'Владельцы',
      'Дежурство и эскалация',
      'SLO и бюджет ошибок',
      'Дашборды',
      'Процедура развёртывания',
      'Процедура отката',
      'Типичные алерты',
      'Зависимости',
      'Аварийное восстановление (DR)',
    ]) {
      expect(md).toContain(`> - ${section}\n`);
    }
    expect(md).toContain('## 1. Назначение сервиса\n\n**⚠ не указано**');
    expect(md).toContain('| Команда-владелец | **⚠ не указано** |');
    expect(md).toContain('Стратегия: **⚠ не указано**.');
    expect(md).toContain('- RPO (допустимая потеря данных): **⚠ не указано**');
    // No strategy: no made-up procedure.
    expect(md).not.toContain('### Порядок действий');
    expect(md).not.toContain('kubectl');
  });

  it('marks gaps in English and inside partly filled rows', () => {
    const md = renderRunbook(
      {
        service: 'orders',
        owner: '  ',
        slos: [{ name: 'availability' }],
        alerts: [{ name: 'OrdersDown' }],
      },
      'en',
    );
    expect(md).toContain('| Owning team | **⚠ not specified** |');
    expect(md).toContain(
      '| availability | **⚠ not specified** | **⚠ not specified** | **⚠ not specified** | — |',
    );
    expect(md).toContain(
      '| OrdersDown | **⚠ not specified** | **⚠ not specified** |',
    );
    expect(md).toContain('> - Common alerts\n');
    expect(md).not.toContain('> - Purpose\n> - Owners\n> - Owners');
  });

  it('keeps a window it cannot read as written, with the budget as a share only', () => {
    const md = renderRunbook(
      {
        service: 'orders',
        slos: [
          { name: 'availability', objective: 99.5, window: 'calendar month' },
        ],
      },
      'en',
    );
    expect(md).toContain(
      '| availability | 99.5% | calendar month | 0.5% of events |',
    );
  });
});

describe('windowDays', () => {
  it.each([
    ['30d', 30],
    ['28 days', 28],
    ['4w', 28],
    ['30 дней', 30],
    ['1 day', 1],
    ['quarter', undefined],
    [undefined, undefined],
  ])('reads %s as %s days', (window, days) => {
    expect(windowDays(window)).toBe(days);
  });
});

describe('runbookInputSchema', () => {
  it('accepts a complete input and a bare service name', () => {
    expect(runbookInputSchema.parse(complete)).toEqual(complete);
    expect(runbookInputSchema.parse({ service: 'orders' })).toEqual({
      service: 'orders',
    });
  });

  it('rejects an unknown strategy, an objective of 100% and a missing service', () => {
    expect(
      runbookInputSchema.safeParse({
        service: 'a',
        deployment: { strategy: 'big-bang' },
      }).success,
    ).toBe(false);
    expect(
      runbookInputSchema.safeParse({
        service: 'a',
        slos: [{ name: 'x', objective: 100 }],
      }).success,
    ).toBe(false);
    expect(runbookInputSchema.safeParse({ service: '' }).success).toBe(false);
  });
});
