import {
  rawRequest,
  startTestSimulator,
  type TestSimulator,
} from './__testUtils__/simulator';

describe('service proxy', () => {
  let sim: TestSimulator;
  beforeEach(async () => {
    sim = await startTestSimulator();
  });
  afterEach(() => sim.close());

  it('routes to a registered handler with the path and query after /proxy', async () => {
    const seen: string[] = [];
    sim.server.proxies.register(
      'kof',
      'kof-mothership-promxy',
      (req, res, path, query) => {
        seen.push(`${req.method} ${path} ${query.get('query')}`);
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(
          JSON.stringify({
            status: 'success',
            data: { resultType: 'vector', result: [] },
          }),
        );
      },
    );
    const base = '/api/v1/namespaces/kof/services';
    const response = await rawRequest(
      sim.url,
      `${base}/kof-mothership-promxy:8082/proxy/api/v1/query?query=up`,
    );
    expect(response.status).toBe(200);
    expect(response.json.status).toBe('success');
    await rawRequest(
      sim.url,
      `${base}/http:kof-mothership-promxy:8082/proxy/api/v1/query?query=x`,
    );
    await rawRequest(sim.url, `${base}/kof-mothership-promxy/proxy`);
    expect(seen).toEqual([
      'GET /api/v1/query up',
      'GET /api/v1/query x',
      'GET / null',
    ]);
  });

  it('prefers a port-specific handler and unregisters', async () => {
    const off = sim.server.proxies.register('ns', 'svc', (_req, res) => {
      res.end('any');
    });
    sim.server.proxies.register(
      'ns',
      'svc',
      (_req, res) => {
        res.end('9090');
      },
      9090,
    );
    expect(
      (
        await rawRequest(
          sim.url,
          '/api/v1/namespaces/ns/services/svc:9090/proxy/',
        )
      ).text,
    ).toBe('9090');
    expect(
      (
        await rawRequest(
          sim.url,
          '/api/v1/namespaces/ns/services/svc:80/proxy/',
        )
      ).text,
    ).toBe('any');
    off();
    expect(
      (
        await rawRequest(
          sim.url,
          '/api/v1/namespaces/ns/services/svc:80/proxy/',
        )
      ).status,
    ).toBe(503);
  });

  it('answers 503 ServiceUnavailable when nothing serves the service', async () => {
    const response = await rawRequest(
      sim.url,
      '/api/v1/namespaces/kof/services/nothing:80/proxy/api/v1/query',
    );
    expect(response.status).toBe(503);
    expect(response.json).toMatchObject({
      kind: 'Status',
      reason: 'ServiceUnavailable',
      message: 'no endpoints available for service "nothing"',
      code: 503,
    });
  });

  it('requires authentication', async () => {
    sim.server.proxies.register('ns', 'svc', (_req, res) => {
      res.end('ok');
    });
    expect(
      (
        await rawRequest(sim.url, '/api/v1/namespaces/ns/services/svc/proxy/', {
          token: null,
        })
      ).status,
    ).toBe(401);
  });
});
