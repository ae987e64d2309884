/*
 * Wire types of the k0rdent backend's REST API, shared by backend and frontend.
 */
export * from './fleet';
export * from './kof';
export * from './requests';
