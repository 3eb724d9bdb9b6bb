// Plain JavaScript so the pack starts the way a compiled pack does, with nothing to transpile.
// One resource policy and one stack policy that accept everything, so the engine's
// Analyze and AnalyzeStack calls both reach a policy.
"use strict";
const { PolicyPack } = require("@pulumi/policy");

new PolicyPack("bench-noop", {
    policies: [
        {
            name: "noop-resource",
            description: "Accepts every resource.",
            enforcementLevel: "advisory",
            validateResource: () => undefined,
        },
        {
            name: "noop-stack",
            description: "Accepts every stack.",
            enforcementLevel: "advisory",
            validateStack: () => undefined,
        },
    ],
});
