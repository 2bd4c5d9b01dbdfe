/** The Team Distribution Readiness Diagnostic's scoring: pure functions, no Astro, Preact or DOM. */
export * from './score';
