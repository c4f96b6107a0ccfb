export * from './validation';
export * from './quote';
export * from './command-line';
export * from './terminal-text';
