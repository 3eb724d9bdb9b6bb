/** The policy pack cannot be used: missing, not built, misconfigured, or its config file is unreadable. */
export class PolicyPackError extends Error {
    override readonly name = "PolicyPackError";
}
