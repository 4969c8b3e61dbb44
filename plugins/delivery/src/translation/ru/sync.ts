/** How fresh the records of an entity are, per provider (Russian). */
export const syncMessagesRu = {
  'sync.dataAsOf': 'Данные на {{time}}, источники: {{sources}}',
  'sync.failed':
    '{{provider}}: последняя синхронизация не удалась {{time}}: {{message}}',
  'sync.never': '{{provider}}: успешной синхронизации ещё не было',
  'sync.skipped_one':
    '{{provider}}: {{count}} запись источника пропущена как некорректная',
  'sync.skipped_few':
    '{{provider}}: {{count}} записи источника пропущены как некорректные',
  'sync.skipped_many':
    '{{provider}}: {{count}} записей источника пропущены как некорректные',
  'sync.skipped_other':
    '{{provider}}: {{count}} записи источника пропущены как некорректные',
  'sync.unavailable': 'Статус синхронизации недоступен',
} as const;
