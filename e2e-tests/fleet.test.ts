import { test, expect } from '@playwright/test';
import { signIn } from './signIn';

test('the simulated k0rdent fleet is in the catalog, with owners and relations', async ({
  page,
}) => {
  await signIn(page);
  await page.goto('/?filters[kind]=resource&filters[type]=kubernetes-cluster');
  await expect(page.getByText(/kubernetes-cluster Resources/)).toBeVisible();
  await page.getByPlaceholder('Search').fill('payments-aws-prod');
  const cluster = page.getByRole('link', { name: 'payments-aws-prod' });
  await expect(cluster).toBeVisible();
  await cluster.click();

  await expect(
    page.getByRole('heading', { name: /payments-aws-prod/ }).first(),
  ).toBeVisible();
  // Owner from the tenant mapping, and the template it depends on.
  await expect(
    page.getByRole('link', { name: /payments/ }).first(),
  ).toBeVisible();
  await expect(page.getByText(/aws-standalone-cp-1-0-4/).first()).toBeVisible();
});

test("a team's group page lists the clusters it owns", async ({ page }) => {
  await signIn(page);
  await page.goto('/catalog/default/group/payments');
  await expect(page.getByText('payments-aws-prod').first()).toBeVisible();
});
