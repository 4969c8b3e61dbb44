/** Strings of the entity scorecard card and the Delivery tab (Russian). */
export const entityMessagesRu = {
  'entity.cardTitle': 'Показатели DORA',
} as const;
