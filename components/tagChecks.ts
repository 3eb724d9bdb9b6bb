import { checkTags, Finding, isRecord, TaggedService } from "./rules";

/**
 * Checks a component's `tags` against every service whose resources receive them, together with
 * the tags the component adds itself (`added`), which count against each resource's limit too.
 * The same problem found by several services' rules is reported once, by the first (strictest
 * services first), so a user reads each broken tag once.
 */
export function checkComponentTags(tags: unknown, services: readonly TaggedService[], added: Record<string, string> = {}): Finding[] {
    if (tags === undefined) {
        return [];
    }
    const combined = isRecord(tags) ? { ...tags, ...added } : tags;
    const seen = new Set<string>();
    return services.flatMap((service) => checkTags(combined, service, "tags")).filter((finding) => {
        const first = !seen.has(finding.path);
        seen.add(finding.path);
        return first;
    });
}
