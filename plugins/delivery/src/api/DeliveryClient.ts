import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { DeliveryHealth } from '@internal/backstage-plugin-delivery-common';
import { DeliveryApi } from './DeliveryApi';

/**
 * Talks to the delivery backend over HTTP, with the signed-in user's credentials.
 *
 * @public
 */
export class DeliveryClient implements DeliveryApi {
  constructor(
    private readonly deps: { discoveryApi: DiscoveryApi; fetchApi: FetchApi },
  ) {}

  async getHealth(): Promise<DeliveryHealth> {
    return this.get<DeliveryHealth>('/health');
  }

  private async get<T>(path: string): Promise<T> {
    const baseUrl = await this.deps.discoveryApi.getBaseUrl('delivery');
    const response = await this.deps.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
