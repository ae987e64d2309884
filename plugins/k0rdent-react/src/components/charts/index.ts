export { TimeSeriesChart, type TimeSeriesChartProps } from './TimeSeriesChart';
export type { TickKind } from './scales';
