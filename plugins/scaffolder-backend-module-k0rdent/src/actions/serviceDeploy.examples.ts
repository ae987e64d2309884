/*
 * Documented uses of k0rdent:service:deploy; checked against the schema by
 * serviceDeploy.examples.test.ts.
 */
import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description: 'Deploy services on one cluster (its whole service list)',
    example: yaml.stringify({
      steps: [
        {
          action: 'k0rdent:service:deploy',
          id: 'deploy-services',
          name: 'Deploy services',
          input: {
            cluster: {
              managementCluster: 'demo',
              namespace: 'team-a',
              name: 'prod-eu',
            },
            services: [
              {
                name: 'cert-manager',
                namespace: 'cert-manager',
                template: 'cert-manager-1-16-2',
                values: { crds: { enabled: true } },
              },
              {
                name: 'ingress-nginx',
                namespace: 'ingress-nginx',
                template: 'ingress-nginx-4-11-0',
                dependsOn: [
                  { name: 'cert-manager', namespace: 'cert-manager' },
                ],
              },
            ],
          },
        },
      ],
    }),
  },
  {
    description:
      'Deploy a service on every production cluster through a MultiClusterService',
    example: yaml.stringify({
      steps: [
        {
          action: 'k0rdent:service:deploy',
          id: 'deploy-everywhere',
          name: 'Deploy on all prod clusters',
          input: {
            multiClusterService: {
              managementCluster: 'demo',
              name: 'prod-monitoring',
              clusterSelector: { matchLabels: { env: 'prod' } },
            },
            services: [
              {
                name: 'node-exporter',
                namespace: 'monitoring',
                template: 'prometheus-node-exporter-4-39-0',
                values: 'hostNetwork: false\n',
              },
            ],
          },
        },
      ],
    }),
  },
];
