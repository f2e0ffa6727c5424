// What every emulated service answers with. It imports nothing, so that the services (OBS, STS, the
// OIDC issuer) and the API plumbing that routes to them can share it without importing each other.
export interface ApiResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** Sent as is instead of JSON.stringify(body): OBS answers with XML or the object's bytes. */
  raw?: Buffer | string;
}
