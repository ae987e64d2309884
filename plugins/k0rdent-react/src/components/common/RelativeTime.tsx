/*
 * A time as people read it on a status page: "3 minutes ago", with the exact
 * UTC time in a tooltip.
 */
import Tooltip from '@material-ui/core/Tooltip';
import { formatAbsolute, formatRelative } from './format';

export function RelativeTime(props: { iso?: string }) {
  const { iso } = props;
  if (!iso) return null;
  return (
    <Tooltip title={formatAbsolute(iso)}>
      <time dateTime={iso}>{formatRelative(iso)}</time>
    </Tooltip>
  );
}
