import { at, Finding } from "./finding";

/**
 * Where a container secret comes from, and the ARN its task execution role must be allowed to read.
 * - Secrets Manager: `arn:<partition>:secretsmanager:<region>:<account>:secret:<name>` (AWS appends
 *   `-` and six random characters to the name), optionally followed by `:<json-key>:<version-stage>:<version-id>`
 *   to inject one key or version; the grant is on the secret itself (`secretsmanager:GetSecretValue`).
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

const SECRETS_MANAGER = /^(arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[A-Za-z0-9/_+=.@-]+)(:[^:]*:[^:]*:[^:]*)?$/;
const SSM_PARAMETER = /^arn:aws[a-z-]*:ssm:[a-z0-9-]+:\d{12}:parameter\/[A-Za-z0-9_.\-/]+$/;
// KMS key or alias ARN: https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#key-id-key-ARN
const KMS_KEY = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:(key\/[A-Za-z0-9-]+|alias\/[A-Za-z0-9/_-]+)$/;

/** What a `valueFrom` ARN points at; undefined when it is neither a secret nor a parameter ARN. */
export function secretSourceOf(valueFrom: string): SecretSource | undefined {
    const secret = SECRETS_MANAGER.exec(valueFrom);
    if (secret !== null) {
        return { service: "secretsmanager", grantArn: secret[1] };
    }
    return SSM_PARAMETER.test(valueFrom) ? { service: "ssm", grantArn: valueFrom } : undefined;
}

/** One container secret as the components take it; `valueFrom` and `kmsKeyArn` are checked when they are known strings. */
export interface ContainerSecretShape {
    readonly name?: unknown;
    readonly valueFrom?: unknown;
    readonly kmsKeyArn?: unknown;
}

/** Checks a container's secrets: names present and unique, sources that are secret or parameter ARNs. */
export function checkContainerSecrets(secrets: readonly ContainerSecretShape[], path: string): Finding[] {
    const rule = "ecs-container-secret";
    const findings: Finding[] = [];
    const names = new Set<string>();
    secrets.forEach((secret, i) => {
        const itemPath = at(path, `[${i}]`);
        if (typeof secret.name !== "string" || secret.name === "" || secret.name.includes("=")) {
            findings.push({ rule, path: at(itemPath, "name"), message: `${JSON.stringify(secret.name)} is not an environment variable name.`, fix: 'Use a name such as "DB_PASSWORD".' });
        } else if (names.has(secret.name)) {
            findings.push({ rule, path: at(itemPath, "name"), message: `${secret.name} is given twice.`, fix: "Give each secret its own variable name." });
        } else {
            names.add(secret.name);
        }
        if (typeof secret.valueFrom === "string" && secretSourceOf(secret.valueFrom) === undefined) {
            findings.push({
                rule,
                path: at(itemPath, "valueFrom"),
                message: `${JSON.stringify(secret.valueFrom)} is neither a Secrets Manager secret ARN nor an SSM parameter ARN, so read access cannot be granted to exactly it.`,
                fix: "Pass the full ARN (arn:aws:secretsmanager:…:secret:NAME-AbCdEf or arn:aws:ssm:…:parameter/NAME).",
            });
        } else if (secret.valueFrom !== undefined && typeof secret.valueFrom !== "string" && typeof secret.valueFrom !== "object") {
            findings.push({ rule, path: at(itemPath, "valueFrom"), message: `${JSON.stringify(secret.valueFrom)} is not an ARN.`, fix: "Pass the secret's or parameter's ARN." });
        }
        if (typeof secret.kmsKeyArn === "string" && !KMS_KEY.test(secret.kmsKeyArn)) {
            findings.push({ rule, path: at(itemPath, "kmsKeyArn"), message: `${JSON.stringify(secret.kmsKeyArn)} is not a KMS key ARN.`, fix: "Pass the ARN of the customer managed key that encrypts the secret." });
        }
    });
    return findings;
}
