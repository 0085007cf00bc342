/** The auth feature's Preact components (kept apart from src/auth/index.ts so the core never imports Preact). */
export { AccountStatus, type AccountStatusProps } from './AccountStatus.tsx';
export { AuthProblem, type AuthProblemProps } from './AuthProblem.tsx';
export { type Translate, useAuthState } from './use-auth-state.ts';
