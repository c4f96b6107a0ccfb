export * from './meta';
export * from './json';
export * from './markdown';
