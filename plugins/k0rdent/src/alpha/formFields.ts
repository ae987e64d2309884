/*
 * The k0rdent fields as new-frontend-system form fields, loaded lazily by the
 * scaffolder when a template form opens, so the rjsf and picker code is not in
 * the app's first bundle. Names match the `ui:field` values templates use and
 * the legacy field extensions of the -react package.
 */
import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import {
  K0rdentClusterConfig,
  K0rdentClusterPicker,
  K0rdentClusterTemplatePicker,
  K0rdentCredentialPicker,
  K0rdentManagementClusterPicker,
  K0rdentServiceTemplatePicker,
  K0RDENT_CLUSTER_CONFIG,
  K0RDENT_CLUSTER_PICKER,
  K0RDENT_CLUSTER_TEMPLATE_PICKER,
  K0RDENT_CREDENTIAL_PICKER,
  K0RDENT_MANAGEMENT_CLUSTER_PICKER,
  K0RDENT_SERVICE_TEMPLATE_PICKER,
  validateK0rdentClusterConfig,
} from '@k0rdent-backstage/plugin-k0rdent-react';

export const managementClusterPickerFormField = createFormField({
  name: K0RDENT_MANAGEMENT_CLUSTER_PICKER,
  component: K0rdentManagementClusterPicker,
});

export const clusterTemplatePickerFormField = createFormField({
  name: K0RDENT_CLUSTER_TEMPLATE_PICKER,
  component: K0rdentClusterTemplatePicker,
});

export const credentialPickerFormField = createFormField({
  name: K0RDENT_CREDENTIAL_PICKER,
  component: K0rdentCredentialPicker,
});

export const serviceTemplatePickerFormField = createFormField({
  name: K0RDENT_SERVICE_TEMPLATE_PICKER,
  component: K0rdentServiceTemplatePicker,
});

export const clusterPickerFormField = createFormField({
  name: K0RDENT_CLUSTER_PICKER,
  component: K0rdentClusterPicker,
});

export const clusterConfigFormField = createFormField({
  name: K0RDENT_CLUSTER_CONFIG,
  component: K0rdentClusterConfig,
  validation: validateK0rdentClusterConfig,
});
