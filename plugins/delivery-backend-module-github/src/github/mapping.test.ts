import { reworkReasonOf, toDeploymentEvent } from './mapping';

describe('reworkReasonOf', () => {
  it('marks hotfix labels and branches as hotfixes', () => {
    expect(reworkReasonOf({ labels: [{ name: 'HotFix' }] })).toBe('hotfix');
    expect(reworkReasonOf({ head: { ref: 'hotfix/payment-timeout' } })).toBe(
      'hotfix',
    );
  });

  it("marks GitHub's revert branches and revert labels as rollbacks, before hotfixes", () => {
    expect(reworkReasonOf({ head: { ref: 'revert-42-feature/cart' } })).toBe(
      'rollback',
    );
    expect(
      reworkReasonOf({
        labels: [{ name: 'revert' }],
        head: { ref: 'hotfix/undo' },
      }),
    ).toBe('rollback');
  });

  it('leaves other pull requests planned, and takes configured markers', () => {
    expect(
      reworkReasonOf({
        labels: [{ name: 'feature' }, { name: 'not-a-hotfix' }],
        head: { ref: 'feature/hotfix-docs' },
      }),
    ).toBeUndefined();
    expect(reworkReasonOf({ labels: null, head: null })).toBeUndefined();
    expect(
      reworkReasonOf(
        { labels: [{ name: 'incident-fix' }] },
        { hotfix: ['incident-fix'], rollback: [] },
      ),
    ).toBe('hotfix');
  });
});

describe('toDeploymentEvent', () => {
  it('sets the reason only when one is given', () => {
    const candidate = {
      id: 'github:1',
      sha: 'abc',
      createdAt: 0,
      outcome: 'success' as const,
      environment: 'production',
      finishedAt: '2026-03-02T10:00:00Z',
    };
    expect(
      toDeploymentEvent('component:default/shop', candidate, [], 'hotfix'),
    ).toMatchObject({ reason: 'hotfix' });
    expect(
      toDeploymentEvent('component:default/shop', candidate, []),
    ).not.toHaveProperty('reason');
  });
});
