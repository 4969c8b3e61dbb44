import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  deliveryAdminPermission,
  deliveryEventsCreatePermission,
  deliveryPolicyExceptionPermission,
  deliveryScorecardReadPermission,
} from '@delivery-insights/backstage-plugin-delivery-common';
import { DELIVERY_ADMINS, DeliveryPermissionPolicy } from './permissionPolicy';

const GUEST = 'user:development/guest';
const ADMIN = 'user:default/kwame.asante';
const MEMBER = 'user:default/amara.okafor';

const ownership: Record<string, string[]> = {
  [GUEST]: [GUEST],
  [ADMIN]: [ADMIN, DELIVERY_ADMINS],
  [MEMBER]: [MEMBER, 'group:default/team-checkout'],
};

function policy(reads: 'everyone' | 'own-teams') {
  return new DeliveryPermissionPolicy({
    reads,
    userInfo: {
      async getUserInfo(credentials: BackstageCredentials) {
        const userEntityRef = (
          credentials.principal as { userEntityRef: string }
        ).userEntityRef;
        return { userEntityRef, ownershipEntityRefs: ownership[userEntityRef] };
      },
    },
  });
}

const as = (userEntityRef: string) => ({
  credentials: mockCredentials.user(userEntityRef),
  info: { userEntityRef, ownershipEntityRefs: ownership[userEntityRef] },
});

describe('DeliveryPermissionPolicy', () => {
  it('lets every user read, guests included, and no user ingest', async () => {
    const everyone = policy('everyone');
    for (const user of [GUEST, ADMIN, MEMBER]) {
      await expect(
        everyone.handle(
          { permission: deliveryScorecardReadPermission },
          as(user),
        ),
      ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
      await expect(
        everyone.handle(
          { permission: deliveryEventsCreatePermission },
          as(user),
        ),
      ).resolves.toEqual({ result: AuthorizeResult.DENY });
    }
    await expect(
      everyone.handle({ permission: deliveryScorecardReadPermission }),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
  });

  it('leaves deletion, backfills and policy exceptions to the admin group', async () => {
    const everyone = policy('everyone');
    for (const permission of [
      deliveryAdminPermission,
      deliveryPolicyExceptionPermission,
    ]) {
      await expect(everyone.handle({ permission }, as(ADMIN))).resolves.toEqual(
        { result: AuthorizeResult.ALLOW },
      );
      for (const user of [GUEST, MEMBER]) {
        await expect(
          everyone.handle({ permission }, as(user)),
        ).resolves.toEqual({ result: AuthorizeResult.DENY });
      }
    }
  });

  it("answers reads with the catalog's ownership condition in the own-teams variant", async () => {
    await expect(
      policy('own-teams').handle(
        { permission: deliveryScorecardReadPermission },
        as(MEMBER),
      ),
    ).resolves.toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        rule: 'IS_ENTITY_OWNER',
        resourceType: 'catalog-entity',
        params: { claims: [MEMBER, 'group:default/team-checkout'] },
      },
    });
  });

  it("keeps the other plugins' permissions as the allow-all policy had them", async () => {
    await expect(
      policy('everyone').handle(
        { permission: catalogEntityReadPermission },
        as(GUEST),
      ),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
  });
});
