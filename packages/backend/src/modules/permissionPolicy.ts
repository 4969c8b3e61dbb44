import {
  coreServices,
  createBackendModule,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  AuthorizeResult,
  isPermission,
  isResourcePermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  deliveryAdminPermission,
  deliveryEventsCreatePermission,
  deliveryPolicyExceptionPermission,
  deliveryScorecardReadPermission,
} from '@delivery-insights/backstage-plugin-delivery-common';

/** Members of this group (examples/org.yaml) may delete delivery data, start backfills and decide policy exceptions. */
export const DELIVERY_ADMINS = 'group:default/team-platform';

const allow: PolicyDecision = { result: AuthorizeResult.ALLOW };
const deny: PolicyDecision = { result: AuthorizeResult.DENY };

/**
 * The example app's permission policy (docs/security.md). Users never ingest: ingestion is the
 * CI principal's, whose static token is restricted in its `externalAccess` entry (service
 * principals are decided from their token's restrictions, not by a policy).
 */
export class DeliveryPermissionPolicy implements PermissionPolicy {
  constructor(
    private readonly options: {
      userInfo: UserInfoService;
      /**
       * `everyone`: every signed-in user (guests included) reads every entity's delivery metrics.
       * `own-teams`: users read the entities their teams own; rollups count only those.
       */
      reads: 'everyone' | 'own-teams';
    },
  ) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const { permission } = request;
    if (!user) return deny;
    if (
      isResourcePermission(permission, 'catalog-entity') &&
      isPermission(permission, deliveryScorecardReadPermission)
    ) {
      if (this.options.reads === 'everyone') return allow;
      const { ownershipEntityRefs } = await this.options.userInfo.getUserInfo(
        user.credentials,
      );
      return createCatalogConditionalDecision(
        permission,
        catalogConditions.isEntityOwner({ claims: ownershipEntityRefs }),
      );
    }
    if (isPermission(permission, deliveryEventsCreatePermission)) {
      return deny;
    }
    if (
      isPermission(permission, deliveryAdminPermission) ||
      isPermission(permission, deliveryPolicyExceptionPermission)
    ) {
      const { ownershipEntityRefs } = await this.options.userInfo.getUserInfo(
        user.credentials,
      );
      return ownershipEntityRefs.includes(DELIVERY_ADMINS) ? allow : deny;
    }
    // The other plugins' permissions (catalog, scaffolder, ...): as the allow-all policy did.
    return allow;
  }
}

/** Installs {@link DeliveryPermissionPolicy} with reads for everyone. */
export default createBackendModule({
  pluginId: 'permission',
  moduleId: 'delivery-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        userInfo: coreServices.userInfo,
      },
      async init({ policy, userInfo }) {
        policy.setPolicy(
          new DeliveryPermissionPolicy({ userInfo, reads: 'everyone' }),
        );
      },
    });
  },
});
