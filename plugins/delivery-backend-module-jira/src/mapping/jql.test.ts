import { entityJql, jqlString, searchJql } from './jql';

const entity = (annotations: Record<string, string>) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'shop', annotations },
});

describe('entityJql', () => {
  it('selects the projects, narrowed to the components and labels, and the own JQL', () => {
    expect(entityJql(entity({ 'jira/project-key': 'SHOP' }))).toBe(
      'project = "SHOP"',
    );
    expect(
      entityJql(
        entity({
          'jira/project-key': 'SHOP, PAY',
          'jira/component': 'Checkout "v2"',
          'jira/label': 'backend',
          'delivery-insights.io/jira-jql': 'team = Kestrel',
        }),
      ),
    ).toBe(
      'project in ("SHOP", "PAY") AND component = "Checkout \\"v2\\"" AND labels = "backend" AND (team = Kestrel)',
    );
    expect(
      entityJql(entity({ 'delivery-insights.io/jira-jql': 'filter = 10001' })),
    ).toBe('(filter = 10001)');
    expect(entityJql(entity({ 'jira/component': 'Checkout' }))).toBeUndefined();
  });
});

describe('searchJql', () => {
  it('reads from a day before the cursor, oldest update first', () => {
    expect(searchJql('project = "SHOP"', '2026-11-20T08:30:59.000Z')).toBe(
      '(project = "SHOP") AND updated >= "2026-11-19 08:30" ORDER BY updated ASC',
    );
  });

  it('escapes quotes and backslashes in strings', () => {
    expect(jqlString('a\\"b')).toBe('"a\\\\\\"b"');
  });
});
