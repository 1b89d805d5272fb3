import { config } from "zod";

// The page's Content-Security-Policy allows no eval. zod's compiled parsers probe for it with
// `new Function("")` the first time a schema parses — and the frameworks are parsed as their modules
// load, before the entry module's own body runs — so this is set in a module imported first of all.
// Told up front, zod parses the same way without probing.
config({ jitless: true });
