import { ResourceGraph } from "../../resourceGraph";
import { TYPES } from "./resourceTypes";
import { containerDefinitionsOf } from "./containerDefinitions";
import { asArray, asRecord, Disclosure, disclosureOf } from "./values";

/**
 * One variable a container receives. `plain`: `value` is the value; `secret`: a Pulumi secret,
 * never shown; `unknown`: known after deploy; `reference`: injected by ECS from Secrets Manager
 * or SSM Parameter Store (`secrets[].valueFrom`, whose ARN is shown, never the value).
 */
export interface EnvironmentVariable {
    readonly name: string;
    readonly source: Disclosure | "reference";
    readonly value?: string;
    readonly valueFrom?: string;
}

/** The environment of one container of a task definition. */
export interface ContainerEnvironment {
    readonly taskDefinition: string;
    /** The task definition's family. */
    readonly family: string;
    readonly container: string;
    readonly variables: readonly EnvironmentVariable[];
    /** S3 ARNs of `environmentFiles`: their variables are read at task start and not known to the plan. */
    readonly environmentFiles: readonly string[];
}

/** The containers of a task definition whose `containerDefinitions` are not known until deploy, or are secret. */
export interface HiddenContainers {
    readonly taskDefinition: string;
    readonly family: string;
    readonly reason: "secret" | "unknown" | "invalid";
}

export interface Environments {
    readonly containers: readonly ContainerEnvironment[];
    readonly hidden: readonly HiddenContainers[];
}

/**
 * The environment every container of every ECS task definition receives, from its
 * `containerDefinitions` (JSON text, or a list when written as objects): `environment` names and
 * values, `secrets` by the ARN they come from, `environmentFiles`. When the container definitions
 * are a Pulumi secret as a whole, the names are shown and every value is withheld.
 */
export function environmentsOf(graph: ResourceGraph): Environments {
    const containers: ContainerEnvironment[] = [];
    const hidden: HiddenContainers[] = [];
    for (const task of graph.ofType(TYPES.taskDefinition)) {
        const family = typeof task.inputs.family === "string" ? task.inputs.family : task.name;
        const parsed = containerDefinitionsOf(task);
        if ("hidden" in parsed) {
            hidden.push({ taskDefinition: task.urn, family, reason: parsed.hidden });
            continue;
        }
        const { definitions, secret } = parsed;
        definitions.forEach((definition, i) => containers.push({
            taskDefinition: task.urn,
            family,
            container: typeof definition.name === "string" ? definition.name : `containerDefinitions[${i}]`,
            variables: [
                ...asArray(definition.environment).map(asRecord).map((v) => variable(v, secret)),
                ...asArray(definition.secrets).map(asRecord).map((s): EnvironmentVariable => ({
                    name: String(s.name),
                    source: "reference",
                    ...(typeof s.valueFrom === "string" ? { valueFrom: s.valueFrom } : {}),
                })),
            ],
            environmentFiles: asArray(definition.environmentFiles).map((f) => asRecord(f).value).filter((v): v is string => typeof v === "string"),
        }));
    }
    return { containers, hidden };
}

function variable(entry: Record<string, unknown>, secretDefinitions: boolean): EnvironmentVariable {
    const name = String(entry.name);
    const source = secretDefinitions ? "secret" : disclosureOf(entry.value);
    return source === "plain" ? { name, source, value: entry.value === undefined || entry.value === null ? "" : String(entry.value) } : { name, source };
}
