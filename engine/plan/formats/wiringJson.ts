import { ConnectedWorkload, EnvironmentVariable, Flow, FlowEnd, GrantStatement, RolePolicyGrant, Wiring } from "../wiring";

/**
 * The wiring keys of the `--json` document. Fields that do not apply are null rather than
 * missing, as elsewhere in the document; secret values never appear (`source`/`disclosure`
 * say why a value is null).
 */
export interface WiringDocument {
    readonly connectivity: {
        readonly workloads: {
            name: string; urn: string; type: string; discoveredAs: string | null;
            securityGroups: string[]; externalSecurityGroups: string[];
            role: string | null;
            mayResolve: { namespace: string; service: string; scopedBy: string[]; serviceUrn: string | null; policy: string }[];
            resolveUndetermined: string[];
            environment: ({ container: string } & VariableDocument)[];
        }[];
        readonly flows: { from: EndDocument; to: EndDocument; protocol: string; fromPort: number | null; toPort: number | null; ports: string; rules: string[] }[];
    };
    readonly grants: {
        role: string; urn: string; assumedBy: string[];
        policies: {
            kind: string; name: string; arn: string | null; declaredBy: string; document: string; documentation: string | null;
            statements: StatementDocument[];
        }[];
    }[];
    readonly environment: {
        containers: { taskDefinition: string; family: string; container: string; variables: VariableDocument[]; environmentFiles: string[] }[];
        hidden: { taskDefinition: string; family: string; reason: string }[];
    };
    readonly outputs: { name: string; disclosure: string; value: unknown; partlyUnknown: boolean }[];
}

interface EndDocument { kind: string; name: string; urn: string | null }
interface VariableDocument { name: string; source: string; value: string | null; valueFrom: string | null }
interface StatementDocument {
    sid: string | null; effect: string; actions: string[]; notActions: string[] | null; resources: string[]; notResources: string[] | null;
    conditions: { operator: string; key: string; values: string[] }[];
}

export function wiringDocument(wiring: Wiring): WiringDocument {
    return {
        connectivity: {
            workloads: wiring.connectivity.workloads.map(workloadDocument),
            flows: wiring.connectivity.flows.map(flowDocument),
        },
        grants: wiring.grants.map((role) => ({
            role: role.role, urn: role.urn, assumedBy: [...role.assumedBy],
            policies: role.policies.map(policyDocument),
        })),
        environment: {
            containers: wiring.environment.containers.map((c) => ({
                taskDefinition: c.taskDefinition, family: c.family, container: c.container,
                variables: c.variables.map(variableDocument), environmentFiles: [...c.environmentFiles],
            })),
            hidden: wiring.environment.hidden.map(({ taskDefinition, family, reason }) => ({ taskDefinition, family, reason })),
        },
        outputs: wiring.outputs.map((o) => ({ name: o.name, disclosure: o.disclosure, value: o.value ?? null, partlyUnknown: o.partlyUnknown })),
    };
}

function endDocument(end: FlowEnd): EndDocument {
    return { kind: end.kind, name: end.name, urn: end.urn ?? null };
}

function flowDocument(flow: Flow): WiringDocument["connectivity"]["flows"][number] {
    return {
        from: endDocument(flow.from), to: endDocument(flow.to),
        protocol: flow.traffic.protocol, fromPort: flow.traffic.from ?? null, toPort: flow.traffic.to ?? null,
        ports: flow.ports, rules: [...flow.rules],
    };
}

function variableDocument(v: EnvironmentVariable): VariableDocument {
    return { name: v.name, source: v.source, value: v.value ?? null, valueFrom: v.valueFrom ?? null };
}

function workloadDocument(w: ConnectedWorkload): WiringDocument["connectivity"]["workloads"][number] {
    return {
        name: w.name, urn: w.urn, type: w.type, discoveredAs: w.discoveredAs ?? null,
        securityGroups: [...w.securityGroups], externalSecurityGroups: [...w.externalSecurityGroups],
        role: w.role ?? null,
        mayResolve: w.discovery.resolvable.map((r) => ({ namespace: r.namespace, service: r.service, scopedBy: [...r.scopedBy], serviceUrn: r.serviceUrn ?? null, policy: r.policy })),
        resolveUndetermined: [...w.discovery.undetermined],
        environment: w.environment.flatMap((c) => c.variables.map((v) => ({ container: c.container, ...variableDocument(v) }))),
    };
}

function statementDocument(s: GrantStatement): StatementDocument {
    return {
        sid: s.sid ?? null, effect: s.effect, actions: [...s.actions], notActions: s.notActions ? [...s.notActions] : null,
        resources: [...s.resources], notResources: s.notResources ? [...s.notResources] : null,
        conditions: s.conditions.map((c) => ({ operator: c.operator, key: c.key, values: [...c.values] })),
    };
}

function policyDocument(p: RolePolicyGrant): WiringDocument["grants"][number]["policies"][number] {
    return {
        kind: p.kind, name: p.name, arn: p.arn ?? null, declaredBy: p.declaredBy, document: p.document, documentation: p.documentation ?? null,
        statements: p.statements.map(statementDocument),
    };
}
