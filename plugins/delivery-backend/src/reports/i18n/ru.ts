import { ReportMessages } from './en';

/**
 * Русский каталог: по умолчанию отчёты пишутся на нём. Формы множественного числа выбирает
 * Intl.PluralRules('ru'): one (1, 21), few (2–4, 22–24), many (5–20, 25), other (дроби: 1,5 дня).
 */
export const ru: ReportMessages = {
  units: {
    hours: { one: 'час', few: 'часа', many: 'часов', other: 'часа' },
    minutes: { one: 'минута', few: 'минуты', many: 'минут', other: 'минуты' },
    days: { one: 'день', few: 'дня', many: 'дней', other: 'дня' },
    perDay: 'в день',
    perWorkingDay: 'в рабочий день',
    perWeek: 'в неделю',
    per30Days: 'за 30 дней',
    levels: {
      elite: 'элитный',
      high: 'высокий',
      medium: 'средний',
      low: 'низкий',
    },
  },
  nouns: {
    deployment: {
      one: 'деплой',
      few: 'деплоя',
      many: 'деплоев',
      other: 'деплоя',
    },
    productionDeployment: {
      one: 'деплой в продакшен',
      few: 'деплоя в продакшен',
      many: 'деплоев в продакшен',
      other: 'деплоя в продакшен',
    },
    change: {
      one: 'изменение',
      few: 'изменения',
      many: 'изменений',
      other: 'изменения',
    },
    shippedChange: {
      one: 'выпущенное изменение',
      few: 'выпущенных изменения',
      many: 'выпущенных изменений',
      other: 'выпущенного изменения',
    },
    incident: {
      one: 'инцидент',
      few: 'инцидента',
      many: 'инцидентов',
      other: 'инцидента',
    },
    newIncident: {
      one: 'новый инцидент',
      few: 'новых инцидента',
      many: 'новых инцидентов',
      other: 'нового инцидента',
    },
    item: { one: 'задача', few: 'задачи', many: 'задач', other: 'задачи' },
    bug: {
      one: 'заведённый дефект',
      few: 'заведённых дефекта',
      many: 'заведённых дефектов',
      other: 'заведённого дефекта',
    },
    point: { one: 'балл', few: 'балла', many: 'баллов', other: 'балла' },
    workingDay: {
      one: 'рабочий день',
      few: 'рабочих дня',
      many: 'рабочих дней',
      other: 'рабочего дня',
    },
    person: {
      one: 'человек',
      few: 'человека',
      many: 'человек',
      other: 'человека',
    },
    service: {
      one: 'сервис',
      few: 'сервиса',
      many: 'сервисов',
      other: 'сервиса',
    },
  },
  metricNames: {
    deploymentFrequency: 'Частота развёртываний',
    deploymentDaysPerWeek: 'Дней с развёртываниями в неделю',
    leadTime: 'Время от коммита до продакшена (медиана)',
    changeFailureRate: 'Доля неудачных изменений',
    timeToRestore: 'Время восстановления сервиса (MTTR, среднее)',
    failedDeploymentRecoveryTime:
      'Время восстановления после неудачного развёртывания (медиана)',
    reworkRate: 'Доля внеплановых развёртываний (rework rate)',
    cycleTime: 'Время цикла (медиана)',
    throughput: 'Пропускная способность',
    wip: 'Незавершённая работа',
    flowEfficiency: 'Эффективность потока',
    velocityPredictability: 'Разброс скорости (коэффициент вариации)',
    lineCoverage: 'Покрытие строк тестами',
    defectEscapeRate: 'Доля дефектов, дошедших до продакшена',
    incidentsPer30Days: 'Инциденты в продакшене',
  },
  metricHints: {
    deploymentFrequency:
      'выпускайте изменения меньшими порциями и чаще; ищите в конвейере ручные шаги и релизы по расписанию',
    deploymentDaysPerWeek:
      'распределяйте деплои по неделе, а не копите их к одному дню',
    leadTime: 'посмотрите, сколько изменения ждут ревью и следующего деплоя',
    changeFailureRate:
      'разберите откаченные деплои и вызванные ими инциденты: пробелы в тестах, рискованные миграции, отсутствие канареечных релизов',
    timeToRestore:
      'проверьте алерты, ранбук и то, как быстро можно откатить деплой',
    failedDeploymentRecoveryTime:
      'сделайте откат одной командой и следите за сервисом в первые минуты после деплоя',
    reworkRate:
      'разберите, что чинили хотфиксы и откаты: те же пробелы пропускают сбои в продакшен',
    cycleTime: 'дробите задачи мельче и ограничьте незавершённую работу',
    throughput:
      'посмотрите на заблокированные задачи и на начатую, но не законченную работу',
    wip: 'сначала заканчивайте, потом начинайте: снизьте лимит незавершённой работы',
    flowEfficiency:
      'посмотрите на состояния ожидания: ревью, передачи между командами, окружения',
    velocityPredictability:
      'планируйте по измеренной пропускной способности и держите незапланированную работу на виду',
    lineCoverage:
      'начните с тестов для наименее покрытого и чаще всего меняющегося кода',
    defectEscapeRate:
      'посмотрите, какие дефекты доходят до продакшена и на каком этапе тестирования их следовало поймать',
    incidentsPer30Days:
      'сгруппируйте инциденты по причинам и устраните самую частую',
  },
  common: {
    generated: date =>
      `Сформировано ${date} по данным, сохранённым в Delivery Insights.`,
    entity: 'Объект',
    period: 'Период',
    periodRange: (from, to) => `${from} — ${to}`,
    quarter: (quarter, year) => `${quarter}-й квартал ${year} г.`,
    metric: 'Метрика',
    field: 'Поле',
    value: 'Значение',
    sampleSize: 'Выборка',
    level: 'Уровень DORA',
    target: 'Цель',
    status: 'Статус',
    previous: 'Прошлый период',
    trend: 'Динамика',
    met: '✅ достигнута',
    missed: '❌ не достигнута',
    noTarget: '—',
    better: 'лучше',
    worse: 'хуже',
    unchanged: 'без изменений',
    noComparison: 'не с чем сравнить',
    lookAt: 'На что обратить внимание',
    nothingToLookAt:
      'Все метрики с целями их достигают, и ни одна не ухудшилась. Так держать.',
    missedHint: (metric, value, target, hint) =>
      `**${metric}**: ${value} при цели ${target} — ${hint}.`,
    worseHint: (metric, previous, value) =>
      `**${metric}**: хуже, чем в прошлом периоде — было ${previous}, стало ${value}.`,
    noDataHint: metric =>
      `**${metric}**: нет данных — проверьте, что источник подключён и сопоставлен с этим объектом.`,
    openIncidentsHint: incidents =>
      `К концу периода не закрыто: ${incidents}. Открытые инциденты в среднем времени восстановления (MTTR) не учитываются.`,
    none: 'Нет.',
    link: 'Ссылка',
    opened: 'Открыт',
    severity: 'Критичность',
    title: 'Название',
    timeToRestore: 'Время восстановления',
    stillOpen: 'ещё открыт',
    previousWindow: (from, to) =>
      `Динамика — в сравнении с предыдущим периодом той же длины (${from} — ${to}).`,
    unknown: 'неизвестно',
    id: 'ID',
    type: 'Тип',
    points: 'Баллы',
    cycleTime: 'Время цикла',
    service: 'Сервис',
  },
  deliveryMetrics: {
    title: (entity, period) => `Метрики поставки: ${entity}, ${period}`,
    summary: (deployments, changes, incidents) =>
      `За период: ${deployments}, ${changes}, ${incidents}.`,
    entities: count => `Учтено: ${count}.`,
    targetsMet: (met, total) => `Целей достигнуто: ${met} из ${total}.`,
    dora: 'Метрики DORA',
    flow: 'Метрики потока',
    offenders: 'Сервисы, требующие внимания',
    offendersIntro:
      'Сервисы этого объекта: сначала те, у которых больше всего недостигнутых целей (не больше пяти).',
    missedTargets: 'Не достигнуто целей',
    noOffenders: 'Все сервисы достигают своих целей.',
  },
  quality: {
    title: (entity, period) => `Отчёт о качестве: ${entity}, ${period}`,
    metrics: 'Метрики качества',
    bugs: (bugs, escaped) =>
      `За период: ${bugs}, из них обнаружено в продакшене: ${escaped}.`,
    incidents: 'Инциденты за период',
    deliveryContext: 'Контекст поставки',
  },
  postmortem: {
    title: incident => `Постмортем: ${incident}`,
    blameless:
      'Этот постмортем безоценочный (blameless): мы ищем причины в системах и процессах, а не виноватых. Разделы с пометкой «заполняет команда» пишут участники; всё остальное сформировано из сохранённых данных.',
    summary: 'Сводка',
    source: 'Источник',
    state: 'Состояние',
    resolved: 'устранён',
    open: 'открыт',
    timeline: 'Хронология',
    event: 'Событие',
    time: 'Время (UTC)',
    acknowledged: 'Принят в работу',
    resolvedEvent: 'Устранён',
    notAcknowledged: 'не зафиксировано',
    impact: 'Влияние и длительность',
    duration: duration => `Длительность инцидента: ${duration}.`,
    ongoing: duration =>
      `Инцидент всё ещё открыт; длительность на момент отчёта: ${duration}.`,
    timeToAcknowledge: duration => `Время до принятия в работу: ${duration}.`,
    restoreAgainstTarget: (duration, target, status) =>
      `Время восстановления ${duration} при цели ${target}: ${status}.`,
    restoreLevel: level =>
      `Само по себе такое время восстановления соответствует уровню DORA «${level}».`,
    cause: 'Деплой, вызвавший инцидент',
    noCause:
      'Деплой-причина для этого инцидента не указан. Если он известен, укажите его в инциденте (causedByDeploymentId), чтобы он учитывался в доле неудачных изменений.',
    deployment: 'Деплой',
    environment: 'Окружение',
    deploymentStatus: 'Статус',
    started: 'Начат',
    finished: 'Завершён',
    changes: 'Изменения в этом деплое',
    noChanges: 'В деплое не указано ни одного изменения.',
    author: 'Автор',
    firstCommit: 'Первый коммит',
    merged: 'Дата слияния',
    analysis: 'Разбор (заполняет команда)',
    toFill: '_Заполняет команда._',
    userImpact: 'Влияние на пользователей',
    userImpactPrompt:
      'Кого затронул инцидент, сколько пользователей и что они не могли сделать?',
    rootCause: 'Способствующие факторы',
    rootCausePrompt:
      'Какие условия сделали инцидент возможным? Спрашивайте «как» и «почему» о системах, а не «кто».',
    detection: 'Обнаружение',
    detectionPrompt:
      'Как заметили инцидент: алерт, клиент, коллега? Можно ли было заметить раньше?',
    response: 'Реагирование и восстановление',
    responsePrompt:
      'Что сделали для восстановления сервиса и что замедлило восстановление?',
    wentWell: 'Что прошло хорошо',
    wentWrong: 'Что пошло не так',
    lucky: 'В чём нам повезло',
    actions: 'Задачи по итогам',
    action: 'Задача',
    owner: 'Ответственный',
    due: 'Срок',
    ticket: 'Тикет',
  },
  pipeline: {
    title: service => `Конвейер поставки: ${service}`,
    summary: (deployments, frequency, level) =>
      `За период: ${deployments}, ${frequency} (уровень DORA «${level}»).`,
    byWeekday: 'Деплои по дням недели',
    weekday: 'День недели',
    production: 'Дошли до продакшена',
    pipelineFailures: 'Сбои конвейера',
    rollbacks: 'Откаты',
    environments: 'Окружения',
    environment: 'Окружение',
    deployments: 'Деплои',
    succeeded: 'Успешно',
    failed: 'Сбой',
    rolledBack: 'Откачено',
    medianDuration: 'Медиана длительности',
    p90Duration: 'p90 длительности',
    lastDeployment: 'Последний деплой',
    durations: 'Длительность',
    durationsText: (median, p90, count) =>
      `Медианная длительность деплоя в продакшен — ${median}, 90-й перцентиль — ${p90} (выборка: ${count} с известным временем начала и окончания).`,
    noDurations:
      'Ни у одного деплоя в продакшен за период нет одновременно времени начала и окончания.',
    failurePoints: 'Точки сбоев и откатов',
    when: 'Когда',
    what: 'Что произошло',
    failedInPipeline: 'сбой в конвейере, до продакшена не дошёл',
    rolledBackInProduction: 'откачен в продакшене',
    causedIncident: incidents => `вызвал: ${incidents}`,
    noFailures:
      'За период ни один деплой не завершился сбоем и не был откачен.',
  },
  capacity: {
    title: (team, quarter) => `План мощности: ${team}, ${quarter}`,
    parameters: 'Параметры',
    parameter: 'Параметр',
    teamSize: 'Размер команды в квартале',
    referenceTeamSize: 'Размер команды в прошлых кварталах',
    holidays: 'Праздники и отгулы (рабочих дней)',
    focusFactor: 'Фокус-фактор (относительно прошлых кварталов)',
    workingDays: 'Рабочих дней в квартале',
    availableDays: 'Доступно рабочих дней',
    history: 'Прошлые кварталы',
    team: 'Команда',
    quarter: 'Квартал',
    itemsCompleted: 'Завершено задач',
    perWeek: 'Задач в неделю',
    points: 'Баллы',
    pointsPerDay: 'Баллов за рабочий день',
    forecast: 'Прогноз',
    expectedPoints: 'Баллы (ожидание)',
    range: 'Диапазон',
    expectedItems: 'Задачи (ожидание)',
    noHistory:
      'В прошлых кварталах нет завершённых задач: прогнозировать не из чего.',
    method: quarters =>
      `Метод: среднее число баллов (и задач) на рабочий день и человека за последние кварталы (${quarters}), умноженное на размер команды, доступные рабочие дни и фокус-фактор. Диапазон строится по самому слабому и самому сильному из этих кварталов. Пропускная способность берётся из того же расчёта, что и в карточке метрик.`,
  },
  retrospective: {
    title: sprint => `Ретроспектива спринта ${sprint}`,
    dates: (from, to) =>
      `Спринт шёл с ${from} по ${to} (от начала первой задачи до завершения последней).`,
    summary: (completed, points, carried) =>
      `Завершено: ${completed} (${points}). Перенесено: ${carried}.`,
    completed: 'Завершено',
    carriedOver: 'Перенесено',
    notStarted: 'не начата',
    inProgress: 'в работе',
    state: 'Состояние',
    cycleTime: 'Время цикла',
    cycleTimeText: (median, p85, count) =>
      `Медиана ${median}, 85-й перцентиль ${p85}; выборка: ${count}.`,
    scopeChange: 'Изменение объёма',
    scopeAdded: (items, points) =>
      `После начала спринта добавлено: ${items} (${points}).`,
    noScopeChange: 'После начала спринта задачи не добавлялись.',
    added: 'Добавлена',
    incidents: 'Инциденты во время спринта',
    prompts: 'Вопросы для команды',
    promptWell: 'Что помогло нам завершить то, что мы завершили?',
    promptCarried: items =>
      `Почему задачи были перенесены (${items}): они оказались слишком большими, заблокированными или потеряли приоритет?`,
    promptScope: 'Откуда взялась добавленная работа и могла ли она подождать?',
    promptIncidents: incidents =>
      `Как инциденты во время спринта (${incidents}) изменили наш план?`,
    promptCycle:
      'Какая задача заняла больше всего времени и что сделало бы её короче?',
    promptNext: 'Какое одно изменение мы внесём в следующем спринте?',
  },
  process: {
    title: name => `Процесс поставки: ${name}`,
    owner: owner => `Владелец: ${owner}.`,
    stages: 'Этапы',
    stage: 'Этап',
    description: 'Описание',
    gates: 'Контрольные точки качества',
    gate: 'Проверка',
    requirement: 'Требование',
    blocking: 'Блокирующая',
    yes: 'да',
    no: 'нет, рекомендательная',
    orgTarget: target => `цель организации ${target}`,
    noGates: 'Контрольные точки качества не настроены.',
    strategy: 'Стратегия развёртывания',
    strategies: {
      'blue-green': 'Сине-зелёное развёртывание (blue-green)',
      canary: 'Канареечный релиз',
      rolling: 'Поэтапное обновление (rolling update)',
      'feature-flag': 'Флаги функциональности (feature flags)',
      recreate: 'Пересоздание (recreate)',
    },
    steps: 'Шаги',
    rollback: 'Откат',
    rollbackTriggers: 'Когда откатывать',
    rollbackTime: minutes => `Максимальное время отката: ${minutes}.`,
    notConfigured: 'Не настроено.',
  },
};
