export * from './recognise';
export * from './match';
