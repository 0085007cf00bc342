/** The auth feature's public surface: import from here, not from the files behind it. */
export type { AuthFailure, AuthFailureCode } from './auth-failure.ts';
export { gmailSendScope, requestedScopes } from './auth-failure.ts';
export type {
  AuthNotice,
  AuthState,
  EmailLookup,
  RevokeOutcome,
  ScriptStatus,
  ScriptsStatus,
  TokenSession,
  TokenSessionOptions,
} from './auth-state.ts';
export { TokenRequestError } from './auth-state.ts';
export type { HintStore } from './hint-store.ts';
export { hintStorageKey, memoryHintStore, webStorageHintStore } from './hint-store.ts';
export { googleConnectionsUrl } from './revoke.ts';
export { createTokenSession } from './token-session.ts';
