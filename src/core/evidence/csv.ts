/**
 * The CSV dialect of Exchange's W3C-style logs: fields separated by commas, a field that holds a
 * comma or a quote is quoted and its quotes doubled. Positions are kept so diagnostics and hovers
 * can point at a field. Never throws: an unterminated quote runs to the end of the line.
 */
export interface CsvField {
  value: string;
  /** Offset of the field's first character (the opening quote when quoted). */
  start: number;
  /** Offset just after the field's last character. */
  end: number;
}

export function splitCsvLine(line: string, maxFields = 64): CsvField[] {
  const fields: CsvField[] = [];
  let i = 0;
  const n = line.length;
  while (fields.length < maxFields) {
    const start = i;
    if (i < n && line.charCodeAt(i) === 34) {
      // Quoted field.
      let value = '';
      i++;
      let chunkStart = i;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) {
          value += line.slice(chunkStart);
          i = n;
          break;
        }
        if (q + 1 < n && line.charCodeAt(q + 1) === 34) {
          value += line.slice(chunkStart, q + 1);
          i = q + 2;
          chunkStart = i;
          continue;
        }
        value += line.slice(chunkStart, q);
        i = q + 1;
        break;
      }
      // Anything between the closing quote and the next comma belongs to the field.
      const comma = line.indexOf(',', i);
      const stop = comma < 0 ? n : comma;
      value += line.slice(i, stop);
      fields.push({ value, start, end: stop });
      if (comma < 0) break;
      i = comma + 1;
    } else {
      const comma = line.indexOf(',', i);
      const stop = comma < 0 ? n : comma;
      fields.push({ value: line.slice(i, stop), start, end: stop });
      if (comma < 0) break;
      i = comma + 1;
    }
  }
  return fields;
}

/** Index of the field that contains `offset` (or the last one). */
export function fieldAt(fields: readonly CsvField[], offset: number): number {
  for (let k = 0; k < fields.length; k++) {
    const f = fields[k]!;
    if (offset >= f.start && offset <= f.end) return k;
  }
  return -1;
}
