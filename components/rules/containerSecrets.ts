import { checkKmsKeyArn, checkSecretArn, checkSsmParameterArn, parseArn } from "./arns";
import { Finding } from "./finding";
import { itemPath, keyPath } from "./paths";
import { describeValue, entriesOf, isRecord } from "./values";

/**
 * Where a container secret comes from, and the ARN its task execution role must be allowed to read.
 * - Secrets Manager: `arn:<partition>:secretsmanager:<region>:<account>:secret:<name>`, optionally
 *   followed by `:<json-key>:<version-stage>:<version-id>` to inject one key or version; the grant
 *   is on the secret itself (`secretsmanager:GetSecretValue`).
 * - SSM Parameter Store: `arn:<partition>:ssm:<region>:<account>:parameter/<name>` (`ssm:GetParameters`).
 * ECS also takes a bare parameter name in the task's own region, but a bare name cannot be granted
 * precisely, so the components ask for the ARN.
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/secrets-envvar-secrets-manager.html
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/secrets-envvar-ssm-paramstore.html
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html#task-execution-secrets
 */
export interface SecretSource {
    readonly service: "secretsmanager" | "ssm";
    /** The ARN to grant read access to. */
    readonly grantArn: string;
}

/** What a `valueFrom` ARN points at; undefined when it is neither a valid secret nor a parameter ARN. */
export function secretSourceOf(valueFrom: unknown): SecretSource | undefined {
    const arn = typeof valueFrom === "string" ? parseArn(valueFrom) : undefined;
    if (arn?.service === "secretsmanager" && checkSecretArn(valueFrom, "").length === 0) {
        // secret:<name>[:json-key:version-stage:version-id] → the secret without the value selector.
        const [, name] = arn.resource.split(":");
        return { service: "secretsmanager", grantArn: `arn:${arn.partition}:secretsmanager:${arn.region}:${arn.accountId}:secret:${name}` };
    }
    if (arn?.service === "ssm" && checkSsmParameterArn(valueFrom, "").length === 0) {
        return { service: "ssm", grantArn: valueFrom as string };
    }
    return undefined;
}

/**
 * Checks a container's secrets: each is an object with a variable name (given once) and, where
 * known, a Secrets Manager secret or SSM parameter ARN, and optionally a KMS key ARN. Values that
 * are not strings yet (Outputs) are left to the caller to check once known.
 */
export function checkContainerSecrets(secrets: unknown, path: string): Finding[] {
    const rule = "ecs-container-secret";
    if (!Array.isArray(secrets)) {
        return secrets === undefined ? [] : [{ rule, path, message: `${describeValue(secrets)} is not a list of secrets.`, fix: "Pass a list of { name, valueFrom }." }];
    }
    const findings: Finding[] = [];
    const names = new Set<string>();
    secrets.forEach((secret: unknown, i) => {
        const secretPath = itemPath(path, i);
        if (!isRecord(secret)) {
            findings.push({ rule, path: secretPath, message: `${describeValue(secret)} is not a secret.`, fix: "Give each secret as { name, valueFrom }." });
            return;
        }
        const name = secret.name;
        if (typeof name !== "string" || name === "" || name.includes("=")) {
            findings.push({ rule, path: keyPath(secretPath, "name"), message: `${describeValue(name)} is not an environment variable name.`, fix: 'Use a name such as "DB_PASSWORD".' });
        } else if (names.has(name)) {
            findings.push({ rule, path: keyPath(secretPath, "name"), message: `${name} is given twice.`, fix: "Give each secret its own variable name." });
        } else {
            names.add(name);
        }
        const valueFrom = secret.valueFrom;
        if (valueFrom === undefined || valueFrom === null || typeof valueFrom === "number" || typeof valueFrom === "boolean") {
            findings.push({ rule, path: keyPath(secretPath, "valueFrom"), message: `${describeValue(valueFrom)} is not where a secret comes from.`, fix: "Pass the secret's or parameter's ARN." });
        } else if (typeof valueFrom === "string") {
            const service = parseArn(valueFrom)?.service;
            findings.push(...(service === "secretsmanager"
                ? checkSecretArn(valueFrom, keyPath(secretPath, "valueFrom"))
                : service === "ssm"
                    ? checkSsmParameterArn(valueFrom, keyPath(secretPath, "valueFrom"))
                    : [{
                        rule,
                        path: keyPath(secretPath, "valueFrom"),
                        message: `${describeValue(valueFrom)} is neither a Secrets Manager secret ARN nor an SSM parameter ARN, so read access cannot be granted to exactly it.`,
                        fix: "Pass the full ARN (arn:aws:secretsmanager:…:secret:NAME-AbCdEf or arn:aws:ssm:…:parameter/NAME).",
                    }]));
        }
        if (typeof secret.kmsKeyArn === "string") {
            findings.push(...checkKmsKeyArn(secret.kmsKeyArn, keyPath(secretPath, "kmsKeyArn")));
        }
    });
    return findings;
}

/** The names of a container's secrets that are also plain variables of it: ECS refuses the task definition. */
export function checkSecretNamesFree(environment: unknown, secrets: unknown, path: string): Finding[] {
    const own = new Set(entriesOf(environment).map(([key]) => key));
    return (Array.isArray(secrets) ? secrets : []).filter((s: unknown) => isRecord(s) && typeof s.name === "string" && own.has(s.name)).map((s: { name: string }) => ({
        rule: "ecs-container-secret",
        path,
        message: `${s.name} is both a plain environment variable and a secret of the container.`,
        fix: "Keep one of them.",
    }));
}
