/** One thing wrong with the manifests: which object (or `-`) and what. */
export interface Problem {
  object: string;
  message: string;
}
