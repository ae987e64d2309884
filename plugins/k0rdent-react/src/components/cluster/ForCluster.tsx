/*
 * The cluster a card shows: the one it is given, else the one of the entity
 * page it is on (nothing is rendered for an entity that is not a k0rdent
 * cluster).
 */
import { useEntity } from '@backstage/plugin-catalog-react';
import type { ReactElement } from 'react';
import type { ClusterRef } from '../../api';
import { clusterRefOfEntity } from '../common';

type RenderCluster = (cluster: ClusterRef) => ReactElement | null;

function EntityCluster(props: { children: RenderCluster }) {
  const { entity } = useEntity();
  const cluster = clusterRefOfEntity(entity);
  return cluster ? props.children(cluster) : null;
}

export function ForCluster(props: {
  cluster?: ClusterRef;
  children: RenderCluster;
}) {
  const { cluster, children } = props;
  return cluster ? (
    children(cluster)
  ) : (
    <EntityCluster>{children}</EntityCluster>
  );
}
