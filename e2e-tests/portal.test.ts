import { test, expect } from '@playwright/test';

test('a guest signs in and finds the project in the catalog', async ({
  page,
}) => {
  await page.goto('/');

  await page.getByRole('button', { name: 'Enter' }).click();

  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await expect(
    nav.getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();

  await page.getByRole('link', { name: 'k0rdent for Backstage' }).click();
  await expect(
    page.getByRole('heading', { name: /k0rdent for Backstage/ }).first(),
  ).toBeVisible();
  await expect(page.getByText('platform').first()).toBeVisible();
});
