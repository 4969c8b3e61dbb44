import {
  SchedulerServiceTaskFunction,
  SchedulerServiceTaskInvocationDefinition,
} from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';

/** A scheduler whose tasks a test runs itself. @public */
export type CapturedScheduledTasks = {
  /** The scheduler service factory to pass to `startTestBackend`. */
  factory: ReturnType<typeof mockServices.scheduler.mock>['factory'];
  /** The tasks scheduled so far, in order. */
  tasks: SchedulerServiceTaskInvocationDefinition[];
  /** Runs the task to its end; throws when no task with the id was scheduled. */
  run(id: string): Promise<void>;
};

/**
 * A scheduler mock that keeps every task scheduled with `scheduleTask` instead of running it, so
 * that a test awaits a provider's real sync with `run(id)`; `triggerTask` (a backfill) runs the
 * task too.
 *
 * @public
 */
export function captureScheduledTasks(): CapturedScheduledTasks {
  const tasks: SchedulerServiceTaskInvocationDefinition[] = [];
  const fnOf = (id: string): SchedulerServiceTaskFunction | undefined =>
    tasks.find(task => task.id === id)?.fn;
  const scheduler = mockServices.scheduler.mock({
    async scheduleTask(task) {
      tasks.push(task);
    },
    async triggerTask(id) {
      await fnOf(id)?.(new AbortController().signal);
    },
  });
  return {
    factory: scheduler.factory,
    tasks,
    async run(id) {
      const fn = fnOf(id);
      if (!fn) {
        throw new Error(`The task ${id} was not scheduled`);
      }
      await fn(new AbortController().signal);
    },
  };
}
