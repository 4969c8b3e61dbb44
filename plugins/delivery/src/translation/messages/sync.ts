/** How fresh the records of an entity are, per provider (English). */
export const syncMessages = {
  sync: {
    dataAsOf: 'Data as of {{time}} from {{sources}}',
    failed: '{{provider}}: the last sync failed {{time}}: {{message}}',
    never: '{{provider}}: no successful sync yet',
    skipped_one: '{{provider}}: {{count}} upstream record skipped as malformed',
    skipped_other:
      '{{provider}}: {{count}} upstream records skipped as malformed',
    unavailable: 'Sync status unavailable',
  },
} as const;
