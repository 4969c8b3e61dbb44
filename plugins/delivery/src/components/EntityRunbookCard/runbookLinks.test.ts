import { Entity } from '@backstage/catalog-model';
import {
  addRunbookPath,
  hasSlos,
  linkLabel,
  operationalLinks,
} from './runbookLinks';

const entity = (metadata: Partial<Entity['metadata']>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout-service', ...metadata },
});

describe('operationalLinks', () => {
  it('takes runbooks from links of type runbook and the comma-separated annotation, each URL once', () => {
    const links = operationalLinks(
      entity({
        annotations: {
          'delivery-insights.io/runbook':
            ' https://wiki/a , https://wiki/b,,https://wiki/a',
          'delivery-insights.io/rollback': 'https://wiki/rollback',
        },
        links: [
          { url: 'https://wiki/b', title: 'Runbook B', type: 'Runbook' },
          { url: 'https://grafana/d/1', title: 'Grafana', type: 'dashboard' },
          { url: 'https://github.com/x', title: 'Source' },
          { url: 'https://wiki/undo', title: 'Undo', type: 'rollback' },
        ],
      }),
    );
    expect(links.runbooks).toEqual([
      { url: 'https://wiki/b', title: 'Runbook B' },
      { url: 'https://wiki/a' },
    ]);
    expect(links.rollback).toEqual([
      { url: 'https://wiki/undo', title: 'Undo' },
      { url: 'https://wiki/rollback' },
    ]);
    expect(links.dashboards).toEqual([
      { url: 'https://grafana/d/1', title: 'Grafana' },
    ]);
  });

  it('finds nothing on an entity without links or annotations', () => {
    expect(operationalLinks(entity({}))).toEqual({
      runbooks: [],
      rollback: [],
      dashboards: [],
    });
  });
});

describe('hasSlos', () => {
  it('is true for inline SLOs or an SLO file, false for blank annotations', () => {
    expect(
      hasSlos(entity({ annotations: { 'delivery-insights.io/slos': 'x' } })),
    ).toBe(true);
    expect(
      hasSlos(
        entity({
          annotations: { 'delivery-insights.io/slo-file': 'slo.yaml' },
        }),
      ),
    ).toBe(true);
    expect(
      hasSlos(entity({ annotations: { 'delivery-insights.io/slos': ' ' } })),
    ).toBe(false);
    expect(hasSlos(entity({}))).toBe(false);
  });
});

describe('addRunbookPath', () => {
  it('opens the add-runbook template with the service filled in', () => {
    const path = addRunbookPath('component:default/checkout-service');
    expect(path).toBe(
      '/create/templates/default/delivery-add-runbook?formData=%7B%22entity%22%3A%22component%3Adefault%2Fcheckout-service%22%7D',
    );
    const formData = new URLSearchParams(path.split('?')[1]).get('formData');
    expect(JSON.parse(formData!)).toEqual({
      entity: 'component:default/checkout-service',
    });
  });

  it('takes another template', () => {
    expect(
      addRunbookPath('component:default/x', 'template:ops/runbook').split(
        '?',
      )[0],
    ).toBe('/create/templates/ops/runbook');
  });
});

describe('linkLabel', () => {
  it('prefers the title, else host and path', () => {
    expect(linkLabel({ url: 'https://x', title: ' Runbook ' })).toBe('Runbook');
    expect(linkLabel({ url: 'https://wiki.example.com/ops/checkout/' })).toBe(
      'wiki.example.com/ops/checkout',
    );
    expect(linkLabel({ url: '/docs/default/component/x/runbook/' })).toBe(
      '/docs/default/component/x/runbook',
    );
  });
});
