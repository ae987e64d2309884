/*
 * Test helpers shared by the k0rdent backend packages' tests.
 */
import type { TestDatabaseId } from '@backstage/backend-test-utils';

/**
 * The databases the tests run against: SQLite always, plus the real PostgreSQL
 * that `scripts/test.sh` starts (it exports K0RDENT_TEST_POSTGRES, e.g.
 * `POSTGRES_15`, and the matching BACKSTAGE_TEST_DATABASE_*_CONNECTION_STRING).
 * When the variable is set, PostgreSQL is required: a missing server fails the
 * tests instead of silently skipping them.
 *
 * @public
 */
export function k0rdentTestDatabaseIds(): TestDatabaseId[] {
  const postgres = process.env.K0RDENT_TEST_POSTGRES as
    | TestDatabaseId
    | undefined;
  return postgres ? [postgres, 'SQLITE_3'] : ['SQLITE_3'];
}

/** Where a simulated (or any) management cluster answers, as tests know it. @public */
export interface TestManagementClusterEndpoint {
  url: string;
  token: string;
  /** PEM of the server's certificate. */
  caCertificate: string;
}

/**
 * `k0rdent.managementClusters` for management clusters by name, e.g. running
 * simulators: `{ k0rdent: { managementClusters: managementClustersConfig({ sim }) } }`.
 *
 * @public
 */
export function managementClustersConfig(
  endpoints: Record<string, TestManagementClusterEndpoint>,
): Array<{ name: string; url: string; token: string; caData: string }> {
  return Object.entries(endpoints).map(
    ([name, { url, token, caCertificate }]) => ({
      name,
      url,
      token,
      caData: Buffer.from(caCertificate).toString('base64'),
    }),
  );
}
