/*
 * The plain, dense table the cluster cards show their rows in, with a line of
 * text instead when there are no rows.
 */
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { ReactNode } from 'react';

export interface CardTableColumn<T> {
  title: string;
  render: (row: T) => ReactNode;
  align?: 'left' | 'right';
  /** Long text (messages) wraps; other cells keep to one line. */
  wrap?: boolean;
}

const ONE_LINE = { whiteSpace: 'nowrap' } as const;

export function CardTable<T>(props: {
  /** Accessible name of the table. */
  label: string;
  columns: Array<CardTableColumn<T>>;
  rows: T[];
  rowKey: (row: T, index: number) => string;
  emptyText: string;
}) {
  const { label, columns, rows, rowKey, emptyText } = props;
  if (rows.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        {emptyText}
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label={label}>
      <TableHead>
        <TableRow>
          {columns.map(column => (
            <TableCell
              key={column.title}
              align={column.align}
              style={column.wrap ? undefined : ONE_LINE}
            >
              {column.title}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row, index) => (
          <TableRow key={rowKey(row, index)}>
            {columns.map(column => (
              <TableCell
                key={column.title}
                align={column.align}
                style={column.wrap ? undefined : ONE_LINE}
              >
                {column.render(row)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
