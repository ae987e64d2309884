/**
 * Contract tests of the k0rdent Backstage packages against the upstream k0rdent
 * CRDs, and the helpers other packages use to check the objects they produce.
 *
 * @packageDocumentation
 */
export {
  CRDS_DIR_VARIABLE,
  loadUpstreamCrds,
  upstreamCrdsDir,
  upstreamDefinition,
  upstreamDefinitionOf,
} from './upstreamCrds';
export type { UpstreamCrd } from './upstreamCrds';
export {
  expectValidAgainstUpstream,
  formatViolations,
  validateAgainstUpstream,
} from './expectValidAgainstUpstream';
export type {
  KubeObject,
  UpstreamViolation,
} from './expectValidAgainstUpstream';
