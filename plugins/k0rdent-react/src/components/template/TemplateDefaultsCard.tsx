/*
 * A template's default values (the chart's values as the template reports
 * them), as pretty JSON; long ones start collapsed.
 */
import { CodeSnippet, InfoCard } from '@backstage/core-components';
import type { JsonObject } from '@k0rdent-backstage/plugin-k0rdent-common';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';

/** Defaults longer than this many lines start collapsed. */
export const COLLAPSED_ABOVE_LINES = 30;

export function TemplateDefaultsCard(props: { defaults?: JsonObject }) {
  const { defaults } = props;
  const text =
    defaults && Object.keys(defaults).length > 0
      ? JSON.stringify(defaults, null, 2)
      : undefined;
  const lines = text ? text.split('\n').length : 0;
  const [expanded, setExpanded] = useState(lines <= COLLAPSED_ABOVE_LINES);
  return (
    <InfoCard title="Default values" variant="gridItem">
      {!text && (
        <Typography variant="body2" color="textSecondary">
          The template has no default values.
        </Typography>
      )}
      {text && lines > COLLAPSED_ABOVE_LINES && (
        <Button
          size="small"
          color="primary"
          aria-expanded={expanded}
          onClick={() => setExpanded(e => !e)}
        >
          {expanded ? 'Hide the default values' : `Show all ${lines} lines`}
        </Button>
      )}
      {text && expanded && (
        <CodeSnippet
          text={text}
          language="json"
          showLineNumbers
          showCopyCodeButton
        />
      )}
    </InfoCard>
  );
}
