export declare const DEMO_PREFIX: string;
export declare const OTHER_PREFIX: string;
export declare function startDemoServer(options?: { port?: number }): Promise<{
  origin: string;
  url(path?: string): string;
  close(): Promise<void>;
}>;
