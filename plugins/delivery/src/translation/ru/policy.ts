/** Strings of the error-budget policy on the SLO card (Russian). */
export const policyMessagesRu = {
  'policy.title': 'Политика бюджета ошибок',
  'policy.states.normal': 'Обычный режим: релизы разрешены',
  'policy.states.warn': 'Внимание: бюджет ошибок на исходе',
  'policy.states.freeze': 'Заморозка релизов: выпуск запрещён',
  'policy.frozenWithException':
    'Заморозка релизов: выпуск разрешён по исключению',
  'policy.reasonsLabel': 'Причины',
  'policy.activeException':
    'Действует исключение ({{kind}}) до {{until}}, одобрено: {{by}}',
  'policy.activeExceptionForDeployment':
    'Действует исключение ({{kind}}) для релиза {{deployment}} до {{until}}, одобрено: {{by}}',
  'policy.pending_one': '{{count}} запрос на исключение ждёт решения',
  'policy.pending_few': '{{count}} запроса на исключение ждут решения',
  'policy.pending_many': '{{count}} запросов на исключение ждут решения',
  'policy.pending_other': '{{count}} запроса на исключение ждут решения',
  'policy.reasonKinds.p0-fix': 'исправление P0',
  'policy.reasonKinds.security-patch': 'патч безопасности',
  'policy.reasonKinds.other': 'другое',
  'policy.requestButton': 'Запросить исключение',
  'policy.unavailable': 'Не удалось загрузить состояние политики: {{message}}',
  'policy.records.column': 'Бюджет ошибок',
  'policy.records.freezeViolation': 'Выпущен во время заморозки без исключения',
  'policy.records.impact':
    '{{slo}}: за {{hours}} ч после релиза израсходовано {{after}} бюджета, за {{hours}} ч до него — {{before}}',
  'policy.records.impactNoData':
    '{{slo}}: за период SLO до релиза событий не было',
  'policy.dialog.title': 'Запрос на исключение из заморозки релизов',
  'policy.dialog.intro':
    'Заморозка останавливает релизы, пока бюджет ошибок не восстановится. Исключения делаются для исправлений P0 и патчей безопасности; запрос сохраняется вместе с вашим именем и обоснованием.',
  'policy.dialog.reasonKind': 'Причина',
  'policy.dialog.reasonKindOptions.p0-fix': 'Исправление P0',
  'policy.dialog.reasonKindOptions.security-patch': 'Патч безопасности',
  'policy.dialog.reasonKindOptions.other': 'Другое',
  'policy.dialog.justification': 'Обоснование',
  'policy.dialog.justificationHelp':
    'Почему этот релиз нельзя отложить (не меньше 10 символов)',
  'policy.dialog.scope': 'Область действия',
  'policy.dialog.scopeDeployment': 'Один релиз',
  'policy.dialog.scopeUntil': 'Все релизы до указанного времени',
  'policy.dialog.deploymentId': 'Идентификатор релиза',
  'policy.dialog.deploymentIdHelp':
    'В том виде, в каком его передаёт CI, например checkout-1234',
  'policy.dialog.until': 'До',
  'policy.dialog.untilHelp': 'Не позже чем через 14 дней',
  'policy.dialog.cancel': 'Отмена',
  'policy.dialog.submit': 'Отправить запрос',
  'policy.dialog.submitted':
    'Запрос отправлен: согласующий одобрит или отклонит его.',
  'policy.dialog.failed': 'Запрос не сохранён: {{message}}',
} as const;
