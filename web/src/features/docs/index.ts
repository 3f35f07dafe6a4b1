export { DocsTab } from "./components/DocsTab";
