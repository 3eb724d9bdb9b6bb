import * as pulumi from "@pulumi/pulumi";
import { CallerEnvironment } from "./callerEnvironment";

/**
 * What this package knows about the peers it built, keyed by the object a program passes around
 * (the component, or the plain peer a composite exposes for it). Kept off the components' own
 * fields, because every field of a component is an output for other languages.
 */
interface KnownPeer {
    /** The component's Pulumi name, used to name the edges it takes part in. */
    readonly name: string;
    /** The component to parent edge resources to. */
    readonly component: pulumi.ComponentResource;
    /** Where its discovery variables are collected, for a caller whose container this package renders. */
    readonly environment?: CallerEnvironment;
}

const known = new WeakMap<object, KnownPeer>();

export function registerPeer(peer: object, entry: KnownPeer): void {
    known.set(peer, entry);
}

export function knownPeer(peer: object): KnownPeer | undefined {
    return known.get(peer);
}
