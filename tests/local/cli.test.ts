import * as assert from "assert";
import { ChildProcess, spawn } from "child_process";
import * as dgram from "dgram";
import * as dns from "dns";
import * as net from "net";
import * as path from "path";
import type { StartupDocument } from "../../engine/local/localCloudMap";

const REPO_ROOT = path.resolve(__dirname, "..", "..");
const FIXTURES = path.join(__dirname, "fixtures");
// Any process a case starts must have ended by then, or the case fails as "left running".
const EXIT_DEADLINE_MS = 90_000;

interface Started {
    readonly child: ChildProcess;
    readonly stdout: () => string;
    readonly stderr: () => string;
    /** Resolves with the exit code once the process has ended, or rejects when it outlives EXIT_DEADLINE_MS. */
    readonly exited: Promise<number | null>;
}

/** Starts a Node process with stdout and stderr collected. */
function start(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Started {
    const child = spawn(process.execPath, [...args], { cwd: REPO_ROOT, env });
    let stdout = "";
    let stderr = "";
    child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve, reject) => {
        const timer = setTimeout(() => {
            child.kill("SIGKILL");
            reject(new Error(`${args.join(" ")} was left running:\n${stderr}`));
        }, EXIT_DEADLINE_MS);
        child.on("close", (code) => {
            clearTimeout(timer);
            resolve(code);
        });
    });
    return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

/** `npm run local -- …`, as the script runs it. */
function local(...args: string[]): Started {
    return start(["-r", "ts-node/register/transpile-only", path.join(REPO_ROOT, "engine", "local", "cli.ts"), ...args]);
}

/** Resolves with the first stdout line, or rejects with stderr when the process ends first. */
function firstLine(process: Started): Promise<string> {
    return new Promise((resolve, reject) => {
        const check = () => {
            const newline = process.stdout().indexOf("\n");
            if (newline >= 0) {
                resolve(process.stdout().slice(0, newline));
            }
        };
        process.child.stdout!.on("data", check);
        void process.exited.then((code) => reject(new Error(`exited ${code} before printing a line:\n${process.stderr()}`)), reject);
    });
}

async function eventually(what: string, condition: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await condition().catch(() => false))) {
        if (Date.now() > deadline) {
            throw new Error(`not within ${timeoutMs} ms: ${what}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
    }
}

function portIsFree(port: number): Promise<boolean> {
    const server = net.createServer();
    return new Promise((resolve) => {
        server.once("error", () => resolve(false));
        server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
    });
}

describe("local: the cloudmap-local CLI", function () {
    this.timeout(120_000);
    const inventory: Started[] = [];
    const inventoryPorts: number[] = [];
    let served: Started;
    let document: StartupDocument;
    let unknownService: Started;
    let malformed: Started;
    let apiPortTaken: Started;
    let dnsPortTaken: Started;
    const held: { close(): void }[] = [];

    // Each cloudmap-local plans the QuickShip program first; they all start side by side.
    before(async () => {
        for (let i = 0; i < 2; i++) {
            inventory.push(start([path.join(FIXTURES, "inventoryManager.js")]));
        }
        inventoryPorts.push(...(await Promise.all(inventory.map(firstLine))).map(Number));
        const tcp = net.createServer();
        const udp = dgram.createSocket("udp4");
        held.push(tcp, udp);
        const tcpPort = await new Promise<number>((resolve) => tcp.listen(0, "127.0.0.1", () => resolve((tcp.address() as net.AddressInfo).port)));
        const udpPort = await new Promise<number>((resolve) => udp.bind(0, "127.0.0.1", () => resolve(udp.address().port)));
        served = local("--health-check", ...inventoryPorts.flatMap((port) => ["--register", `inventory-manager=127.0.0.1:${port}`]));
        unknownService = local(".", "--register", "payments=127.0.0.1:8080");
        malformed = local("--register", "inventory-manager=127.0.0.1");
        apiPortTaken = local("--api-port", String(tcpPort));
        dnsPortTaken = local("--dns-port", String(udpPort));
        document = JSON.parse(await firstLine(served));
    });

    after(async () => {
        for (const process of [served, ...inventory]) {
            process?.child.kill("SIGKILL");
        }
        held.forEach((h) => h.close());
    });

    it("prints the startup document as its first stdout line, then the environment of each service's local process", async () => {
        assert.deepStrictEqual(Object.keys(document), ["dns", "api", "namespaces", "environment", "services"]);
        assert.match(document.dns, /^127\.0\.0\.1:\d+$/);
        assert.match(document.api, /^http:\/\/127\.0\.0\.1:\d+$/);
        assert.deepStrictEqual(document.namespaces, ["quickship.local"]);
        assert.deepStrictEqual(document.environment, {
            AWS_ENDPOINT_URL_SERVICEDISCOVERY: document.api,
            AWS_DISABLE_HOST_PREFIX_INJECTION: "true",
            AWS_REGION: "us-east-1",
            AWS_DEFAULT_REGION: "us-east-1",
            CLOUDMAP_LOCAL_DNS: document.dns,
        });
        const orderProcessor = document.services.find((s) => s.name === "order-processor")!;
        assert.deepStrictEqual(orderProcessor.environment, {
            // The two local inventory-managers listen on different ports, so the planned one stays.
            INVENTORY_MANAGER_PORT: "80",
            INVENTORY_MANAGER_SRV_NAME: "inventory-manager.quickship.local",
            USER_AUTH_DB_NAMESPACE: "quickship.local",
            USER_AUTH_DB_SERVICE: "user-auth-db",
            ...document.environment,
        });
        assert.match(served.stdout(), /^# order-processor\.quickship\.local: environment for its local process\nexport INVENTORY_MANAGER_PORT=80\n/m);
        assert.match(served.stdout(), new RegExp(`^export AWS_ENDPOINT_URL_SERVICEDISCOVERY=${document.api}$`, "m"));
        // stderr is another pipe: what was written to it first may arrive later.
        await eventually("the serving summary on stderr", async () =>
            /cloudmap-local: DNS on 127\.0\.0\.1:\d+ \(UDP and TCP\), Cloud Map API on http:\/\/127\.0\.0\.1:\d+; Ctrl-C stops both\./.test(served.stderr()));
    });

    it("lets an order-processor find inventory-manager through SRV and UserAuth through DiscoverInstances, with only the printed environment", async () => {
        const environment = document.services.find((s) => s.name === "order-processor")!.environment!;
        const orderProcessor = start([path.join(FIXTURES, "orderProcessor.js")], {
            PATH: process.env.PATH,
            ...environment,
            // Stand-ins for the developer's own credentials: the SDK signs, the local API accepts any signature.
            AWS_ACCESS_KEY_ID: "local",
            AWS_SECRET_ACCESS_KEY: "local",
        });
        assert.strictEqual(await orderProcessor.exited, 0, orderProcessor.stderr());
        const result = JSON.parse(orderProcessor.stdout());
        assert.strictEqual(result.inventory.service, "inventory-manager");
        assert.ok(inventoryPorts.includes(result.inventory.port), `${result.inventory.port} is not one of ${inventoryPorts}`);
        assert.deepStrictEqual(result.userAuthTable, ["UserAuth"]);
    });

    it("with --health-check, drops an inventory-manager that stopped answering from SRV answers, logging the staleness AWS would have", async () => {
        const resolver = new dns.promises.Resolver();
        resolver.setServers([document.dns]);
        const ports = async () => (await resolver.resolveSrv("inventory-manager.quickship.local")).map((r) => r.port).sort();
        assert.deepStrictEqual(await ports(), [...inventoryPorts].sort());
        inventory[0].child.kill("SIGTERM");
        assert.strictEqual(await inventory[0].exited, 0);
        await eventually("the stopped instance leaves the SRV answers", async () => JSON.stringify(await ports()) === JSON.stringify([inventoryPorts[1]]));
        const logged = new RegExp(`inventory-manager: [0-9a-f]{32} \\(127\\.0\\.0\\.1:${inventoryPorts[0]}\\) is UNHEALTHY \\(its TCP port did not answer 2 probes in a row\\); ` +
            "it leaves DNS answers .* up to 40 s \\(30 s before Cloud Map acts on the report \\+ 10 s TTL, as the plan estimates\\)");
        await eventually(`stderr says ${logged}`, async () => logged.test(served.stderr()));
    });

    it("stops on Ctrl-C (SIGINT): exits 0 and frees its ports", async () => {
        served.child.kill("SIGINT");
        assert.strictEqual(await served.exited, 0, served.stderr());
        assert.match(served.stderr(), /SIGINT: stopped DNS and the API\./);
        const apiPort = Number(new URL(document.api).port);
        const dnsPort = Number(document.dns.split(":")[1]);
        assert.deepStrictEqual(await Promise.all([portIsFree(apiPort), portIsFree(dnsPort)]), [true, true]);
    });

    it("exits 2 when --register names a service the plan does not have, listing those it has", async () => {
        assert.strictEqual(await unknownService.exited, 2);
        assert.match(unknownService.stderr(), /error: --register payments: the plan has no service named payments \(services: user-auth-db\.quickship\.local, inventory-manager\.quickship\.local, order-processor\.quickship\.local\)\./);
        assert.strictEqual(unknownService.stdout(), "");
    });

    it("exits 2 with the usage on a malformed HOST:PORT, before planning anything", async () => {
        assert.strictEqual(await malformed.exited, 2);
        assert.match(malformed.stderr(), /error: --register expects SERVICE=HOST:PORT .* got "inventory-manager=127\.0\.0\.1"\n\nUsage: npm run local/);
        assert.doesNotMatch(malformed.stderr(), /Running .* under mocks/);
    });

    it("exits 2 when the API port is in use, after closing the DNS server it had opened", async () => {
        // Exiting at all shows nothing was left listening: an open socket would keep the process alive.
        assert.strictEqual(await apiPortTaken.exited, 2);
        assert.match(apiPortTaken.stderr(), /error: Cloud Map API: TCP port \d+ on 127\.0\.0\.1 is already in use; stop what holds it, or pick another port \(0 picks any free one\)\./);
        assert.strictEqual(apiPortTaken.stdout(), "");
    });

    it("exits 2 when the DNS port is in use", async () => {
        assert.strictEqual(await dnsPortTaken.exited, 2);
        assert.match(dnsPortTaken.stderr(), /error: DNS: UDP port \d+ on 127\.0\.0\.1 is already in use/);
    });
});
