/*
 * Signs in as the guest (a member of the payments team in examples/org.yaml)
 * and waits for the sidebar.
 */
import { expect, type Page } from '@playwright/test';

export async function signIn(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await expect(
    page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();
}
