export { ProjectsPage } from "./components/ProjectsPage";
export { STATUS_TONE } from "./components/status";
