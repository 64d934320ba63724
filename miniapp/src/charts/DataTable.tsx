// The charts' numbers as a table: ARIA table roles on Views (Taro has no <table> in
// weapp), so screen readers announce rows and column headers. Visible too: large-text
// readers and anyone who wants the exact figures read it here.
import { Text, View } from '@tarojs/components';

export interface TableRow {
  key: string;
  cells: (string | number)[];
}

interface Props {
  caption: string;
  columns: string[];
  rows: TableRow[];
}

export default function DataTable({ caption, columns, rows }: Props) {
  return (
    <View className="data-table" role="table" ariaLabel={caption}>
      <Text className="data-table__caption">{caption}</Text>
      <View className="data-table__row data-table__row--head" role="row">
        {columns.map((column, i) => (
          <View key={column} className={`data-table__cell ${i === 0 ? 'data-table__cell--name' : ''}`} role="columnheader">
            {column}
          </View>
        ))}
      </View>
      {rows.map((row) => (
        <View key={row.key} className="data-table__row" role="row">
          {row.cells.map((cell, i) => (
            <View key={i} className={`data-table__cell ${i === 0 ? 'data-table__cell--name' : ''}`} role={i === 0 ? 'rowheader' : 'cell'}>
              {cell}
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}
