export { FilesTab } from "./components/FilesTab";
