/*
 * Documented uses of k0rdent:cluster:delete; checked against the schema by
 * clusterDelete.examples.test.ts.
 */
import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Delete a cluster and wait until it is gone (confirm repeats the name; in a template, take it from a form field the user types)',
    example: yaml.stringify({
      steps: [
        {
          action: 'k0rdent:cluster:delete',
          id: 'delete-cluster',
          name: 'Delete cluster',
          input: {
            managementCluster: 'demo',
            namespace: 'team-a',
            name: 'prod-eu',
            confirm: 'prod-eu',
            waitForDeletion: true,
          },
        },
      ],
    }),
  },
];
