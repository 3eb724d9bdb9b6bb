import { Finding } from "./finding";
import { describeValue, kindOf } from "./values";

// CreateHttpNamespace `Name` (NamespaceNameHttp): 1-1024 printable ASCII characters, no spaces;
// the same pattern as HttpProperties.HttpName. https://docs.aws.amazon.com/cloud-map/latest/api/API_CreateHttpNamespace.html
const HTTP_NAMESPACE_NAME = /^[!-~]{1,1024}$/;

/** Checks the name of an HTTP namespace (no DNS rules apply: it has no hosted zone). */
export function checkHttpNamespaceName(name: unknown, path = "name"): Finding[] {
    if (typeof name === "string" && HTTP_NAMESPACE_NAME.test(name)) {
        return [];
    }
    return [{
        rule: "cloudmap-http-namespace-name",
        path,
        message: typeof name === "string"
            ? `${describeValue(name)} is not an HTTP namespace name: 1-1024 printable ASCII characters without spaces (Cloud Map API, CreateHttpNamespace).`
            : `The namespace name is ${kindOf(name)}; it must be text.`,
        fix: 'Use a short name such as "payments".',
    }];
}
