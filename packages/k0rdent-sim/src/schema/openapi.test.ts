import { KINDS } from '@k0rdent-backstage/plugin-k0rdent-common';
import {
  definitionName,
  openApiV2Document,
  openApiV3Discovery,
  openApiV3Document,
} from './openapi';

type Json = Record<string, any>;

/** Every `$ref` in a document. */
function refs(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach(n => refs(n, found));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') found.push(value);
      else refs(value, found);
    }
  }
  return found;
}

/** What kubectl does to decide that the server validates fields itself (QueryParamVerifierV3). */
function supportsFieldValidation(
  doc: Json,
  gvk: { group: string; version: string; kind: string },
): boolean {
  for (const path of Object.values(doc.paths) as Json[]) {
    const patch = path.patch;
    if (!patch) continue;
    const ext = patch['x-kubernetes-group-version-kind'];
    if (
      ext.group !== gvk.group ||
      ext.version !== gvk.version ||
      ext.kind !== gvk.kind
    ) {
      continue;
    }
    return [...(path.parameters ?? []), ...(patch.parameters ?? [])].some(
      (p: Json) => p.name === 'fieldValidation' && p.in === 'query',
    );
  }
  return false;
}

describe('OpenAPI documents', () => {
  it('names definitions as the API server does', () => {
    expect(
      definitionName('k0rdent.mirantis.com', 'v1beta1', 'ClusterDeployment'),
    ).toBe('com.mirantis.k0rdent.v1beta1.ClusterDeployment');
    expect(
      definitionName(
        'kof.k0rdent.mirantis.com',
        'v1beta1',
        'PromxyServerGroup',
      ),
    ).toBe('com.mirantis.k0rdent.kof.v1beta1.PromxyServerGroup');
    expect(definitionName('', 'v1', 'Secret')).toBe(
      'io.k8s.api.core.v1.Secret',
    );
  });

  it('publishes each kind of a group with its group-version-kind, ObjectMeta and list', () => {
    const doc = openApiV3Document('k0rdent.mirantis.com', 'v1beta1') as Json;
    const schemas = doc.components.schemas as Json;
    const cd = schemas['com.mirantis.k0rdent.v1beta1.ClusterDeployment'];
    expect(cd['x-kubernetes-group-version-kind']).toEqual([
      {
        group: 'k0rdent.mirantis.com',
        kind: 'ClusterDeployment',
        version: 'v1beta1',
      },
    ]);
    expect(Object.keys(cd.properties)).toEqual([
      'apiVersion',
      'kind',
      'metadata',
      'spec',
      'status',
    ]);
    expect(cd.properties.metadata.allOf).toEqual([
      {
        $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta',
      },
    ]);
    expect(cd.properties.spec.required).toEqual(['template']);
    const list = schemas['com.mirantis.k0rdent.v1beta1.ClusterDeploymentList'];
    expect(list.properties.items.items).toEqual({
      $ref: '#/components/schemas/com.mirantis.k0rdent.v1beta1.ClusterDeployment',
    });
    expect(
      schemas['io.k8s.apimachinery.pkg.apis.meta.v1.Status'],
    ).toBeDefined();
    expect(
      schemas['com.mirantis.k0rdent.kof.v1beta1.PromxyServerGroup'],
    ).toBeUndefined();
  });

  it('lets kubectl see server-side field validation for every kind', () => {
    for (const info of Object.values(KINDS)) {
      const doc = openApiV3Document(info.group, info.version) as Json;
      expect({
        kind: info.kind,
        supported: supportsFieldValidation(doc, info),
      }).toEqual({
        kind: info.kind,
        supported: true,
      });
    }
  });

  it('has namespaced, cluster-scoped and status paths', () => {
    const paths = Object.keys(
      (openApiV3Document('k0rdent.mirantis.com', 'v1beta1') as Json).paths,
    );
    expect(paths).toEqual(
      expect.arrayContaining([
        '/apis/k0rdent.mirantis.com/v1beta1/namespaces/{namespace}/clusterdeployments',
        '/apis/k0rdent.mirantis.com/v1beta1/namespaces/{namespace}/clusterdeployments/{name}',
        '/apis/k0rdent.mirantis.com/v1beta1/namespaces/{namespace}/clusterdeployments/{name}/status',
        '/apis/k0rdent.mirantis.com/v1beta1/clusterdeployments',
        '/apis/k0rdent.mirantis.com/v1beta1/regions/{name}',
      ]),
    );
    expect(paths).not.toContain(
      '/apis/k0rdent.mirantis.com/v1beta1/datasources/{name}/status',
    );
    expect(
      paths.filter(p => p.includes('namespaces/{namespace}/regions')),
    ).toEqual([]);
    const corePaths = Object.keys((openApiV3Document('', 'v1') as Json).paths);
    expect(corePaths).toContain(
      '/api/v1/namespaces/{namespace}/secrets/{name}',
    );
    expect(corePaths).toContain('/api/v1/namespaces/{name}/status');
  });

  it('names operations like the API server', () => {
    const doc = openApiV3Document('k0rdent.mirantis.com', 'v1beta1') as Json;
    const item =
      doc.paths[
        '/apis/k0rdent.mirantis.com/v1beta1/namespaces/{namespace}/clusterdeployments/{name}'
      ];
    expect(item.patch.operationId).toBe(
      'patchK0rdentMirantisComV1beta1NamespacedClusterDeployment',
    );
    expect(item.patch['x-kubernetes-action']).toBe('patch');
    expect(Object.keys(item.patch.requestBody.content)).toContain(
      'application/apply-patch+yaml',
    );
  });

  it('returns undefined for a group/version it does not serve', () => {
    expect(openApiV3Document('apps', 'v1')).toBeUndefined();
  });

  it('resolves every reference in the v3 documents and the v2 document', () => {
    const check = (doc: Json, prefix: string, defs: Json) => {
      const missing = refs(doc).filter(ref => !defs[ref.slice(prefix.length)]);
      expect(missing).toEqual([]);
    };
    for (const gv of [
      ['', 'v1'],
      ['k0rdent.mirantis.com', 'v1beta1'],
      ['kof.k0rdent.mirantis.com', 'v1beta1'],
    ]) {
      const doc = openApiV3Document(gv[0], gv[1]) as Json;
      check(doc, '#/components/schemas/', doc.components.schemas);
    }
    const v2 = openApiV2Document();
    check(v2, '#/definitions/', v2.definitions as Json);
  });

  it('simplifies schemas for v2 as Kubernetes does', () => {
    const v2 = openApiV2Document() as Json;
    const text = JSON.stringify(v2.definitions);
    expect(text).not.toContain('x-kubernetes-validations');
    expect(text).not.toContain('"nullable"');
    const backup =
      v2.definitions['com.mirantis.k0rdent.v1beta1.ManagementBackup'];
    // A nullable field loses its type, properties and items.
    expect(
      backup.properties.status.properties.lastBackup.properties.progress,
    ).toEqual({});
    expect(
      v2.paths['/apis/k0rdent.mirantis.com/v1beta1/regions/{name}'].patch
        .parameters,
    ).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'body', in: 'body' }),
        expect.objectContaining({
          name: 'fieldValidation',
          in: 'query',
          type: 'string',
        }),
      ]),
    );
  });

  it('lists each group/version in the v3 discovery document with a content hash', () => {
    const { paths } = openApiV3Discovery();
    expect(Object.keys(paths).sort()).toEqual([
      'api/v1',
      'apis/k0rdent.mirantis.com/v1beta1',
      'apis/kof.k0rdent.mirantis.com/v1beta1',
    ]);
    expect(
      paths['apis/k0rdent.mirantis.com/v1beta1'].serverRelativeURL,
    ).toMatch(
      /^\/openapi\/v3\/apis\/k0rdent\.mirantis\.com\/v1beta1\?hash=[0-9A-F]{128}$/,
    );
  });
});
