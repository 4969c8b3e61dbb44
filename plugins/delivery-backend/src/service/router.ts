import { HttpAuthService } from '@backstage/backend-plugin-api';
import { DeliveryHealth } from '@internal/backstage-plugin-delivery-common';
import express from 'express';
import Router from 'express-promise-router';
import { Knex } from 'knex';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  knex: Knex;
  providerIds: () => string[];
}

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, knex, providerIds } = options;
  const router = Router();
  router.use(express.json());

  router.get('/health', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    await knex.raw('select 1');
    const health: DeliveryHealth = {
      status: 'ok',
      database: knex.client.config.client,
      providers: providerIds(),
    };
    res.json(health);
  });

  return router;
}
