export { PlanTab } from "./components/PlanTab";
