/** Strings of the team (Group) scorecard and the organisation overview page (Russian). */
export const teamMessagesRu = {
  'team.title': 'Показатели команды',
} as const;
