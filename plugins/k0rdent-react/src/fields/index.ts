export {
  K0rdentManagementClusterPicker,
  K0RDENT_MANAGEMENT_CLUSTER_PICKER,
} from './K0rdentManagementClusterPicker';
export {
  K0rdentClusterTemplatePicker,
  K0RDENT_CLUSTER_TEMPLATE_PICKER,
  type K0rdentClusterTemplatePickerUiOptions,
} from './K0rdentClusterTemplatePicker';
export {
  K0rdentCredentialPicker,
  K0RDENT_CREDENTIAL_PICKER,
  type K0rdentCredentialPickerUiOptions,
} from './K0rdentCredentialPicker';
export {
  K0rdentServiceTemplatePicker,
  K0RDENT_SERVICE_TEMPLATE_PICKER,
  type K0rdentServiceTemplatePickerUiOptions,
} from './K0rdentServiceTemplatePicker';
export {
  K0rdentClusterPicker,
  K0RDENT_CLUSTER_PICKER,
  type K0rdentClusterPickerUiOptions,
} from './K0rdentClusterPicker';
export {
  K0rdentClusterConfig,
  K0RDENT_CLUSTER_CONFIG,
  validateK0rdentClusterConfig,
  type ClusterConfigValue,
  type K0rdentClusterConfigUiOptions,
} from './K0rdentClusterConfig';
export {
  findClusterConfigProblems,
  relaxedValuesSchema,
  type ClusterConfigProblem,
} from './clusterConfigSchema';
export type {
  K0rdentScopeUiOptions,
  K0rdentTemplateScopeUiOptions,
} from './scope';
