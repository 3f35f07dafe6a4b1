export { TestsTab } from "./components/TestsTab";
export { summary } from "./api/tests";
