/**
 * Joins message tables into one. Not with object spread: spreading hundreds of keys into an object
 * literal makes V8 add them one by one, each with a new hidden class and a copy of the growing
 * descriptor list (quadratic), which cost about 60 ms of the extension's activation for the five
 * catalogues. A prototype-less object with the keys assigned is a hash table from the start.
 */
type Intersection<T extends readonly object[]> = T extends readonly [infer H, ...infer R extends readonly object[]]
  ? H & Intersection<R>
  : unknown;

export function joinTables<T extends readonly object[]>(...tables: T): Intersection<T> {
  const joined = Object.create(null) as Record<string, unknown>;
  for (const table of tables) Object.assign(joined, table);
  return joined as Intersection<T>;
}
