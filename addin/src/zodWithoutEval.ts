import * as z from "zod";

/**
 * zod's settings for the pane, made before any schema is: no code compiled with `new Function`.
 * zod compiles its object parsers where eval is allowed, and tries `new Function("")` once to
 * know; the pane's Content-Security-Policy forbids eval, so the try would only show as a
 * violation in the console. The pane's entry imports this first (an import of its value, not
 * of the module alone, which `"sideEffects": false` would let webpack drop).
 */
export const zodWithoutEval = z.config({ jitless: true });
