import { mockCredentials } from '@backstage/backend-test-utils';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import {
  startDeliveryBackend,
  testDatabases,
} from './__testUtils__/startDeliveryBackend';

jest.setTimeout(60_000);

const run = promisify(execFile);
const SCRIPT = resolve(__dirname, '../../../examples/ci/post-deployment.sh');

/** A repository with three commits, authored a day before they were committed. */
async function repositoryWithThreeCommits() {
  const dir = await mkdtemp(join(tmpdir(), 'delivery-ci-'));
  const git = (args: string[], env: Record<string, string> = {}) =>
    run('git', args, { cwd: dir, env: { ...process.env, ...env } });
  await git(['init', '-q']);
  await git(['config', 'user.email', 'ci@example.com']);
  await git(['config', 'user.name', 'CI']);
  const shas: string[] = [];
  for (const day of [1, 2, 3]) {
    await git(['commit', '-q', '--allow-empty', '-m', `change ${day}`], {
      GIT_AUTHOR_DATE: `2026-10-0${day}T09:00:00Z`,
      GIT_COMMITTER_DATE: `2026-10-0${day + 1}T09:00:00Z`,
    });
    shas.push((await git(['rev-parse', 'HEAD'])).stdout.trim());
  }
  return { dir, shas };
}

describe.each(testDatabases.eachSupportedId())(
  'examples/ci/post-deployment.sh on %p',
  databaseId => {
    it('reports a deployment with the commits since the previous one as its changes', async () => {
      const { server } = await startDeliveryBackend(databaseId);
      const { dir, shas } = await repositoryWithThreeCommits();
      try {
        const { port } = server.address() as AddressInfo;
        const { stdout } = await run(SCRIPT, [], {
          cwd: dir,
          env: {
            ...process.env,
            DELIVERY_URL: `http://localhost:${port}`,
            DELIVERY_TOKEN: mockCredentials.service.token(),
            ENTITY_REF: 'component:default/checkout-service',
            SOURCE: 'jenkins',
            DEPLOYMENT_ID: 'deploy-checkout #42',
            STATUS: 'success',
            PREVIOUS_COMMIT: shas[0],
            STARTED_AT: '2026-10-05T09:50:00Z',
            FINISHED_AT: '2026-10-05T10:00:00Z',
            BUILD_URL: 'https://jenkins.example.com/job/deploy-checkout/42/',
          },
        });
        expect(JSON.parse(stdout)).toEqual({
          received: 3,
          inserted: 3,
          updated: 0,
        });

        const { body } = await request(server)
          .get(
            '/api/delivery/entities/component/default/checkout-service/records?from=2026-10-01T00:00:00Z&to=2026-11-01T00:00:00Z',
          )
          .expect(200);
        expect(body.deployments).toEqual([
          expect.objectContaining({
            source: 'jenkins',
            id: 'deploy-checkout #42',
            status: 'success',
            url: 'https://jenkins.example.com/job/deploy-checkout/42/',
          }),
        ]);

        // the two commits after the previous deployment, first committed on Oct 2 and 3
        const scorecard = await request(server)
          .get(
            '/api/delivery/entities/component/default/checkout-service/scorecard?from=2026-10-01T00:00:00Z&to=2026-11-01T00:00:00Z',
          )
          .expect(200);
        expect(scorecard.body.dora.leadTime).toEqual(
          expect.objectContaining({ sampleSize: 2, p90: expect.any(Number) }),
        );
        const hours = (iso: string) =>
          (Date.parse('2026-10-05T10:00:00Z') - Date.parse(iso)) / 3_600_000;
        expect(scorecard.body.dora.leadTime.value).toBeCloseTo(
          (hours('2026-10-02T09:00:00Z') + hours('2026-10-03T09:00:00Z')) / 2,
        );
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });

    it('fails with the backend’s message when the status is not one it knows', async () => {
      const { server } = await startDeliveryBackend(databaseId);
      const { dir } = await repositoryWithThreeCommits();
      try {
        const { port } = server.address() as AddressInfo;
        await expect(
          run(SCRIPT, [], {
            cwd: dir,
            env: {
              ...process.env,
              DELIVERY_URL: `http://localhost:${port}`,
              DELIVERY_TOKEN: mockCredentials.service.token(),
              ENTITY_REF: 'component:default/checkout-service',
              SOURCE: 'circleci',
              DEPLOYMENT_ID: 'workflow-1',
              STATUS: 'done',
            },
          }),
        ).rejects.toMatchObject({ stdout: expect.stringMatching(/status/) });
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  },
);
