export { ApiError, type ApiErrorCode } from './api-error.ts';
export type { ServerContext } from './app-types.ts';
export { type AppOptions, createApp } from './create-app.ts';
export { type ErrorBody, errorResponse } from './error-response.ts';
export {
  createRateLimiter,
  DEFAULT_INPUT_BURST,
  DEFAULT_INPUTS_PER_MINUTE,
  DEFAULT_RATE_LIMITS,
  DEFAULT_WRITE_BURST,
  DEFAULT_WRITES_PER_MINUTE,
  MAX_RATE_LIMIT_CLIENTS,
  type RateDecision,
  type RateKind,
  type RateLimiter,
  type RateLimitOptions,
  type RateLimits,
} from './rate-limit.ts';
export {
  checkServerOptions,
  DEFAULT_HOST,
  DEFAULT_PORT,
  MIN_TOKEN_LENGTH,
  type RunningServer,
  type ServerOptions,
  startServer,
} from './start-server.ts';
