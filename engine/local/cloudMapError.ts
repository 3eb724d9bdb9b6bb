/**
 * An error the Cloud Map API would return, by its AWS error code. The codes and their
 * meaning are those of the Cloud Map API reference (Errors of each operation, e.g.
 * https://docs.aws.amazon.com/cloud-map/latest/api/API_DiscoverInstances.html#API_DiscoverInstances_Errors);
 * UnknownOperationException and SerializationException are what AWS JSON 1.1 services answer
 * to a request they cannot route or parse.
 */
export type CloudMapErrorCode =
    | "InvalidInput"
    | "NamespaceNotFound"
    | "ServiceNotFound"
    | "InstanceNotFound"
    | "CustomHealthNotFound"
    | "UnknownOperationException"
    | "SerializationException";

export class CloudMapError extends Error {
    override readonly name = "CloudMapError";

    constructor(readonly code: CloudMapErrorCode, message: string) {
        super(message);
    }
}
