/*
 * The k0rdent fields for apps on the legacy frontend system, which register
 * scaffolder fields as elements inside <ScaffolderFieldExtensions>. Apps on
 * the new frontend system get them from `@k0rdent-backstage/plugin-k0rdent`
 * instead and do not need these.
 */
import { scaffolderPlugin } from '@backstage/plugin-scaffolder';
import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
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
  type ClusterConfigValue,
  type K0rdentClusterConfigUiOptions,
} from './fields';

/** Legacy frontend system: {@link K0rdentManagementClusterPicker}. @public */
export const K0rdentManagementClusterPickerFieldExtension =
  scaffolderPlugin.provide(
    createScaffolderFieldExtension({
      name: K0RDENT_MANAGEMENT_CLUSTER_PICKER,
      component: K0rdentManagementClusterPicker,
    }),
  );

/** Legacy frontend system: {@link K0rdentClusterTemplatePicker}. @public */
export const K0rdentClusterTemplatePickerFieldExtension =
  scaffolderPlugin.provide(
    createScaffolderFieldExtension({
      name: K0RDENT_CLUSTER_TEMPLATE_PICKER,
      component: K0rdentClusterTemplatePicker,
    }),
  );

/** Legacy frontend system: {@link K0rdentCredentialPicker}. @public */
export const K0rdentCredentialPickerFieldExtension = scaffolderPlugin.provide(
  createScaffolderFieldExtension({
    name: K0RDENT_CREDENTIAL_PICKER,
    component: K0rdentCredentialPicker,
  }),
);

/** Legacy frontend system: {@link K0rdentServiceTemplatePicker}. @public */
export const K0rdentServiceTemplatePickerFieldExtension =
  scaffolderPlugin.provide(
    createScaffolderFieldExtension({
      name: K0RDENT_SERVICE_TEMPLATE_PICKER,
      component: K0rdentServiceTemplatePicker,
    }),
  );

/** Legacy frontend system: {@link K0rdentClusterPicker}. @public */
export const K0rdentClusterPickerFieldExtension = scaffolderPlugin.provide(
  createScaffolderFieldExtension({
    name: K0RDENT_CLUSTER_PICKER,
    component: K0rdentClusterPicker,
  }),
);

/** Legacy frontend system: {@link K0rdentClusterConfig} with its validation. @public */
export const K0rdentClusterConfigFieldExtension = scaffolderPlugin.provide(
  createScaffolderFieldExtension<
    ClusterConfigValue,
    K0rdentClusterConfigUiOptions
  >({
    name: K0RDENT_CLUSTER_CONFIG,
    component: K0rdentClusterConfig,
    validation: validateK0rdentClusterConfig,
  }),
);
