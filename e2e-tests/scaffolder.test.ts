/*
 * The k0rdent scaffolder journey in a real browser against the running portal
 * and its embedded simulated management cluster: a guest creates a cluster from
 * the template, a bad config is refused on the field, the task log follows the
 * cluster, and the new cluster appears in the catalog going to Ready.
 */
import { test, expect, type Page } from '@playwright/test';
import { signIn } from './signIn';

async function choose(page: Page, label: string | RegExp, option: string) {
  const field = page.getByRole('textbox', { name: label });
  await expect(field).toBeEnabled();
  await field.click();
  await page.getByRole('option', { name: new RegExp(`^${option}`) }).click();
}

/** The guest's Backstage token, to read the catalog as the portal does. */
async function guestToken(page: Page): Promise<string> {
  const response = await page.request.post(
    '/api/auth/guest/refresh?env=development',
    { headers: { 'X-Requested-With': 'XMLHttpRequest' } },
  );
  expect(response.ok()).toBe(true);
  return (await response.json()).backstageIdentity.token;
}

test('a guest creates a cluster from the template and finds it Ready in the catalog', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const name = `e2e-${Date.now().toString(36)}`;
  await signIn(page);

  // The template is listed with the others; open it.
  await page.goto('/create');
  await expect(page.getByText('Create a Kubernetes cluster')).toBeVisible();
  await page.goto('/create/templates/default/k0rdent-create-cluster');

  // Where
  await choose(page, /Management cluster/, 'Demo management cluster');
  await page.getByRole('textbox', { name: /Cluster name/ }).fill(name);
  await page.getByRole('button', { name: 'Next' }).click();

  // Template and credential: only valid templates and ready credentials of the namespace
  await choose(page, /Cluster template/, 'aws-standalone-cp-1-0-43');
  await choose(page, /Credential/, 'aws-payments-cred');
  await page.getByRole('button', { name: 'Next' }).click();

  // Configuration: the template's defaults leave the region empty, which its
  // schema refuses; the form says so on the field and does not move on.
  await expect(page.getByText('Cluster configuration')).toBeVisible();
  const region = page.getByRole('combobox', { name: 'region' });
  await expect(region).toHaveValue('');
  await page.getByRole('button', { name: 'Review' }).click();
  await expect
    .poll(() =>
      region.evaluate(el => (el as HTMLInputElement).validationMessage),
    )
    .not.toBe('');
  await expect(region).toBeFocused();
  await expect(page.getByRole('button', { name: 'Create' })).toHaveCount(0);

  // Fields with examples in the schema are text inputs with suggestions.
  await region.fill('us-east-1');
  const instanceTypes = page.getByRole('combobox', { name: 'instanceType' });
  await instanceTypes.nth(0).fill('t3.large');
  await instanceTypes.nth(1).fill('t3.large');
  await page.getByRole('button', { name: 'Review' }).click();

  // Review, then run
  await expect(page.getByText(name).first()).toBeVisible();
  await page.getByRole('button', { name: 'Create' }).click();

  // The task log follows the request and the cluster's conditions as they
  // change, and the step ends when the cluster is Ready.
  await expect(
    page.getByText(/Condition \w+: (True|False)/).first(),
  ).toBeVisible({ timeout: 60_000 });
  await expect(
    page.getByRole('link', { name: 'Open the cluster in the catalog' }),
  ).toBeVisible({ timeout: 120_000 });
  await expect(
    page.getByText(new RegExp(`${name} is Ready`)).first(),
  ).toBeVisible();
  const logSearch = page.getByPlaceholder('Search');
  for (const line of [
    `Asking k0rdent to create cluster demo/team-payments/${name}`,
    'Condition Ready: True',
  ]) {
    await logSearch.fill(line);
    await expect(page.getByText(line).first()).toBeVisible();
  }

  // The catalog has the new cluster, owned by the guest's team, Ready.
  const token = await guestToken(page);
  const entityName = `demo_clusterd_team-payments_${name}`;
  await expect
    .poll(
      async () => {
        const response = await page.request.get(
          `/api/catalog/entities/by-name/resource/default/${entityName}`,
          { headers: { Authorization: `Bearer ${token}` } },
        );
        if (!response.ok()) return undefined;
        const entity = await response.json();
        return entity.metadata.labels?.['backstage.k0rdent.io/status'];
      },
      { timeout: 60_000 },
    )
    .toBe('Ready');

  await page
    .getByRole('link', { name: 'Open the cluster in the catalog' })
    .click();
  await expect(
    page.getByRole('heading', { name: new RegExp(name) }).first(),
  ).toBeVisible();
});

test("the upgrade template offers only the guest's clusters and each one's available upgrades", async ({
  page,
}) => {
  await signIn(page);
  await page.goto('/create/templates/default/k0rdent-upgrade-cluster');
  await choose(page, /Management cluster/, 'Demo management cluster');

  // The guest belongs to payments: the clusters of other teams are not offered.
  const cluster = page.getByRole('textbox', { name: /^Cluster/ });
  await cluster.click();
  const offered = await page.getByRole('option').allTextContents();
  expect(offered.length).toBeGreaterThan(0);
  expect(offered.some(o => o.startsWith('payments-azure-dr'))).toBe(true);
  expect(offered.some(o => o.startsWith('data-'))).toBe(false);
  await page.getByRole('option', { name: /^payments-azure-dr/ }).click();

  // Only the template its chain allows.
  await page.getByRole('textbox', { name: /New template/ }).click();
  await expect(page.getByRole('option')).toHaveCount(1);
  await expect(page.getByRole('option').first()).toHaveText(
    /^azure-standalone-cp-1-0-45/,
  );
});
