import { createRequire } from "module";
import type * as grpcTypes from "@grpc/grpc-js";

/**
 * The gRPC runtime the SDK's generated stubs (`@pulumi/pulumi/proto/*_grpc_pb`) were built
 * against; servers, credentials and status codes must come from that same copy.
 */
export const grpc = createRequire(require.resolve("@pulumi/pulumi/proto/provider_grpc_pb"))("@grpc/grpc-js") as typeof grpcTypes;

type UnaryCallback<Res> = (error: grpcTypes.ServiceError | null, response: Res) => void;

/**
 * A unary call of a generated client as a promise, with a deadline:
 * `unary(ms, (metadata, options, callback) => client.getSchema(request, metadata, options, callback))`.
 */
export function unary<Res>(deadlineMs: number,
    send: (metadata: grpcTypes.Metadata, options: Partial<grpcTypes.CallOptions>, callback: UnaryCallback<Res>) => unknown): Promise<Res> {
    return new Promise((resolve, reject) => {
        send(new grpc.Metadata(), { deadline: new Date(Date.now() + deadlineMs) }, (error, response) => (error ? reject(error) : resolve(response)));
    });
}
