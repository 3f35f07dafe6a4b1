export { SystemDiagramTab } from "./components/SystemDiagramTab";
