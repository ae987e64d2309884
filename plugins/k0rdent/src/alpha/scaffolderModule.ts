/*
 * A frontend module of the scaffolder plugin that adds the k0rdent form
 * fields. Form fields attach to the scaffolder's own form-fields API, so they
 * must come from a module with pluginId 'scaffolder', not from the k0rdent
 * plugin. Each field's code is loaded only when a form needs it.
 */
import {
  createFrontendModule,
  type ExtensionDefinition,
} from '@backstage/frontend-plugin-api';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';

const managementClusterPicker = FormFieldBlueprint.make({
  name: 'k0rdent-management-cluster-picker',
  params: {
    field: () =>
      import('./formFields').then(m => m.managementClusterPickerFormField),
  },
});

const clusterTemplatePicker = FormFieldBlueprint.make({
  name: 'k0rdent-cluster-template-picker',
  params: {
    field: () =>
      import('./formFields').then(m => m.clusterTemplatePickerFormField),
  },
});

const credentialPicker = FormFieldBlueprint.make({
  name: 'k0rdent-credential-picker',
  params: {
    field: () => import('./formFields').then(m => m.credentialPickerFormField),
  },
});

const serviceTemplatePicker = FormFieldBlueprint.make({
  name: 'k0rdent-service-template-picker',
  params: {
    field: () =>
      import('./formFields').then(m => m.serviceTemplatePickerFormField),
  },
});

const clusterPicker = FormFieldBlueprint.make({
  name: 'k0rdent-cluster-picker',
  params: {
    field: () => import('./formFields').then(m => m.clusterPickerFormField),
  },
});

export const clusterConfig = FormFieldBlueprint.make({
  name: 'k0rdent-cluster-config',
  params: {
    field: () => import('./formFields').then(m => m.clusterConfigFormField),
  },
});

/** Every k0rdent form field extension (exported for tests, not from the package). */
export const k0rdentFormFieldExtensions: ExtensionDefinition[] = [
  managementClusterPicker,
  clusterTemplatePicker,
  credentialPicker,
  serviceTemplatePicker,
  clusterPicker,
  clusterConfig,
];

/**
 * Scaffolder module with the k0rdent form fields (`K0rdentManagementClusterPicker`,
 * `K0rdentClusterTemplatePicker`, `K0rdentCredentialPicker`,
 * `K0rdentServiceTemplatePicker`, `K0rdentClusterPicker`, `K0rdentClusterConfig`).
 * Needs the k0rdent plugin (the default export of this package) for the API.
 *
 * @alpha
 */
export const scaffolderModuleK0rdentFormFields = createFrontendModule({
  pluginId: 'scaffolder',
  extensions: k0rdentFormFieldExtensions,
});
