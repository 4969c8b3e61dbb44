/** Strings of the team (Group) scorecard and the organisation overview page (Russian). */
export const teamMessagesRu = {
  'team.title': 'Показатели команды',
  'team.rollupDescription':
    'Рассчитаны бэкендом по записям всего, чем владеет {{team}}.',
  'team.noTeamData': 'Нет данных о поставке команды за выбранный период',
  'team.noTeamDataHint':
    'Выберите более длинный период или подключите источник (либо отправляйте события в API приёма) для сервисов команды.',
  'team.p90': 'p90: {{value}}',
  'team.p85': 'p85: {{value}}',
  'team.previousShort': 'Ранее: {{value}}',
  'team.servicesHeading': 'Сервисы',
  'team.servicesCount_one': '{{count}} сервис команды',
  'team.servicesCount_few': '{{count}} сервиса команды',
  'team.servicesCount_many': '{{count}} сервисов команды',
  'team.servicesCount_other': '{{count}} сервиса команды',
  'team.serviceColumn': 'Сервис',
  'team.noServices': 'Команда не владеет ни одним компонентом',
  'team.noServicesHint':
    'Укажите spec.owner: {{owner}} в catalog-info.yaml компонента, чтобы он появился здесь.',
  'team.noServiceData':
    'Ни у одного из этих сервисов нет данных о поставке за выбранный период',
  'team.noServiceDataHint':
    'Выберите более длинный период, подключите источник или отправляйте события в API приёма.',
  'team.slo.heading': 'SLO под угрозой',
  'team.slo.description':
    'SLO сервисов команды, по которым сейчас вызывают дежурного или заводят тикет либо осталось меньше {{threshold}} бюджета ошибок, — каждый за свой скользящий период. Сначала вызовы, затем тикеты, затем наименьший остаток бюджета.',
  'team.slo.tableLabel': 'SLO под угрозой в сервисах команды',
  'team.slo.atRiskCount_one': '{{count}} SLO под угрозой',
  'team.slo.atRiskCount_few': '{{count}} SLO под угрозой',
  'team.slo.atRiskCount_many': '{{count}} SLO под угрозой',
  'team.slo.atRiskCount_other': '{{count}} SLO под угрозой',
  'team.slo.serviceColumn': 'Сервис',
  'team.slo.sloColumn': 'SLO',
  'team.slo.alertColumn': 'Оповещение',
  'team.slo.budgetColumn': 'Бюджет ошибок',
  'team.slo.forecastColumn': 'Прогноз',
  'team.slo.serviceError': 'Не удалось загрузить SLO сервиса: {{message}}',
  'team.slo.noneAtRisk': 'Нет SLO под угрозой',
  'team.slo.healthy_one': '{{count}} SLO {{across}} в норме',
  'team.slo.healthy_few': '{{count}} SLO {{across}} в норме',
  'team.slo.healthy_many': '{{count}} SLO {{across}} в норме',
  'team.slo.healthy_other': '{{count}} SLO {{across}} в норме',
  'team.slo.acrossServices_one': 'в {{count}} сервисе',
  'team.slo.acrossServices_few': 'в {{count}} сервисах',
  'team.slo.acrossServices_many': 'в {{count}} сервисах',
  'team.slo.acrossServices_other': 'в {{count}} сервисах',
  'team.slo.noSlos': 'Ни один сервис команды не определяет SLO',
  'team.slo.noSlosHint':
    'Опишите их в виде YAML прямо в аннотации {{annotation}} в catalog-info.yaml сервиса; см. {{docs}}.',
  'team.organizationHeading': 'Организация',
  'team.organizationDescription':
    'Четыре ключевые метрики по всем записям организации, рассчитанные бэкендом (не среднее по командам).',
  'team.noOrganizationData': 'Нет данных о поставке за выбранный период',
  'team.noOrganizationDataHint':
    'Выберите более длинный период, подключите источник или отправляйте события в API приёма.',
  'team.teamsHeading': 'Команды',
  'team.teamsDescription':
    'По числу ключевых метрик на элитном или высоком уровне, затем по частоте деплоев.',
  'team.rankColumn': 'Место',
  'team.teamColumn': 'Команда',
  'team.strongKeysColumn': 'Элитный или высокий',
  'team.strongKeys': '{{value}} из 4',
  'team.noTeams': 'В каталоге нет команд',
  'team.noTeamsHint':
    'Добавьте сущности Group со spec.type: team и назначьте их владельцами компонентов.',
  'team.distributionHeading': 'Сервисы по уровням',
  'team.distributionDescription':
    'Сколько компонентов, подходящих под фильтры, находится на каждом уровне DORA по каждой метрике.',
  'team.matchingServices_one': '{{count}} сервис подходит под фильтры',
  'team.matchingServices_few': '{{count}} сервиса подходят под фильтры',
  'team.matchingServices_many': '{{count}} сервисов подходят под фильтры',
  'team.matchingServices_other': '{{count}} сервиса подходят под фильтры',
  'team.distributionSummary':
    '{{metric}}: элитный — {{elite}}, высокий — {{high}}, средний — {{medium}}, низкий — {{low}}, нет данных — {{none}}',
  'team.distributionTableLabel':
    'Число сервисов на каждом уровне по каждой метрике',
  'team.metricColumn': 'Метрика',
  'team.noData': 'Нет данных',
  'team.filtersLabel': 'Фильтры сервисов',
  'team.ownerFilter': 'Владелец',
  'team.systemFilter': 'Система',
  'team.lifecycleFilter': 'Жизненный цикл',
  'team.allOption': 'Все',
  'team.clearFilters': 'Сбросить фильтры',
  'team.noComponents': 'В каталоге нет компонентов',
  'team.noComponentsHint':
    'Зарегистрируйте компоненты в каталоге, чтобы увидеть их распределение по уровням.',
  'team.noMatchingComponents': 'Нет компонентов, подходящих под фильтры',
  'team.noMatchingComponentsHint': 'Выберите другие фильтры или сбросьте их.',
  'team.backendHeading': 'Состояние бэкенда',
  'team.backendStatus': 'Статус: {{status}}',
  'team.backendDatabase': 'База данных: {{database}}',
  'team.backendProviders': 'Источники: {{providers}}',
  'team.backendNoneInstalled': 'не установлены',
  'team.backendNoProvidersHint':
    'Модули источников пока не установлены: записи можно отправлять в API приёма.',
} as const;
