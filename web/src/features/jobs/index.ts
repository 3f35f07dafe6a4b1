export { GenerateProgress } from "./components/GenerateProgress";
export { startGenerate } from "./api/jobs";
