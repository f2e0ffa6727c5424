// The parts of Huawei's official OBS SDK (a devDependency, used only as a test oracle) that the
// tests call. The package ships no type declarations.
declare module 'esdk-obs-nodejs' {
  interface CommonMsg {
    Status: number;
    Code: string;
    Message: string;
    RequestId?: string;
  }
  interface ObsResult {
    CommonMsg: CommonMsg;
    InterfaceResult: { UploadId?: string; ETag?: string; Content?: unknown; ContentLength?: string } | null;
  }
  type Params = Record<string, unknown>;
  class ObsClient {
    constructor(options: Params);
    createSignedUrlSync(params: {
      Method: string;
      Bucket: string;
      Key: string;
      Expires?: number;
      Headers?: Record<string, string>;
    }): { SignedUrl: string; ActualSignedRequestHeaders: Record<string, string> };
    putObject(params: Params): Promise<ObsResult>;
    getObject(params: Params): Promise<ObsResult>;
    getObjectMetadata(params: Params): Promise<ObsResult>;
    initiateMultipartUpload(params: Params): Promise<ObsResult>;
    uploadPart(params: Params): Promise<ObsResult>;
    completeMultipartUpload(params: Params): Promise<ObsResult>;
    abortMultipartUpload(params: Params): Promise<ObsResult>;
    close(): void;
  }
  export default ObsClient;
}
