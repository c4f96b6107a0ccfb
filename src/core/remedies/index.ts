export * from './build';
export * from './time';
export * from './replication';
export * from './ports';
