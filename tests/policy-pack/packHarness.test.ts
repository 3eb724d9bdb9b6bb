import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as aws from "@pulumi/aws";
import { UNKNOWN_SENTINEL } from "../../engine/wireProperties";
import { apiOnlyInstance, cloudMapService, privateNamespace } from "./fixtures";
import { asPreview, fixture, OPTIONAL_COMPUTED } from "./packHarness";

const AWS_DIR = path.dirname(require.resolve("@pulumi/aws/package.json"));

describe("policy pack tests: the preview model (asPreview)", () => {
    it("makes what the provider computes unknown: ids, ARNs, hosted zones and the service's unset type and namespaceId", async () => {
        const preview = asPreview(await fixture(() => {
            const namespace = privateNamespace();
            new aws.servicediscovery.Service("srv", { name: "srv", dnsConfig: { namespaceId: namespace.id, dnsRecords: [{ type: "SRV", ttl: 10 }] } });
        }));
        const namespace = preview.find((r) => r.type === "aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace")!;
        const service = preview.find((r) => r.type === "aws:servicediscovery/service:Service")!;
        assert.deepStrictEqual([namespace.outputs.id, namespace.outputs.arn, namespace.outputs.hostedZone], Array(3).fill(UNKNOWN_SENTINEL));
        assert.strictEqual(namespace.outputs.name, "quickship.local");
        assert.deepStrictEqual(service.outputs, {
            name: "srv",
            dnsConfig: { namespaceId: UNKNOWN_SENTINEL, dnsRecords: [{ type: "SRV", ttl: 10 }] },
            id: UNKNOWN_SENTINEL, arn: UNKNOWN_SENTINEL, type: UNKNOWN_SENTINEL, namespaceId: UNKNOWN_SENTINEL,
        });
        assert.deepStrictEqual(service.inputs.dnsConfig, service.outputs.dnsConfig);
    });

    it("keeps what the program set known, and makes values built from unknown ones unknown downstream", async () => {
        const preview = asPreview(await fixture(() => {
            const instance = apiOnlyInstance({ tablename: "UserAuth" });
            cloudMapService(privateNamespace().id, { description: instance.serviceId.apply((id) => `registers into ${id}`) });
        }));
        const byName = new Map(preview.map((r) => [r.name, r]));
        assert.strictEqual(byName.get("user-auth-db")?.outputs.type, "HTTP");
        assert.strictEqual(byName.get("user-auth-table")?.outputs.serviceId, UNKNOWN_SENTINEL);
        assert.strictEqual(byName.get("inventory-manager")?.inputs.description, UNKNOWN_SENTINEL);
    });

    it("lists only outputs @pulumi/aws declares optional and computed", () => {
        for (const [type, keys] of Object.entries(OPTIONAL_COMPUTED)) {
            const [, module] = type.split(":");
            const declarations = fs.readFileSync(path.join(AWS_DIR, `${module}.d.ts`), "utf8");
            for (const key of keys) {
                assert.match(declarations, new RegExp(`\\n    readonly ${key}: pulumi\\.Output<(?![^\\n]*\\| undefined>)`), `${type} output ${key} is always set`);
                assert.match(declarations, new RegExp(`\\n    ${key}\\?: pulumi\\.Input<`), `${type} argument ${key} is optional`);
            }
        }
    });
});
