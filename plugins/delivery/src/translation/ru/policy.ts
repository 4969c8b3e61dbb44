/** Strings of the error-budget policy on the SLO card (Russian). */
export const policyMessagesRu = {
  'policy.title': 'Политика бюджета ошибок',
  'policy.states.normal': 'Норма: релизы разрешены',
  'policy.states.warn': 'Внимание: бюджет на исходе',
  'policy.states.freeze': 'Заморозка: релизы запрещены',
  'policy.frozenWithException': 'Заморозка: релизы разрешены по исключению',
  'policy.reasonsLabel': 'Причины',
  'policy.activeException':
    'Действует исключение ({{kind}}) до {{until}}, одобрил {{by}}',
  'policy.activeExceptionForDeployment':
    'Действует исключение ({{kind}}) для релиза {{deployment}} до {{until}}, одобрил {{by}}',
  'policy.pending_one': '{{count}} запрос на исключение ждёт решения',
  'policy.pending_few': '{{count}} запроса на исключение ждут решения',
  'policy.pending_many': '{{count}} запросов на исключение ждут решения',
  'policy.pending_other': '{{count}} запроса на исключение ждут решения',
  'policy.reasonKinds.p0-fix': 'исправление P0',
  'policy.reasonKinds.security-patch': 'исправление безопасности',
  'policy.reasonKinds.other': 'другое',
  'policy.requestButton': 'Запросить исключение',
  'policy.unavailable': 'Не удалось получить состояние политики: {{message}}',
  'policy.records.column': 'Бюджет ошибок',
  'policy.records.freezeViolation': 'Выпущен во время заморозки без исключения',
  'policy.records.impact':
    '{{slo}}: за {{hours}} ч после релиза израсходовано {{after}} бюджета, за {{hours}} ч до него — {{before}}',
  'policy.records.impactNoData':
    '{{slo}}: в окне SLO до релиза не было событий',
  'policy.dialog.title': 'Запрос исключения из заморозки',
  'policy.dialog.intro':
    'Во время заморозки релизы останавливаются, пока бюджет ошибок не восстановится. Исключения допускаются для исправлений P0 и уязвимостей; запрос сохраняется с вашим именем и обоснованием.',
  'policy.dialog.reasonKind': 'Причина',
  'policy.dialog.reasonKindOptions.p0-fix': 'Исправление P0',
  'policy.dialog.reasonKindOptions.security-patch': 'Исправление безопасности',
  'policy.dialog.reasonKindOptions.other': 'Другое',
  'policy.dialog.justification': 'Обоснование',
  'policy.dialog.justificationHelp':
    'Почему этот релиз не может ждать (не короче 10 символов)',
  'policy.dialog.scope': 'Область действия',
  'policy.dialog.scopeDeployment': 'Один релиз',
  'policy.dialog.scopeUntil': 'Все релизы до указанного времени',
  'policy.dialog.deploymentId': 'Идентификатор релиза',
  'policy.dialog.deploymentIdHelp':
    'Как его передаёт CI, например checkout-1234',
  'policy.dialog.until': 'До',
  'policy.dialog.untilHelp': 'Не более 14 дней вперёд',
  'policy.dialog.cancel': 'Отмена',
  'policy.dialog.submit': 'Отправить запрос',
  'policy.dialog.submitted':
    'Запрос отправлен: его одобрит или отклонит ответственный.',
  'policy.dialog.failed': 'Запрос не сохранён: {{message}}',
} as const;
