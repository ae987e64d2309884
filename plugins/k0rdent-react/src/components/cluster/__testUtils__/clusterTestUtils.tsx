/*
 * Test helpers of the cluster components: a k0rdent cluster entity, a
 * permission API deciding by permission name, and ResponseErrors as the
 * k0rdent client throws them.
 */
import type { Entity } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  MockPermissionApi,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { ENTITY_ANNOTATIONS } from '@k0rdent-backstage/plugin-k0rdent-common';
import { act, type RenderResult, waitFor } from '@testing-library/react';
import type { ReactElement } from 'react';
import { type ClusterRef, type K0rdentApi, k0rdentApiRef } from '../../../api';

type Decision = ReturnType<
  NonNullable<ConstructorParameters<typeof MockPermissionApi>[0]>
>;

/**
 * A permission API allowing exactly the named permissions (e.g.
 * `k0rdent.cluster.update`), and a function that resolves once a component
 * has its answer about a permission: a test that checks that something is
 * hidden must wait for that, or it would pass before the answer came.
 */
export function permissionsAllowing(...names: string[]) {
  const permissionApi = new MockPermissionApi(
    request =>
      (names.includes(request.permission.name) ? 'ALLOW' : 'DENY') as Decision,
  );
  const authorize = jest.spyOn(permissionApi, 'authorize');
  const answered = async (permission: { name: string }) => {
    await waitFor(() =>
      expect(authorize).toHaveBeenCalledWith(
        expect.objectContaining({
          permission: expect.objectContaining({ name: permission.name }),
        }),
      ),
    );
    await Promise.all(authorize.mock.results.map(r => r.value));
    // One more turn for the answer to be rendered.
    await act(async () => {});
  };
  return { permissionApi, answered };
}

/** The catalog entity of a ClusterDeployment, as the k0rdent module makes it. */
export function clusterEntity(
  ref: ClusterRef,
  spec: Record<string, unknown> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: `${ref.managementCluster}_cld_${ref.namespace}_${ref.name}`,
      annotations: {
        [ENTITY_ANNOTATIONS.managementCluster]: ref.managementCluster,
        [ENTITY_ANNOTATIONS.kind]: 'ClusterDeployment',
        [ENTITY_ANNOTATIONS.namespace]: ref.namespace,
        [ENTITY_ANNOTATIONS.name]: ref.name,
      },
    },
    spec: {
      type: 'kubernetes-cluster',
      owner: 'group:default/team-a',
      ...spec,
    },
  };
}

/** The error the k0rdent client throws for an error answer of the backend. */
export function responseError(
  status: number,
  name: string,
  message: string,
): Promise<ResponseError> {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name, message },
        request: { method: 'GET', url: '/api/k0rdent/clusters' },
        response: { statusCode: status },
      }),
      { status, headers: { 'content-type': 'application/json' } },
    ),
  );
}

/** Routes the entity links need. */
export const mountedRoutes = {
  '/catalog/:namespace/:kind/:name': entityRouteRef,
};

/** A promise and the functions to settle it. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

let clusterCount = 0;

/**
 * A cluster ref no other test uses. usePermission caches decisions by
 * permission and resource (in SWR's global cache), so tests that decide
 * differently about the same cluster would see each other's answers.
 */
export function uniqueClusterRef(name = 'prod'): ClusterRef {
  clusterCount += 1;
  return {
    managementCluster: 'mgmt',
    namespace: 'team-a',
    name: `${name}-${clusterCount}`,
  };
}

/**
 * Renders a cluster component in a test app with the k0rdent API, a
 * permission API allowing `allowed`, and the entity routes; `answered` is
 * that of {@link permissionsAllowing}.
 */
export async function renderWithApis(
  element: ReactElement,
  options: { api: K0rdentApi; allowed?: string[] },
): Promise<
  RenderResult & { answered: (permission: { name: string }) => Promise<void> }
> {
  const { permissionApi, answered } = permissionsAllowing(
    ...(options.allowed ?? []),
  );
  const rendered = await renderInTestApp(
    <TestApiProvider
      apis={[
        [k0rdentApiRef, options.api],
        [permissionApiRef, permissionApi],
      ]}
    >
      {element}
    </TestApiProvider>,
    { mountedRoutes },
  );
  return { ...rendered, answered };
}
