/*
 * A small line-and-area chart of one series over time, drawn as SVG (no chart
 * library): a y axis of round values, an x axis of times, an optional dashed
 * capacity line and gaps where data is missing. It scales to its container's
 * width. Screen readers get a summary in the image's label and a visually
 * hidden table of the latest, lowest and highest values.
 */
import { makeStyles, useTheme } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { DateTime } from 'luxon';
import { formatTimeTick, niceTicks, timeTicks, type TickKind } from './scales';

/** Props of {@link TimeSeriesChart}. @public */
export interface TimeSeriesChartProps {
  /** What the series is, e.g. `CPU used`: the start of the accessible label. */
  title: string;
  /** `[unix seconds, value]`, oldest first. */
  points: ReadonlyArray<readonly [number, number]>;
  /** Writes a value with its unit, for the y axis and the labels. */
  formatValue: (value: number) => string;
  /** Drawn as a dashed line, e.g. what the cluster's nodes offer. */
  capacity?: number;
  /** Name of the capacity line; `capacity` by default. */
  capacityLabel?: string;
  /** How the y axis steps: `binary` for bytes, `integer` for counts. */
  tickKind?: TickKind;
  /** Time span of the x axis (unix seconds); the points' span by default. */
  start?: number;
  end?: number;
  /** Expected distance of points; a longer gap breaks the line. Guessed from the points by default. */
  stepSeconds?: number;
  /** Time zone of the time labels (luxon zone name); the viewer's by default. */
  zone?: string;
  /** Height in SVG units (the width is 600 units, scaled to the container). */
  height?: number;
  /** Shown instead of the chart when there are no points. */
  emptyText?: string;
}

const WIDTH = 600;
const MARGIN = { top: 14, right: 12, bottom: 24, left: 72 };

const useStyles = makeStyles(theme => ({
  root: { position: 'relative', width: '100%' },
  svg: { display: 'block', width: '100%', height: 'auto', overflow: 'visible' },
  axisText: {
    fill: theme.palette.text.secondary,
    fontSize: 12,
    fontFamily: theme.typography.fontFamily,
  },
  empty: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    minHeight: 96,
    border: `1px dashed ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    padding: theme.spacing(2),
  },
  visuallyHidden: {
    position: 'absolute',
    width: 1,
    height: 1,
    padding: 0,
    margin: -1,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
}));

/**
 * A line chart of one series over time, with an optional capacity line.
 *
 * @public
 */
export function TimeSeriesChart(props: TimeSeriesChartProps) {
  const {
    title,
    points,
    formatValue,
    capacity,
    capacityLabel = 'capacity',
    tickKind = 'decimal',
    zone,
    height = 180,
    emptyText = 'No data in this time window',
  } = props;
  const classes = useStyles();
  const theme = useTheme();

  if (points.length === 0) {
    return (
      <div className={classes.empty}>
        <Typography variant="body2" color="textSecondary">
          {emptyText}
        </Typography>
      </div>
    );
  }

  const start = props.start ?? points[0][0];
  const end = props.end ?? points[points.length - 1][0];
  const span = Math.max(end - start, 1);
  const values = points.map(p => p[1]);
  const [latestTime, latest] = points[points.length - 1];
  const peak = Math.max(...values);
  const lowest = Math.min(...values);
  const yTicks = niceTicks(Math.max(peak, capacity ?? 0), tickKind);
  const yTop = yTicks[yTicks.length - 1];

  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = height - MARGIN.top - MARGIN.bottom;
  const x = (t: number) => MARGIN.left + ((t - start) / span) * plotWidth;
  const y = (v: number) => MARGIN.top + plotHeight - (v / yTop) * plotHeight;
  const baseline = y(0);

  const segments = splitAtGaps(points, props.stepSeconds);
  const color = theme.palette.primary.main;
  const formatTime = (t: number) =>
    DateTime.fromSeconds(t, { zone }).toFormat('yyyy-LL-dd HH:mm');

  const summary = [
    `${title}: latest ${formatValue(latest)}`,
    capacity !== undefined
      ? `${capacityLabel} ${formatValue(capacity)}`
      : undefined,
    `peak ${formatValue(peak)}`,
    `from ${formatTime(start)} to ${formatTime(end)}`,
  ]
    .filter(Boolean)
    .join(', ');

  return (
    <div className={classes.root}>
      <svg
        className={classes.svg}
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-label={summary}
      >
        {yTicks.map(tick => (
          <g key={`y${tick}`} data-testid="y-tick">
            <line
              x1={MARGIN.left}
              x2={WIDTH - MARGIN.right}
              y1={y(tick)}
              y2={y(tick)}
              stroke={theme.palette.divider}
              strokeWidth={1}
            />
            <text
              className={classes.axisText}
              x={MARGIN.left - 6}
              y={y(tick)}
              textAnchor="end"
              dominantBaseline="middle"
            >
              {formatValue(tick)}
            </text>
          </g>
        ))}
        {timeTicks(start, end, zone).map(tick => (
          <text
            key={`x${tick}`}
            data-testid="x-tick"
            className={classes.axisText}
            x={x(tick)}
            y={height - 6}
            textAnchor="middle"
          >
            {formatTimeTick(tick, span, zone)}
          </text>
        ))}
        {segments.map(segment => {
          const line = segment
            .map(([t, v], i) => `${i === 0 ? 'M' : 'L'}${r(x(t))},${r(y(v))}`)
            .join(' ');
          const first = segment[0];
          const last = segment[segment.length - 1];
          return (
            <g key={`s${first[0]}`}>
              <path
                d={`${line} L${r(x(last[0]))},${r(baseline)} L${r(
                  x(first[0]),
                )},${r(baseline)} Z`}
                fill={color}
                fillOpacity={0.15}
                stroke="none"
              />
              <path
                d={line}
                fill="none"
                stroke={color}
                strokeWidth={2}
                strokeLinejoin="round"
              />
              {segment.length === 1 && (
                <circle cx={x(first[0])} cy={y(first[1])} r={3} fill={color} />
              )}
            </g>
          );
        })}
        {capacity !== undefined && (
          <g data-testid="capacity-line">
            <line
              x1={MARGIN.left}
              x2={WIDTH - MARGIN.right}
              y1={y(capacity)}
              y2={y(capacity)}
              stroke={theme.palette.text.secondary}
              strokeWidth={1.5}
              strokeDasharray="6 4"
            />
            <text
              className={classes.axisText}
              x={WIDTH - MARGIN.right}
              y={y(capacity) - 4}
              textAnchor="end"
            >
              {`${capacityLabel} ${formatValue(capacity)}`}
            </text>
          </g>
        )}
        {points.map(([t, v], i) => {
          // Hover targets: the browser shows each point's time and value.
          const left = i === 0 ? x(t) : (x(points[i - 1][0]) + x(t)) / 2;
          const right =
            i === points.length - 1 ? x(t) : (x(t) + x(points[i + 1][0])) / 2;
          return (
            <rect
              key={`h${t}`}
              x={left}
              y={MARGIN.top}
              width={Math.max(right - left, 1)}
              height={plotHeight}
              fill="transparent"
            >
              <title>{`${formatTime(t)}: ${formatValue(v)}`}</title>
            </rect>
          );
        })}
      </svg>
      <table className={classes.visuallyHidden}>
        <caption>{title}</caption>
        <tbody>
          <tr>
            <th scope="row">Latest</th>
            <td>{formatValue(latest)}</td>
            <td>{formatTime(latestTime)}</td>
          </tr>
          <tr>
            <th scope="row">Lowest</th>
            <td>{formatValue(lowest)}</td>
            <td />
          </tr>
          <tr>
            <th scope="row">Highest</th>
            <td>{formatValue(peak)}</td>
            <td />
          </tr>
          {capacity !== undefined && (
            <tr>
              <th scope="row">{capacityLabel}</th>
              <td>{formatValue(capacity)}</td>
              <td />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

/** Runs of points without a gap longer than twice the step. */
function splitAtGaps(
  points: ReadonlyArray<readonly [number, number]>,
  stepSeconds?: number,
): Array<Array<readonly [number, number]>> {
  const step = stepSeconds ?? medianStep(points);
  const segments: Array<Array<readonly [number, number]>> = [];
  let current: Array<readonly [number, number]> = [];
  points.forEach((point, i) => {
    if (i > 0 && step > 0 && point[0] - points[i - 1][0] > 2 * step) {
      segments.push(current);
      current = [];
    }
    current.push(point);
  });
  segments.push(current);
  return segments;
}

function medianStep(points: ReadonlyArray<readonly [number, number]>): number {
  const steps = points
    .slice(1)
    .map((p, i) => p[0] - points[i][0])
    .sort((a, b) => a - b);
  return steps.length ? steps[Math.floor(steps.length / 2)] : 0;
}

/** SVG coordinates to two decimals, to keep paths short. */
function r(value: number): number {
  return Math.round(value * 100) / 100;
}
