/*
 * Documented uses of k0rdent:cluster:create; clusterCreate.examples.test.ts
 * checks each one against the action's schema so they cannot go stale.
 */
import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description: 'Create an AWS cluster and return at once',
    example: yaml.stringify({
      steps: [
        {
          action: 'k0rdent:cluster:create',
          id: 'create-cluster',
          name: 'Create cluster',
          input: {
            managementCluster: 'demo',
            namespace: 'team-a',
            name: '${{ parameters.name }}',
            template: 'aws-standalone-cp-1-0-14',
            credential: 'aws-cluster-identity-cred',
            config: {
              region: 'eu-central-1',
              controlPlaneNumber: 1,
              workersNumber: 2,
            },
          },
        },
      ],
    }),
  },
  {
    description:
      'Create a KOF child cluster with a service, wait until it is Ready and link to its catalog page',
    example: yaml.stringify({
      steps: [
        {
          action: 'k0rdent:cluster:create',
          id: 'create-cluster',
          name: 'Create cluster',
          input: {
            managementCluster: 'demo',
            namespace: 'team-a',
            name: 'prod-eu',
            template: 'aws-standalone-cp-1-0-14',
            credential: 'aws-cluster-identity-cred',
            config: { region: 'eu-central-1' },
            owner: 'group:default/team-a',
            tenant: 'team-a',
            kofRole: 'child',
            labels: { env: 'prod' },
            services: [
              {
                name: 'ingress-nginx',
                namespace: 'ingress-nginx',
                template: 'ingress-nginx-4-11-0',
                values: 'controller:\n  replicaCount: 2\n',
              },
            ],
            waitForReady: true,
            timeoutMinutes: 45,
          },
        },
      ],
      output: {
        links: [
          {
            title: 'Open the cluster in the catalog',
            url: '${{ steps["create-cluster"].output.entityUrl }}',
          },
        ],
      },
    }),
  },
];
