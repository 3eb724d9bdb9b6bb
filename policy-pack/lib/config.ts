/**
 * A policy's configuration with its own defaults underneath, so the policy behaves the
 * same when the engine sent no config at all (old CLIs, unit tests, `Configure` skipped).
 */
export function configWithDefaults<T extends object>(args: { getConfig<C extends object>(): C }, defaults: T): T {
    return { ...defaults, ...args.getConfig<Partial<T>>() };
}
