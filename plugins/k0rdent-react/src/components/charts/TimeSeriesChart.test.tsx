import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { formatBytes, formatCores } from '../common';
import { TimeSeriesChart } from './TimeSeriesChart';

// 2026-03-02T10:00:00Z
const T0 = Date.UTC(2026, 2, 2, 10, 0) / 1000;
const points: Array<[number, number]> = [0, 1, 2, 3, 4, 5, 6].map(i => [
  T0 + i * 600,
  1 + i * 0.25,
]);

/** The CPU chart of `points` against 8 cores, with times in UTC. */
function renderCpuChart() {
  return renderInTestApp(
    <TimeSeriesChart
      title="CPU used"
      points={points}
      capacity={8}
      formatValue={formatCores}
      zone="utc"
    />,
  );
}

describe('TimeSeriesChart', () => {
  it('sums up the series in its accessible name', async () => {
    await renderCpuChart();
    expect(
      screen.getByRole('img', {
        name: 'CPU used: latest 2.50 cores, capacity 8 cores, peak 2.50 cores, from 2026-03-02 10:00 to 2026-03-02 11:00',
      }),
    ).toBeInTheDocument();
  });

  it('lists the latest, lowest, highest values and capacity in a table for screen readers', async () => {
    await renderCpuChart();
    const table = screen.getByRole('table', { name: 'CPU used' });
    const rows = within(table)
      .getAllByRole('row')
      .map(row => row.textContent);
    expect(rows).toEqual([
      'Latest2.50 cores2026-03-02 11:00',
      'Lowest1 core',
      'Highest2.50 cores',
      'capacity8 cores',
    ]);
  });

  it('labels the y axis with round values up to the capacity and the x axis with times', async () => {
    await renderCpuChart();
    expect(screen.getAllByTestId('y-tick').map(t => t.textContent)).toEqual([
      '0 cores',
      '5 cores',
      '10 cores',
    ]);
    expect(screen.getAllByTestId('x-tick').map(t => t.textContent)).toEqual([
      '10:00',
      '10:10',
      '10:20',
      '10:30',
      '10:40',
      '10:50',
      '11:00',
    ]);
    expect(screen.getByTestId('capacity-line')).toHaveTextContent(
      'capacity 8 cores',
    );
  });

  it('steps memory in binary units and has no capacity line without a capacity', async () => {
    const GiB = 1024 ** 3;
    await renderInTestApp(
      <TimeSeriesChart
        title="Memory used"
        points={[
          [T0, 3 * GiB],
          [T0 + 300, 11.5 * GiB],
        ]}
        formatValue={formatBytes}
        tickKind="binary"
        zone="utc"
      />,
    );
    expect(screen.getAllByTestId('y-tick').map(t => t.textContent)).toEqual([
      '0 B',
      '5.0 GiB',
      '10.0 GiB',
      '15.0 GiB',
    ]);
    expect(screen.queryByTestId('capacity-line')).not.toBeInTheDocument();
    expect(screen.getByRole('img').getAttribute('aria-label')).toMatch(
      /^Memory used: latest 11\.5 GiB, peak 11\.5 GiB/,
    );
  });

  it('breaks the line where points are missing', async () => {
    const { container } = await renderInTestApp(
      <TimeSeriesChart
        title="Nodes"
        points={[
          [T0, 3],
          [T0 + 60, 3],
          [T0 + 120, 3],
          [T0 + 1800, 2],
          [T0 + 1860, 2],
        ]}
        formatValue={String}
        tickKind="integer"
      />,
    );
    // One area and one line per run of points.
    expect(container.querySelectorAll('path')).toHaveLength(4);
  });

  it('says there is no data instead of drawing an empty chart', async () => {
    await renderInTestApp(
      <TimeSeriesChart
        title="CPU used"
        points={[]}
        formatValue={formatCores}
        emptyText="Nothing reported"
      />,
    );
    expect(screen.getByText('Nothing reported')).toBeInTheDocument();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });
});
