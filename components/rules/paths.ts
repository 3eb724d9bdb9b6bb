import { at } from "./finding";

// A key that reads as a property name in JavaScript: `attributes.tablename`.
const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * The path of one entry of a map, readable whatever the key holds: `attributes.tablename`,
 * but `attributes["my key"]`, `tags["team:owner"]`, `attributes[""]`. Quoting uses JSON, so
 * control characters and quotes in a key are escaped rather than printed raw.
 */
export function keyPath(prefix: string, key: string): string {
    return PLAIN_KEY.test(key) ? at(prefix, key) : at(prefix, `[${JSON.stringify(key)}]`);
}

/** The path of one item of a list: `subnetIds[2]`. */
export function itemPath(prefix: string, index: number): string {
    return at(prefix, `[${index}]`);
}
