import { stringify } from 'yaml';
import {
  ChildKubeconfigError,
  parseChildKubeconfig,
} from './parseChildKubeconfig';

const b64 = (text: string) => Buffer.from(text).toString('base64');
const CA = '-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----\n';
const CERT = '-----BEGIN CERTIFICATE-----\nME\n-----END CERTIFICATE-----\n';
const KEY =
  '-----BEGIN RSA PRIVATE KEY-----\nK\n-----END RSA PRIVATE KEY-----\n';

function kubeconfig(
  user: Record<string, unknown>,
  cluster: Record<string, unknown> = {},
) {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      { name: 'other', cluster: { server: 'https://other.example:6443' } },
      {
        name: 'child',
        cluster: {
          server: 'https://child.example:6443',
          'certificate-authority-data': b64(CA),
          ...cluster,
        },
      },
    ],
    contexts: [
      { name: 'admin@child', context: { cluster: 'child', user: 'admin' } },
    ],
    'current-context': 'admin@child',
    users: [
      { name: 'someone', user: { token: 'not-this-one' } },
      { name: 'admin', user },
    ],
  });
}

describe('parseChildKubeconfig', () => {
  it('takes the current context: its server, CA and client certificate', () => {
    expect(
      parseChildKubeconfig(
        kubeconfig({
          'client-certificate-data': b64(CERT),
          'client-key-data': b64(KEY),
        }),
      ),
    ).toEqual({
      endpoint: { server: 'https://child.example:6443', caData: b64(CA) },
      credential: { type: 'x509 client certificate', cert: CERT, key: KEY },
    });
  });

  it('takes a bearer token', () => {
    expect(
      parseChildKubeconfig(kubeconfig({ token: 'tok-123' })).credential,
    ).toEqual({ type: 'bearer token', token: 'tok-123' });
  });

  it.each([
    [{ exec: { command: 'aws' } }, '`exec`'],
    [{ 'auth-provider': { name: 'gcp' } }, '`auth-provider`'],
    [{ tokenFile: '/etc/passwd' }, '`tokenFile`'],
    [
      { 'client-certificate': '/a', 'client-key': '/b' },
      '`client-certificate`',
    ],
    [{ username: 'u', password: 'p' }, '`username`'],
  ])(
    'refuses credentials it would have to run or read from disk: %j',
    (user, field) => {
      expect(() => parseChildKubeconfig(kubeconfig(user))).toThrow(field);
    },
  );

  it('refuses a CA file and skipping TLS verification', () => {
    const user = { token: 't' };
    expect(() =>
      parseChildKubeconfig(
        kubeconfig(user, {
          'certificate-authority': '/ca.pem',
          'certificate-authority-data': undefined,
        }),
      ),
    ).toThrow('`certificate-authority`');
    expect(() =>
      parseChildKubeconfig(
        kubeconfig(user, { 'insecure-skip-tls-verify': true }),
      ),
    ).toThrow('`insecure-skip-tls-verify`');
  });

  it('refuses a server that is not an http(s) URL', () => {
    expect(() =>
      parseChildKubeconfig(
        kubeconfig({ token: 't' }, { server: 'file:///etc/hosts' }),
      ),
    ).toThrow('`server` is not an http(s) URL');
  });

  it('never quotes the kubeconfig in its errors', () => {
    const secret = 'sup3r-s3cret-t0ken';
    const errorOf = (text: string) => {
      try {
        parseChildKubeconfig(text);
      } catch (e) {
        return e as Error;
      }
      return undefined;
    };

    // The YAML parser's own message would quote the line with the token.
    const broken = errorOf(
      `users:\n  - name: u\n    user:\n      token: ${secret}\n   bad: [indent\n`,
    );
    expect(broken).toBeInstanceOf(ChildKubeconfigError);
    expect(broken?.message).toBe('the kubeconfig is not a YAML mapping');

    const noServer = errorOf(
      stringify({
        clusters: [{ name: 'c', cluster: {} }],
        users: [{ name: 'u', user: { token: secret } }],
      }),
    );
    expect(noServer?.message).toBe('the kubeconfig cluster has no `server`');
    expect(JSON.stringify([broken, noServer, String(broken)])).not.toContain(
      secret,
    );
  });
});
