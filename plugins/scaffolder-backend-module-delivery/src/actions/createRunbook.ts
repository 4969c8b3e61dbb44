import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  deploymentStrategies,
  renderRunbook,
} from '@delivery-insights/backstage-plugin-delivery-common';
import { writeWorkspaceFile } from './workspaceFiles';
import { examples } from './createRunbook.examples';

/**
 * `delivery:runbook:create`: renders a service runbook (Markdown, Russian by default) from the
 * template's answers and writes it into the workspace. Inputs it lacks become marked gaps.
 *
 * @public
 */
export function createRunbookAction() {
  return createTemplateAction({
    id: 'delivery:runbook:create',
    description:
      'Writes a service runbook (Markdown, Russian by default, English on request): owners, on-call and escalation, SLOs and error budgets, dashboards, deployment and rollback procedure, common alerts, dependencies, disaster recovery and a sign-off table. Missing inputs are marked as gaps.',
    supportsDryRun: true,
    examples,
    schema: {
      input: {
        service: z => z.string().min(1).describe('Service name'),
        description: z =>
          z.string().optional().describe('What the service does, for whom'),
        owner: z => z.string().optional().describe('Owning team'),
        system: z => z.string().optional(),
        lifecycle: z => z.string().optional(),
        onCall: z =>
          z
            .object({
              primary: z.string().optional(),
              escalation: z.array(z.string()).optional(),
              tool: z.string().optional(),
            })
            .optional()
            .describe('First responder, escalation chain and paging tool'),
        slos: z =>
          z
            .array(
              z.object({
                name: z.string(),
                objective: z
                  .number()
                  .gt(0)
                  .lt(100)
                  .optional()
                  .describe('99.9 (percent) or 0.999 (fraction)'),
                window: z.string().optional().describe('e.g. 30d'),
                description: z.string().optional(),
              }),
            )
            .optional(),
        dashboards: z =>
          z.array(z.object({ title: z.string(), url: z.string() })).optional(),
        deployment: z =>
          z
            .object({
              strategy: z.enum(deploymentStrategies).optional(),
              steps: z.array(z.string()).optional(),
            })
            .optional(),
        rollback: z =>
          z.object({ steps: z.array(z.string()).optional() }).optional(),
        alerts: z =>
          z
            .array(
              z.object({
                name: z.string(),
                diagnosis: z.string().optional(),
                remedy: z.string().optional(),
              }),
            )
            .optional(),
        dependencies: z =>
          z
            .array(
              z.object({
                name: z.string(),
                kind: z.string().optional(),
                impact: z.string().optional(),
              }),
            )
            .optional(),
        disasterRecovery: z =>
          z
            .object({
              rpo: z.string().optional(),
              rto: z.string().optional(),
              backups: z.string().optional(),
              restoreSteps: z.array(z.string()).optional(),
            })
            .optional(),
        revision: z =>
          z
            .object({
              version: z.string().optional(),
              date: z.string().optional(),
              author: z.string().optional(),
            })
            .optional(),
        language: z =>
          z
            .enum(['ru', 'en'])
            .optional()
            .describe('Language of the runbook; default ru'),
        path: z =>
          z
            .string()
            .optional()
            .describe(
              'Where to write it in the workspace; default runbook-{service}.md',
            ),
      },
      output: {
        path: z => z.string().describe('The written file, workspace-relative'),
        content: z => z.string().describe('The runbook, as Markdown'),
      },
    },
    async handler(ctx) {
      const { language, path, ...input } = ctx.input;
      const target = path?.trim() || `runbook-${input.service.trim()}.md`;
      const content = renderRunbook(input, language ?? 'ru');
      await writeWorkspaceFile(ctx.workspacePath, target, content);
      ctx.logger.info(
        `Wrote the ${language ?? 'ru'} runbook of ${
          input.service
        } to ${target}`,
      );
      ctx.output('path', target);
      ctx.output('content', content);
    },
  });
}
