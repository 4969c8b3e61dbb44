/** Strings of the team (Group) scorecard and the organisation overview page (English). */
export const teamMessages = {
  team: {
    title: 'Team scorecard',
  },
} as const;
