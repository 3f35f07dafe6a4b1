export { ServicesTab } from "./components/ServicesTab";
