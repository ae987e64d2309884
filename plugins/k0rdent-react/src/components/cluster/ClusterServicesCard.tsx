/*
 * The services of a cluster: those its serviceSpec asks for, joined with the
 * state KSM reports for them, and those MultiClusterServices put on it.
 */
import { InfoCard } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type {
  ClusterDetails,
  ServiceState,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import { CardTable } from '../common/CardTable';
import { ServiceStateChip } from '../common/ServiceStateChip';

interface ServiceRow {
  name: string;
  namespace?: string;
  template: string;
  state?: ServiceState;
  dependsOn: string[];
  /** Asked for by the cluster's own serviceSpec (else by a MultiClusterService). */
  own: boolean;
}

/** One row per service: the spec's services in order, then the others KSM reports. */
export function serviceRows(
  cluster: Pick<ClusterDetails, 'serviceSpec' | 'serviceStates'>,
): ServiceRow[] {
  const used = new Set<ServiceState>();
  const own = cluster.serviceSpec.map(spec => {
    const state = cluster.serviceStates.find(
      s =>
        !used.has(s) &&
        s.name === spec.name &&
        (spec.namespace === undefined || s.namespace === spec.namespace),
    );
    if (state) used.add(state);
    return {
      name: spec.name,
      namespace: spec.namespace ?? state?.namespace,
      template: spec.template,
      state,
      dependsOn: (spec.dependsOn ?? []).map(d =>
        d.namespace ? `${d.namespace}/${d.name}` : d.name,
      ),
      own: true,
    };
  });
  const others = cluster.serviceStates
    .filter(s => !used.has(s))
    .map(state => ({
      name: state.name,
      namespace: state.namespace,
      template: state.template,
      state,
      dependsOn: [],
      own: false,
    }));
  return [...own, ...others];
}

function ServiceStatus(props: { state?: ServiceState }) {
  const { state } = props;
  return (
    <>
      <ServiceStateChip state={state?.state} />
      {state?.failureMessage && (
        <Typography variant="body2" color="error">
          {state.failureMessage}
        </Typography>
      )}
    </>
  );
}

export function ClusterServicesCard(props: { cluster: ClusterDetails }) {
  return (
    <InfoCard title="Services">
      <CardTable
        label="Services"
        rows={serviceRows(props.cluster)}
        rowKey={(s, i) => `${s.namespace ?? ''}/${s.name}/${i}`}
        emptyText="No services are deployed on this cluster."
        columns={[
          { title: 'Name', render: s => s.name },
          { title: 'Namespace', render: s => s.namespace ?? '' },
          {
            title: 'Template',
            render: s =>
              s.state?.version && s.state.version !== s.template
                ? `${s.template} (${s.state.version})`
                : s.template,
          },
          {
            title: 'State',
            render: s => <ServiceStatus state={s.state} />,
            wrap: true,
          },
          {
            title: 'Depends on',
            render: s => s.dependsOn.join(', '),
            wrap: true,
          },
          {
            title: 'From',
            render: s => (s.own ? 'this cluster' : 'a MultiClusterService'),
          },
        ]}
      />
    </InfoCard>
  );
}
