// Exits non-zero when the PostgreSQL server named by the first argument does not answer a query.
import pg from 'pg';

const connectionString = process.argv[2];
const client = new pg.Client({
  connectionString,
  connectionTimeoutMillis: 5000,
});
try {
  await client.connect();
  const { rows } = await client.query('select version() as version');
  console.log(
    `[setup] PostgreSQL reachable: ${rows[0].version.split(' on ')[0]}`,
  );
  await client.end();
} catch (error) {
  console.error(`[setup] cannot reach PostgreSQL: ${error.message}`);
  process.exit(1);
}
