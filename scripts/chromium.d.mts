export declare const findChromium: () => string | null;
export declare function installChromium(say: (msg: string) => void): string | null;
export declare const CHROMIUM_ARGS: string[];
