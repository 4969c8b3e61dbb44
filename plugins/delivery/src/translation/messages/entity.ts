/** Strings of the entity scorecard card and the Delivery tab (English). */
export const entityMessages = {
  entity: {
    cardTitle: 'DORA scorecard',
  },
} as const;
