/*
 * Documented uses of k0rdent:cluster:upgrade; checked against the schema by
 * clusterUpgrade.examples.test.ts.
 */
import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description: 'Upgrade a cluster to a newer template and wait for it',
    example: yaml.stringify({
      steps: [
        {
          action: 'k0rdent:cluster:upgrade',
          id: 'upgrade-cluster',
          name: 'Upgrade cluster',
          input: {
            managementCluster: 'demo',
            namespace: 'team-a',
            name: 'prod-eu',
            template: 'aws-standalone-cp-1-0-15',
            waitForReady: true,
            timeoutMinutes: 60,
          },
        },
      ],
    }),
  },
];
