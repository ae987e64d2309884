export * from './annotations';
export * from './entityName';
