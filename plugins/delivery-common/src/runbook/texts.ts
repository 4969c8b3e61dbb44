import { DeploymentStrategy } from './types';

/** Every sentence of a runbook, per language. Kept apart from the layout so both stay readable. */
export type RunbookTexts = {
  gap: string;
  title: (service: string) => string;
  gapsIntro: string;
  noGaps: string;
  sections: {
    purpose: string;
    owners: string;
    onCall: string;
    slos: string;
    dashboards: string;
    deployment: string;
    rollback: string;
    alerts: string;
    dependencies: string;
    disasterRecovery: string;
    revisions: string;
  };
  fields: {
    service: string;
    owner: string;
    system: string;
    lifecycle: string;
    primary: string;
    escalation: string;
    tool: string;
    rpo: string;
    rto: string;
    backups: string;
    restoreSteps: string;
  };
  onCallRules: string[];
  sloColumns: [string, string, string, string, string];
  percent: (value: number) => string;
  budgetShare: (percent: string) => string;
  budgetTime: (duration: string, window: string) => string;
  minutes: (value: string) => string;
  hours: (value: string) => string;
  days: (count: number) => string;
  weeks: (count: number) => string;
  budgetMeaning: string[];
  strategyNames: Record<DeploymentStrategy, string>;
  strategyLine: (name: string) => string;
  beforeDeployment: string[];
  procedureHeading: string;
  procedures: Record<DeploymentStrategy, string[]>;
  serviceStepsHeading: string;
  rollbackWhen: string[];
  rollbackWhenHeading: string;
  rollbackStrategyHeading: string;
  rollbackByStrategy: Record<DeploymentStrategy, string>;
  rollbackStepsHeading: string;
  verificationHeading: string;
  verification: string[];
  alertColumns: [string, string, string];
  alertsNote: string;
  dependencyColumns: [string, string, string];
  drNote: string;
  revisionColumns: [string, string, string, string];
  firstRevision: string;
  signOffHeading: string;
  signOffColumns: [string, string, string, string];
  signOffRoles: { owner: string; delivery: string; onCall: string };
  decimal: (value: number) => string;
};

const decimal = (separator: string) => (value: number) => {
  const rounded = Math.round(value * 1000) / 1000;
  return String(rounded).replace('.', separator);
};

/** Russian plural form for a count: 1 день, 2 дня, 5 дней. */
function ruPlural(count: number, one: string, few: string, many: string) {
  const mod10 = count % 10;
  const mod100 = count % 100;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
  return many;
}

const ru: RunbookTexts = {
  gap: '⚠ не указано',
  title: service => `Ранбук: ${service}`,
  gapsIntro:
    'Перед согласованием заполните разделы, в которых есть пробелы (отмечены «⚠ не указано»):',
  noGaps: 'Все разделы заполнены.',
  sections: {
    purpose: 'Назначение сервиса',
    owners: 'Владельцы',
    onCall: 'Дежурство и эскалация',
    slos: 'SLO и бюджет ошибок',
    dashboards: 'Дашборды',
    deployment: 'Процедура развёртывания',
    rollback: 'Процедура отката',
    alerts: 'Типичные алерты',
    dependencies: 'Зависимости',
    disasterRecovery: 'Аварийное восстановление (DR)',
    revisions: 'История изменений и согласование',
  },
  fields: {
    service: 'Сервис',
    owner: 'Команда-владелец',
    system: 'Система',
    lifecycle: 'Стадия жизненного цикла',
    primary: 'Первая линия (дежурный)',
    escalation: 'Эскалация',
    tool: 'Система оповещений',
    rpo: 'RPO (допустимая потеря данных)',
    rto: 'RTO (допустимое время восстановления)',
    backups: 'Резервные копии',
    restoreSteps: 'Порядок восстановления',
  },
  onCallRules: [
    'Если дежурный не подтверждает оповещение, оно уходит на следующий уровень эскалации по политике системы оповещений.',
    'Любой инцидент, затрагивающий пользователей, объявляется в канале инцидентов; после его закрытия проводится разбор (postmortem).',
  ],
  sloColumns: ['SLO', 'Цель', 'Окно', 'Бюджет ошибок', 'Описание'],
  percent: value => `${decimal(',')(value)} %`,
  budgetShare: percent => `${percent} событий`,
  budgetTime: (duration, window) =>
    `≈ ${duration} полной недоступности за ${window}`,
  minutes: value => `${value} мин`,
  hours: value => `${value} ч`,
  days: count => `${count} ${ruPlural(count, 'день', 'дня', 'дней')}`,
  weeks: count => `${count} ${ruPlural(count, 'неделю', 'недели', 'недель')}`,
  budgetMeaning: [
    'Бюджет ошибок = 1 − цель: доля событий, которые могут быть неуспешными за окно, не нарушая SLO.',
    'Пока бюджет не исчерпан, команда выпускает изменения в обычном темпе. Если за окно израсходовано больше 100 % бюджета, выпуск новых функций останавливается: в продакшен идут только исправления надёжности, пока бюджет не восстановится.',
    'Скорость расходования (burn rate) = доля ошибок / (1 − цель). По методике Google SRE Workbook дежурного вызывают, если burn rate > 14,4 одновременно за 1 ч и 5 мин или > 6 за 6 ч и 30 мин; тикет заводится при burn rate > 1 за 3 дня и 6 ч.',
  ],
  strategyNames: {
    'blue-green': 'blue-green',
    canary: 'канареечный выпуск (canary)',
    rolling: 'последовательное обновление (rolling update)',
    'feature-flags': 'выпуск за флагами функций (feature flags)',
  },
  strategyLine: name => `Стратегия: **${name}**.`,
  beforeDeployment: [
    'Изменение прошло ревью и CI, артефакт собран и подписан.',
    'Бюджет ошибок не исчерпан (см. раздел «SLO и бюджет ошибок»), нет открытых инцидентов по сервису.',
    'Дежурный знает о выпуске; выпуск объявлен в канале релизов.',
    'Миграции базы данных обратно совместимы: предыдущая версия работает с новой схемой.',
  ],
  procedureHeading: 'Порядок действий',
  procedures: {
    'blue-green': [
      'Разверните новую версию в неактивном окружении (green); активное окружение (blue) продолжает обслуживать весь трафик.',
      'Выполните smoke-тесты и проверки здоровья (health checks) green по его внутреннему адресу.',
      'Убедитесь по дашбордам, что доля ошибок и задержка green на уровне обычных значений, в логах нет новых ошибок.',
      'Переключите балансировщик на green (100 % трафика). Окружение blue не останавливайте: это цель отката.',
      'Наблюдайте за долей ошибок, задержкой и burn rate SLO не менее 30 минут.',
      'Объявите о завершении выпуска; blue остаётся резервом для отката до следующего выпуска.',
    ],
    canary: [
      'Разверните новую версию рядом со стабильной и направьте на неё 5 % трафика.',
      'Сравните канареечную и стабильную версии не менее 15 минут: доля ошибок, задержка p95, насыщение ресурсов.',
      'Если показатели канареечной версии не хуже стабильной, увеличивайте долю трафика: 25 %, 50 %, 100 %, наблюдая каждый шаг не менее 15 минут.',
      'Критерий остановки: доля ошибок канареечной версии выше, чем у стабильной, или burn rate SLO > 1. Тогда доля трафика канареечной версии сразу сводится к 0 % (см. «Процедура отката»).',
      'После перевода 100 % трафика удалите экземпляры старой версии и объявите о завершении выпуска.',
    ],
    rolling: [
      'Проверьте, что у сервиса настроены readiness- и liveness-пробы, а параметры maxUnavailable/maxSurge не дают мощности упасть ниже необходимой.',
      'Запустите обновление: экземпляры заменяются новой версией партиями.',
      'После каждой партии проверяйте готовность экземпляров и долю ошибок на дашбордах.',
      'При росте ошибок приостановите обновление (например, `kubectl rollout pause`) и примите решение: продолжить или откатиться.',
      'Когда все экземпляры обновлены, наблюдайте за сервисом не менее 30 минут и объявите о завершении выпуска.',
    ],
    'feature-flags': [
      'Разверните код с выключенным флагом (dark launch): выпуск не должен менять поведение сервиса.',
      'Проверьте выпуск как обычный: проверки здоровья, доля ошибок, задержка.',
      'Включите флаг для внутренних пользователей или 1 % пользователей и наблюдайте за метриками затронутых сценариев.',
      'Постепенно увеличивайте долю пользователей (10 %, 50 %, 100 %), наблюдая каждый шаг.',
      'После полного включения и периода стабильной работы удалите флаг и старую ветку кода отдельным изменением.',
    ],
  },
  serviceStepsHeading: 'Шаги, специфичные для сервиса',
  rollbackWhenHeading: 'Когда откатывать',
  rollbackWhen: [
    'сработал алерт SLO с вызовом дежурного (page) после выпуска;',
    'доля ошибок или задержка выше, чем до выпуска, и причина не устраняется за 15 минут;',
    'сломан ключевой пользовательский сценарий.',
  ],
  rollbackStrategyHeading: 'Откат для выбранной стратегии',
  rollbackByStrategy: {
    'blue-green':
      'Переключите балансировщик обратно на blue (предыдущая версия продолжает работать), затем разберитесь с green.',
    canary:
      'Сведите долю трафика канареечной версии к 0 % и удалите её экземпляры; стабильная версия обслуживает весь трафик.',
    rolling:
      'Верните предыдущую ревизию (например, `kubectl rollout undo`) или разверните предыдущий артефакт тем же конвейером.',
    'feature-flags':
      'Выключите флаг функции; повторное развёртывание не требуется.',
  },
  rollbackStepsHeading: 'Шаги отката сервиса',
  verificationHeading: 'Проверка после отката',
  verification: [
    'Весь трафик обслуживает предыдущая версия (проверьте версию в статусе развёртывания или по эндпоинту версии).',
    'Доля ошибок и задержка вернулись к значениям до выпуска.',
    'Burn rate SLO за 5 минут ниже 1.',
    'Smoke-тесты проходят.',
    'Развёртывание отмечено как откаченное (`rolled_back`), заинтересованные стороны оповещены; если пострадали пользователи, назначен разбор инцидента.',
  ],
  alertColumns: ['Алерт / симптом', 'Диагностика', 'Устранение'],
  alertsNote:
    'Если алерта нет в таблице, а инцидент начался после выпуска, откатите выпуск (раздел «Процедура отката»); если причина неясна, эскалируйте по разделу «Дежурство и эскалация».',
  dependencyColumns: ['Зависимость', 'Тип', 'Влияние при отказе'],
  drNote:
    'Восстановление из резервной копии нужно регулярно проверять учениями и сравнивать фактическое время восстановления с RTO.',
  revisionColumns: ['Версия', 'Дата', 'Автор', 'Изменения'],
  firstRevision: 'Первая версия',
  signOffHeading: 'Согласование',
  signOffColumns: ['Роль', 'Имя', 'Дата', 'Подпись'],
  signOffRoles: {
    owner: 'Владелец сервиса',
    delivery: 'Руководитель поставки (delivery manager)',
    onCall: 'Ответственный за дежурство (SRE)',
  },
  decimal: decimal(','),
};

const en: RunbookTexts = {
  gap: '⚠ not specified',
  title: service => `Runbook: ${service}`,
  gapsIntro:
    'Before sign-off, fill in the sections with gaps (marked "⚠ not specified"):',
  noGaps: 'All sections are filled in.',
  sections: {
    purpose: 'Purpose',
    owners: 'Owners',
    onCall: 'On-call and escalation',
    slos: 'SLOs and error budget',
    dashboards: 'Dashboards',
    deployment: 'Deployment procedure',
    rollback: 'Rollback procedure',
    alerts: 'Common alerts',
    dependencies: 'Dependencies',
    disasterRecovery: 'Disaster recovery',
    revisions: 'Revision history and sign-off',
  },
  fields: {
    service: 'Service',
    owner: 'Owning team',
    system: 'System',
    lifecycle: 'Lifecycle',
    primary: 'First responder (on call)',
    escalation: 'Escalation',
    tool: 'Paging tool',
    rpo: 'RPO (acceptable data loss)',
    rto: 'RTO (acceptable time to restore)',
    backups: 'Backups',
    restoreSteps: 'Restore procedure',
  },
  onCallRules: [
    'A page the on-call engineer does not acknowledge goes to the next escalation level, as the paging tool’s escalation policy sets.',
    'Every incident that affects users is declared in the incident channel and followed by a postmortem once resolved.',
  ],
  sloColumns: ['SLO', 'Objective', 'Window', 'Error budget', 'Description'],
  percent: value => `${decimal('.')(value)}%`,
  budgetShare: percent => `${percent} of events`,
  budgetTime: (duration, window) =>
    `≈ ${duration} of full downtime per ${window}`,
  minutes: value => `${value} min`,
  hours: value => `${value} h`,
  days: count => `${count} ${count === 1 ? 'day' : 'days'}`,
  weeks: count => `${count} ${count === 1 ? 'week' : 'weeks'}`,
  budgetMeaning: [
    'Error budget = 1 − objective: the share of events that may fail within the window without breaking the SLO.',
    'While budget remains, the team ships at its usual pace. When more than 100% of the budget is spent in the window, feature releases stop: only reliability fixes go to production until the budget recovers.',
    'Burn rate = error rate / (1 − objective). Following the Google SRE Workbook, on-call is paged when the burn rate exceeds 14.4 over both 1h and 5m, or 6 over both 6h and 30m; a ticket is opened when it exceeds 1 over both 3d and 6h.',
  ],
  strategyNames: {
    'blue-green': 'blue-green',
    canary: 'canary release',
    rolling: 'rolling update',
    'feature-flags': 'feature flags',
  },
  strategyLine: name => `Strategy: **${name}**.`,
  beforeDeployment: [
    'The change is reviewed and green in CI; the artifact is built and signed.',
    'Error budget remains (see "SLOs and error budget") and no incident is open for the service.',
    'The on-call engineer knows about the release; it is announced in the release channel.',
    'Database migrations are backward compatible: the previous version works with the new schema.',
  ],
  procedureHeading: 'Steps',
  procedures: {
    'blue-green': [
      'Deploy the new version to the idle environment (green); the live environment (blue) keeps serving all traffic.',
      'Run smoke tests and health checks against green on its internal address.',
      'Check on the dashboards that green’s error rate and latency are at their usual levels and the logs show no new errors.',
      'Switch the load balancer to green (100% of traffic). Do not stop blue: it is the rollback target.',
      'Watch the error rate, latency and SLO burn rate for at least 30 minutes.',
      'Announce the end of the release; blue stays as the rollback target until the next release.',
    ],
    canary: [
      'Deploy the new version next to the stable one and route 5% of traffic to it.',
      'Compare canary and stable for at least 15 minutes: error rate, p95 latency, resource saturation.',
      'If the canary is no worse than stable, raise its share of traffic to 25%, 50%, 100%, watching each step for at least 15 minutes.',
      'Abort criterion: the canary’s error rate is above stable’s, or the SLO burn rate exceeds 1. Then set the canary’s share of traffic to 0% at once (see "Rollback procedure").',
      'Once it serves 100% of traffic, remove the old version’s instances and announce the end of the release.',
    ],
    rolling: [
      'Check that readiness and liveness probes are configured and that maxUnavailable/maxSurge keep capacity above what the service needs.',
      'Start the rollout: instances are replaced by the new version batch by batch.',
      'After each batch, check instance readiness and the error rate on the dashboards.',
      'If errors rise, pause the rollout (e.g. `kubectl rollout pause`) and decide: continue or roll back.',
      'When every instance runs the new version, watch the service for at least 30 minutes and announce the end of the release.',
    ],
    'feature-flags': [
      'Deploy the code with the flag off (dark launch): the release must not change the service’s behaviour.',
      'Verify the release like any other: health checks, error rate, latency.',
      'Turn the flag on for internal users or 1% of users and watch the metrics of the affected paths.',
      'Raise the share of users step by step (10%, 50%, 100%), watching each step.',
      'After full rollout and a stable period, remove the flag and the old code path in a separate change.',
    ],
  },
  serviceStepsHeading: 'Service-specific steps',
  rollbackWhenHeading: 'When to roll back',
  rollbackWhen: [
    'an SLO page alert fires after the release;',
    'the error rate or latency is higher than before the release and the cause is not fixed within 15 minutes;',
    'a key user journey is broken.',
  ],
  rollbackStrategyHeading: 'Rollback for this strategy',
  rollbackByStrategy: {
    'blue-green':
      'Switch the load balancer back to blue (the previous version is still running), then investigate green.',
    canary:
      'Set the canary’s share of traffic to 0% and remove its instances; the stable version serves all traffic.',
    rolling:
      'Return to the previous revision (e.g. `kubectl rollout undo`) or deploy the previous artifact through the same pipeline.',
    'feature-flags': 'Turn the feature flag off; no redeployment is needed.',
  },
  rollbackStepsHeading: 'Service rollback steps',
  verificationHeading: 'Verification after rollback',
  verification: [
    'All traffic is served by the previous version (check the deployment status or the version endpoint).',
    'Error rate and latency are back to their pre-release levels.',
    'The 5-minute SLO burn rate is below 1.',
    'Smoke tests pass.',
    'The deployment is marked as rolled back (`rolled_back`) and stakeholders are informed; if users were affected, a postmortem is scheduled.',
  ],
  alertColumns: ['Alert / symptom', 'Diagnosis', 'Remedy'],
  alertsNote:
    'If an alert is not in this table and the incident started after a release, roll the release back (see "Rollback procedure"); if the cause is unclear, escalate as in "On-call and escalation".',
  dependencyColumns: ['Dependency', 'Kind', 'Impact when it fails'],
  drNote:
    'Rehearse restoring from backup regularly and compare the measured restore time with the RTO.',
  revisionColumns: ['Version', 'Date', 'Author', 'Changes'],
  firstRevision: 'First version',
  signOffHeading: 'Sign-off',
  signOffColumns: ['Role', 'Name', 'Date', 'Signature'],
  signOffRoles: {
    owner: 'Service owner',
    delivery: 'Delivery manager',
    onCall: 'On-call lead (SRE)',
  },
  decimal: decimal('.'),
};

export const runbookTexts: Record<'ru' | 'en', RunbookTexts> = { ru, en };
