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
