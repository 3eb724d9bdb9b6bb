import { RecordedResource } from "../../engine/resourceGraph";

/** A hand-made registration for unit tests: custom, no parent or dependencies unless given. */
export function recorded(type: string, name: string, fields: Partial<RecordedResource> = {}): RecordedResource {
    return {
        urn: `urn:pulumi:dev::test::${type}::${name}`,
        type,
        name,
        custom: true,
        dependencies: [],
        propertyDependencies: {},
        inputs: {},
        outputs: {},
        options: { ignoreChanges: [], replaceOnChanges: [] },
        ...fields,
    };
}
