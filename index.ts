/**
 * The package's TypeScript entry point, for Pulumi's schema inference: when another language
 * uses these components (`pulumi package add`), the provider host reads the component classes'
 * types from the sources, starting here. Node.js programs load the compiled `dist/` instead.
 */
export * from "./components";
