/*
 * The k0rdent pages in a real browser against the running portal and its
 * embedded simulated management cluster (whose Promxy answers PromQL over the
 * simulated fleet): the fleet page with its facets, a cluster's k0rdent tab
 * with usage and cost, and a team's clusters card. The guest is a member of
 * the payments team.
 */
import { test, expect } from '@playwright/test';
import { signIn } from './signIn';

test('the fleet page filters by facet, and the filter is in the link', async ({
  page,
}) => {
  await signIn(page);
  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'k0rdent fleet' })
    .click();
  await expect(page).toHaveURL(/\/k0rdent/);
  await expect(page.getByText(/^\d+ clusters$/)).toBeVisible();
  await expect(
    page.getByText(/management clusters?, (all )?connected/),
  ).toBeVisible();

  const filters = page.getByRole('region', { name: 'Filters' });
  await filters
    .getByRole('checkbox', { name: /^group:payments \(\d+\)$/ })
    .check();
  await expect(page).toHaveURL(/owner=group(:|%3A)default(\/|%2F)payments/);
  const rows = page.getByRole('row');
  await expect(rows.filter({ hasText: 'payments-aws-prod' })).toHaveCount(1);
  await expect(rows.filter({ hasText: /data-/ })).toHaveCount(0);

  // The same view from its link, in a fresh page.
  const url = page.url();
  await page.goto('/');
  await page.goto(url);
  await expect(rows.filter({ hasText: 'payments-aws-prod' })).toHaveCount(1);
  await expect(
    filters.getByRole('checkbox', { name: /^group:payments/ }),
  ).toBeChecked();
});

test("a cluster's k0rdent tab shows its state, usage and cost to its team", async ({
  page,
}) => {
  await signIn(page);
  await page.goto(
    '/catalog/default/resource/demo_clusterd_team-payments_payments-aws-prod/k0rdent',
  );
  await expect(page.getByText('Overview').first()).toBeVisible();
  await expect(page.getByText('Conditions').first()).toBeVisible();
  await expect(page.getByText('Ready').first()).toBeVisible();

  // Usage from KOF: CPU in cores against capacity, and 9 nodes up.
  await expect(page.getByText('Usage').first()).toBeVisible();
  await expect(page.getByText(/cores of \d+ cores/).first()).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByText(/9 nodes up/).first()).toBeVisible();
  await expect(
    page.getByRole('img', { name: /CPU used/ }).first(),
  ).toBeVisible();

  // Cost: the guest's team owns the cluster.
  const cost = page.getByText('Cost', { exact: true }).first();
  await expect(cost).toBeVisible();
  await expect(page.getByText(/\$[\d,]+\.\d\d/).first()).toBeVisible();
});

test('a cluster of another team shows no cost to the guest', async ({
  page,
}) => {
  await signIn(page);
  // data-aks-prod belongs to the data team's tenant.
  await page.goto(
    '/catalog/default/resource/demo_clusterd_team-data_data-aks-prod/k0rdent',
  );
  await expect(page.getByText('Overview').first()).toBeVisible();
  await expect(page.getByText('Usage').first()).toBeVisible();
  await expect(page.getByText(/cores of \d+ cores/).first()).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByText('Cost', { exact: true })).toHaveCount(0);
});

test("a team's page counts its clusters and what they cost", async ({
  page,
}) => {
  await signIn(page);
  await page.goto('/catalog/default/group/payments');
  await expect(page.getByText('Kubernetes clusters').first()).toBeVisible();
  await expect(
    page.getByRole('link', { name: /^\d+ Ready clusters?$/ }),
  ).toBeVisible();
  // What the team's clusters cost a month, and the most expensive of them.
  await expect(page.getByText(/^\$[\d,]+\.\d\d per month$/)).toBeVisible({
    timeout: 30_000,
  });
  await expect(
    page
      .getByRole('table', { name: 'Most expensive clusters' })
      .getByRole('row', { name: /^payments-aws-prod \$[\d,]+\.\d\d$/ }),
  ).toBeVisible();
  // Each count opens the fleet page filtered to the team.
  await page.getByRole('link', { name: /^\d+ clusters$/ }).click();
  await expect(page).toHaveURL(/\/k0rdent\?.*owner=group/);
  await expect(
    page.getByRole('row').filter({ hasText: 'payments-aws-prod' }),
  ).toHaveCount(1);
});

test("a template's tab shows its upgrade chain and the clusters that use it", async ({
  page,
}) => {
  await signIn(page);
  // The demo's aws-standalone-cp-1-0-40 upgrades to -1-0-43, which
  // kof-regional-usw2 (among others) is built from.
  await page.goto(
    '/catalog/default/resource/demo_clustertmpl_kcm-system_aws-standalone-cp-1-0-43/k0rdent',
  );
  await expect(page.getByText('Upgrade chain').first()).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'aws-standalone-cp-1-0-40' }),
  ).toHaveAttribute(
    'href',
    '/catalog/default/resource/demo_clustertmpl_kcm-system_aws-standalone-cp-1-0-40',
  );
  await expect(page.getByText('Used by').first()).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'kof-regional-usw2' }),
  ).toBeVisible();
  await expect(page.getByText('Default values').first()).toBeVisible();
});

test("a tenant's tab lists its clusters and their cost", async ({ page }) => {
  await signIn(page);
  await page.goto('/catalog/default/system/demo_tenant_payments/k0rdent');
  await expect(page.getByText('Clusters').first()).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'payments-aws-prod' }).first(),
  ).toBeVisible();
  // The guest is a member of the tenant's team: its cost is shown.
  await expect(page.getByText(/^\$[\d,]+\.\d\d per month$/)).toBeVisible({
    timeout: 30_000,
  });
});

test("a multi-cluster service's tab shows its rollout over the clusters the guest may see", async ({
  page,
}) => {
  await signIn(page);
  await page.goto('/catalog/default/resource/demo_mcs_security-base/k0rdent');
  await expect(page.getByText('Rollout').first()).toBeVisible();
  await expect(
    page.getByText(/^Deployed on \d+ of \d+ clusters?/),
  ).toBeVisible();
  await expect(page.getByText('kyverno').first()).toBeVisible();
});
