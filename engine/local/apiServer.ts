import { randomUUID } from "crypto";
import * as http from "http";
import { OPERATIONS } from "./apiOperations";
import { CloudMapError } from "./cloudMapError";
import { listenTcp, LOOPBACK } from "./listen";
import { Registry } from "./registry";

/** The JSON 1.1 target prefix of Cloud Map (the service model's `targetPrefix`). */
export const TARGET_PREFIX = "Route53AutoNaming_v20170314";
const CONTENT_TYPE = "application/x-amz-json-1.1";
const MAX_BODY_BYTES = 1024 * 1024;

export interface ApiServer {
    readonly port: number;
    /** `http://127.0.0.1:<port>`: the endpoint URL for SDKs and the AWS CLI. */
    readonly url: string;
    close(): Promise<void>;
}

/**
 * The Cloud Map API over AWS JSON 1.1, as the AWS SDKs and the AWS CLI speak it: `POST /`
 * with `X-Amz-Target: Route53AutoNaming_v20170314.<Operation>` and a JSON body; errors as
 * HTTP 400 with `{"__type": "<Code>", "Message": ...}` and the `x-amzn-ErrorType` header.
 * Requests are not authenticated: any credentials the SDK signs with are accepted.
 */
export async function startApiServer(registry: Registry, port: number, log: (message: string) => void): Promise<ApiServer> {
    const server = http.createServer((request, response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        request.on("data", (chunk: Buffer) => {
            size += chunk.length;
            if (size <= MAX_BODY_BYTES) {
                chunks.push(chunk);
            }
        });
        request.on("end", () => {
            const requestId = randomUUID();
            const target = String(request.headers["x-amz-target"] ?? "");
            const operationName = target.startsWith(`${TARGET_PREFIX}.`) ? target.slice(TARGET_PREFIX.length + 1) : "";
            let status = 200;
            let body: Record<string, unknown>;
            try {
                body = handle(registry, request.method, operationName, target, size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString("utf8"));
            } catch (err) {
                // A fault of this server, not of the request: 500, which SDKs retry and then report.
                const [code, message] = err instanceof CloudMapError ? [err.code, err.message] : ["InternalFailure", (err as Error).stack ?? String(err)];
                status = err instanceof CloudMapError ? 400 : 500;
                body = { __type: code, Message: message };
                log(`API ${operationName || target || request.method}: ${code}: ${message}`);
            }
            const text = JSON.stringify(body);
            response.writeHead(status, {
                "Content-Type": CONTENT_TYPE,
                "Content-Length": Buffer.byteLength(text),
                "x-amzn-RequestId": requestId,
                ...(status === 200 ? {} : { "x-amzn-ErrorType": String(body.__type) }),
            });
            response.end(text);
        });
    });
    const boundPort = await listenTcp(server, port, "Cloud Map API");
    return {
        port: boundPort,
        url: `http://${LOOPBACK}:${boundPort}`,
        close: () => new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeAllConnections();
        }),
    };
}

function handle(registry: Registry, method: string | undefined, operationName: string, target: string, text: string | undefined): Record<string, unknown> {
    const operation = Object.hasOwn(OPERATIONS, operationName) ? OPERATIONS[operationName] : undefined;
    if (method !== "POST" || operation === undefined) {
        throw new CloudMapError("UnknownOperationException", method !== "POST"
            ? `The Cloud Map API takes POST / with X-Amz-Target: ${TARGET_PREFIX}.<Operation>; got ${method}.`
            : `${target === "" ? "No X-Amz-Target header" : `"${target}" is not an operation served here`}. cloudmap-local serves the planned topology: ` +
                `${Object.keys(OPERATIONS).join(", ")}. Namespaces and services come from the program; change it and restart to change them.`);
    }
    if (text === undefined) {
        throw new CloudMapError("SerializationException", `The request body is larger than ${MAX_BODY_BYTES} bytes.`);
    }
    let input: unknown;
    try {
        input = text.trim() === "" ? {} : JSON.parse(text);
    } catch (err) {
        throw new CloudMapError("SerializationException", `The request body is not JSON: ${(err as Error).message}`);
    }
    if (typeof input !== "object" || input === null || Array.isArray(input)) {
        throw new CloudMapError("SerializationException", "The request body must be a JSON object.");
    }
    return operation(registry, input as Record<string, unknown>);
}
