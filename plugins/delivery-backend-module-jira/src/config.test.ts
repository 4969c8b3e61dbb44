import { ConfigReader } from '@backstage/config';
import { readJiraConfig } from './config';

const read = (jira: object | undefined) =>
  readJiraConfig(new ConfigReader(jira ? { delivery: { jira } } : {}));

describe('readJiraConfig', () => {
  it('is undefined without delivery.jira', () => {
    expect(read(undefined)).toBeUndefined();
  });

  it('reads Jira Cloud with basic authentication and Data Center with a bearer token', () => {
    expect(
      read({
        baseUrl: 'https://northwind.atlassian.net/',
        email: 'bot@northwind.example',
        apiToken: 'secret',
      }),
    ).toMatchObject({
      baseUrl: 'https://northwind.atlassian.net',
      hosting: 'cloud',
      authorization: `Basic ${Buffer.from(
        'bot@northwind.example:secret',
      ).toString('base64')}`,
      productionBugs: { labels: ['production'] },
    });
    expect(
      read({
        baseUrl: 'https://jira.example.com/jira',
        personalAccessToken: 'pat',
        storyPointsField: 'customfield_10002',
        productionBugs: { field: 'Found in' },
      }),
    ).toMatchObject({
      hosting: 'dataCenter',
      authorization: 'Bearer pat',
      storyPointsFields: ['customfield_10002'],
      productionBugs: { field: { field: 'Found in', values: ['Production'] } },
    });
  });

  it('merges the issue types over the defaults and refuses unknown kinds and missing credentials', () => {
    const config = read({
      baseUrl: 'https://jira.example.com',
      personalAccessToken: 'pat',
      issueTypes: { Incident: 'bug', Story: 'ignore' },
    });
    expect(config?.issueTypes).toMatchObject({
      incident: 'bug',
      story: 'ignore',
      bug: 'bug',
      epic: 'ignore',
    });
    expect(() =>
      read({
        baseUrl: 'https://jira.example.com',
        personalAccessToken: 'pat',
        issueTypes: { Incident: 'incident' },
      }),
    ).toThrow(
      'Invalid delivery.jira.issueTypes.Incident incident: must be story, bug, task or ignore',
    );
    expect(() => read({ baseUrl: 'https://northwind.atlassian.net' })).toThrow(
      'delivery.jira.email and apiToken (Jira Cloud) or personalAccessToken (Data Center) must be set',
    );
    expect(() =>
      read({
        baseUrl: 'https://jira.example.com',
        personalAccessToken: 'pat',
        hosting: 'server',
      }),
    ).toThrow(
      'Invalid delivery.jira.hosting server: must be cloud or dataCenter',
    );
  });
});
