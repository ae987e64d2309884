/*
 * The OpenAPI document describes the plugin's API as it is: every route the
 * plugin registers is in it with its method, nothing else is, and the
 * document holds together (references resolve, path parameters are declared).
 */
import express from 'express';
import Router from 'express-promise-router';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { addFleetRoutes } from '../fleet/routes';
import { createRouter, type RouterOptions } from '../router';

const document = parse(
  readFileSync(join(__dirname, 'openapi.yaml'), 'utf8'),
) as {
  openapi: string;
  paths: Record<string, Record<string, any>>;
  components: Record<string, Record<string, unknown>>;
};

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** `GET /clusters/{managementCluster}` for every route of an express router. */
function routesOf(router: express.Router): string[] {
  return router.stack.flatMap(layer => {
    const route = layer.route as
      | { path: string; methods: Record<string, boolean> }
      | undefined;
    if (!route) return [];
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    return Object.keys(route.methods)
      .filter(method => route.methods[method])
      .map(method => `${method.toUpperCase()} ${path}`);
  });
}

function documented(): string[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.keys(item)
      .filter(key => HTTP_METHODS.includes(key))
      .map(method => `${method.toUpperCase()} ${path}`),
  );
}

/** Registering routes reads nothing from the options but their presence. */
const options = {} as RouterOptions;

describe('openapi.yaml', () => {
  it('is an OpenAPI 3.0 document', () => {
    expect(document.openapi).toMatch(/^3\.0\./);
  });

  it('describes every fleet route', () => {
    const router = Router();
    addFleetRoutes(router, options);
    const routes = routesOf(router);
    expect(routes).toHaveLength(7);
    expect(documented()).toEqual(expect.arrayContaining(routes));
  });

  it('describes every route of the plugin, and no route it does not have', async () => {
    const routes = routesOf(await createRouter(options));
    expect([...documented()].sort()).toEqual([...routes].sort());
  });

  it('resolves every reference', () => {
    const refs = [
      ...JSON.stringify(document).matchAll(/"\$ref":"#\/([^"]+)"/g),
    ].map(m => m[1]);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      const target = ref
        .split('/')
        .reduce<any>((node, key) => node?.[key], document);
      expect({ ref, found: target !== undefined }).toEqual({
        ref,
        found: true,
      });
    }
  });

  it('declares the parameters of every path', () => {
    const resolve = (p: any) =>
      p.$ref
        ? p.$ref
            .slice(2)
            .split('/')
            .reduce((node: any, key: string) => node?.[key], document)
        : p;
    for (const [path, item] of Object.entries(document.paths)) {
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map(m => m[1]).sort();
      for (const method of Object.keys(item).filter(k =>
        HTTP_METHODS.includes(k),
      )) {
        const declared = [
          ...(item.parameters ?? []),
          ...(item[method].parameters ?? []),
        ]
          .map(resolve)
          .filter(p => p.in === 'path')
          .map(p => p.name)
          .sort();
        expect({ route: `${method} ${path}`, params: declared }).toEqual({
          route: `${method} ${path}`,
          params: inPath,
        });
      }
    }
  });
});
