export * from './faultInjector';
