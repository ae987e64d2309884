/*
 * kubectl against the simulator: the commands people run, with their real output.
 * kubectl sends bearer tokens only over HTTPS, so this server uses TLS with a
 * self-signed certificate that the kubeconfig trusts (which also shows that Go's TLS
 * stack accepts the certificate).
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kubeconfigYaml } from './kubeconfig';
import { selfSignedCertificate } from './selfSignedCertificate';
import {
  NAMESPACE,
  READ_ONLY_TOKEN,
  TOKEN,
  clusterDeployment,
  eventually,
  startTestSimulator,
  type TestSimulator,
} from './__testUtils__/simulator';

const KUBECTL = process.env.KUBECTL ?? '/usr/bin/kubectl';
// kubectl is the outside check that the simulator speaks Kubernetes: a missing
// kubectl is a broken setup, not a reason to skip.
if (!existsSync(KUBECTL)) {
  throw new Error(
    `kubectl not found at ${KUBECTL}; install it or set KUBECTL to its path`,
  );
}

jest.setTimeout(60_000);

interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

describe('kubectl', () => {
  let sim: TestSimulator;
  let dir: string;

  beforeAll(async () => {
    const tls = selfSignedCertificate();
    sim = await startTestSimulator({ tls });
    dir = mkdtempSync(join(tmpdir(), 'k0rdent-sim-kubectl-'));
    for (const [file, token] of [
      ['admin', TOKEN],
      ['viewer', READ_ONLY_TOKEN],
    ]) {
      writeFileSync(
        join(dir, file),
        kubeconfigYaml({
          server: sim.url,
          token,
          certificateAuthority: tls.cert,
          namespace: NAMESPACE,
        }),
      );
    }
    sim.store.create({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'team-a' },
    });
    sim.store.create(clusterDeployment('prod-1', { labels: { env: 'prod' } }));
    sim.store.create(clusterDeployment('dev-1', { labels: { env: 'dev' } }));
    sim.store.create(
      clusterDeployment('prod-2', {
        namespace: 'team-a',
        labels: { env: 'prod' },
      }),
    );
  });

  afterAll(async () => {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function baseArgs(user = 'admin'): string[] {
    return [
      '--kubeconfig',
      join(dir, user),
      '--cache-dir',
      join(dir, `cache-${user}`),
    ];
  }

  function kubectl(
    args: string[],
    options: { stdin?: string; user?: string } = {},
  ): Promise<KubectlResult> {
    return new Promise(resolve => {
      const child = execFile(
        KUBECTL,
        [...baseArgs(options.user), ...args],
        { timeout: 30_000, env: { PATH: process.env.PATH, HOME: dir } },
        (error, stdout, stderr) => {
          resolve({
            code: error
              ? Number((error as NodeJS.ErrnoException).code ?? 1) || 1
              : 0,
            stdout,
            stderr,
          });
        },
      );
      if (options.stdin !== undefined) child.stdin!.end(options.stdin);
    });
  }

  function manifest(
    name: string,
    spec: Record<string, unknown>,
    labels: Record<string, string> = {},
  ): string {
    return JSON.stringify({
      apiVersion: 'k0rdent.mirantis.com/v1beta1',
      kind: 'ClusterDeployment',
      metadata: { name, namespace: NAMESPACE, labels },
      spec,
    });
  }

  it('gets clusterdeployments in all namespaces as a table', async () => {
    const result = await kubectl(['get', 'clusterdeployments', '-A']);
    expect(result.stderr).toBe('');
    const lines = result.stdout
      .trim()
      .split('\n')
      .map(line => line.split(/\s+/));
    expect(lines[0]).toEqual(['NAMESPACE', 'NAME', 'AGE']);
    expect(lines.slice(1).map(([ns, name]) => `${ns}/${name}`)).toEqual([
      'kcm-system/dev-1',
      'kcm-system/prod-1',
      'team-a/prod-2',
    ]);
  });

  it('gets by short name and label selector as YAML', async () => {
    const result = await kubectl([
      'get',
      'cld',
      '-n',
      'kcm-system',
      '-l',
      'env=prod',
      '-o',
      'yaml',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('kind: List');
    expect(result.stdout).toContain('name: prod-1');
    expect(result.stdout).not.toContain('name: dev-1');
    expect(result.stdout).not.toContain('name: prod-2');
  });

  it('gets one object as JSON', async () => {
    const result = await kubectl([
      'get',
      'clusterdeployment',
      'prod-1',
      '-o',
      'json',
    ]);
    const object = JSON.parse(result.stdout);
    expect(object).toMatchObject({
      kind: 'ClusterDeployment',
      metadata: { name: 'prod-1', namespace: 'kcm-system', generation: 1 },
    });
  });

  it('prints NotFound like a real server', async () => {
    const result = await kubectl(['get', 'cld', 'nope']);
    expect(result.code).not.toBe(0);
    expect(result.stderr.trim()).toBe(
      'Error from server (NotFound): clusterdeployments.k0rdent.mirantis.com "nope" not found',
    );
  });

  it('applies client-side: creates, then changes', async () => {
    const created = await kubectl(['apply', '-f', '-'], {
      stdin: manifest('csa', { template: 't1', config: { region: 'us' } }),
    });
    expect(created.stdout.trim()).toBe(
      'clusterdeployment.k0rdent.mirantis.com/csa created',
    );
    const changed = await kubectl(['apply', '-f', '-'], {
      stdin: manifest('csa', { template: 't2' }),
    });
    expect(changed.stdout.trim()).toBe(
      'clusterdeployment.k0rdent.mirantis.com/csa configured',
    );
    const object = sim.store.get({
      kind: 'ClusterDeployment',
      namespace: NAMESPACE,
      name: 'csa',
    })!;
    // The three-way merge removed config (no longer in the manifest).
    expect(object.spec).toEqual({ template: 't2' });
    expect(
      object.metadata.annotations?.[
        'kubectl.kubernetes.io/last-applied-configuration'
      ],
    ).toContain('"t2"');
    const unchanged = await kubectl(['apply', '-f', '-'], {
      stdin: manifest('csa', { template: 't2' }),
    });
    expect(unchanged.stdout.trim()).toBe(
      'clusterdeployment.k0rdent.mirantis.com/csa unchanged',
    );
  });

  it('applies server-side, reports conflicts and forces them', async () => {
    const created = await kubectl(['apply', '--server-side', '-f', '-'], {
      stdin: manifest('ssa', { template: 't1', credential: 'c1' }),
    });
    expect(created.stdout.trim()).toBe(
      'clusterdeployment.k0rdent.mirantis.com/ssa serverside-applied',
    );
    const conflict = await kubectl(
      ['apply', '--server-side', '--field-manager', 'other', '-f', '-'],
      {
        stdin: manifest('ssa', { credential: 'c2' }),
      },
    );
    expect(conflict.code).not.toBe(0);
    expect(conflict.stderr).toContain(
      'Apply failed with 1 conflict: conflict with "kubectl" using k0rdent.mirantis.com/v1beta1: .spec.credential',
    );
    const forced = await kubectl(
      [
        'apply',
        '--server-side',
        '--field-manager',
        'other',
        '--force-conflicts',
        '-f',
        '-',
      ],
      {
        stdin: manifest('ssa', { credential: 'c2' }),
      },
    );
    expect(forced.stdout.trim()).toBe(
      'clusterdeployment.k0rdent.mirantis.com/ssa serverside-applied',
    );
    const object = sim.store.get({
      kind: 'ClusterDeployment',
      namespace: NAMESPACE,
      name: 'ssa',
    })!;
    expect(object.spec).toEqual({ template: 't1', credential: 'c2' });
  });

  it('patches with merge and JSON patches', async () => {
    const merge = await kubectl([
      'patch',
      'cld',
      'prod-1',
      '--type',
      'merge',
      '-p',
      '{"spec":{"config":{"region":"eu"}}}',
    ]);
    expect(merge.stdout.trim()).toBe(
      'clusterdeployment.k0rdent.mirantis.com/prod-1 patched',
    );
    const json = await kubectl([
      'patch',
      'cld',
      'prod-1',
      '--type',
      'json',
      '-p',
      '[{"op":"replace","path":"/spec/config/region","value":"ap"}]',
    ]);
    expect(json.stdout.trim()).toBe(
      'clusterdeployment.k0rdent.mirantis.com/prod-1 patched',
    );
    const region = await kubectl([
      'get',
      'cld',
      'prod-1',
      '-o',
      'jsonpath={.spec.config.region}',
    ]);
    expect(region.stdout).toBe('ap');
    const failing = await kubectl([
      'patch',
      'cld',
      'prod-1',
      '--type',
      'json',
      '-p',
      '[{"op":"test","path":"/spec/template","value":"nope"}]',
    ]);
    expect(failing.code).not.toBe(0);
    expect(failing.stderr).toContain('The request is invalid');
  });

  it('refuses writes with the read-only token', async () => {
    const result = await kubectl(['delete', 'cld', 'prod-1'], {
      user: 'viewer',
    });
    expect(result.code).not.toBe(0);
    expect(result.stderr.trim()).toBe(
      'Error from server (Forbidden): clusterdeployments.k0rdent.mirantis.com "prod-1" is forbidden: User "viewer" cannot delete resource "clusterdeployments" in API group "k0rdent.mirantis.com" in the namespace "kcm-system"',
    );
    expect((await kubectl(['get', 'cld'], { user: 'viewer' })).code).toBe(0);
  });

  it('deletes and waits for the object to go', async () => {
    sim.store.create(clusterDeployment('doomed'));
    const result = await kubectl(['delete', 'cld', 'doomed']);
    expect(result.stdout.trim()).toBe(
      'clusterdeployment.k0rdent.mirantis.com "doomed" deleted',
    );
    expect(
      sim.store.get({
        kind: 'ClusterDeployment',
        namespace: NAMESPACE,
        name: 'doomed',
      }),
    ).toBeUndefined();
  });

  it('lists api-resources with short names', async () => {
    const result = await kubectl([
      'api-resources',
      '--api-group',
      'k0rdent.mirantis.com',
    ]);
    expect(result.stdout).toMatch(
      /^clusterdeployments\s+clusterd,cld\s+k0rdent.mirantis.com\/v1beta1\s+true\s+ClusterDeployment$/m,
    );
  });

  it('waits for a condition', async () => {
    sim.store.create(clusterDeployment('waited'));
    const waiting = kubectl([
      'wait',
      '--for=condition=Ready',
      'cld/waited',
      '--timeout=20s',
    ]);
    setTimeout(() => {
      sim.store.updateStatus(
        { kind: 'ClusterDeployment', namespace: NAMESPACE, name: 'waited' },
        () => ({
          conditions: [
            {
              type: 'Ready',
              status: 'True',
              reason: 'Succeeded',
              message: '',
              lastTransitionTime: '2025-01-01T00:00:00Z',
            },
          ],
        }),
      );
    }, 500);
    const result = await waiting;
    expect(result.stdout.trim()).toBe(
      'clusterdeployment.k0rdent.mirantis.com/waited condition met',
    );
  });

  it('watches with get -w', async () => {
    const child = spawn(KUBECTL, [...baseArgs(), 'get', 'cld', '-w'], {
      env: { PATH: process.env.PATH, HOME: dir },
    });
    let output = '';
    child.stdout.on('data', chunk => {
      output += chunk;
    });
    try {
      await eventually(() => expect(output).toContain('prod-1'), 20_000);
      sim.store.create(clusterDeployment('watched-new'));
      await eventually(
        () => expect(output).toMatch(/^watched-new\s+\d+s$/m),
        20_000,
      );
    } finally {
      child.kill();
    }
    expect(output.split('\n')[0].split(/\s+/)).toEqual(['NAME', 'AGE']);
  });
});
