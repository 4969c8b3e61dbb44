/**
 * The answer of `GET /api/delivery/health`.
 *
 * @public
 */
export type DeliveryHealth = {
  status: 'ok';
  /** The database engine the backend stores its records in, e.g. `pg` or `better-sqlite3`. */
  database: string;
  /** Ids of the provider modules registered through the delivery extension point. */
  providers: string[];
};
