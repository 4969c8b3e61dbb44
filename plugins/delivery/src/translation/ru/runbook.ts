/** Strings of the runbook and on-call card and the team's runbook and SLO gaps (Russian). */
export const runbookMessagesRu = {
  'runbook.cardTitle': 'Ранбук и дежурство',
  'runbook.runbooks': 'Ранбуки',
  'runbook.missing': 'У сервиса нет ранбука',
  'runbook.missingHint':
    'Во время инцидента он должен быть под рукой у дежурного. Добавьте ссылку с типом runbook или аннотацию {{annotation}}, либо создайте ранбук по шаблону golden path.',
  'runbook.create': 'Создать ранбук',
  'runbook.rollback': 'Процедура отката',
  'runbook.noRollback': 'Нет ссылки на процедуру отката (тип ссылки rollback)',
  'runbook.dashboards': 'Дашборды',
  'runbook.noDashboards': 'Нет ссылок на дашборды (тип ссылки dashboard)',
  'runbook.onCall.title': 'Дежурит сейчас',
  'runbook.onCall.none': 'Для сервиса не настроен источник дежурств',
  'runbook.onCall.noneHint':
    'Добавьте ему аннотацию pagerduty.com/service-id или opsgenie.com/team и настройте в бэкенде модуль PagerDuty или Opsgenie.',
  'runbook.onCall.level': 'Уровень {{level}}',
  'runbook.onCall.until': 'до {{time}}',
  'runbook.onCall.providerErrors_one': '{{count}} источник дежурств не ответил',
  'runbook.onCall.providerErrors_few':
    '{{count}} источника дежурств не ответили',
  'runbook.onCall.providerErrors_many':
    '{{count}} источников дежурств не ответили',
  'runbook.onCall.providerErrors_other':
    '{{count}} источника дежурств не ответили',
  'runbook.onCall.providerError': '{{provider}}: {{message}}',
  'runbook.team.heading': 'Ранбуки и SLO',
  'runbook.team.description':
    'У каждого сервиса должны быть ранбук, доступный в один клик, и SLO. У этих сервисов команды нет одного из них или обоих.',
  'runbook.team.tableLabel': 'Сервисы команды без ранбука или SLO',
  'runbook.team.summary_one':
    'У {{count}} из {{total}} сервисов нет ранбука или SLO',
  'runbook.team.summary_few':
    'У {{count}} из {{total}} сервисов нет ранбука или SLO',
  'runbook.team.summary_many':
    'У {{count}} из {{total}} сервисов нет ранбука или SLO',
  'runbook.team.summary_other':
    'У {{count}} из {{total}} сервисов нет ранбука или SLO',
  'runbook.team.complete': 'У всех сервисов команды есть ранбук и SLO',
  'runbook.team.serviceColumn': 'Сервис',
  'runbook.team.runbookColumn': 'Ранбук',
  'runbook.team.sloColumn': 'SLO',
  'runbook.team.actionColumn': 'Что сделать',
  'runbook.team.present': 'Есть',
  'runbook.team.absent': 'Нет',
  'runbook.team.defineSlo': 'Опишите SLO в {{annotation}}',
} as const;
