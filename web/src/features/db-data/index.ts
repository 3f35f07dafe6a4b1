export { DbDataTab } from "./components/DbDataTab";
