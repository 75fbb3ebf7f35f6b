export * from './errors.ts';
export * from './field-errors.ts';
export * from './phone.ts';
export * from './dates.ts';
export * from './centers.ts';
export * from './users.ts';
export * from './auth.ts';
