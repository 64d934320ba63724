// Pure rules both sides apply. Each file is free of zod: the mini-program
// imports them by their own path (`@kepu/shared/rules/seats`).
export * from './event-review';
export * from './event-times';
export * from './seats';
export * from './signup-window';
export * from './checkin-code';
export * from './recommend';
export * from './series';
