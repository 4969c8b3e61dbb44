import { SchedulerService } from '@backstage/backend-plugin-api';
import { ServiceFactoryTester } from '@backstage/backend-test-utils';
import { captureScheduledTasks } from './captureScheduledTasks';
import { catalogComponent } from './catalogComponent';

describe('captureScheduledTasks', () => {
  it('keeps scheduled tasks until the test runs them, and runs one on triggerTask', async () => {
    const captured = captureScheduledTasks();
    const runs: string[] = [];
    // The scheduler service a module gets from the factory.
    const service = (await ServiceFactoryTester.from(
      captured.factory,
    ).getSubject()) as SchedulerService;
    await service.scheduleTask({
      id: 'delivery-example-sync',
      frequency: { minutes: 15 },
      timeout: { minutes: 10 },
      fn: async () => {
        runs.push('run');
      },
    });
    expect(runs).toEqual([]);
    expect(captured.tasks.map(task => task.id)).toEqual([
      'delivery-example-sync',
    ]);

    await captured.run('delivery-example-sync');
    await service.triggerTask('delivery-example-sync');
    expect(runs).toEqual(['run', 'run']);

    await expect(captured.run('delivery-other-sync')).rejects.toThrow(
      'The task delivery-other-sync was not scheduled',
    );
  });
});

describe('catalogComponent', () => {
  it('is a Component of team-a with the annotations', () => {
    expect(
      catalogComponent('checkout', { 'pagerduty.com/service-id': 'P1' }),
    ).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'checkout',
        namespace: 'default',
        annotations: { 'pagerduty.com/service-id': 'P1' },
      },
      spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
    });
  });
});
