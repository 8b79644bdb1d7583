export * from './schema';
export * from './stored';
export * from './site';
export * from './owner';
export * from './reasons';
export * from './leak-terms';
export * from './photo-leaks';
export * from './scan-for-site';
