import http from 'node:http';
import { AddressInfo } from 'node:net';
import { findKind } from '@k0rdent-backstage/plugin-k0rdent-common';
import { kubeConfigForToken } from '../config/ConnectionResolver';
import { ClientNodeTransport, FleetTransportWatchEvent } from './transport';

const CD = findKind('ClusterDeployment')!;
const TOKEN = 'transport-test-token';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

describe('ClientNodeTransport', () => {
  let server: http.Server;
  let handler: Handler;
  let url: string;
  const requests: Array<{ url: string; auth?: string }> = [];
  const sockets = new Set<import('node:net').Socket>();

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      requests.push({ url: req.url!, auth: req.headers.authorization });
      handler(req, res);
    });
    server.on('connection', s => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    sockets.forEach(s => s.destroy());
    await new Promise(r => server.close(r));
  });

  beforeEach(() => {
    requests.length = 0;
  });

  function transport(serverUrl = url) {
    return new ClientNodeTransport(
      kubeConfigForToken({ name: 't', url: serverUrl, token: TOKEN }),
    );
  }

  function status(
    res: http.ServerResponse,
    code: number,
    reason: string,
    message: string,
  ) {
    res.writeHead(code, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        kind: 'Status',
        apiVersion: 'v1',
        status: 'Failure',
        code,
        reason,
        message,
      }),
    );
  }

  it('lists a page with the token and fills in apiVersion and kind', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          apiVersion: 'k0rdent.mirantis.com/v1beta1',
          kind: 'ClusterDeploymentList',
          metadata: { resourceVersion: '42', continue: 'next' },
          items: [
            { metadata: { name: 'a', namespace: 'n', resourceVersion: '7' } },
          ],
        }),
      );
    };
    const page = await transport().list(CD, { limit: 1, continue: 'abc' });
    expect(page).toEqual({
      items: [
        {
          apiVersion: 'k0rdent.mirantis.com/v1beta1',
          kind: 'ClusterDeployment',
          metadata: { name: 'a', namespace: 'n', resourceVersion: '7' },
        },
      ],
      resourceVersion: '42',
      continue: 'next',
    });
    expect(requests[0]).toEqual({
      url: '/apis/k0rdent.mirantis.com/v1beta1/clusterdeployments?continue=abc&limit=1',
      auth: `Bearer ${TOKEN}`,
    });
  });

  it('maps list errors to KubernetesApiError', async () => {
    handler = (_req, res) =>
      status(
        res,
        404,
        'NotFound',
        'the server could not find the requested resource',
      );
    await expect(transport().list(CD, {})).rejects.toMatchObject({
      name: 'KubernetesApiError',
      code: 404,
      reason: 'NotFound',
      message:
        'NotFound (HTTP 404): the server could not find the requested resource',
    });
  });

  it('times out a list that gets no answer', async () => {
    handler = () => {};
    await expect(
      transport().list(CD, { timeoutMs: 100 }),
    ).rejects.toMatchObject({
      reason: 'Timeout',
      retryable: true,
    });
  });

  it('reports a refused connection without the token or URL', async () => {
    const closed = http.createServer();
    await new Promise<void>(r => closed.listen(0, '127.0.0.1', r));
    const deadUrl = `http://127.0.0.1:${
      (closed.address() as AddressInfo).port
    }`;
    await new Promise(r => closed.close(r));
    const list = await transport(deadUrl)
      .list(CD, {})
      .catch(e => e);
    expect(list).toMatchObject({
      code: 0,
      reason: 'ConnectionError',
      retryable: true,
    });
    expect(list.message).not.toContain(deadUrl);
    const watch = await transport(deadUrl)
      .watch(CD, {
        resourceVersion: '1',
        timeoutSeconds: 10,
        onEvent: () => {},
      })
      .catch(e => e);
    expect(watch).toMatchObject({ code: 0, reason: 'ConnectionError' });
    expect(JSON.stringify(watch)).not.toContain(TOKEN);
  });

  it('streams watch events split across chunks, with bookmarks', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const lines = `${[
        {
          type: 'ADDED',
          object: { metadata: { name: 'a', resourceVersion: '11' } },
        },
        { type: 'BOOKMARK', object: { metadata: { resourceVersion: '12' } } },
        {
          type: 'DELETED',
          object: { metadata: { name: 'a', resourceVersion: '13' } },
        },
      ]
        .map(l => JSON.stringify(l))
        .join('\n')}\n`;
      res.write(lines.slice(0, 17));
      setTimeout(() => {
        res.write(lines.slice(17, 90));
        setTimeout(() => res.end(lines.slice(90)), 10);
      }, 10);
    };
    const events: FleetTransportWatchEvent[] = [];
    const watch = await transport().watch(CD, {
      resourceVersion: '10',
      timeoutSeconds: 300,
      onEvent: e => events.push(e),
    });
    await watch.done;
    expect(
      events.map(e => [e.type, e.object.metadata.resourceVersion]),
    ).toEqual([
      ['ADDED', '11'],
      ['BOOKMARK', '12'],
      ['DELETED', '13'],
    ]);
    expect(requests[0].url).toBe(
      '/apis/k0rdent.mirantis.com/v1beta1/clusterdeployments?watch=true&allowWatchBookmarks=true&resourceVersion=10&timeoutSeconds=300',
    );
    expect(requests[0].auth).toBe(`Bearer ${TOKEN}`);
  });

  it('keeps the Status of a refused watch', async () => {
    handler = (_req, res) =>
      status(res, 410, 'Expired', 'too old resource version: 10 (200)');
    await expect(
      transport().watch(CD, {
        resourceVersion: '10',
        timeoutSeconds: 10,
        onEvent: () => {},
      }),
    ).rejects.toMatchObject({
      code: 410,
      reason: 'Expired',
      message: 'Expired (HTTP 410): too old resource version: 10 (200)',
    });
  });

  it('fails a watch on an undecodable line', async () => {
    handler = (_req, res) => {
      res.writeHead(200);
      res.write('{"type":"ADDED","object":{"metadata":{"name":"a"}}}\n{nope\n');
    };
    const watch = await transport().watch(CD, {
      resourceVersion: '1',
      timeoutSeconds: 10,
      onEvent: () => {},
    });
    await expect(watch.done).rejects.toMatchObject({ reason: 'ProtocolError' });
  });

  it('fails a silent watch after the idle timeout, and a watch that never answers', async () => {
    handler = (_req, res) => {
      res.writeHead(200);
      res.flushHeaders();
    };
    const watch = await transport().watch(CD, {
      resourceVersion: '1',
      timeoutSeconds: 10,
      idleTimeoutMs: 100,
      onEvent: () => {},
    });
    await expect(watch.done).rejects.toMatchObject({
      reason: 'Timeout',
      retryable: true,
    });

    handler = () => {};
    await expect(
      transport().watch(CD, {
        resourceVersion: '1',
        timeoutSeconds: 10,
        connectTimeoutMs: 100,
        onEvent: () => {},
      }),
    ).rejects.toMatchObject({ reason: 'Timeout' });
  });

  it('aborts an open watch and a pending one', async () => {
    handler = (_req, res) => {
      res.writeHead(200);
      res.flushHeaders();
    };
    const open = await transport().watch(CD, {
      resourceVersion: '1',
      timeoutSeconds: 10,
      onEvent: () => {},
    });
    open.abort();
    await expect(open.done).resolves.toBeUndefined();

    handler = () => {};
    const controller = new AbortController();
    const pending = transport().watch(CD, {
      resourceVersion: '1',
      timeoutSeconds: 10,
      signal: controller.signal,
      onEvent: () => {},
    });
    setTimeout(() => controller.abort(), 20);
    const connection = await pending;
    await expect(connection.done).resolves.toBeUndefined();
  });
});
