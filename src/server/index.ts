export { ApiError, type ApiErrorCode } from './api-error.ts';
export type { ServerContext } from './app-types.ts';
export { type AppOptions, createApp } from './create-app.ts';
export { type ErrorBody, errorResponse } from './error-response.ts';
export {
  checkServerOptions,
  DEFAULT_HOST,
  DEFAULT_PORT,
  MIN_TOKEN_LENGTH,
  type RunningServer,
  type ServerOptions,
  startServer,
} from './start-server.ts';
