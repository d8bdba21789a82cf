export { blockedAddressReason } from './address-policy.ts';
export { CROSS_ORIGIN_HEADERS, type FetchOptions, fetchUrl } from './fetch-url.ts';
export {
  type AddressPolicy,
  type ResolvedAddress,
  type Resolver,
  systemResolver,
} from './guarded-lookup.ts';
export { IoError, type IoErrorCode, type IoErrorOptions } from './io-error.ts';
export { FETCH_TIMEOUT_MS, MAX_FETCH_BYTES, MAX_INPUT_BYTES, MAX_REDIRECTS } from './limits.ts';
export { readFileCapped } from './read-file.ts';
export { type ReadOptions, readInputs } from './read-inputs.ts';
export { readStream } from './read-stream.ts';
export { USER_AGENT } from './user-agent.ts';
export { type FoundFile, type WalkOptions, walkFolder } from './walk-folder.ts';
