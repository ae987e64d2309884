/*
 * The fleet page's filters: a search box and, for each facet with values,
 * the values with the backend's faceted counts as checkboxes. Values of one
 * facet widen the view (any of them), facets narrow it (all of them).
 */
import { useEffect, useRef, useState } from 'react';
import { parseEntityRef } from '@backstage/catalog-model';
import { humanizeEntityRef } from '@backstage/plugin-catalog-react';
import {
  CLUSTER_FACETS,
  type ClusterFacet,
  type ClusterPage,
} from '@k0rdent-backstage/plugin-k0rdent-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormGroup from '@material-ui/core/FormGroup';
import FormLabel from '@material-ui/core/FormLabel';
import TextField from '@material-ui/core/TextField';
import useDebounce from 'react-use/esm/useDebounce';
import type { FleetQuery } from './fleetQuery';

/** How a facet is called on the page. */
export const FACET_LABELS: Record<ClusterFacet, string> = {
  managementCluster: 'Management cluster',
  namespace: 'Namespace',
  status: 'Status',
  provider: 'Provider',
  region: 'KCM region',
  cloudRegion: 'Cloud region',
  kubernetesVersion: 'Kubernetes version',
  template: 'Template',
  tenant: 'Tenant',
  kofRole: 'KOF role',
  owner: 'Owner',
};

/** Values shown per facet before "show all". */
const SHOWN_VALUES = 8;
/** How long the search waits for typing to pause. */
const SEARCH_DEBOUNCE_MS = 300;

/** `group:payments` for `group:default/payments`; other values unchanged. */
function valueLabel(facet: ClusterFacet, value: string): string {
  if (facet !== 'owner') return value;
  try {
    return humanizeEntityRef(parseEntityRef(value));
  } catch {
    return value;
  }
}

function FacetGroup(props: {
  facet: ClusterFacet;
  values: Array<{ value: string; count: number }>;
  selected: string[];
  onToggle: (facet: ClusterFacet, value: string, checked: boolean) => void;
}) {
  const { facet, values, selected, onToggle } = props;
  const [expanded, setExpanded] = useState(false);
  // Chosen values stay listed, with no count, when no cluster has them.
  const listed = [
    ...values,
    ...selected
      .filter(value => !values.some(v => v.value === value))
      .map(value => ({ value, count: 0 })),
  ];
  const hidden = listed.length - SHOWN_VALUES;
  const shown =
    expanded || hidden <= 0
      ? listed
      : listed.filter((v, i) => i < SHOWN_VALUES || selected.includes(v.value));
  return (
    <FormControl component="fieldset" margin="dense" fullWidth>
      <FormLabel component="legend">{FACET_LABELS[facet]}</FormLabel>
      <FormGroup>
        {shown.map(({ value, count }) => (
          <FormControlLabel
            key={value}
            control={
              <Checkbox
                size="small"
                checked={selected.includes(value)}
                onChange={(_, checked) => onToggle(facet, value, checked)}
              />
            }
            label={`${valueLabel(facet, value)} (${count})`}
            title={value}
          />
        ))}
      </FormGroup>
      {hidden > 0 && (
        <Box>
          <Button size="small" onClick={() => setExpanded(!expanded)}>
            {expanded ? 'Show fewer' : `Show all ${listed.length}`}
          </Button>
        </Box>
      )}
    </FormControl>
  );
}

/**
 * The search box: the URL follows the typing once it pauses, and the box
 * follows the URL when it changes otherwise (back button, clear filters).
 */
function SearchBox(props: { q: string; onSearch: (q: string) => void }) {
  const { q, onSearch } = props;
  const [text, setText] = useState(q);
  const sent = useRef(q);
  useEffect(() => {
    if (q !== sent.current) {
      sent.current = q;
      setText(q);
    }
  }, [q]);
  useDebounce(
    () => {
      if (text !== sent.current) {
        sent.current = text;
        onSearch(text);
      }
    },
    SEARCH_DEBOUNCE_MS,
    [text],
  );
  return (
    <TextField
      id="k0rdent-fleet-search"
      label="Search"
      placeholder="Name or namespace"
      type="search"
      variant="outlined"
      size="small"
      fullWidth
      value={text}
      onChange={event => setText(event.target.value)}
    />
  );
}

/** The filters of the fleet page. */
export function FacetPanel(props: {
  facets?: ClusterPage['facets'];
  query: FleetQuery;
  filtered: boolean;
  onToggle: (facet: ClusterFacet, value: string, checked: boolean) => void;
  onSearch: (q: string) => void;
  onClear: () => void;
}) {
  const { facets, query, filtered, onToggle, onSearch, onClear } = props;
  return (
    <Box component="section" aria-label="Filters">
      <SearchBox q={query.q} onSearch={onSearch} />
      <Box mt={1}>
        <Button
          size="small"
          variant="outlined"
          disabled={!filtered}
          onClick={onClear}
        >
          Clear filters
        </Button>
      </Box>
      {CLUSTER_FACETS.map(facet => {
        const values = facets?.[facet] ?? [];
        const selected = query.filters[facet] ?? [];
        if (values.length === 0 && selected.length === 0) return null;
        return (
          <FacetGroup
            key={facet}
            facet={facet}
            values={values}
            selected={selected}
            onToggle={onToggle}
          />
        );
      })}
    </Box>
  );
}
