/*
 * The Kubernetes backend builds its default auth strategies only when no module
 * adds one: the first `addAuthStrategy` call replaces the whole default set
 * (plugin-kubernetes-backend 0.21: `authStrategyMap ?? defaultAuthStrategy()`).
 * Without them, a cluster configured under `kubernetes.clusterLocatorMethods`
 * with e.g. `authProvider: serviceAccount` fails validation and the Kubernetes
 * backend does not start. So this module adds them back, as the backend would
 * build them.
 */
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import {
  AksStrategy,
  AnonymousStrategy,
  AwsIamStrategy,
  AzureIdentityStrategy,
  GoogleServiceAccountStrategy,
  GoogleStrategy,
  OidcStrategy,
  ServiceAccountStrategy,
} from '@backstage/plugin-kubernetes-backend';
import type { AuthenticationStrategy } from '@backstage/plugin-kubernetes-node';

/** The Kubernetes backend's own strategies, under the keys it uses. */
export function builtInAuthStrategies(options: {
  config: Config;
  logger: LoggerService;
}): Array<[string, AuthenticationStrategy]> {
  const { config, logger } = options;
  return [
    ['aks', new AksStrategy()],
    ['aws', new AwsIamStrategy({ config })],
    ['azure', new AzureIdentityStrategy(logger)],
    ['google', new GoogleStrategy()],
    ['googleServiceAccount', new GoogleServiceAccountStrategy({ config })],
    ['localKubectlProxy', new AnonymousStrategy()],
    ['oidc', new OidcStrategy()],
    ['serviceAccount', new ServiceAccountStrategy()],
  ];
}
