// Names for the server's API types. Every shape comes from the generated OpenAPI types
// (api-schema.gen.ts); nothing here is hand-copied from the server.
import type { components, paths } from './api-schema.gen';

type S = components['schemas'];

export type Problem = S['Problem'];
export type User = S['User'];
export type Me = S['Me'];
export type AuthResponse = S['AuthResponse'];
export type Workspace = S['Workspace'];
export type Project = S['Project'];
export type ProjectInput = S['ProjectInput'];
export type ProjectStatus = Project['status'];
export type Role = Project['role'];
export type ChatMessage = S['ChatMessage'];
export type ChatExchange = S['ChatExchange'];
export type Job = S['Job'];
export type JobStatus = Job['status'];
export type TestRun = S['TestRun'];
export type TestResult = NonNullable<TestRun['results']>[number];
export type DocEntry = S['DocEntry'];
export type DocSection = S['DocSection'];
export type DocHit = S['DocHit'];
export type SpecVersion = S['SpecVersion'];
export type AppSpec = S['AppSpec'];
export type Commit = S['Commit'];
export type CommitDiff = S['CommitDiff'];
export type FileDiff = NonNullable<CommitDiff['files']>[number];
export type AppSpecEntity = S['AppSpec_entity'];
export type AppSpecField = S['AppSpec_field'];

type JsonBody<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type FileEntry = NonNullable<
  JsonBody<paths['/api/projects/{pid}/files']['get']['responses'][200]>['data']
>[number];
export type PostMessageBody = JsonBody<NonNullable<paths['/api/projects/{pid}/messages']['post']['requestBody']>>;
export type JobAccepted = JsonBody<paths['/api/generate']['post']['responses'][202]>;
export type ExportFormat = NonNullable<
  NonNullable<paths['/api/export']['get']['parameters']['query']>['format']
>;

/** A question the assistant asks (ChatMessage.payload.questions[]). */
export interface ClarifyingQuestion {
  id: string;
  text: string;
  options?: string[];
  default?: string;
}

/** An event of the /api/chat WebSocket: {"type","topic","seq","data"}. */
export interface ServerEvent {
  type: string;
  topic?: string;
  seq?: number;
  data?: Record<string, unknown>;
}
