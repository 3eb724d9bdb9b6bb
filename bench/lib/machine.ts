import * as os from "os";

export interface Machine {
    readonly cores: number;
    readonly cpuModel: string;
    readonly memoryGb: number;
    readonly node: string;
    readonly platform: string;
    /** 1-minute load average when the bench started: other work skews every figure. */
    readonly loadAverage: number;
}

export function machine(): Machine {
    const cpus = os.cpus();
    return {
        cores: cpus.length,
        cpuModel: cpus[0]?.model.trim() ?? "unknown",
        memoryGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
        node: process.version,
        platform: `${os.platform()} ${os.release()} ${os.arch()}`,
        loadAverage: Math.round(os.loadavg()[0] * 100) / 100,
    };
}
