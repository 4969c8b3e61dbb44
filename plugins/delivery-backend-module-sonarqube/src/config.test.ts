import { ConfigReader } from '@backstage/config';
import { readSonarQubeConfig } from './config';

const read = (sonarqube: object | undefined) =>
  readSonarQubeConfig(
    new ConfigReader(sonarqube ? { delivery: { sonarqube } } : {}),
  );

describe('readSonarQubeConfig', () => {
  it('is undefined without delivery.sonarqube', () => {
    expect(read(undefined)).toBeUndefined();
  });

  it('names the top-level instance default and keeps the named ones', () => {
    expect(
      read({
        baseUrl: 'https://sonar.example.com/',
        token: 'squ_1',
        instances: [
          {
            name: 'cloud',
            baseUrl: 'https://sonarcloud.io',
            token: 'sqc_2',
            organization: 'northwind',
          },
        ],
      })?.instances,
    ).toEqual([
      {
        name: 'default',
        baseUrl: 'https://sonar.example.com',
        token: 'squ_1',
        organization: undefined,
      },
      {
        name: 'cloud',
        baseUrl: 'https://sonarcloud.io',
        token: 'sqc_2',
        organization: 'northwind',
      },
    ]);
  });

  it('refuses a block without any instance and an instance named twice', () => {
    expect(() => read({ backfillDays: 30 })).toThrow(
      'delivery.sonarqube needs a baseUrl or at least one entry in instances',
    );
    expect(() =>
      read({
        baseUrl: 'https://sonar.example.com',
        instances: [{ name: 'default', baseUrl: 'https://other.example.com' }],
      }),
    ).toThrow('delivery.sonarqube.instances names the instance default twice');
  });
});
