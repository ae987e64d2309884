import { createMockDirectory } from '@backstage/backend-test-utils';
import { ConnectionResolver, kubeConfigForToken } from './ConnectionResolver';
import { ManagementClusterConfig } from './types';

const KUBECONFIG = `
apiVersion: v1
kind: Config
current-context: one
clusters:
  - name: c1
    cluster:
      server: https://one.example.com:6443
      certificate-authority: certs/ca.crt
  - name: c2
    cluster:
      server: https://two.example.com:6443
contexts:
  - name: one
    context: { cluster: c1, user: u1 }
  - name: two
    context: { cluster: c2, user: u1 }
users:
  - name: u1
    user:
      token: kubeconfig-secret-token
`;

function cluster(
  connection: ManagementClusterConfig['connection'],
): ManagementClusterConfig {
  return {
    name: 'mgmt',
    title: 'mgmt',
    configPath: 'k0rdent.managementClusters[0]',
    connection,
  };
}

describe('ConnectionResolver', () => {
  const dir = createMockDirectory();

  beforeEach(() => {
    dir.clear();
    dir.setContent({
      'kubeconfig.yaml': KUBECONFIG,
      'broken.yaml': 'users: [ { token: "leaked-token" ',
      'certs/ca.crt': 'x',
      'nocontext.yaml': KUBECONFIG.replace('current-context: one', ''),
    });
  });

  it('loads a kubeconfig with its current context', async () => {
    const resolved = await ConnectionResolver.create().resolve(
      cluster({ type: 'kubeconfig', path: dir.resolve('kubeconfig.yaml') }),
    );
    expect(resolved.server).toBe('https://one.example.com:6443');
    expect(resolved.kubeConfig.getCurrentCluster()?.caFile).toBe(
      dir.resolve('certs/ca.crt'),
    );
    expect(resolved.kubeConfig.getCurrentUser()?.token).toBe(
      'kubeconfig-secret-token',
    );
  });

  it('loads a kubeconfig with a named context', async () => {
    const resolved = await ConnectionResolver.create().resolve(
      cluster({
        type: 'kubeconfig',
        path: dir.resolve('kubeconfig.yaml'),
        context: 'two',
      }),
    );
    expect(resolved.server).toBe('https://two.example.com:6443');
  });

  it('names the key for a missing file, an unknown context and a missing current context', async () => {
    const resolver = ConnectionResolver.create();
    await expect(
      resolver.resolve(
        cluster({ type: 'kubeconfig', path: dir.resolve('nope.yaml') }),
      ),
    ).rejects.toThrow(
      /Invalid config at 'k0rdent.managementClusters\[0\].kubeconfig.path': cannot read kubeconfig file '.*nope.yaml' \(ENOENT\)/,
    );
    await expect(
      resolver.resolve(
        cluster({
          type: 'kubeconfig',
          path: dir.resolve('kubeconfig.yaml'),
          context: 'three',
        }),
      ),
    ).rejects.toThrow(
      "Invalid config at 'k0rdent.managementClusters[0].kubeconfig.context': context 'three' is not defined",
    );
    await expect(
      resolver.resolve(
        cluster({ type: 'kubeconfig', path: dir.resolve('nocontext.yaml') }),
      ),
    ).rejects.toThrow(
      "Invalid config at 'k0rdent.managementClusters[0].kubeconfig.context': ",
    );
  });

  it('does not quote a broken kubeconfig in its error', async () => {
    const error = await ConnectionResolver.create()
      .resolve(
        cluster({ type: 'kubeconfig', path: dir.resolve('broken.yaml') }),
      )
      .catch(e => e);
    expect(error.message).toContain('is not a valid kubeconfig file');
    expect(error.message).not.toContain('leaked-token');
    expect(error.stack).not.toContain('leaked-token');
  });

  it('builds a token connection', async () => {
    const connection: any = {
      type: 'token',
      url: 'https://k8s.example.com',
      caData: 'QUJD',
    };
    Object.defineProperty(connection, 'token', { value: 'tok' });
    const resolved = await ConnectionResolver.create().resolve(
      cluster(connection),
    );
    expect(resolved.server).toBe('https://k8s.example.com');
    expect(resolved.kubeConfig.getCurrentUser()?.token).toBe('tok');
    expect(resolved.kubeConfig.getCurrentCluster()).toMatchObject({
      caData: 'QUJD',
      skipTLSVerify: false,
    });
  });

  it('sets skipTLSVerify for plain http, which client-node requires', () => {
    const kc = kubeConfigForToken({
      name: 'x',
      url: 'http://127.0.0.1:1234',
      token: 't',
    });
    expect(kc.getCurrentCluster()?.skipTLSVerify).toBe(true);
  });

  it('uses the in-cluster service account', async () => {
    dir.setContent({
      'var/run/secrets/kubernetes.io/serviceaccount/token': 'sa-token',
      'var/run/secrets/kubernetes.io/serviceaccount/ca.crt': 'ca',
      'var/run/secrets/kubernetes.io/serviceaccount/namespace': 'backstage',
    });
    const resolver = ConnectionResolver.create({
      inClusterPathPrefix: dir.path,
      env: {
        KUBERNETES_SERVICE_HOST: '10.0.0.1',
        KUBERNETES_SERVICE_PORT: '443',
      },
    });
    const resolved = await resolver.resolve(
      cluster({ type: 'serviceAccount' }),
    );
    expect(resolved.server).toBe('https://10.0.0.1:443');
    expect(process.env.KUBERNETES_SERVICE_HOST).toBeUndefined();
  });

  it('explains serviceAccount outside a pod', async () => {
    await expect(
      ConnectionResolver.create({ env: {} }).resolve(
        cluster({ type: 'serviceAccount' }),
      ),
    ).rejects.toThrow(
      "Invalid config at 'k0rdent.managementClusters[0].serviceAccount': KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT are not set",
    );
    await expect(
      ConnectionResolver.create({
        env: { KUBERNETES_SERVICE_HOST: 'h', KUBERNETES_SERVICE_PORT: '443' },
        inClusterPathPrefix: dir.path,
      }).resolve(cluster({ type: 'serviceAccount' })),
    ).rejects.toThrow('no service account token');
  });

  it('starts an embedded cluster through the injected factory and closes it once', async () => {
    const close = jest.fn(async () => {});
    const factory = jest.fn(async () => ({
      url: 'http://127.0.0.1:4321/',
      token: 'sim-token',
      close,
    }));
    const resolved = await ConnectionResolver.create({
      embeddedClusterFactory: factory,
    }).resolve(cluster({ type: 'embedded', seed: 'demo', clusters: 5 }));
    expect(factory).toHaveBeenCalledWith({
      name: 'mgmt',
      seed: 'demo',
      clusters: 5,
    });
    expect(resolved.server).toBe('http://127.0.0.1:4321');
    expect(resolved.kubeConfig.getCurrentCluster()?.server).toBe(
      'http://127.0.0.1:4321',
    );
    await resolved.close();
    await resolved.close();
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('refuses embedded without a factory', async () => {
    await expect(
      ConnectionResolver.create().resolve(
        cluster({ type: 'embedded', seed: 'demo' }),
      ),
    ).rejects.toThrow(
      "Invalid config at 'k0rdent.managementClusters[0].embedded': the embedded simulator is not available",
    );
  });
});
