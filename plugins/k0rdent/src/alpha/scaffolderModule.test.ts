import { ApiBlueprint } from '@backstage/frontend-plugin-api';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import scaffolderPlugin from '@backstage/plugin-scaffolder/alpha';
import {
  FormFieldBlueprint,
  type ScaffolderFormFieldsApi,
} from '@backstage/plugin-scaffolder-react/alpha';
import {
  K0rdentClusterConfig,
  validateK0rdentClusterConfig,
} from '@k0rdent-backstage/plugin-k0rdent-react';
import alphaDefault from '../alpha';
import {
  clusterConfig,
  k0rdentFormFieldExtensions,
  scaffolderModuleK0rdentFormFields,
} from './scaffolderModule';

describe('scaffolderModuleK0rdentFormFields', () => {
  it('is a scaffolder module and the default export of ./alpha', () => {
    expect(alphaDefault).toBe(scaffolderModuleK0rdentFormFields);
    expect(scaffolderModuleK0rdentFormFields).toMatchObject({
      $$type: '@backstage/FrontendModule',
      pluginId: 'scaffolder',
    });
  });

  it('loads the config field with its component and validation', async () => {
    const loader = createExtensionTester(clusterConfig).get(
      FormFieldBlueprint.dataRefs.formFieldLoader,
    );
    await expect(loader()).resolves.toMatchObject({
      $$type: '@backstage/scaffolder/FormField',
      name: 'K0rdentClusterConfig',
      component: K0rdentClusterConfig,
      validation: validateK0rdentClusterConfig,
    });
  });

  it("attaches every field to the scaffolder's form-fields API", async () => {
    const tester = createExtensionTester(
      scaffolderPlugin.getExtension('api:scaffolder/form-fields'),
    );
    for (const extension of k0rdentFormFieldExtensions) {
      tester.add(extension);
    }
    const factory = tester.get(ApiBlueprint.dataRefs.factory);
    const formFieldsApi = factory.factory({
      appTreeApi: { getTree: () => ({ tree: { nodes: new Map() } }) },
    }) as ScaffolderFormFieldsApi;
    const fields = (await formFieldsApi.loadFormFields()) as unknown as Array<{
      name: string;
    }>;
    expect(fields.map(f => f.name).sort()).toEqual([
      'K0rdentClusterConfig',
      'K0rdentClusterPicker',
      'K0rdentClusterTemplatePicker',
      'K0rdentCredentialPicker',
      'K0rdentManagementClusterPicker',
      'K0rdentServiceTemplatePicker',
    ]);
  });
});
