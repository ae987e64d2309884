/*
 * K0rdentApiClient against a tiny HTTP server: the token it sends, the paths
 * and bodies, and how error bodies become @backstage/errors.
 */
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { ConflictError, InputError, NotAllowedError } from '@backstage/errors';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { K0rdentApiClient } from './K0rdentApiClient';

interface Seen {
  method?: string;
  url?: string;
  authorization?: string;
  body: string;
}

describe('K0rdentApiClient', () => {
  let server: http.Server;
  let baseUrl: string;
  let seen: Seen[];
  let reply: { status: number; body: unknown };

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', chunk => {
        body += chunk;
      });
      req.on('end', () => {
        seen.push({
          method: req.method,
          url: req.url,
          authorization: req.headers.authorization,
          body,
        });
        res.writeHead(reply.status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(reply.body));
      });
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${
      (server.address() as AddressInfo).port
    }/api/k0rdent`;
  });

  afterAll(async () => {
    await new Promise(resolve => server.close(resolve));
  });

  beforeEach(() => {
    seen = [];
    reply = { status: 200, body: {} };
  });

  function makeClient() {
    const auth = mockServices.auth.mock({
      getPluginRequestToken: jest.fn(async () => ({ token: 'plugin-token-1' })),
    });
    const discovery = mockServices.discovery.mock({
      getBaseUrl: jest.fn(async () => baseUrl),
    });
    return {
      client: new K0rdentApiClient({ auth, discovery }),
      auth,
      discovery,
    };
  }

  const credentials = mockCredentials.user('user:default/alice');
  const ref = {
    managementCluster: 'demo',
    namespace: 'team-a',
    name: 'prod eu',
  };

  it('calls as the initiator with a plugin request token for k0rdent', async () => {
    const { client, auth, discovery } = makeClient();
    reply = {
      status: 202,
      body: { dryRun: false, request: { id: 'req-1' } },
    };

    const result = await client.upgradeCluster(
      ref,
      { template: 't2', idempotencyKey: 'k', taskId: 'task' },
      { credentials },
    );

    expect(result).toEqual({ dryRun: false, request: { id: 'req-1' } });
    expect(auth.getPluginRequestToken).toHaveBeenCalledWith({
      onBehalfOf: credentials,
      targetPluginId: 'k0rdent',
    });
    expect(discovery.getBaseUrl).toHaveBeenCalledWith('k0rdent');
    expect(seen).toEqual([
      {
        method: 'POST',
        url: '/api/k0rdent/clusters/demo/team-a/prod%20eu/upgrade',
        authorization: 'Bearer plugin-token-1',
        body: JSON.stringify({
          template: 't2',
          idempotencyKey: 'k',
          taskId: 'task',
        }),
      },
    ]);
  });

  it('asks for a dry run with the query parameter', async () => {
    const { client } = makeClient();
    reply = { status: 200, body: { dryRun: true, manifest: { kind: 'X' } } };

    await client.createCluster(
      {
        managementCluster: 'demo',
        namespace: 'team-a',
        name: 'c',
        template: 't',
        credential: 'cred',
      },
      { credentials, dryRun: true },
    );

    expect(seen[0].method).toBe('POST');
    expect(seen[0].url).toBe('/api/k0rdent/clusters?dryRun=true');
  });

  it("turns a 400 into an InputError with the server's message", async () => {
    const { client } = makeClient();
    reply = {
      status: 400,
      body: {
        error: { name: 'InputError', message: 'credential: no Credential aws' },
        request: { method: 'POST', url: '/clusters' },
        response: { statusCode: 400 },
      },
    };

    const call = client.deleteCluster(ref, { confirm: 'x' }, { credentials });

    await expect(call).rejects.toThrow(InputError);
    await expect(
      client.deleteCluster(ref, { confirm: 'x' }, { credentials }),
    ).rejects.toThrow('credential: no Credential aws');
    expect(seen[0].method).toBe('DELETE');
  });

  it.each([
    [403, NotAllowedError],
    [409, ConflictError],
  ])('turns a %s into its error', async (status, type) => {
    const { client } = makeClient();
    reply = { status, body: { error: { name: 'E', message: 'nope' } } };

    await expect(client.getRequest('req-1', { credentials })).rejects.toThrow(
      type,
    );
  });

  it('turns other statuses into a generic error naming the call', async () => {
    const { client } = makeClient();
    reply = { status: 503, body: { error: { name: 'E', message: 'down' } } };

    await expect(client.getRequest('req-1', { credentials })).rejects.toThrow(
      'k0rdent backend answered GET /requests/req-1 with 503: down',
    );
  });

  it('reads a missing cluster as undefined', async () => {
    const { client } = makeClient();
    reply = {
      status: 404,
      body: { error: { name: 'NotFoundError', message: 'no' } },
    };

    await expect(
      client.getCluster(ref, { credentials }),
    ).resolves.toBeUndefined();
    expect(seen[0].url).toBe('/api/k0rdent/clusters/demo/team-a/prod%20eu');
  });
});
